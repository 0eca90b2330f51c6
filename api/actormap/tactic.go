package actormap

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type tacticBody struct {
	Actor       string `json:"actor" rule:"required" doc:"The actor the tactic is for." example:"a1b2c3d4e5f6g7h8i9j0"`
	Title       string `json:"title" rule:"required,max=200" doc:"What to do." example:"Invite the mayor to the site visit"`
	Description string `json:"description,omitempty" rule:"max=4000" doc:"How, with whom."`
	Status      string `json:"status,omitempty" rule:"enum=tactic_status" doc:"Where it stands; planned when left out."`
	Due         string `json:"due,omitempty" rule:"format=date" doc:"By when (YYYY-MM-DD)." example:"2025-06-30"`
	Owner       string `json:"owner,omitempty" doc:"The member who carries it (a user ID)."`
	Version     int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

// tacticPatchBody changes only the fields it carries.
type tacticPatchBody struct {
	Actor       *string `json:"actor,omitempty" rule:"required" doc:"The actor the tactic is for."`
	Title       *string `json:"title,omitempty" rule:"required,max=200" doc:"What to do." example:"Invite the mayor and the water board"`
	Description *string `json:"description,omitempty" rule:"max=4000" doc:"How, with whom."`
	Status      *string `json:"status,omitempty" rule:"enum=tactic_status" doc:"Where it stands." example:"in_progress"`
	Due         *string `json:"due,omitempty" rule:"format=date" doc:"By when (YYYY-MM-DD)."`
	Owner       *string `json:"owner,omitempty" doc:"The member who carries it (a user ID)."`
	Version     int     `json:"version" doc:"The version the change is based on (or send If-Match)." example:"1"`
}

func (b tacticPatchBody) apply(t *pk.Tactic) pk.TacticInput {
	in := pk.TacticInput{ActorID: t.ActorID, Title: t.Title, Description: t.Description, Status: t.Status, OwnerID: t.OwnerID, Version: b.Version}
	if t.Due != nil {
		in.Due = t.Due.Format("2006-01-02")
	}
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&in.ActorID, b.Actor)
	set(&in.Title, b.Title)
	set(&in.Description, b.Description)
	set(&in.Status, b.Status)
	set(&in.Due, b.Due)
	set(&in.OwnerID, b.Owner)
	return in
}

func (b tacticBody) input() pk.TacticInput {
	return pk.TacticInput{ActorID: b.Actor, Title: b.Title, Description: b.Description, Status: b.Status, Due: b.Due,
		OwnerID: b.Owner, Version: b.Version}
}

func (h *Handlers) registerTactics(a *api.API) {
	const tag = "maps"
	a.Route("GET", mapPath+"/tactics", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "Tactics planned to move actors one step towards us", Tag: tag,
		Response: pk.Tactic{}, List: true},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			ts, err := h.Maps.TacticList(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			return api.List[*pk.Tactic]{Items: api.NonNil(ts.Tactics), ItemsCut: ts.Cut}, nil
		})
	a.Route("POST", mapPath+"/tactics", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Plan a tactic for an actor", Tag: tag,
		Request: tacticBody{}, Response: pk.Tactic{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b tacticBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			x, err := h.Maps.CreateTactic(r.Context(), pid, mid, b.input())
			return api.Created{Value: x}, err
		})
	a.Route("PATCH", mapPath+"/tactics/{tacid}", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Change a tactic (the fields sent, with its version)", Tag: tag,
		Request: tacticPatchBody{}, Response: pk.Tactic{}},
		func(r *http.Request) (any, error) {
			var b tacticPatchBody
			if err := api.DecodePatch(r, &b, &b.Version); err != nil {
				return nil, err
			}
			pid, mid, id := r.PathValue("pid"), r.PathValue("mid"), r.PathValue("tacid")
			t, err := h.Maps.Tactic(r.Context(), pid, mid, id)
			if err != nil {
				return nil, err
			}
			return h.Maps.UpdateTactic(r.Context(), pid, mid, id, b.apply(t))
		})
	a.Route("DELETE", mapPath+"/tactics/{tacid}", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Delete a tactic (its version in If-Match or the body)", Tag: tag,
		Request: api.VersionBody{}},
		func(r *http.Request) (any, error) {
			v, err := mapDeleteVersion(r)
			if err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			return nil, h.Maps.DeleteTactic(r.Context(), pid, mid, r.PathValue("tacid"), v)
		})
}
