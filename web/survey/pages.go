// Package survey serves the survey pages: the list, the builder, the
// links, the results with their exports, and the answer page /s/{code}
// that anyone holding a link uses without an account or JavaScript.
package survey

import (
	"embed"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

// templates are this module's pages, parsed once per process.
var templates = web.NewTemplates(templateFS)

// Pages are the module's handlers; the services decide who may see what.
type Pages struct {
	*web.Web
	Surveys pk.SurveyService
	// Members offers the people of the partnership named links go to.
	Members pk.MemberService
}

// Register adds the survey pages and the navigation entry. {svid} is a
// survey ({sid} is a session), {slid} a link and {code} a link's code.
// The answers' exports are the API's (answers.csv, answers.xlsx).
func (h *Pages) Register(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewSurveys), httpx.RoleFor(pk.ActionEditSurveys)
	h.Handle(rt, "GET", "/p/{pid}/surveys", view, h.surveysPage)
	h.Handle(rt, "POST", "/p/{pid}/surveys", edit, h.surveyCreate)
	h.Handle(rt, "GET", "/p/{pid}/surveys/{svid}", view, h.surveyPage)
	h.Handle(rt, "POST", "/p/{pid}/surveys/{svid}", edit, h.surveySave)
	h.Handle(rt, "POST", "/p/{pid}/surveys/{svid}/status", edit, h.surveyStatus)
	h.Handle(rt, "GET", "/p/{pid}/surveys/{svid}/links", edit, h.linksPage)
	h.Handle(rt, "POST", "/p/{pid}/surveys/{svid}/links", edit, h.linksCreate)
	h.Handle(rt, "POST", "/p/{pid}/surveys/{svid}/links/{slid}/revoke", edit, h.linkRevoke)
	h.Handle(rt, "GET", "/p/{pid}/surveys/{svid}/results", view, h.resultsPage)
	h.Handle(rt, "GET", "/s", httpx.Public, h.codePage)
	h.Handle(rt, "GET", "/s/{code}", httpx.Public, h.answerPage)
	h.Handle(rt, "POST", "/s/{code}", httpx.Public, h.answerSave)
	h.AddNav(web.NavEntry{Order: 52, Name: "surveys", Key: "surveys.nav", Suffix: "/surveys", Action: pk.ActionViewSurveys})
}
