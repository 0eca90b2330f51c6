package meeting

import (
	"html/template"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// showData is everything the meeting page shows. Forms holds, by section,
// the form that was refused (typed values and messages) so that the
// message appears next to the right form.
type showData struct {
	M        *pk.Meeting
	When     string
	Agenda   *pk.Agenda
	DueBy    string
	Sheet    *pk.AttendanceSheet
	Actions  []*pk.ActionItem
	ActCut   bool
	Minutes  template.HTML
	People   []*pk.Person
	Orgs     []*pk.MemberOrganisation
	Approver []meetingRow
	Forms    map[string]*web.Form
	Statuses []string
	Every    []string
	Actions3 []string
	CanEdit  bool
	CanMin   bool
	CanDel   bool
	Begun    bool
}

func (h *Pages) show(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, http.StatusOK, "", nil)
}

// renderShow draws the meeting page; section names the form a refused
// post came from.
func (h *Pages) renderShow(w http.ResponseWriter, r *http.Request, status int, section string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewMeetings, "meeting.title", "meetings")
	if err != nil {
		return err
	}
	ctx, pid, mtid := r.Context(), v.P.ID, r.PathValue("mtid")
	m, err := h.Meetings.Meeting(ctx, pid, mtid)
	if err != nil {
		return err
	}
	l := h.Bundle.Localizer(v.Lang)
	d := &showData{M: m, When: when(l, m), Forms: map[string]*web.Form{}, Statuses: pk.AttendanceStatuses, Every: pk.SeriesIntervals,
		Actions3: pk.ActionStatuses, CanEdit: pk.Can(v.P.MyRole, pk.ActionEditMeetings), CanMin: pk.Can(v.P.MyRole, pk.ActionRecordMinutes),
		CanDel: pk.Can(v.P.MyRole, pk.ActionDeleteMeetings), Begun: !m.StartsAt.After(h.Now())}
	if d.Agenda, err = h.Meetings.Agenda(ctx, pid, mtid); err != nil {
		return err
	}
	if d.Agenda.DueBy != nil {
		due := *m
		due.StartsAt, due.EndsAt = *d.Agenda.DueBy, *d.Agenda.DueBy
		d.DueBy = when(l, &due)
	}
	if d.Sheet, err = h.Meetings.Attendance(ctx, pid, mtid); err != nil {
		return err
	}
	if d.Actions, d.ActCut, err = h.Meetings.ActionItems(ctx, pid, mtid); err != nil {
		return err
	}
	d.Minutes = markdown(m.Minutes)
	if d.CanEdit {
		members, err := h.Members.Members(ctx, pid)
		if err != nil {
			return err
		}
		d.People, d.Orgs = members.People, members.Organisations
	}
	if d.CanMin && m.MinutesStatus == pk.MinutesDraft {
		// The minutes are approved at a later meeting of the same body
		// that has begun.
		all, _, err := h.Meetings.Meetings(ctx, pid)
		if err != nil {
			return err
		}
		for _, x := range all {
			if x.BodyID == m.BodyID && x.StartsAt.After(m.StartsAt) && !x.StartsAt.After(h.Now()) {
				d.Approver = append(d.Approver, meetingRow{x, when(l, x)})
			}
		}
	}
	for _, s := range []string{"agenda", "attendance", "minutes", "approve", "action", "series", "circulate"} {
		d.Forms[s] = &web.Form{}
	}
	d.Forms["minutes"].Values = map[string][]string{"minutes": {m.Minutes}}
	if formErr != nil {
		d.Forms[section] = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		v.Form.Error = d.Forms[section].Error
	}
	v.Data = d
	h.Render(w, r, status, templates, "meeting", v)
	return nil
}
