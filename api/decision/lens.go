package decision

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type lensItem struct {
	Key    string  `json:"key" rule:"max=40" doc:"The lens's key: one of the set's, or a default lens (urgency, building_block, relationships, feasibility, impact, resources); empty adds a lens." example:"urgency"`
	Name   string  `json:"name" rule:"max=100" doc:"The lens's name; empty keeps a default lens's own wording (required for a lens of your own)." example:""`
	Weight float64 `json:"weight" doc:"What its scores count for, 0 to 10 (0 shows it without letting it count)." example:"1"`
}

type lensSetBody struct {
	Version int        `json:"version" doc:"The set's version you saw (0 while the defaults stand); a newer one answers 409." example:"0"`
	Lenses  []lensItem `json:"lenses" doc:"The whole set, in order: 1 to 12 lenses. A lens left out is dropped."`
}

func (h *Handlers) registerLenses(a *api.API) {
	const path = "/partnerships/{pid}/lenses"
	a.Route("GET", path, httpx.RoleFor(pk.ActionViewDecisions), httpx.OpDoc{
		Summary: "The partnership's strategic lenses (the Six Strategic Lenses until edited)", Tag: tag, Response: pk.LensSet{}},
		func(r *http.Request) (any, error) {
			return h.Decisions.Lenses(r.Context(), r.PathValue("pid"))
		})
	a.Route("PUT", path, httpx.RoleFor(pk.ActionEditLenses), httpx.OpDoc{
		Summary: "Rename, weight, add or drop lenses (coordinators); proposals already brought keep theirs", Tag: tag,
		Request: lensSetBody{}, Response: pk.LensSet{}},
		func(r *http.Request) (any, error) {
			var b lensSetBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			in := pk.LensSetInput{Version: b.Version}
			for _, l := range b.Lenses {
				in.Lenses = append(in.Lenses, pk.LensInput{Key: l.Key, Name: l.Name, Weight: l.Weight})
			}
			return h.Decisions.SetLenses(r.Context(), r.PathValue("pid"), in)
		})
}
