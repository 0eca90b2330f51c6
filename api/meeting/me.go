package meeting

import (
	"net/http"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// feedAnswer is the state of a person's calendar feed; URL is there only
// in the answer that made it (the secret is kept hashed).
type feedAnswer struct {
	Active    bool       `json:"active"`
	CreatedAt *time.Time `json:"created_at,omitempty"`
	URL       string     `json:"url,omitempty"`
}

func (h *Handlers) registerMe(a *api.API) {
	a.Route("GET", "/me/action-items", httpx.SignedIn, httpx.OpDoc{Summary: "Your action items in the partnerships you are in, open ones first by due date (at most 200)",
		Tag: tag, Response: pk.ActionItem{}, List: true},
		func(r *http.Request) (any, error) {
			items, cut, err := h.Meetings.MyActionItems(r.Context())
			return api.List[*pk.ActionItem]{Items: api.NonNil(items), ItemsCut: cut}, err
		})
	a.Route("GET", "/me/calendar", httpx.SignedIn, httpx.OpDoc{Summary: "Whether you have a private calendar feed (its address is shown only when made)",
		Tag: tag, Response: feedAnswer{}},
		func(r *http.Request) (any, error) {
			f, err := h.Calendars.CalendarFeed(r.Context())
			if err != nil {
				return nil, err
			}
			return feedAnswer{Active: f.Active, CreatedAt: f.CreatedAt}, nil
		})
	a.Route("POST", "/me/calendar", httpx.SignedIn, httpx.OpDoc{Summary: "Make a new private calendar feed address (the meetings of your bodies and the open meetings of your partnerships); the old one stops",
		Tag: tag, Response: feedAnswer{}, Status: 201},
		func(r *http.Request) (any, error) {
			f, err := h.Calendars.RenewCalendarFeed(r.Context())
			if err != nil {
				return nil, err
			}
			return api.Created{Value: feedAnswer{Active: true, CreatedAt: f.CreatedAt, URL: origin(r) + "/calendar/" + f.Secret + "/meetings.ics"}}, nil
		})
	a.Route("DELETE", "/me/calendar", httpx.SignedIn, httpx.OpDoc{Summary: "Revoke your calendar feed", Tag: tag},
		func(r *http.Request) (any, error) { return nil, h.Calendars.RevokeCalendarFeed(r.Context()) })
}
