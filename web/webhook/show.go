package webhook

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type showData struct {
	Hook       *pk.Webhook
	Deliveries []*pk.WebhookDelivery
	Next       string
	Events     []string
	Languages  []string
	CanManage  bool
	// NewSecret is the signing secret just made, shown this once.
	NewSecret string
}

func (h *Pages) showPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, r.PathValue("whid"), http.StatusOK, "", nil)
}

// renderShow draws a webhook's page; after a refused edit the form
// carries the typed values and the messages.
func (h *Pages) renderShow(w http.ResponseWriter, r *http.Request, whid string, status int, secret string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewWebhooks, "webhook.title", "webhooks")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	hook, err := h.Webhooks.Webhook(ctx, pid, whid)
	if err != nil {
		return err
	}
	d := &showData{Hook: hook, NewSecret: secret, Events: pk.WebhookEventKinds(), Languages: pk.Languages,
		CanManage: pk.Can(v.P.MyRole, pk.ActionManageWebhooks)}
	if d.Deliveries, d.Next, err = h.Webhooks.WebhookDeliveries(ctx, pid, whid, web.ListPage(r)); err != nil {
		return err
	}
	v.Form = &web.Form{Values: url.Values{"url": {hook.URL}, "events": hook.Events, "language": {hook.Language},
		"version": {strconv.Itoa(hook.Version)}}}
	if hook.Kind == "slack" {
		v.Form.Values.Set("url", "") // its address is a secret: typed again to change
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "webhook", v)
	return nil
}

// done answers a post on a webhook's page.
func (h *Pages) done(w http.ResponseWriter, r *http.Request, flash string, err error) error {
	if web.IsFormError(err) {
		return h.renderShow(w, r, r.PathValue("whid"), httpx.Status(err), "", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/webhooks/"+r.PathValue("whid"), flash)
	return nil
}

func (h *Pages) update(w http.ResponseWriter, r *http.Request) error {
	in := webhookForm(r)
	cur, err := h.Webhooks.Webhook(r.Context(), r.PathValue("pid"), r.PathValue("whid"))
	if err != nil {
		return err
	}
	// The edit form leaves pausing to its buttons; an address left empty
	// stays as it is.
	in.Paused = cur.Paused
	_, err = h.Webhooks.UpdateWebhook(r.Context(), r.PathValue("pid"), r.PathValue("whid"), in)
	return h.done(w, r, "flash.saved", err)
}

func (h *Pages) pause(w http.ResponseWriter, r *http.Request) error  { return h.setPaused(w, r, true) }
func (h *Pages) resume(w http.ResponseWriter, r *http.Request) error { return h.setPaused(w, r, false) }

// setPaused pauses or resumes, keeping everything else as it is.
func (h *Pages) setPaused(w http.ResponseWriter, r *http.Request, paused bool) error {
	r.ParseForm()
	pid, whid := r.PathValue("pid"), r.PathValue("whid")
	cur, err := h.Webhooks.Webhook(r.Context(), pid, whid)
	if err != nil {
		return err
	}
	_, err = h.Webhooks.UpdateWebhook(r.Context(), pid, whid, pk.WebhookInput{URL: "", Events: cur.Events, Language: cur.Language,
		Paused: paused, Version: web.Atoi(r.PostForm.Get("version"))})
	return h.done(w, r, "flash.saved", err)
}

func (h *Pages) rotate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	hook, secret, err := h.Webhooks.RotateWebhookSecret(r.Context(), r.PathValue("pid"), r.PathValue("whid"), web.Atoi(r.PostForm.Get("version")))
	if err != nil {
		return h.done(w, r, "", err)
	}
	return h.renderShow(w, r, hook.ID, http.StatusOK, secret, nil)
}

func (h *Pages) test(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Webhooks.TestWebhook(r.Context(), r.PathValue("pid"), r.PathValue("whid"))
	return h.done(w, r, "flash.webhook.test_queued", err)
}

func (h *Pages) delete(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionManageWebhooks, "webhooks", web.Confirm{Question: "webhook.delete.confirm", Button: "form.remove",
			Back: "/p/" + r.PathValue("pid") + "/webhooks/" + r.PathValue("whid")})
	}
	pid := r.PathValue("pid")
	if err := h.Webhooks.DeleteWebhook(r.Context(), pid, r.PathValue("whid"), web.Atoi(r.PostForm.Get("version"))); err != nil {
		return h.done(w, r, "", err)
	}
	web.Redirect(w, r, "/p/"+pid+"/webhooks", "flash.webhook.deleted")
	return nil
}
