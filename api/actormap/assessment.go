package actormap

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type assessmentBody struct {
	Actor     string `json:"actor" rule:"required" doc:"The actor placed on the map." example:"a1b2c3d4e5f6g7h8i9j0"`
	Support   *int   `json:"support" rule:"min=-2,max=2" doc:"From -2 (active opposition) to 2 (active ally)." example:"1"`
	Influence int    `json:"influence" rule:"min=1,max=5" doc:"How much the actor can change the outcome, 1 to 5." example:"4"`
	Interest  int    `json:"interest,omitempty" rule:"min=0,max=5" doc:"How much the actor cares, 1 to 5; 0 or left out: not judged."`
	Note      string `json:"note,omitempty" rule:"max=4000" doc:"Why this judgement."`
}

func (h *Handlers) registerAssessments(a *api.API) {
	const tag = "maps"
	a.Route("GET", mapPath+"/assessments", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "Assessments, newest first (history; ?actor= for one actor)", Tag: tag,
		Response: pk.Assessment{}, List: true, Query: []string{"actor", "limit", "cursor"}},
		func(r *http.Request) (any, error) {
			p, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			as, next, err := h.Maps.Assessments(r.Context(), pid, mid, r.URL.Query().Get("actor"), p)
			return api.List[*pk.Assessment]{Items: api.NonNil(as), NextCursor: next}, err
		})
	a.Route("POST", mapPath+"/assessments", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Assess an actor (a new assessment; earlier ones stay as history)", Tag: tag,
		Request: assessmentBody{}, Response: pk.Assessment{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b assessmentBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			in := pk.AssessmentInput{ActorID: b.Actor, Influence: b.Influence, Interest: b.Interest, Note: b.Note}
			if b.Support == nil {
				in.Support = pk.MaxSupport + 1 // missing: rejected by validation, after authorisation
			} else {
				in.Support = *b.Support
			}
			pid, mid := ids(r)
			x, err := h.Maps.AddAssessment(r.Context(), pid, mid, in)
			return api.Created{Value: x}, err
		})
}
