package partnerkit

// Attendance at a meeting is recorded per person and per member
// organisation: present, sent apologies, or absent.
const (
	AttendancePresent   = "present"
	AttendanceApologies = "apologies"
	AttendanceAbsent    = "absent"
)

// AttendanceStatuses lists the statuses.
var AttendanceStatuses = []string{AttendancePresent, AttendanceApologies, AttendanceAbsent}

// AttendanceRow is one person or organisation expected at a meeting (they
// hold a seat in the body on the meeting's day, or anyone of the
// partnership for an open meeting), or recorded as there anyway. Status is
// empty until recorded.
type AttendanceRow struct {
	UserID         string `json:"user_id,omitempty"`
	OrganisationID string `json:"organisation_id,omitempty"`
	Name           string `json:"name"`
	// OfOrganisationID is the organisation a person is in the partnership
	// for (so an organisation counts as present through its people).
	OfOrganisationID string `json:"of_organisation_id,omitempty"`
	Seated           bool   `json:"seated"`
	Status           string `json:"status"`
}

// Quorum is whether a meeting has its quorum now, from the body's rule in
// the charter (or the body's own quorum when the charter names none) and
// the charter's minimum of participants.
type Quorum struct {
	// Applies is false for an open meeting, which has no body and so no
	// quorum (the minimum of participants still holds).
	Applies bool    `json:"applies"`
	Unit    string  `json:"unit"`
	Share   float64 `json:"share"`
	// Eligible counts who holds a seat (people or organisations by Unit),
	// Present who of them is present, Needed how many must be.
	Eligible int `json:"eligible"`
	Present  int `json:"present"`
	Needed   int `json:"needed"`
	// MinParticipants is the charter's minimum of people present;
	// PeoplePresent counts them.
	MinParticipants int  `json:"min_participants"`
	PeoplePresent   int  `json:"participants_present"`
	Met             bool `json:"met"`
}

// AttendanceSheet is a meeting's attendance with its quorum.
type AttendanceSheet struct {
	People        []*AttendanceRow `json:"people"`
	Organisations []*AttendanceRow `json:"organisations"`
	Quorum        Quorum           `json:"quorum"`
	Cut           bool             `json:"items_cut,omitempty"`
}

// AttendanceEntry records one person's or one organisation's attendance
// (exactly one of UserID and OrganisationID). An empty status clears it.
type AttendanceEntry struct {
	UserID         string `json:"user_id,omitempty"`
	OrganisationID string `json:"organisation_id,omitempty"`
	Status         string `json:"status"`
}

// AttendanceInput records several entries at once.
type AttendanceInput struct {
	Entries []AttendanceEntry
}

// Validate checks each entry, naming the row (entries.N.field).
func (in *AttendanceInput) Validate() error {
	var v Validator
	if len(in.Entries) == 0 {
		v.Add("entries", "validation.required", nil)
	}
	if len(in.Entries) > MaxAttendanceRows {
		v.Add("entries", "meeting.validation.too_many", map[string]any{"Max": MaxAttendanceRows})
		return v.Err()
	}
	seen := map[string]bool{}
	for i, e := range in.Entries {
		row := "entries." + itoaSmall(i) + "."
		if (e.UserID == "") == (e.OrganisationID == "") {
			v.Add(row+"user_id", "governance.validation.one_holder", nil)
			continue
		}
		v.OneOf(row+"status", e.Status, false, AttendanceStatuses)
		key := "u:" + e.UserID + "o:" + e.OrganisationID
		if seen[key] {
			v.Add(row+"user_id", "meeting.validation.twice", nil)
		}
		seen[key] = true
	}
	return v.Err()
}

// itoaSmall writes a small non-negative number.
func itoaSmall(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoaSmall(n/10) + string(rune('0'+n%10))
}
