package sqldb

import (
	pk "github.com/partnerkit/partnerkit"
)

// Meetings in the partnership archive: the domain's own rules for each
// record, as the forms apply them, and the attendance key made again from
// the new IDs.

// holderKey is an attendance row's key: 'u:' and the person's ID, or 'o:'
// and the organisation's, as SetAttendance writes it.
var holderKey = archiveDerived{name: "holder", value: func(get func(string) any) any {
	if u := str(get("user_id")); u != "" {
		return "u:" + u
	}
	if o := str(get("organisation_id")); o != "" {
		return "o:" + o
	}
	return ""
}}

func init() {
	archiveChecks["meetings"] = checkArchivedMeeting
	archiveChecks["meeting_agenda_items"] = checkArchivedAgendaItem
	archiveChecks["meeting_attendance"] = checkArchivedAttendance
	archiveChecks["meeting_action_items"] = checkArchivedActionItem
}

func checkArchivedMeeting(get func(string) any) error {
	in := pk.MeetingInput{Title: str(get("title")), StartsAt: str(get("starts_at")), EndsAt: str(get("ends_at")),
		TimeZone: str(get("time_zone")), Place: str(get("place")), Link: str(get("link"))}
	if err := in.Validate(); err != nil {
		return err
	}
	var v pk.Validator
	v.Text("minutes", str(get("minutes")), false, pk.MaxMinutesLength)
	v.OneOf("minutes_status", str(get("minutes_status")), true, []string{pk.MinutesNone, pk.MinutesDraft, pk.MinutesApproved})
	return v.Err()
}

func checkArchivedAgendaItem(get func(string) any) error {
	minutes, _ := get("minutes").(int64)
	in := pk.AgendaItemInput{Title: str(get("title")), Minutes: int(minutes), Notes: str(get("notes"))}
	return in.Validate()
}

func checkArchivedAttendance(get func(string) any) error {
	var v pk.Validator
	if (str(get("user_id")) == "") == (str(get("organisation_id")) == "") {
		v.Add("user_id", "governance.validation.one_holder", nil)
	}
	// An empty status clears a row in the form; a stored row has one.
	v.OneOf("status", str(get("status")), true, pk.AttendanceStatuses)
	return v.Err()
}

func checkArchivedActionItem(get func(string) any) error {
	in := pk.ActionItemInput{What: str(get("what")), UserID: str(get("user_id")), Due: str(get("due_date")), Status: str(get("status"))}
	if in.UserID == "" {
		// The person deleted their account since: the item stays, nameless.
		in.UserID = "-"
	}
	if err := in.Validate(); err != nil {
		return pk.Invalid(renameField(err, "due", "due_date")...)
	}
	return nil
}

// renameField gives a form's messages the archive's column names.
func renameField(err error, from, to string) []pk.FieldError {
	e, ok := pk.AsError(err)
	if !ok {
		return []pk.FieldError{{Field: to, Key: "validation.required"}}
	}
	out := make([]pk.FieldError, len(e.Fields))
	for i, f := range e.Fields {
		if f.Field == from {
			f.Field = to
		}
		out[i] = f
	}
	return out
}
