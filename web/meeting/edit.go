package meeting

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type editData struct {
	M      *pk.Meeting
	Bodies []*pk.Body
	Zones  []string
}

func (h *Pages) edit(w http.ResponseWriter, r *http.Request) error {
	return h.renderEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) renderEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditMeetings, "meeting.edit.title", "meetings")
	if err != nil {
		return err
	}
	m, err := h.Meetings.Meeting(r.Context(), v.P.ID, r.PathValue("mtid"))
	if err != nil {
		return err
	}
	bodies, _, err := h.Bodies.Bodies(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	} else {
		loc := m.Location()
		v.Form.Values = map[string][]string{"body_id": {m.BodyID}, "title": {m.Title}, "starts_at": {localValue(m.StartsAt, loc)},
			"ends_at": {localValue(m.EndsAt, loc)}, "time_zone": {m.TimeZone}, "place": {m.Place}, "link": {m.Link},
			"version": {itoa(m.Version)}}
	}
	v.Data = &editData{M: m, Bodies: bodies, Zones: zones}
	h.Render(w, r, status, templates, "meeting_edit", v)
	return nil
}

func (h *Pages) update(w http.ResponseWriter, r *http.Request) error {
	pid, mtid := r.PathValue("pid"), r.PathValue("mtid")
	_, err := h.Meetings.UpdateMeeting(r.Context(), pid, mtid, meetingForm(r))
	if web.IsFormError(err) {
		return h.renderEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/meetings/"+mtid, "flash.saved")
	return nil
}

func (h *Pages) delete(w http.ResponseWriter, r *http.Request) error {
	pid, mtid := r.PathValue("pid"), r.PathValue("mtid")
	back := "/p/" + pid + "/meetings/" + mtid
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionDeleteMeetings, "meetings", web.Confirm{Question: "meeting.delete.confirm", Effect: "confirm.effect.final",
			Button: "meeting.delete", Back: back, Find: func() (string, error) {
				m, err := h.Meetings.Meeting(r.Context(), pid, mtid)
				if err != nil {
					return "", err
				}
				return m.Title, nil
			}})
	}
	if err := h.Meetings.DeleteMeeting(r.Context(), pid, mtid, web.Atoi(r.PostForm.Get("version"))); web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), "series", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/meetings", "flash.meeting_deleted")
	return nil
}

func (h *Pages) series(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, mtid := r.PathValue("pid"), r.PathValue("mtid")
	in := pk.SeriesInput{Every: r.PostForm.Get("every"), Count: web.Atoi(r.PostForm.Get("count"))}
	_, err := h.Meetings.ScheduleSeries(r.Context(), pid, mtid, in)
	return h.done(w, r, "series", err, "/p/"+pid+"/meetings")
}

// done ends a post from the meeting page: the page again with the message
// beside the section's form when refused, else on to next.
func (h *Pages) done(w http.ResponseWriter, r *http.Request, section string, err error, next string) error {
	if web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), section, err)
	} else if err != nil {
		return err
	}
	if next == "" {
		next = "/p/" + r.PathValue("pid") + "/meetings/" + r.PathValue("mtid")
	}
	web.Redirect(w, r, next, "flash.saved")
	return nil
}

func itoa(n int) string { return strconv.Itoa(n) }
