package partnerkit

import "time"

// AgendaItem is one point of a meeting's agenda, in order, with who
// presents it and the minutes it is given. The minutes of all items must
// fit the meeting's length.
type AgendaItem struct {
	ID            string `json:"id"`
	MeetingID     string `json:"meeting_id"`
	Position      int    `json:"position"`
	Title         string `json:"title"`
	PresenterID   string `json:"presenter_id,omitempty"`
	PresenterName string `json:"presenter_name,omitempty"`
	Minutes       int    `json:"minutes"`
	Notes         string `json:"notes"`
	Version       int    `json:"version"`
}

// Agenda is a meeting's agenda with what the rules say of it: the minutes
// given against the meeting's length, and whether it went round the
// charter's days ahead.
type Agenda struct {
	Items []*AgendaItem `json:"items"`
	// TotalMinutes is the minutes of all items; MeetingMinutes the
	// meeting's length.
	TotalMinutes   int `json:"total_minutes"`
	MeetingMinutes int `json:"meeting_minutes"`
	// CirculatedAt is when the agenda went round (nil: not yet).
	CirculatedAt *time.Time `json:"circulated_at,omitempty"`
	// DaysAhead is the charter's rule (0: no rule); DueBy the last moment
	// to circulate it by that rule.
	DaysAhead int        `json:"days_ahead"`
	DueBy     *time.Time `json:"due_by,omitempty"`
	// Late: circulated after DueBy, or not circulated and DueBy has passed.
	Late bool `json:"late"`
	// OverCharterMax: the meeting is longer than the charter's maximum.
	CharterMaxMinutes int  `json:"charter_max_minutes"`
	OverCharterMax    bool `json:"over_charter_max"`
}

// AgendaItemInput adds or changes an agenda item. Position 0 keeps the
// item where it is (or puts a new one last); another number moves it there.
type AgendaItemInput struct {
	Title       string
	PresenterID string
	Minutes     int
	Notes       string
	Position    int
	Version     int
}

// Validate checks an item's own fields; the store checks the presenter and
// that the agenda still fits the meeting.
func (in *AgendaItemInput) Validate() error {
	var v Validator
	v.Text("title", in.Title, true, 200)
	v.IntRange("minutes", in.Minutes, 1, MaxMeetingMinutes)
	v.Text("notes", in.Notes, false, 2000)
	v.IntRange("position", in.Position, 0, MaxAgendaItems)
	return v.Err()
}
