package meeting

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// meetingRow is a meeting in a list, with its time written for the reader.
type meetingRow struct {
	*pk.Meeting
	When string
}

type listData struct {
	Upcoming, Past []meetingRow
	Cut            bool
	Bodies         []*pk.Body
	Zones          []string
	CanEdit        bool
}

func (h *Pages) list(w http.ResponseWriter, r *http.Request) error {
	return h.renderList(w, r, http.StatusOK, nil)
}

// renderList draws the meetings, upcoming first (soonest first), then past
// ones (latest first), and the form that schedules one.
func (h *Pages) renderList(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewMeetings, "meeting.list.title", "meetings")
	if err != nil {
		return err
	}
	ms, cut, err := h.Meetings.Meetings(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	bodies, _, err := h.Bodies.Bodies(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	l := h.Bundle.Localizer(v.Lang)
	d := &listData{Cut: cut, Bodies: bodies, Zones: zones, CanEdit: pk.Can(v.P.MyRole, pk.ActionEditMeetings)}
	now := h.Now()
	for _, m := range ms {
		row := meetingRow{m, when(l, m)}
		if m.EndsAt.After(now) {
			d.Upcoming = append([]meetingRow{row}, d.Upcoming...)
		} else {
			d.Past = append(d.Past, row)
		}
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	} else {
		zone := "UTC"
		if len(ms) > 0 {
			zone = ms[0].TimeZone
		}
		v.Form.Values.Set("time_zone", zone)
	}
	v.Data = d
	h.Render(w, r, status, templates, "meetings", v)
	return nil
}

// meetingForm reads the form that schedules or changes a meeting.
func meetingForm(r *http.Request) pk.MeetingInput {
	r.ParseForm()
	f := r.PostForm
	return pk.MeetingInput{BodyID: f.Get("body_id"), Title: f.Get("title"), StartsAt: f.Get("starts_at"), EndsAt: f.Get("ends_at"),
		TimeZone: f.Get("time_zone"), Place: f.Get("place"), Link: f.Get("link"), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) create(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	m, err := h.Meetings.CreateMeeting(r.Context(), pid, meetingForm(r))
	if web.IsFormError(err) {
		return h.renderList(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/meetings/"+m.ID, "flash.created")
	return nil
}
