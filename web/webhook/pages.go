// Package webhook serves the webhooks pages: a partnership's coordinators
// tell a chat room or another system of what happens (signed JSON, Slack,
// Matrix), choose the events, pause, test and read the delivery log.
package webhook

import (
	"embed"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

// templates are this module's pages, parsed once per process.
var templates = web.NewTemplates(templateFS)

// Pages are the module's handlers; the service decides who may see what.
type Pages struct {
	*web.Web
	Webhooks pk.WebhookService
}

// Register adds the webhook pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view := httpx.RoleFor(pk.ActionViewWebhooks)
	manage := httpx.RoleFor(pk.ActionManageWebhooks)
	const one = "/p/{pid}/webhooks/{whid}"
	h.Handle(rt, "GET", "/p/{pid}/webhooks", view, h.listPage)
	h.Handle(rt, "POST", "/p/{pid}/webhooks", manage, h.create)
	h.Handle(rt, "GET", one, view, h.showPage)
	h.Handle(rt, "POST", one, manage, h.update)
	h.Handle(rt, "POST", one+"/pause", manage, h.pause)
	h.Handle(rt, "POST", one+"/resume", manage, h.resume)
	h.Handle(rt, "POST", one+"/rotate", manage, h.rotate)
	h.Handle(rt, "POST", one+"/test", manage, h.test)
	h.Handle(rt, "POST", one+"/delete", manage, h.delete)
	h.AddNav(web.NavEntry{Order: 95, Name: "webhooks", Key: "webhook.nav", Suffix: "/webhooks", Action: pk.ActionViewWebhooks})
}

// webhookForm reads the form that adds or changes a webhook.
func webhookForm(r *http.Request) pk.WebhookInput {
	r.ParseForm()
	f := r.PostForm
	return pk.WebhookInput{URL: f.Get("url"), Kind: f.Get("kind"), Events: f["events"], Language: f.Get("language"),
		Secret: f.Get("secret"), MatrixRoom: f.Get("matrix_room"), MatrixToken: f.Get("matrix_token"),
		Paused: f.Get("paused") == "on", Version: web.Atoi(f.Get("version"))}
}
