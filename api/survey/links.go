package survey

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type linksBody struct {
	Round   string   `json:"round" rule:"enum=survey_round" doc:"A pre/post test's round (pre or post; required there); empty for one round." example:""`
	Count   int      `json:"count" rule:"max=500" doc:"How many single-use codes to make (1 to 500), when user_ids is empty." example:"20"`
	Label   string   `json:"label" rule:"max=100" doc:"The codes' label, numbered (e.g. Workshop 1, Workshop 2)." example:"Workshop"`
	UserIDs []string `json:"user_ids" doc:"A named survey: one link per person of the partnership (user IDs), instead of codes."`
	Email   bool     `json:"email" doc:"Send each named link to its person by email."`
}

// madeLinks is the answer that makes links: the only time their codes
// are shown.
type madeLinks struct {
	Items []*pk.SurveyLink `json:"items"`
}

func (h *Handlers) registerLinks(a *api.API) {
	edit := httpx.RoleFor(pk.ActionEditSurveys)
	a.Route("GET", surveyPath+"/links", edit, httpx.OpDoc{Summary: "A survey's links, newest first (at most 2000), with how many were used; an anonymous survey's links do not say which (coordinators)", Tag: tag,
		Response: pk.SurveyLinkList{}},
		func(r *http.Request) (any, error) {
			return h.Surveys.SurveyLinks(r.Context(), r.PathValue("pid"), r.PathValue("svid"))
		})
	a.Route("POST", surveyPath+"/links", edit, httpx.OpDoc{Summary: "Make single-use links: codes, or one per person on a named survey; each code is in this answer only (answer at /s/{code}) (coordinators)", Tag: tag,
		Request: linksBody{}, Response: madeLinks{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b linksBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			made, err := h.Surveys.CreateSurveyLinks(r.Context(), r.PathValue("pid"), r.PathValue("svid"),
				pk.SurveyLinksInput{Round: b.Round, Count: b.Count, Label: b.Label, UserIDs: b.UserIDs, Email: b.Email})
			return api.Created{Value: madeLinks{Items: api.NonNil(made)}}, err
		})
	a.Route("DELETE", surveyPath+"/links/{slid}", edit, httpx.OpDoc{Summary: "Revoke a link (coordinators)", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Surveys.RevokeSurveyLink(r.Context(), r.PathValue("pid"), r.PathValue("svid"), r.PathValue("slid"))
		})
}
