package actormap

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type assessmentBody struct {
	Actor     string `json:"actor"`
	Support   *int   `json:"support"`
	Influence int    `json:"influence"`
	Interest  int    `json:"interest,omitempty"`
	Note      string `json:"note,omitempty"`
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
