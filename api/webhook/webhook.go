// Package webhook answers the API calls of a partnership's webhooks: the
// webhooks {whid} themselves, their delivery log and the test message.
// Coordinators only; a secret is answered once, when it is made.
package webhook

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the webhook API calls.
type Handlers struct {
	Webhooks pk.WebhookService
}

const (
	tag          = "webhooks"
	webhooksPath = "/partnerships/{pid}/webhooks"
	webhookPath  = webhooksPath + "/{whid}"
)

type webhookBody struct {
	URL         string   `json:"url" rule:"format=uri" doc:"Required on creation. JSON and Slack: the address that receives the messages; Matrix: the homeserver. https, on the public internet. In a PATCH, empty or left out keeps the address." example:"https://hooks.example.org/partnerkit"`
	Kind        string   `json:"kind" rule:"required,enum=webhook_kind,create" doc:"json (signed with X-Partnerkit-Signature), slack (Slack-compatible {\"text\"}) or matrix (a room message); fixed on creation." example:"json"`
	Events      []string `json:"events" doc:"The event kinds to send, at least one; only the kinds every role may see (the event_kind list less those meant for particular people or roles)." example:"[\"proposal.opened\",\"meeting.scheduled\"]"`
	Language    string   `json:"language" rule:"enum=language" doc:"The language of the messages (en when empty)." example:"en"`
	Secret      string   `json:"secret" rule:"min=16,max=200" doc:"JSON only: the signing secret. Left out on creation, the server makes one and answers it once; in a PATCH, a new secret replaces the old one." example:"a-long-secret-of-your-own"`
	MatrixRoom  string   `json:"matrix_room" rule:"max=255" doc:"Matrix only, required on creation: the room's ID (!abcdef:example.org)." example:""`
	MatrixToken string   `json:"matrix_token" rule:"max=500" doc:"Matrix only, required on creation: the access token of an account in the room; never answered." example:""`
	Paused      bool     `json:"paused" doc:"In a PATCH: true pauses, false resumes (what waited is sent then)."`
	Version     int      `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b webhookBody) input() pk.WebhookInput {
	return pk.WebhookInput{URL: b.URL, Kind: b.Kind, Events: b.Events, Language: b.Language, Secret: b.Secret, MatrixRoom: b.MatrixRoom,
		MatrixToken: b.MatrixToken, Paused: b.Paused, Version: b.Version}
}

// withSecret is a webhook with the secret just made, answered this once.
type withSecret struct {
	pk.Webhook
	Secret string `json:"secret,omitempty" doc:"The signing secret the server made: shown in this answer only."`
}

// Register adds the webhook routes.
func (h *Handlers) Register(a *api.API) {
	view, manage := httpx.RoleFor(pk.ActionViewWebhooks), httpx.RoleFor(pk.ActionManageWebhooks)
	a.Route("GET", webhooksPath, view, httpx.OpDoc{Summary: "The partnership's webhooks, oldest first (at most 50; coordinators)", Tag: tag,
		Response: pk.Webhook{}, List: true},
		func(r *http.Request) (any, error) {
			l, err := h.Webhooks.Webhooks(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.Webhook]{Items: api.NonNil(l.Items), ItemsCut: l.Cut}, nil
		})
	a.Route("POST", webhooksPath, manage, httpx.OpDoc{Summary: "Add a webhook (coordinators); a JSON webhook without a secret gets one, answered once",
		Tag: tag, Request: webhookBody{}, Response: withSecret{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b webhookBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			hook, secret, err := h.Webhooks.CreateWebhook(r.Context(), r.PathValue("pid"), b.input())
			if err != nil {
				return nil, err
			}
			return api.Created{Value: withSecret{Webhook: *hook, Secret: secret}}, nil
		})
	a.Route("GET", webhookPath, view, httpx.OpDoc{Summary: "A webhook (its secrets are never answered; secret_set says one is set)", Tag: tag,
		Response: pk.Webhook{}},
		func(r *http.Request) (any, error) {
			return h.Webhooks.Webhook(r.Context(), r.PathValue("pid"), r.PathValue("whid"))
		})
	a.Route("PATCH", webhookPath, manage, httpx.OpDoc{Summary: "Change a webhook (fields sent; empty secrets and address keep the stored ones; coordinators)",
		Tag: tag, Request: webhookBody{}, Response: pk.Webhook{}},
		func(r *http.Request) (any, error) {
			pid, whid := r.PathValue("pid"), r.PathValue("whid")
			cur, err := h.Webhooks.Webhook(r.Context(), pid, whid)
			if err != nil {
				return nil, err
			}
			current := webhookBody{Events: cur.Events, Language: cur.Language, Paused: cur.Paused}
			var b webhookBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Webhooks.UpdateWebhook(r.Context(), pid, whid, b.input())
		})
	a.Route("DELETE", webhookPath, manage, httpx.OpDoc{Summary: "Delete a webhook with its delivery log (coordinators; If-Match or ?version= required)",
		Tag: tag, Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := deleteVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Webhooks.DeleteWebhook(r.Context(), r.PathValue("pid"), r.PathValue("whid"), v)
		})
	a.Route("POST", webhookPath+"/secret", manage, httpx.OpDoc{Summary: "Make a new signing secret for a JSON webhook, answered once (coordinators; If-Match or ?version= required)",
		Tag: tag, Query: []string{"version"}, Response: withSecret{}},
		func(r *http.Request) (any, error) {
			v, err := deleteVersion(r)
			if err != nil {
				return nil, err
			}
			hook, secret, err := h.Webhooks.RotateWebhookSecret(r.Context(), r.PathValue("pid"), r.PathValue("whid"), v)
			if err != nil {
				return nil, err
			}
			return withSecret{Webhook: *hook, Secret: secret}, nil
		})
	a.Route("GET", webhookPath+"/deliveries", view, httpx.OpDoc{Summary: "A webhook's deliveries with their last answers, newest first (kept 30 days)",
		Tag: tag, Response: pk.WebhookDelivery{}, List: true, Query: []string{"limit", "cursor"}},
		func(r *http.Request) (any, error) {
			p, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			x, next, err := h.Webhooks.WebhookDeliveries(r.Context(), r.PathValue("pid"), r.PathValue("whid"), p)
			return api.List[*pk.WebhookDelivery]{Items: api.NonNil(x), NextCursor: next}, err
		})
	a.Route("POST", webhookPath+"/test", manage, httpx.OpDoc{Summary: "Send a test message to the webhook now; its answer appears in the deliveries (coordinators)",
		Tag: tag, Response: pk.WebhookDelivery{}, Status: 202},
		func(r *http.Request) (any, error) {
			return h.Webhooks.TestWebhook(r.Context(), r.PathValue("pid"), r.PathValue("whid"))
		})
}

// deleteVersion is the version a change is based on: ?version= or If-Match.
func deleteVersion(r *http.Request) (int, error) {
	n := 0
	if s := r.URL.Query().Get("version"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			return 0, pk.FieldInvalid("version", "validation.number", nil)
		}
	}
	return api.Version(r, n)
}
