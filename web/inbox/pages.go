// Package inbox serves a person's inbox: the notifications of their
// partnerships, newest first, each rendered by notify in the reader's
// language and linking to its thing; reading one (or following its link)
// marks it read.
package inbox

import (
	"embed"
	"net/http"
	"net/url"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/notify"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

var templates = web.NewTemplates(templateFS)

// Pages are the inbox's handlers.
type Pages struct {
	*web.Web
	Notifications pk.NotificationService
}

// Register adds the inbox pages.
func (h *Pages) Register(rt *httpx.Router) {
	h.Handle(rt, "GET", "/inbox", httpx.SignedIn, h.list)
	h.Handle(rt, "POST", "/inbox/{nid}/open", httpx.SignedIn, h.open)
	h.Handle(rt, "POST", "/inbox/{nid}/read", httpx.SignedIn, h.markRead)
	h.Handle(rt, "POST", "/inbox/read-all", httpx.SignedIn, h.markAllRead)
}

// entry is one notification as the page shows it.
type entry struct {
	ID          string
	Title       string
	Summary     string
	Linked      bool
	Partnership string
	At          time.Time
	Read        bool
}

type listData struct {
	Entries []entry
	Unread  bool
	// Next is the query of the next page (empty on the last).
	Next string
}

func (h *Pages) list(w http.ResponseWriter, r *http.Request) error {
	v := h.View(r, "inbox.title")
	q := r.URL.Query()
	unread := q.Get("unread") == "1"
	items, next, err := h.Notifications.Notifications(r.Context(), unread, pk.PageRequest{Cursor: q.Get("cursor")})
	if err != nil {
		return err
	}
	l := h.Bundle.Localizer(v.Lang)
	d := &listData{Unread: unread, Entries: []entry{}}
	for _, n := range items {
		txt := notify.Render(l, n.Event)
		d.Entries = append(d.Entries, entry{ID: n.ID, Title: txt.Title, Summary: txt.Summary, Linked: txt.Path != "",
			Partnership: n.Event.PartnershipName, At: n.Event.CreatedAt, Read: n.ReadAt != nil})
	}
	if next != "" {
		nq := url.Values{"cursor": {next}}
		if unread {
			nq.Set("unread", "1")
		}
		d.Next = nq.Encode()
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "inbox", v)
	return nil
}

// open marks a notification read and goes to its thing (the inbox when it
// has no page). It is a POST, the entry's title a button: reading changes
// state, which a GET (a prefetch, a crawler) must not.
func (h *Pages) open(w http.ResponseWriter, r *http.Request) error {
	n, err := h.Notifications.MarkRead(r.Context(), r.PathValue("nid"))
	if err != nil {
		return err
	}
	to := notify.Path(n.Event)
	if to == "" {
		to = "/inbox"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

func (h *Pages) markRead(w http.ResponseWriter, r *http.Request) error {
	if _, err := h.Notifications.MarkRead(r.Context(), r.PathValue("nid")); err != nil {
		return err
	}
	web.Redirect(w, r, "/inbox", "")
	return nil
}

func (h *Pages) markAllRead(w http.ResponseWriter, r *http.Request) error {
	if _, err := h.Notifications.MarkAllRead(r.Context()); err != nil {
		return err
	}
	web.Redirect(w, r, "/inbox", "flash.inbox_read")
	return nil
}
