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
	M       *pk.Meeting
	When    string
	Agenda  *pk.Agenda
	DueBy   string
	Sheet   *pk.AttendanceSheet
	Actions []*pk.ActionItem
	ActCut  bool
	Minutes template.HTML
	// Members are the people and organisations the forms offer, the
	// first by name or those whose name holds Find.
	Members    *pk.MemberChoices
	Find       string
	MaxChoices int
	// Rows are the part of the attendance sheet shown, from row From (0
	// based) of Total; Prev and Next are the offsets of the parts beside it
	// (-1: none).
	Rows                      []sheetRow
	RowsHTML                  template.HTML // Rows as the table shows them (sheetRowsHTML)
	From, First, Shown, Total int
	Prev, Next                int
	Approver                  []meetingRow
	Forms                     map[string]*web.Form
	// StatusOptions are the attendance statuses, in the asker's language,
	// that each row of the sheet offers: drawn once, not per row.
	StatusOptions []pk.Choice
	Every         []string
	Actions3      []string
	CanEdit       bool
	CanMin        bool
	CanDel        bool
	Begun         bool
	// ProposalOptions are the proposals an agenda item may name, each with
	// its status; Rooms the open ones on the agenda with what a vote in the
	// room would count; Decisions those taken at the meeting.
	ProposalOptions []pk.Choice
	PropCut         bool
	PropMax         int
	Rooms           []roomForm
	Decisions       []*pk.Decision
	DecCut          bool
	DecMax          int
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
	d := &showData{M: m, When: when(l, m), Forms: map[string]*web.Form{}, Every: pk.SeriesIntervals,
		Actions3: pk.ActionStatuses, CanEdit: pk.Can(v.P.MyRole, pk.ActionEditMeetings), CanMin: pk.Can(v.P.MyRole, pk.ActionRecordMinutes),
		CanDel: pk.Can(v.P.MyRole, pk.ActionDeleteMeetings), Begun: !m.StartsAt.After(h.Now()),
		DecMax: pk.MaxMeetingDecisions, PropMax: pk.MaxProposalChoices, MaxChoices: pk.MaxMemberChoices, Find: r.URL.Query().Get("find")}
	for _, s := range pk.AttendanceStatuses {
		d.StatusOptions = append(d.StatusOptions, pk.Choice{ID: s, Name: l.T("meeting.attendance." + s)})
	}
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
	d.sheetPart(sheetFrom(r))
	d.RowsHTML = v.PlaceDrawn(sheetRowsHTML(d.Rows, d.CanEdit, d.StatusOptions, l.T("meeting.attendance.no_seat"),
		func(s string) string { return l.T("meeting.attendance." + s) }))
	if d.Actions, d.ActCut, err = h.Meetings.ActionItems(ctx, pid, mtid); err != nil {
		return err
	}
	d.Minutes = markdown(m.Minutes)
	if err := h.decisionsPart(r, v.P, m, d); err != nil {
		return err
	}
	if d.CanEdit {
		// A refused form's choices stay offered, whatever the bound.
		var chosen []string
		if formErr != nil {
			chosen = []string{r.PostForm.Get("presenter_id"), r.PostForm.Get("user_id"), r.PostForm.Get("organisation_id")}
		}
		if d.Members, err = h.Members.MemberChoices(ctx, pid, d.Find, chosen...); err != nil {
			return err
		}
	}
	if d.CanMin && m.MinutesStatus == pk.MinutesDraft {
		// The minutes are approved at a later meeting of the same body
		// that has begun.
		later, err := h.Meetings.MinutesApprovers(ctx, pid, mtid)
		if err != nil {
			return err
		}
		for _, x := range later {
			d.Approver = append(d.Approver, meetingRow{x, when(l, x)})
		}
	}
	for _, s := range []string{"agenda", "attendance", "minutes", "approve", "action", "series", "circulate"} {
		d.Forms[s] = &web.Form{}
	}
	for _, rf := range d.Rooms {
		d.Forms["room:"+rf.RV.ProposalID] = &web.Form{}
	}
	d.Forms["minutes"].Values = map[string][]string{"minutes": {m.Minutes}}
	if formErr != nil {
		d.Forms[section] = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		v.Form.Error = d.Forms[section].Error
	}
	for i := range d.Rooms {
		d.Rooms[i].fill(d.Forms["room:"+d.Rooms[i].RV.ProposalID])
	}
	v.Data = d
	h.Render(w, r, status, templates, "meeting", v)
	return nil
}

// sheetRows is how many rows of the attendance sheet the page shows at
// once: a body with a seat for each of 500 organisations is a long form.
const sheetRows = 100

// sheetRow is a row of the attendance sheet, a person's or an
// organisation's.
type sheetRow struct {
	*pk.AttendanceRow
	Org bool
}

// sheetFrom reads which row the sheet's part starts at (?att=, or the
// field of the attendance form that was refused).
func sheetFrom(r *http.Request) int {
	v := r.URL.Query().Get("att")
	if r.PostForm != nil && r.PostForm.Has("att") {
		v = r.PostForm.Get("att")
	}
	return max(web.Atoi(v), 0)
}

// sheetPart picks the rows shown, people first, then organisations.
func (d *showData) sheetPart(from int) {
	people, orgs := d.Sheet.People, d.Sheet.Organisations
	d.Total = len(people) + len(orgs)
	if from >= d.Total {
		from = 0
	}
	from -= from % sheetRows
	d.From, d.Prev, d.Next = from, from-sheetRows, -1
	if from+sheetRows < d.Total {
		d.Next = from + sheetRows
	}
	for i := from; i < d.Total && i < from+sheetRows; i++ {
		if i < len(people) {
			d.Rows = append(d.Rows, sheetRow{people[i], false})
		} else {
			d.Rows = append(d.Rows, sheetRow{orgs[i-len(people)], true})
		}
	}
	d.First, d.Shown = from+1, from+len(d.Rows)
}
