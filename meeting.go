package partnerkit

import (
	"strings"
	"sync"
	"time"
)

// Meeting is one meeting of a body, or one open to all members when BodyID
// is empty (seed 001's "meeting rules": frequency, agendas, minutes; seed
// 004's records of each meeting with action items and who is responsible).
// StartsAt and EndsAt are instants in UTC; TimeZone is the IANA zone the
// meeting is held in, in which pages show it (and say so).
type Meeting struct {
	ID       string    `json:"id"`
	BodyID   string    `json:"body_id,omitempty"`
	BodyName string    `json:"body_name,omitempty"`
	Title    string    `json:"title"`
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
	TimeZone string    `json:"time_zone"`
	Place    string    `json:"place"`
	Link     string    `json:"link"`
	// AgendaCirculatedAt is when the agenda was sent round (nil: not yet).
	AgendaCirculatedAt *time.Time `json:"agenda_circulated_at,omitempty"`
	// Minutes are Markdown, drafted by the body's secretary or a
	// coordinator, and approved at a later meeting of the same body.
	Minutes       string `json:"minutes"`
	MinutesStatus string `json:"minutes_status"`
	// MinutesApprovedAt names the meeting that approved the minutes.
	MinutesApprovedAt      string `json:"minutes_approved_at_meeting_id,omitempty"`
	MinutesApprovedAtTitle string `json:"minutes_approved_at_meeting_title,omitempty"`

	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// Length is how long the meeting is, in whole minutes.
func (m *Meeting) Length() int { return int(m.EndsAt.Sub(m.StartsAt) / time.Minute) }

// Location is the meeting's time zone (UTC if it cannot be loaded, which
// validation prevents).
func (m *Meeting) Location() *time.Location {
	if loc, ok := zones.Load(m.TimeZone); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(m.TimeZone)
	if err != nil {
		return time.UTC
	}
	zones.Store(m.TimeZone, loc)
	return loc
}

// zones keeps the meetings' time zones once loaded, by name: loading one
// reads the zone database every time, and a list of meetings (the report's
// hundred) shares a few zones. Only names that load are kept, a few
// hundred at most.
var zones sync.Map

// The states of a meeting's minutes.
const (
	MinutesNone     = "none"
	MinutesDraft    = "draft"
	MinutesApproved = "approved"
)

// MeetingInput creates or changes a meeting. StartsAt and EndsAt are the
// wall-clock time in TimeZone ("2026-04-01T10:00", as a datetime-local
// field sends it) or an instant with its offset (RFC 3339).
type MeetingInput struct {
	BodyID   string
	Title    string
	StartsAt string
	EndsAt   string
	TimeZone string
	Place    string
	Link     string
	Version  int
}

// MaxMeetingMinutes bounds one meeting's length (a day).
const MaxMeetingMinutes = 24 * 60

// Times reads the start and the end in the meeting's zone; ok is false
// when either cannot be read (Validate says which).
func (in *MeetingInput) Times() (start, end time.Time, ok bool) {
	loc, err := time.LoadLocation(in.TimeZone)
	if err != nil || in.TimeZone == "" {
		return start, end, false
	}
	start, ok1 := parseMeetingTime(in.StartsAt, loc)
	end, ok2 := parseMeetingTime(in.EndsAt, loc)
	return start.UTC(), end.UTC(), ok1 && ok2
}

// parseMeetingTime reads an instant with an offset, or a wall-clock time
// (with or without seconds) in loc.
func parseMeetingTime(s string, loc *time.Location) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Validate checks a meeting's own fields; the store checks that the body
// belongs to the partnership and that the agenda still fits.
func (in *MeetingInput) Validate() error {
	var v Validator
	v.Text("title", in.Title, true, 200)
	if in.TimeZone == "" {
		v.Add("time_zone", "validation.required", nil)
	} else if _, err := time.LoadLocation(in.TimeZone); err != nil || len(in.TimeZone) > 64 || strings.EqualFold(in.TimeZone, "local") {
		v.Add("time_zone", "meeting.validation.time_zone", nil)
	}
	loc, _ := time.LoadLocation(in.TimeZone)
	if loc == nil {
		loc = time.UTC
	}
	start, okStart := parseMeetingTime(in.StartsAt, loc)
	end, okEnd := parseMeetingTime(in.EndsAt, loc)
	for _, f := range []struct {
		name, value string
		ok          bool
	}{{"starts_at", in.StartsAt, okStart}, {"ends_at", in.EndsAt, okEnd}} {
		if strings.TrimSpace(f.value) == "" {
			v.Add(f.name, "validation.required", nil)
		} else if !f.ok {
			v.Add(f.name, "meeting.validation.time", nil)
		}
	}
	if okStart && okEnd {
		if !end.After(start) {
			v.Add("ends_at", "meeting.validation.ends_before_start", nil)
		} else if end.Sub(start) > MaxMeetingMinutes*time.Minute {
			v.Add("ends_at", "meeting.validation.too_long", map[string]any{"Max": MaxMeetingMinutes / 60})
		}
		if start.Year() < 2000 || start.Year() > 2200 {
			v.Add("starts_at", "meeting.validation.time", nil)
		}
	}
	v.Text("place", in.Place, false, 300)
	// A call link is clicked from the page and the calendar: only http
	// and https, so no other scheme may hide in it.
	v.URL("link", in.Link)
	return v.Err()
}

// The bounds of the meetings lists: a partnership's meetings, one meeting's
// agenda, action items and attendance rows, a person's action items across
// partnerships and the meetings in a calendar feed.
const (
	MaxMeetings         = 200
	MaxAgendaItems      = 50
	MaxActionItems      = 200
	MaxMyActionItems    = 200
	MaxAttendanceRows   = 500
	MaxCalendarMeetings = 300
	MaxMinutesLength    = 50000
	MaxMeetingSeries    = 12
	// MaxMinutesApprovers bounds the meetings offered to approve minutes at.
	MaxMinutesApprovers  = 20
	CalendarFeedPastDays = 90
)
