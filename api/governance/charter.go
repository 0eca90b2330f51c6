package governance

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// charterBody is a new version of the charter, written whole.
type charterBody struct {
	Version       int           `json:"version" doc:"The version in force this one replaces (0 for the first charter); a newer one in force answers 409." example:"0"`
	AdoptedOn     string        `json:"adopted_on" rule:"required,format=date" doc:"When it was adopted (YYYY-MM-DD)." example:"2026-01-15"`
	AdoptedByBody string        `json:"adopted_by_body_id" rule:"required,max=64" doc:"The body that adopted it (an ID)."`
	AdoptionNote  string        `json:"adoption_note" rule:"max=4000" doc:"A note on the adoption: the meeting, the decision." example:"Adopted at the founding meeting."`
	Rules         []pk.BodyRule `json:"rules" doc:"How each body decides: method, quorum (a share of eligible voters, 0 to 1) and unit (person or organisation)."`
	Areas         []pk.AreaRule `json:"areas" doc:"Decision areas, each assigned to exactly one body; budget, admission, external_statements and agreement_changes are required. An area without a method takes its body's rule."`
	pk.CharterText
}

func (b charterBody) input() pk.CharterInput {
	return pk.CharterInput{Version: b.Version, AdoptedOn: b.AdoptedOn, AdoptedByBody: b.AdoptedByBody, AdoptionNote: b.AdoptionNote,
		Rules: b.Rules, Areas: b.Areas, CharterText: b.CharterText}
}

func (h *Handlers) registerCharter(a *api.API) {
	view, edit := httpx.RoleFor(pk.ActionViewGovernance), httpx.RoleFor(pk.ActionEditGovernance)
	const path = "/partnerships/{pid}/charter"
	a.Route("GET", path, view, httpx.OpDoc{Summary: "The charter in force (404 before the first is adopted)", Tag: tag, Response: pk.Charter{}},
		func(r *http.Request) (any, error) {
			return h.Charter.Charter(r.Context(), r.PathValue("pid"))
		})
	a.Route("PUT", path, edit, httpx.OpDoc{Summary: "Record a new version of the charter, adopted on a date by a body (coordinators)", Tag: tag,
		Request: charterBody{}, Response: pk.Charter{}},
		func(r *http.Request) (any, error) {
			var b charterBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Charter.AdoptCharter(r.Context(), r.PathValue("pid"), b.input())
		})
	a.Route("GET", path+"/versions", view, httpx.OpDoc{Summary: "Every version of the charter, newest first (at most 200)", Tag: tag,
		Response: pk.Charter{}, List: true},
		func(r *http.Request) (any, error) {
			cs, cut, err := h.Charter.CharterVersions(r.Context(), r.PathValue("pid"))
			return api.List[*pk.Charter]{Items: api.NonNil(cs), ItemsCut: cut}, err
		})
	a.Route("GET", path+"/rule", view, httpx.OpDoc{Summary: "Who decides: for ?area= the body the charter names, its method, quorum and unit; for ?body= alone that body's own rule; with neither, the rule of the body that adopted the charter",
		Tag: tag, Response: pk.Rule{}, Query: []string{"body", "area"}},
		func(r *http.Request) (any, error) {
			q := r.URL.Query()
			return h.Charter.CharterRule(r.Context(), r.PathValue("pid"), q.Get("body"), q.Get("area"))
		})
}
