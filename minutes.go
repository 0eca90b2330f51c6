package partnerkit

// MinutesInput saves the draft minutes of a meeting (Markdown). Version is
// the meeting's version the writer saw.
type MinutesInput struct {
	Text    string
	Version int
}

// Validate checks the text's length.
func (in *MinutesInput) Validate() error {
	var v Validator
	v.Text("minutes", in.Text, true, MaxMinutesLength)
	return v.Err()
}

// MinutesApprovalInput records that a later meeting of the same body
// approved the minutes.
type MinutesApprovalInput struct {
	AtMeetingID string
	Version     int
}

// Validate checks that the approving meeting is named.
func (in *MinutesApprovalInput) Validate() error {
	var v Validator
	v.Text("at_meeting_id", in.AtMeetingID, true, 64)
	return v.Err()
}

// SeriesInput schedules the next meetings after one, at a regular
// interval, at the same wall-clock time in the meeting's zone (so a
// meeting at 10:00 stays at 10:00 across a change of daylight saving).
type SeriesInput struct {
	Every string
	Count int
}

// The intervals a series may repeat at, named like the charter's
// frequency.
const (
	EveryWeek     = "weekly"
	EveryTwoWeeks = "fortnightly"
	EveryMonth    = "monthly"
	EveryQuarter  = "quarterly"
)

// SeriesIntervals lists the intervals.
var SeriesIntervals = []string{EveryWeek, EveryTwoWeeks, EveryMonth, EveryQuarter}

// Validate checks the interval and the count.
func (in *SeriesInput) Validate() error {
	var v Validator
	v.OneOf("every", in.Every, true, SeriesIntervals)
	v.IntRange("count", in.Count, 1, MaxMeetingSeries)
	return v.Err()
}
