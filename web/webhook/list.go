package webhook

import (
	"net/http"
	"net/url"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type listData struct {
	List      *pk.WebhookList
	Kinds     []string
	Events    []string
	Languages []string
	CanManage bool
}

func (h *Pages) listPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderList(w, r, http.StatusOK, nil)
}

func (h *Pages) renderList(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewWebhooks, "webhook.title", "webhooks")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	} else {
		v.Form = &web.Form{Values: url.Values{"kind": {"json"}, "language": {v.Lang}}}
	}
	list, err := h.Webhooks.Webhooks(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	v.Data = &listData{List: list, Kinds: pk.WebhookKinds, Events: pk.WebhookEventKinds(), Languages: pk.Languages,
		CanManage: pk.Can(v.P.MyRole, pk.ActionManageWebhooks)}
	h.Render(w, r, status, templates, "webhooks", v)
	return nil
}

// create adds a webhook and shows its page with the secret the server
// made, this once: it is not in a redirect's address, nor ever again.
func (h *Pages) create(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	hook, secret, err := h.Webhooks.CreateWebhook(r.Context(), pid, webhookForm(r))
	if web.IsFormError(err) {
		return h.renderList(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	if secret == "" {
		web.Redirect(w, r, "/p/"+pid+"/webhooks/"+hook.ID, "flash.saved")
		return nil
	}
	return h.renderShow(w, r, hook.ID, http.StatusCreated, secret, nil)
}
