// Package meeting answers the API calls of meetings: the meetings of a
// partnership, each one's agenda, attendance with the quorum, minutes and
// action items, its .ics file; and a person's action items and calendar
// feed. The paths name a meeting {mtid}, an agenda item {aiid} and an
// action item {acid}.
package meeting

import (
	"net/http"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	rules "github.com/partnerkit/partnerkit/meeting"
)

// Handlers answers the meeting API calls.
type Handlers struct {
	Meetings  pk.MeetingService
	Calendars pk.CalendarService
	// MeetingDecisions records the vote taken in the room and lists the
	// decisions taken at a meeting.
	MeetingDecisions pk.MeetingDecisionService
	// text writes the .ics descriptions in the asker's language (the
	// API's own translator, set by Register).
	text func(r *http.Request) func(id string, args ...any) string
}

// Register adds the meeting routes.
func (h *Handlers) Register(a *api.API) {
	h.text = a.T
	h.registerMeetings(a)
	h.registerAgenda(a)
	h.registerRecord(a)
	h.registerDecisions(a)
	h.registerMe(a)
}

const (
	tag          = "meetings"
	meetingsPath = "/partnerships/{pid}/meetings"
	meetingPath  = meetingsPath + "/{mtid}"
)

type meetingBody struct {
	BodyID   string `json:"body_id" doc:"The body that meets (an ID); empty: a meeting open to all members."`
	Title    string `json:"title" rule:"required,max=200" doc:"What the meeting is." example:"Strategic committee, April"`
	StartsAt string `json:"starts_at" rule:"required" doc:"When it starts: the wall-clock time in time_zone (2026-04-14T10:00) or an instant with its offset (RFC 3339)." example:"2026-04-14T10:00"`
	EndsAt   string `json:"ends_at" rule:"required" doc:"When it ends, as starts_at; at most 24 hours after the start, and long enough for the agenda." example:"2026-04-14T12:00"`
	TimeZone string `json:"time_zone" rule:"required,max=64" doc:"The IANA time zone it is held in; pages show its times there." example:"Europe/Berlin"`
	Place    string `json:"place" rule:"max=300" doc:"Where it is held." example:"Bridges Youth, Eisenbahnstraße 12, Leipzig"`
	Link     string `json:"link" rule:"format=uri,max=500" doc:"The call link (http or https)." example:"https://meet.example.org/welcome-city"`
	Version  int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b meetingBody) input() pk.MeetingInput {
	return pk.MeetingInput{BodyID: b.BodyID, Title: b.Title, StartsAt: b.StartsAt, EndsAt: b.EndsAt, TimeZone: b.TimeZone, Place: b.Place,
		Link: b.Link, Version: b.Version}
}

type seriesBody struct {
	Every string `json:"every" rule:"required,enum=series_interval" doc:"How often." example:"monthly"`
	Count int    `json:"count" rule:"min=1,max=12" doc:"How many meetings to schedule after this one." example:"3"`
}

func (h *Handlers) registerMeetings(a *api.API) {
	view, edit, del := httpx.RoleFor(pk.ActionViewMeetings), httpx.RoleFor(pk.ActionEditMeetings), httpx.RoleFor(pk.ActionDeleteMeetings)
	a.Route("GET", meetingsPath, view, httpx.OpDoc{Summary: "The partnership's meetings, latest start first (at most 200)", Tag: tag,
		Response: pk.Meeting{}, List: true},
		func(r *http.Request) (any, error) {
			ms, cut, err := h.Meetings.Meetings(r.Context(), r.PathValue("pid"))
			return api.List[*pk.Meeting]{Items: api.NonNil(ms), ItemsCut: cut}, err
		})
	a.Route("POST", meetingsPath, edit, httpx.OpDoc{Summary: "Schedule a meeting of a body, or one open to all members", Tag: tag,
		Request: meetingBody{}, Response: pk.Meeting{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b meetingBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			m, err := h.Meetings.CreateMeeting(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: m}, err
		})
	a.Route("GET", meetingPath, view, httpx.OpDoc{Summary: "A meeting; as /meetings/{mtid}.ics its iCalendar file (text/calendar) with the agenda and the call link",
		Tag: tag, Response: pk.Meeting{}},
		func(r *http.Request) (any, error) {
			pid, mtid := r.PathValue("pid"), r.PathValue("mtid")
			if id, ok := strings.CutSuffix(mtid, ".ics"); ok {
				return h.ics(r, pid, id)
			}
			return h.Meetings.Meeting(r.Context(), pid, mtid)
		})
	a.Route("PATCH", meetingPath, edit, httpx.OpDoc{Summary: "Change a meeting (fields sent); the agenda must still fit", Tag: tag,
		Request: meetingBody{}, Response: pk.Meeting{}},
		func(r *http.Request) (any, error) {
			pid, mtid := r.PathValue("pid"), r.PathValue("mtid")
			cur, err := h.Meetings.Meeting(r.Context(), pid, mtid)
			if err != nil {
				return nil, err
			}
			loc := cur.Location()
			current := meetingBody{BodyID: cur.BodyID, Title: cur.Title, StartsAt: cur.StartsAt.In(loc).Format("2006-01-02T15:04"),
				EndsAt: cur.EndsAt.In(loc).Format("2006-01-02T15:04"), TimeZone: cur.TimeZone, Place: cur.Place, Link: cur.Link}
			var b meetingBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Meetings.UpdateMeeting(r.Context(), pid, mtid, b.input())
		})
	a.Route("DELETE", meetingPath, del, httpx.OpDoc{Summary: "Delete a meeting that has no minutes or action items yet (coordinators; If-Match or ?version= required)",
		Tag: tag, Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Meetings.DeleteMeeting(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), v)
		})
	a.Route("POST", meetingPath+"/series", edit, httpx.OpDoc{Summary: "Schedule the next meetings after this one at a regular interval, at the same local time",
		Tag: tag, Request: seriesBody{}, Response: pk.Meeting{}, List: true, Status: 201},
		func(r *http.Request) (any, error) {
			var b seriesBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			ms, err := h.Meetings.ScheduleSeries(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), pk.SeriesInput{Every: b.Every, Count: b.Count})
			return api.Created{Value: api.List[*pk.Meeting]{Items: api.NonNil(ms)}}, err
		})
}

// ics answers a meeting's calendar file.
func (h *Handlers) ics(r *http.Request, pid, mtid string) (any, error) {
	m, err := h.Meetings.Meeting(r.Context(), pid, mtid)
	if err != nil {
		return nil, err
	}
	a, err := h.Meetings.Agenda(r.Context(), pid, mtid)
	if err != nil {
		return nil, err
	}
	body := rules.Calendar(m.Title, []rules.Event{{Meeting: m, Agenda: a.Items, URL: origin(r) + "/p/" + pid + "/meetings/" + mtid}}, h.text(r))
	return api.Raw{ContentType: "text/calendar; charset=utf-8", Filename: "meeting.ics", Body: body}, nil
}

// origin is the address the request came to, for absolute links.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
