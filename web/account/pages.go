// Package account serves a person's own pages: the landing and home pages,
// signing up and in, password reset, email verification, the language
// switcher, and the account page with sessions and API tokens.
package account

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
// service interfaces only; the services decide, the pages decode and draw.
type Pages struct {
	*web.Web
	Accounts      pk.AccountService
	Members       pk.MemberService
	Organisations pk.OrganisationService
	Partnerships  pk.PartnershipService
}

// Register adds the module's pages.
func (h *Pages) Register(rt *httpx.Router) {
	h.Handle(rt, "GET", "/{$}", httpx.Public, h.home)
	h.registerAccount(rt)
	h.registerMyData(rt)
}
