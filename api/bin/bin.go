// Package bin answers the API calls of the partnership's bin: what deletes
// of actors, relationships and maps destroyed, kept 30 days for
// coordinators to restore or delete for good.
package bin

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the bin's API calls.
type Handlers struct {
	Bin pk.BinService
}

// binPath is the bin of one partnership; its items hang below it.
const binPath = "/partnerships/{pid}/bin"

// Emptied is the answer to emptying the bin.
type Emptied struct {
	// Purged is how many items were deleted for good.
	Purged int `json:"purged"`
}

// Register adds the bin's routes.
func (h *Handlers) Register(a *api.API) {
	const tag = "bin"
	view, manage := httpx.RoleFor(pk.ActionViewBin), httpx.RoleFor(pk.ActionManageBin)
	a.Route("GET", binPath, view, httpx.OpDoc{Summary: "What deletes sent to the bin, newest first (coordinators only)", Tag: tag,
		Response: pk.BinItem{}, List: true, Query: []string{"limit", "cursor"}},
		func(r *http.Request) (any, error) {
			pg, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			items, next, err := h.Bin.BinItems(r.Context(), r.PathValue("pid"), pg)
			return api.List[*pk.BinItem]{Items: api.NonNil(items), NextCursor: next}, err
		})
	a.Route("GET", binPath+"/{bid}", view, httpx.OpDoc{Summary: "One item of the bin: what was deleted, by whom, what it holds, until when it is kept", Tag: tag,
		Response: pk.BinItem{}},
		func(r *http.Request) (any, error) {
			return h.Bin.BinItem(r.Context(), r.PathValue("pid"), r.PathValue("bid"))
		})
	a.Route("POST", binPath+"/{bid}/restore", manage, httpx.OpDoc{Summary: "Put every record of an item back as it was, IDs kept (409 when a record it needs is gone)", Tag: tag,
		Response: pk.BinItem{}},
		func(r *http.Request) (any, error) {
			return h.Bin.RestoreBinItem(r.Context(), r.PathValue("pid"), r.PathValue("bid"))
		})
	a.Route("DELETE", binPath+"/{bid}", manage, httpx.OpDoc{Summary: "Delete an item of the bin for good", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Bin.PurgeBinItem(r.Context(), r.PathValue("pid"), r.PathValue("bid"))
		})
	a.Route("DELETE", binPath, manage, httpx.OpDoc{Summary: "Empty the bin: delete every item for good", Tag: tag, Response: Emptied{}},
		func(r *http.Request) (any, error) {
			n, err := h.Bin.EmptyBin(r.Context(), r.PathValue("pid"))
			return Emptied{Purged: n}, err
		})
}
