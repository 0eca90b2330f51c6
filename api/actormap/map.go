// Package actormap answers the API calls of maps of actors: the maps, their
// assessments, the power map, the Spectrum of Allies and the tactics
// planned to move actors.
package actormap

import (
	"net/http"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the maps' API calls.
type Handlers struct {
	Maps pk.MapService
	// Now is the clock the spectrum's history chart ends at.
	Now func() time.Time
}

// Register adds the routes of maps, assessments, the power map, the
// spectrum and tactics.
func (h *Handlers) Register(a *api.API) {
	h.registerMaps(a)
	h.registerAssessments(a)
	h.registerPowerMap(a)
	h.registerSpectrum(a)
	h.registerTactics(a)
}

// mapPath is the path of one map; the other routes hang below it.
const mapPath = "/partnerships/{pid}/maps/{mid}"

// ids reads the partnership and map IDs of a path below mapPath.
func ids(r *http.Request) (pid, mid string) { return r.PathValue("pid"), r.PathValue("mid") }

type mapBody struct {
	Title     string `json:"title" rule:"required,max=200" doc:"The map's title." example:"Clean water for the east district"`
	Objective string `json:"objective" rule:"max=4000" doc:"The change the map is drawn for." example:"The council funds a public water point by 2026."`
	Shared    bool   `json:"shared,omitempty" doc:"Whether observers see it."`
}

// mapPatchBody changes only the fields it carries.
type mapPatchBody struct {
	Title     *string `json:"title,omitempty" rule:"required,max=200" doc:"The map's title." example:"Clean water for every district"`
	Objective *string `json:"objective,omitempty" rule:"max=4000" doc:"The change the map is drawn for."`
	Shared    *bool   `json:"shared,omitempty" doc:"Whether observers see it."`
	Version   int     `json:"version" doc:"The version the change is based on (or send If-Match)." example:"1"`
}

func (h *Handlers) registerMaps(a *api.API) {
	const tag = "maps"
	a.Route("GET", "/partnerships/{pid}/maps", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "Maps of actors (observers: shared maps only)", Tag: tag,
		Response: pk.Map{}, List: true},
		func(r *http.Request) (any, error) {
			ms, err := h.Maps.MapList(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.Map]{Items: api.NonNil(ms.Maps), ItemsCut: ms.Cut}, nil
		})
	a.Route("POST", "/partnerships/{pid}/maps", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Start a map for an objective or campaign", Tag: tag,
		Request: mapBody{}, Response: pk.Map{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b mapBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			m, err := h.Maps.CreateMap(r.Context(), r.PathValue("pid"), pk.MapInput{Title: b.Title, Objective: b.Objective, Shared: b.Shared})
			return api.Created{Value: m}, err
		})
	a.Route("GET", mapPath, httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "A map", Tag: tag, Response: pk.Map{}},
		func(r *http.Request) (any, error) { pid, mid := ids(r); return h.Maps.Map(r.Context(), pid, mid) })
	a.Route("PATCH", mapPath, httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Change a map; sharing it with observers needs a coordinator", Tag: tag,
		Request: mapPatchBody{}, Response: pk.Map{}},
		func(r *http.Request) (any, error) {
			var b mapPatchBody
			if err := api.DecodePatch(r, &b, &b.Version); err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			m, err := h.Maps.Map(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			in := pk.MapInput{Title: m.Title, Objective: m.Objective, Shared: m.Shared, Version: b.Version}
			if b.Title != nil {
				in.Title = *b.Title
			}
			if b.Objective != nil {
				in.Objective = *b.Objective
			}
			if b.Shared != nil {
				in.Shared = *b.Shared
			}
			return h.Maps.UpdateMap(r.Context(), pid, mid, in)
		})
	a.Route("DELETE", mapPath, httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Delete a map with its assessments and tactics (its version in If-Match or the body)", Tag: tag,
		Request: api.VersionBody{}},
		func(r *http.Request) (any, error) {
			v, err := mapDeleteVersion(r)
			if err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			return nil, h.Maps.DeleteMap(r.Context(), pid, mid, v)
		})
}

// mapDeleteVersion reads the version a deletion is based on: If-Match, or a
// JSON body {"version": n} when there is one.
func mapDeleteVersion(r *http.Request) (int, error) {
	var b api.VersionBody
	if r.ContentLength != 0 && r.Header.Get("If-Match") == "" {
		if err := api.Decode(r, &b); err != nil {
			return 0, err
		}
	}
	return api.Version(r, b.Version)
}
