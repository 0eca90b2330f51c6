package partnerkit

import (
	"math"
	"time"
)

// Body is a standing part of the partnership's structure: a strategic
// committee, an executive (steering) committee, an action group and so on
// (seed 001, activities 9–11). Bodies nest through ParentID and report to
// another body through ReportsToID; the two differ (an action group may sit
// under the strategic committee and report to the executive).
type Body struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Mandate    string `json:"mandate"`
	ParentID   string `json:"parent_id,omitempty"`
	ParentName string `json:"parent_name,omitempty"`
	// Cadence is how often the body meets, in the partnership's words.
	Cadence string `json:"cadence"`
	// Quorum is the share of seated members (0 to 1) needed for a meeting.
	Quorum           float64 `json:"quorum"`
	ReportsToID      string  `json:"reports_to_id,omitempty"`
	ReportsToName    string  `json:"reports_to_name,omitempty"`
	ReportingCadence string  `json:"reporting_cadence"`

	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// The kinds of body, after seed 001's committee for strategic issues,
// executive committee and action groups, and the monitoring and advisory
// groups many coalitions add.
const (
	BodyStrategicCommittee = "strategic_committee"
	BodyExecutiveCommittee = "executive_committee"
	BodyActionGroup        = "action_group"
	BodyMonitoringGroup    = "monitoring_group"
	BodyAdvisoryGroup      = "advisory_group"
	BodyCustom             = "custom"
)

// BodyKinds lists the kinds in the order forms show them.
var BodyKinds = []string{BodyStrategicCommittee, BodyExecutiveCommittee, BodyActionGroup,
	BodyMonitoringGroup, BodyAdvisoryGroup, BodyCustom}

// BodyInput creates or changes a body. Version is the version the writer
// saw (ignored when creating).
type BodyInput struct {
	Name             string
	Kind             string
	Mandate          string
	ParentID         string
	Cadence          string
	Quorum           float64
	ReportsToID      string
	ReportingCadence string
	Version          int
}

// Validate checks a body's own fields; the store checks that the parent and
// the reporting line are bodies of the same partnership and make no loop.
func (in *BodyInput) Validate() error {
	var v Validator
	v.Text("name", in.Name, true, 200)
	v.OneOf("kind", in.Kind, true, BodyKinds)
	v.Text("mandate", in.Mandate, false, 4000)
	v.Text("cadence", in.Cadence, false, 200)
	v.Text("reporting_cadence", in.ReportingCadence, false, 200)
	checkShare(&v, "quorum", in.Quorum)
	return v.Err()
}

// checkShare checks a share from 0 to 1 (NaN and infinities refused).
func checkShare(v *Validator, field string, x float64) {
	if math.IsNaN(x) || x < 0 || x > 1 {
		v.Add(field, "governance.validation.share", map[string]any{"Min": 0, "Max": 1})
	}
}

// Seat is one person or one member organisation sitting in a body with a
// position, from a date until a date. Ending a seat sets Until; seats are
// never deleted, so the whole history of who sat where stays.
type Seat struct {
	ID               string    `json:"id"`
	BodyID           string    `json:"body_id"`
	UserID           string    `json:"user_id,omitempty"`
	UserName         string    `json:"user_name,omitempty"`
	OrganisationID   string    `json:"organisation_id,omitempty"`
	OrganisationName string    `json:"organisation_name,omitempty"`
	Position         string    `json:"position"`
	From             string    `json:"from"`            // YYYY-MM-DD
	Until            string    `json:"until,omitempty"` // YYYY-MM-DD; empty while the seat is held
	Version          int       `json:"version"`
	CreatedAt        time.Time `json:"created_at"`
}

// Held reports whether the seat is held on day (YYYY-MM-DD).
func (s *Seat) Held(day string) bool {
	return s.From <= day && (s.Until == "" || s.Until >= day)
}

// The positions in a body, after Decidim's assembly members (president,
// secretary…) with the convener action groups have instead of a chair.
const (
	PositionChair     = "chair"
	PositionViceChair = "vice_chair"
	PositionSecretary = "secretary"
	PositionConvener  = "convener"
	PositionMember    = "member"
)

// SeatPositions lists the positions, most responsible first.
var SeatPositions = []string{PositionChair, PositionViceChair, PositionSecretary, PositionConvener, PositionMember}

// SeatInput gives or changes a seat: exactly one of UserID and
// OrganisationID.
type SeatInput struct {
	UserID         string
	OrganisationID string
	Position       string
	From           string
	Until          string
	Version        int
}

// Validate checks a seat's own fields; the store checks that the person or
// organisation belongs to the partnership.
func (in *SeatInput) Validate() error {
	var v Validator
	if (in.UserID == "") == (in.OrganisationID == "") {
		v.Add("user_id", "governance.validation.one_holder", nil)
	}
	v.OneOf("position", in.Position, true, SeatPositions)
	if in.From == "" {
		v.Add("from", "validation.required", nil)
	}
	from, okFrom := checkDate(&v, "from", in.From)
	until, okUntil := checkDate(&v, "until", in.Until)
	if okFrom && okUntil && in.From != "" && in.Until != "" && until.Before(from) {
		v.Add("until", "governance.validation.until_before_from", nil)
	}
	return v.Err()
}

// The bounds of governance lists (kept here rather than in page.go so the
// module stays in its own files): a partnership's bodies, one body's seats
// with their history, all seats drawn on the organisation chart, and the
// charter's versions. Each list says when it was cut.
const (
	MaxBodies          = 200
	MaxBodySeats       = 1000
	MaxChartSeats      = 2000
	MaxCharterVersions = 200
)
