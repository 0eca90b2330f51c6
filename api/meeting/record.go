package meeting

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type attendanceBody struct {
	Entries []pk.AttendanceEntry `json:"entries" doc:"Attendance per person (user_id) or per member organisation (organisation_id): status present, apologies or absent; an empty status clears the row. All are recorded or none."`
}

type minutesBody struct {
	Text    string `json:"minutes" rule:"required,max=50000" doc:"The minutes in Markdown (raw HTML is left out when shown)." example:"## Agreed\n- The budget goes to all members."`
	Version int    `json:"version" doc:"The meeting's version the minutes were read at (or send If-Match)." example:"1"`
}

type approvalBody struct {
	AtMeetingID string `json:"at_meeting_id" rule:"required,max=64" doc:"The later meeting of the same body, already begun, that approved the minutes."`
	Version     int    `json:"version" doc:"The meeting's version (or send If-Match)." example:"1"`
}

type actionItemBody struct {
	What           string `json:"what" rule:"required,max=500" doc:"What is to be done." example:"Send the draft budget to all members"`
	UserID         string `json:"user_id" rule:"required" doc:"Who does it (a user ID of the partnership)."`
	OrganisationID string `json:"organisation_id" doc:"For which member organisation (an ID), if any."`
	Due            string `json:"due" rule:"format=date" doc:"By when (YYYY-MM-DD)." example:"2026-04-30"`
	Status         string `json:"status" rule:"enum=action_status" doc:"Where it stands (open when left out on creation)." example:"open"`
	Version        int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b actionItemBody) input() pk.ActionItemInput {
	return pk.ActionItemInput{What: b.What, UserID: b.UserID, OrganisationID: b.OrganisationID, Due: b.Due, Status: b.Status, Version: b.Version}
}

func (h *Handlers) registerRecord(a *api.API) {
	view, edit, minutes := httpx.RoleFor(pk.ActionViewMeetings), httpx.RoleFor(pk.ActionEditMeetings), httpx.RoleFor(pk.ActionRecordMinutes)
	a.Route("GET", meetingPath+"/attendance", view, httpx.OpDoc{Summary: "Who is expected and who came, per person and per organisation, with the quorum now (at most 500 rows each)",
		Tag: tag, Response: pk.AttendanceSheet{}},
		func(r *http.Request) (any, error) {
			return h.Meetings.Attendance(r.Context(), r.PathValue("pid"), r.PathValue("mtid"))
		})
	a.Route("PUT", meetingPath+"/attendance", edit, httpx.OpDoc{Summary: "Record attendance (the rows sent; others stay)", Tag: tag,
		Request: attendanceBody{}, Response: pk.AttendanceSheet{}},
		func(r *http.Request) (any, error) {
			var b attendanceBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Meetings.SetAttendance(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), pk.AttendanceInput{Entries: b.Entries})
		})
	a.Route("GET", meetingPath+"/minutes", view, httpx.OpDoc{Summary: "The minutes (Markdown) and whether they are approved", Tag: tag, Response: pk.Meeting{}},
		func(r *http.Request) (any, error) {
			return h.Meetings.Meeting(r.Context(), r.PathValue("pid"), r.PathValue("mtid"))
		})
	a.Route("PUT", meetingPath+"/minutes", minutes, httpx.OpDoc{Summary: "Save the draft minutes (the body's secretary or a coordinator); approved minutes no longer change",
		Tag: tag, Request: minutesBody{}, Response: pk.Meeting{}},
		func(r *http.Request) (any, error) {
			var b minutesBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Meetings.SaveMinutes(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), pk.MinutesInput{Text: b.Text, Version: b.Version})
		})
	a.Route("POST", meetingPath+"/minutes/approval", minutes, httpx.OpDoc{Summary: "Record that a later meeting of the same body approved the minutes",
		Tag: tag, Request: approvalBody{}, Response: pk.Meeting{}},
		func(r *http.Request) (any, error) {
			var b approvalBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Meetings.ApproveMinutes(r.Context(), r.PathValue("pid"), r.PathValue("mtid"),
				pk.MinutesApprovalInput{AtMeetingID: b.AtMeetingID, Version: b.Version})
		})
	a.Route("GET", meetingPath+"/action-items", view, httpx.OpDoc{Summary: "A meeting's action items, oldest first (at most 200)", Tag: tag,
		Response: pk.ActionItem{}, List: true},
		func(r *http.Request) (any, error) {
			items, cut, err := h.Meetings.ActionItems(r.Context(), r.PathValue("pid"), r.PathValue("mtid"))
			return api.List[*pk.ActionItem]{Items: api.NonNil(items), ItemsCut: cut}, err
		})
	a.Route("POST", meetingPath+"/action-items", edit, httpx.OpDoc{Summary: "Record an action item: what, who, for which organisation, by when", Tag: tag,
		Request: actionItemBody{}, Response: pk.ActionItem{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b actionItemBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			it, err := h.Meetings.AddActionItem(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), b.input())
			return api.Created{Value: it}, err
		})
	a.Route("PATCH", meetingPath+"/action-items/{acid}", edit, httpx.OpDoc{Summary: "Change an action item or its status (fields sent)", Tag: tag,
		Request: actionItemBody{}, Response: pk.ActionItem{}},
		func(r *http.Request) (any, error) {
			pid, mtid, id := r.PathValue("pid"), r.PathValue("mtid"), r.PathValue("acid")
			items, _, err := h.Meetings.ActionItems(r.Context(), pid, mtid)
			if err != nil {
				return nil, err
			}
			var cur *pk.ActionItem
			for _, it := range items {
				if it.ID == id {
					cur = it
				}
			}
			if cur == nil {
				return nil, pk.NotFound()
			}
			current := actionItemBody{What: cur.What, UserID: cur.UserID, OrganisationID: cur.OrganisationID, Due: cur.Due, Status: cur.Status}
			var b actionItemBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Meetings.UpdateActionItem(r.Context(), pid, mtid, id, b.input())
		})
}
