// Package agreement serves the partnership agreement's pages: the list of
// agreements, one agreement with its text, comments beside each section,
// who has signed and the signing log, the editor section by section, the
// redraft of a section from what Partnerkit knows, the side-by-side diff of
// two versions, and the printable page. The Markdown and Word downloads are
// the API's (the Markdown is the exact bytes signed).
package agreement

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

// Pages are the module's handlers. They depend on the root package's
// service interface only.
type Pages struct {
	*web.Web
	Agreements pk.AgreementService
}

// Register adds the module's pages and navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view, edit, sign := httpx.RoleFor(pk.ActionViewAgreements), httpx.RoleFor(pk.ActionEditAgreements), httpx.RoleFor(pk.ActionSignAgreements)
	h.Handle(rt, "GET", "/p/{pid}/agreements", view, h.list)
	h.Handle(rt, "POST", "/p/{pid}/agreements", edit, h.create)
	h.Handle(rt, "GET", "/p/{pid}/agreements/{agid}", view, h.show)
	h.Handle(rt, "GET", "/p/{pid}/agreements/{agid}/edit", edit, h.edit)
	h.Handle(rt, "POST", "/p/{pid}/agreements/{agid}/text", edit, h.saveText)
	h.Handle(rt, "POST", "/p/{pid}/agreements/{agid}/status", edit, h.setStatus)
	h.Handle(rt, "POST", "/p/{pid}/agreements/{agid}/sign", sign, h.sign)
	h.Handle(rt, "POST", "/p/{pid}/agreements/{agid}/checklist", edit, h.saveChecklist)
	h.Handle(rt, "GET", "/p/{pid}/agreements/{agid}/versions", view, h.versions)
	h.Handle(rt, "GET", "/p/{pid}/agreements/{agid}/log", view, h.log)
	h.Handle(rt, "GET", "/p/{pid}/agreements/{agid}/print", view, h.print)
	h.Handle(rt, "GET", "/p/{pid}/agreements/{agid}/redraft", edit, h.redraftPage)
	h.Handle(rt, "POST", "/p/{pid}/agreements/{agid}/redraft", edit, h.redraft)
	comment := httpx.RoleFor(pk.ActionCommentAgreements)
	h.Handle(rt, "POST", "/p/{pid}/agreements/{agid}/comments", comment, h.comment)
	h.Handle(rt, "POST", "/p/{pid}/agreements/{agid}/comments/{cid}/delete", comment, h.deleteComment)
	h.AddNav(web.NavEntry{Order: 95, Name: "agreements", Key: "agreement.nav", Suffix: "/agreements", Action: pk.ActionViewAgreements})
}
