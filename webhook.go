package partnerkit

import (
	"net/url"
	"slices"
	"strings"
	"time"
)

// The kinds of webhook: a signed JSON document, a Slack-compatible message
// (Slack, Mattermost, Rocket.Chat, Discord's /slack address), or a message
// to a Matrix room.
var WebhookKinds = []string{"json", "slack", "matrix"}

// The states of a delivery: waiting to be sent (or retried), delivered,
// failed for good after its attempts, or skipped because what it tells of
// may no longer be told (deleted, or no longer visible to every role).
var WebhookDeliveryStatuses = []string{"pending", "delivered", "failed", "skipped"}

// WebhookEventKinds are the kinds a webhook may subscribe to: those every
// role may see (a webhook posts to a room whose readers the partnership
// does not choose one by one). Events meant for particular people or roles
// are never sent, whatever the kind.
func WebhookEventKinds() []string {
	var out []string
	for _, k := range EventKinds {
		if Can(RoleObserver, EventKind(k).ViewAction()) {
			out = append(out, k)
		}
	}
	return out
}

// Why a webhook is paused: a coordinator paused it, or it failed
// WebhookPauseAfter times in a row.
const (
	WebhookPausedByCoordinator = "coordinator"
	WebhookPausedByFailures    = "failures"
)

// Webhook limits: a partnership's webhooks; consecutive failed attempts
// before the webhook pauses itself; attempts of one delivery; how long the
// delivery log is kept.
const (
	MaxWebhooks              = 50
	WebhookPauseAfter        = 10
	WebhookMaxAttempts       = 8
	WebhookDeliveryRetention = 30 * 24 * time.Hour
)

// Webhook tells a chat room or another system of what happens in the
// partnership: the events it subscribes to, as they happen. Its secrets
// (the signing secret, the Matrix token and room, a Slack address's
// secret part) are never shown again after they were set; SecretSet
// says one is.
type Webhook struct {
	ID            string `json:"id"`
	PartnershipID string `json:"partnership_id"`
	Kind          string `json:"kind"`
	// URL is the address, or for Slack its host only (the path is the
	// secret).
	URL    string   `json:"url"`
	Events []string `json:"events"`
	// Language is the language the messages are written in.
	Language  string `json:"language"`
	SecretSet bool   `json:"secret_set"`
	// Paused webhooks send nothing; PauseReason says who paused it.
	Paused              bool      `json:"paused"`
	PauseReason         string    `json:"pause_reason,omitempty"`
	ConsecutiveFailures int       `json:"consecutive_failures"`
	Version             int       `json:"version"`
	CreatedAt           time.Time `json:"created_at"`
	UpdatedAt           time.Time `json:"updated_at"`
}

// WebhookList is a partnership's webhooks, oldest first (at most
// MaxWebhooks).
type WebhookList struct {
	Items []*Webhook
	Cut   bool
}

// WebhookInput creates or changes a webhook. On a change an empty URL,
// Secret, MatrixRoom or MatrixToken keeps the stored one; an empty Secret on
// creation of a JSON webhook has the server make one.
type WebhookInput struct {
	URL         string
	Kind        string
	Events      []string
	Language    string
	Secret      string
	MatrixRoom  string
	MatrixToken string
	Paused      bool
	Version     int
}

// Validate checks a webhook's input; create says whether the Matrix room
// and token are required.
func (in *WebhookInput) Validate(create bool) error {
	var v Validator
	in.URL = strings.TrimSpace(in.URL)
	in.MatrixRoom = strings.TrimSpace(in.MatrixRoom)
	// A change without an address keeps the stored one (a Slack address
	// is a secret, never shown to be sent back).
	v.Text("url", in.URL, create, 2000)
	if !v.Has("url") && in.URL != "" {
		u, err := url.Parse(in.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
			v.Add("url", "validation.url", nil)
		}
	}
	v.OneOf("kind", in.Kind, true, WebhookKinds)
	if in.Language == "" {
		in.Language = Languages[0]
	}
	v.OneOf("language", in.Language, false, Languages)
	seen := map[string]bool{}
	events := []string{}
	for _, e := range in.Events {
		if e = strings.TrimSpace(e); e == "" || seen[e] {
			continue
		}
		if !slices.Contains(WebhookEventKinds(), e) {
			v.Add("events", "webhook.validation.unknown_event", map[string]any{"Value": e})
			break
		}
		seen[e] = true
		events = append(events, e)
	}
	in.Events = events
	if len(events) == 0 && !v.Has("events") {
		v.Add("events", "webhook.validation.no_events", nil)
	}
	if in.Secret != "" {
		v.Text("secret", in.Secret, false, 200)
		if len([]rune(in.Secret)) < 16 && !v.Has("secret") {
			v.Add("secret", "webhook.validation.secret_short", map[string]any{"Min": 16})
		}
	}
	v.Text("matrix_room", in.MatrixRoom, false, 255)
	v.Text("matrix_token", in.MatrixToken, false, 500)
	if in.Kind == "matrix" {
		if in.MatrixRoom != "" && !v.Has("matrix_room") && (!strings.HasPrefix(in.MatrixRoom, "!") || !strings.Contains(in.MatrixRoom, ":")) {
			v.Add("matrix_room", "webhook.validation.matrix_room", nil)
		}
		if create && in.MatrixRoom == "" {
			v.Add("matrix_room", "validation.required", nil)
		}
		if create && in.MatrixToken == "" {
			v.Add("matrix_token", "validation.required", nil)
		}
	}
	return v.Err()
}

// WebhookDelivery is one event sent (or being sent) to one webhook, with
// the last answer; EventID is empty for a test.
type WebhookDelivery struct {
	ID             string     `json:"id"`
	WebhookID      string     `json:"webhook_id"`
	EventID        string     `json:"event_id,omitempty"`
	EventKind      string     `json:"event_kind"`
	Status         string     `json:"status"`
	Attempts       int        `json:"attempts"`
	NextAttemptAt  *time.Time `json:"next_attempt_at,omitempty"`
	LastStatusCode int        `json:"last_status_code,omitempty"`
	LastResponse   string     `json:"last_response,omitempty"`
	LastError      string     `json:"last_error,omitempty"`
	CreatedAt      time.Time  `json:"created_at"`
	UpdatedAt      time.Time  `json:"updated_at"`
}
