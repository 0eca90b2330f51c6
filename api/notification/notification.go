// Package notification answers the API calls of the asker's inbox: their
// notifications, newest first, each with its title in the asker's
// language (rendered by notify, as the inbox page and mail are), and the
// marks of what was read.
package notification

import (
	"net/http"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/notify"
)

// Handlers answers the inbox's API calls.
type Handlers struct {
	Notifications pk.NotificationService
}

// Notification is one entry of the inbox as the API answers it.
type Notification struct {
	ID   string `json:"id"`
	Kind string `json:"kind" doc:"What happened, a stable code (see the event_kind list)."`
	// Title and Summary are in the asker's language.
	Title         string     `json:"title"`
	Summary       string     `json:"summary"`
	Path          string     `json:"path" doc:"The page of the thing, relative to the instance's address (empty when it has none)."`
	PartnershipID string     `json:"partnership_id"`
	Partnership   string     `json:"partnership_name"`
	SubjectType   string     `json:"subject_type"`
	SubjectID     string     `json:"subject_id"`
	CreatedAt     time.Time  `json:"created_at"`
	ReadAt        *time.Time `json:"read_at"`
	Version       int        `json:"version"`
}

type readBody struct {
	Read    *bool `json:"read" doc:"true marks the notification read, false unread again (left out: kept)." example:"true"`
	Version int   `json:"version" doc:"The version of the notification the change is based on (or send If-Match)." example:"1"`
}

// ReadAll is the answer to marking everything read.
type ReadAll struct {
	// Marked is how many were unread.
	Marked int `json:"marked"`
}

const base = "/me/notifications"

// Register adds the inbox's routes.
func (h *Handlers) Register(a *api.API) {
	const tag = "notifications"
	answer := func(r *http.Request, n *pk.Notification) Notification {
		l := a.Bundle.Localizer(api.Language(r))
		txt := notify.Render(l, n.Event)
		return Notification{ID: n.ID, Kind: string(n.Event.Kind), Title: txt.Title, Summary: txt.Summary, Path: txt.Path,
			PartnershipID: n.Event.PartnershipID, Partnership: n.Event.PartnershipName, SubjectType: n.Event.SubjectType,
			SubjectID: n.Event.SubjectID, CreatedAt: n.Event.CreatedAt, ReadAt: n.ReadAt, Version: n.Version}
	}
	a.Route("GET", base, httpx.SignedIn, httpx.OpDoc{Summary: "Your notifications, newest first (kept 90 days; only what you may still see)", Tag: tag,
		Response: Notification{}, List: true, Query: []string{"unread", "limit", "cursor"}},
		func(r *http.Request) (any, error) {
			pg, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			unread := false
			switch r.URL.Query().Get("unread") {
			case "", "false":
			case "true":
				unread = true
			default:
				return nil, pk.FieldInvalid("unread", "validation.one_of", map[string]any{"Allowed": "true, false"})
			}
			items, next, err := h.Notifications.Notifications(r.Context(), unread, pg)
			out := make([]Notification, 0, len(items))
			for _, n := range items {
				out = append(out, answer(r, n))
			}
			return api.List[Notification]{Items: out, NextCursor: next}, err
		})
	a.Route("PATCH", base+"/{nid}", httpx.SignedIn, httpx.OpDoc{Summary: "Mark a notification read or unread", Tag: tag,
		Request: readBody{}, Response: Notification{}},
		func(r *http.Request) (any, error) {
			var b readBody
			if err := api.DecodePatch(r, &b, &b.Version); err != nil {
				return nil, err
			}
			n, err := h.Notifications.SetRead(r.Context(), r.PathValue("nid"), b.Read, b.Version)
			if err != nil {
				return nil, err
			}
			return answer(r, n), nil
		})
	a.Route("POST", base+"/read-all", httpx.SignedIn, httpx.OpDoc{Summary: "Mark all your notifications read", Tag: tag, Response: ReadAll{}},
		func(r *http.Request) (any, error) {
			n, err := h.Notifications.MarkAllRead(r.Context())
			return ReadAll{Marked: n}, err
		})
}
