// Package meeting serves the meeting pages: the list of a partnership's
// meetings with the form that schedules one, a meeting with its agenda,
// attendance and quorum, minutes and action items, its .ics file, a
// person's action items across partnerships, their private calendar
// feed, and the feed itself.
package meeting

import (
	"embed"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

// templates are this module's pages, parsed once per process.
var templates = web.NewTemplates(templateFS)

// Pages are the module's handlers; the services decide who may see what.
type Pages struct {
	*web.Web
	Meetings  pk.MeetingService
	Calendars pk.CalendarService
	// Bodies offers the bodies a meeting may belong to.
	Bodies pk.BodyService
	// Members offers the presenters, the people responsible and the
	// organisations of action items.
	Members pk.MemberService
	// Now is the clock (the store's), for what is upcoming and past.
	Now func() time.Time
}

// Register adds the meeting pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewMeetings), httpx.RoleFor(pk.ActionEditMeetings)
	minutes, del := httpx.RoleFor(pk.ActionRecordMinutes), httpx.RoleFor(pk.ActionDeleteMeetings)
	const one = "/p/{pid}/meetings/{mtid}"
	h.Handle(rt, "GET", "/p/{pid}/meetings", view, h.list)
	h.Handle(rt, "POST", "/p/{pid}/meetings", edit, h.create)
	h.Handle(rt, "GET", one, view, h.show)
	h.Handle(rt, "GET", one+"/edit", edit, h.edit)
	h.Handle(rt, "POST", one, edit, h.update)
	h.Handle(rt, "POST", one+"/delete", del, h.delete)
	h.Handle(rt, "POST", one+"/series", edit, h.series)
	h.Handle(rt, "POST", one+"/agenda", edit, h.agendaAdd)
	h.Handle(rt, "POST", one+"/agenda/{aiid}", edit, h.agendaUpdate)
	h.Handle(rt, "POST", one+"/agenda/{aiid}/delete", edit, h.agendaDelete)
	h.Handle(rt, "POST", one+"/circulate", edit, h.circulate)
	h.Handle(rt, "POST", one+"/attendance", edit, h.attendance)
	h.Handle(rt, "POST", one+"/minutes", minutes, h.minutes)
	h.Handle(rt, "POST", one+"/minutes/approve", minutes, h.approve)
	h.Handle(rt, "POST", one+"/action-items", edit, h.actionAdd)
	h.Handle(rt, "POST", one+"/action-items/{acid}", edit, h.actionUpdate)
	h.Handle(rt, "GET", "/action-items", httpx.SignedIn, h.mine)
	h.Handle(rt, "GET", "/account/calendar", httpx.SignedIn, h.calendar)
	h.Handle(rt, "POST", "/account/calendar", httpx.SignedIn, h.calendarRenew)
	h.Handle(rt, "POST", "/account/calendar/revoke", httpx.SignedIn, h.calendarRevoke)
	h.Handle(rt, "GET", "/calendar/{token}/meetings.ics", httpx.Public, h.feed)
	h.AddNav(web.NavEntry{Order: 47, Name: "meetings", Key: "meeting.nav", Suffix: "/meetings", Action: pk.ActionViewMeetings})
}
