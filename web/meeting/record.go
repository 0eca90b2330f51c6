package meeting

import (
	"net/http"
	"slices"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// attendance reads one select per row, named status.u:<person> or
// status.o:<organisation>; rows left empty are cleared.
func (h *Pages) attendance(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	var in pk.AttendanceInput
	keys := make([]string, 0, len(r.PostForm))
	for k := range r.PostForm {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		holder, ok := strings.CutPrefix(k, "status.")
		if !ok {
			continue
		}
		e := pk.AttendanceEntry{Status: r.PostForm.Get(k)}
		if id, ok := strings.CutPrefix(holder, "u:"); ok {
			e.UserID = id
		} else if id, ok := strings.CutPrefix(holder, "o:"); ok {
			e.OrganisationID = id
		}
		in.Entries = append(in.Entries, e)
	}
	_, err := h.Meetings.SetAttendance(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), in)
	next := ""
	if from := sheetFrom(r); from > 0 {
		// Back to the part of the sheet that was saved.
		next = "/p/" + r.PathValue("pid") + "/meetings/" + r.PathValue("mtid") + "?att=" + itoa(from) + "#att-h"
	}
	return h.done(w, r, "attendance", err, next)
}

func (h *Pages) minutes(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	in := pk.MinutesInput{Text: r.PostForm.Get("minutes"), Version: web.Atoi(r.PostForm.Get("version"))}
	_, err := h.Meetings.SaveMinutes(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), in)
	return h.done(w, r, "minutes", err, "")
}

func (h *Pages) approve(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	in := pk.MinutesApprovalInput{AtMeetingID: r.PostForm.Get("at_meeting_id"), Version: web.Atoi(r.PostForm.Get("version"))}
	_, err := h.Meetings.ApproveMinutes(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), in)
	return h.done(w, r, "approve", err, "")
}

// actionForm reads an action item's form.
func actionForm(r *http.Request) pk.ActionItemInput {
	r.ParseForm()
	f := r.PostForm
	return pk.ActionItemInput{What: f.Get("what"), UserID: f.Get("user_id"), OrganisationID: f.Get("organisation_id"), Due: f.Get("due"),
		Status: f.Get("status"), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) actionAdd(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Meetings.AddActionItem(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), actionForm(r))
	return h.done(w, r, "action", err, "")
}

// actionUpdate changes an item; the status buttons send its fields with
// the new status.
func (h *Pages) actionUpdate(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Meetings.UpdateActionItem(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), r.PathValue("acid"), actionForm(r))
	next := ""
	if r.PostForm.Get("from") == "mine" {
		next = "/action-items"
	}
	return h.done(w, r, "action", err, next)
}
