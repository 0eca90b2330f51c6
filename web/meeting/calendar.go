package meeting

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	rules "github.com/partnerkit/partnerkit/meeting"
	"github.com/partnerkit/partnerkit/web"
)

// writeCalendar sends an iCalendar file; the file is private to the asker.
func writeCalendar(w http.ResponseWriter, r *http.Request, body []byte, filename string) {
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+filename+`"`)
	w.Header().Set("Cache-Control", httpx.RevalidatePrivate)
	httpx.ServeBody(w, r, http.StatusOK, body)
}

// feed serves a person's calendar subscription. The secret in the address
// is the only key: no session is needed, an unknown or revoked one is not
// found. Links point to the meeting pages, where signing in is asked.
func (h *Pages) feed(w http.ResponseWriter, r *http.Request) error {
	ms, err := h.Calendars.FeedMeetings(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	l := h.Bundle.Localizer(web.Language(r))
	base := origin(r)
	events := make([]rules.Event, 0, len(ms))
	for _, cm := range ms {
		events = append(events, rules.Event{Meeting: cm.Meeting, PartnershipName: cm.PartnershipName, Agenda: cm.Agenda,
			URL: base + "/p/" + cm.PartnershipID + "/meetings/" + cm.Meeting.ID})
	}
	writeCalendar(w, r, rules.Calendar(l.T("meeting.feed.name"), events, l.T), "meetings.ics")
	return nil
}

type calendarData struct {
	Feed *pk.CalendarFeed
	// URL is the new address, shown once after renewing.
	URL string
}

func (h *Pages) calendar(w http.ResponseWriter, r *http.Request) error {
	return h.renderCalendar(w, r, "")
}

func (h *Pages) renderCalendar(w http.ResponseWriter, r *http.Request, url string) error {
	f, err := h.Calendars.CalendarFeed(r.Context())
	if err != nil {
		return err
	}
	v := h.View(r, "meeting.feed.title")
	v.Data = &calendarData{Feed: f, URL: url}
	h.Render(w, r, http.StatusOK, templates, "calendar", v)
	return nil
}

// FeedPath is the feed's address for a secret.
func FeedPath(secret string) string { return "/calendar/" + secret + "/meetings.ics" }

func (h *Pages) calendarRenew(w http.ResponseWriter, r *http.Request) error {
	f, err := h.Calendars.RenewCalendarFeed(r.Context())
	if err != nil {
		return err
	}
	return h.renderCalendar(w, r, origin(r)+FeedPath(f.Secret))
}

func (h *Pages) calendarRevoke(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.Ask(w, r, nil, web.Confirm{Question: "meeting.feed.revoke_confirm", Effect: "confirm.effect.final",
			Button: "meeting.feed.revoke", Back: "/account/calendar"})
	}
	if err := h.Calendars.RevokeCalendarFeed(r.Context()); err != nil {
		return err
	}
	web.Redirect(w, r, "/account/calendar", "flash.saved")
	return nil
}

type mineData struct {
	Items    []*pk.ActionItem
	Cut      bool
	Statuses []string
}

// mine lists the signed-in person's action items across partnerships.
func (h *Pages) mine(w http.ResponseWriter, r *http.Request) error {
	items, cut, err := h.Meetings.MyActionItems(r.Context())
	if err != nil {
		return err
	}
	v := h.View(r, "meeting.mine.title")
	v.Data = &mineData{Items: items, Cut: cut, Statuses: pk.ActionStatuses}
	h.Render(w, r, http.StatusOK, templates, "mine", v)
	return nil
}
