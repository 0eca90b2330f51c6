package partnerkit

import (
	"time"
)

// PartnershipReport is the partnership's report for a period (seed 004 stage 4:
// "reporting on the partnership … on our SMART goals"): one section per
// module, each filled from that module's own service with the asker's
// permissions, so nobody reads in the report what they could not read
// anyway. A section the asker may not see is nil and says so.
type PartnershipReport struct {
	PartnershipID   string    `json:"partnership_id"`
	PartnershipName string    `json:"partnership_name"`
	From            string    `json:"from"`
	To              string    `json:"to"`
	GeneratedAt     time.Time `json:"generated_at"`

	Goals      *ReportGoals      `json:"goals"`
	Indicators *ReportIndicators `json:"indicators"`
	Plans      *ReportPlans      `json:"plans"`
	Budget     *ReportBudget     `json:"budget"`
	Decisions  *ReportDecisions  `json:"decisions"`
	Meetings   *ReportMeetings   `json:"meetings"`
	// Evaluations are those whose period overlaps the report's.
	Evaluations *ReportEvaluations `json:"evaluations"`
	// Health is the health check's rounds in the period, the latest
	// trust survey round in it, and the behaviour signals.
	Health *ReportHealth `json:"health"`
}

// ReportPeriod is the period a report covers, both days included.
type ReportPeriod struct {
	From string
	To   string
}

// MaxReportYears bounds a report's period.
const MaxReportYears = 5

// Validate checks the period: two dates, from before to, at most
// MaxReportYears long.
func (p *ReportPeriod) Validate() error {
	var v Validator
	from, okF := checkDate(&v, "from", p.From)
	to, okT := checkDate(&v, "to", p.To)
	if p.From == "" {
		v.Add("from", "validation.required", nil)
	}
	if p.To == "" {
		v.Add("to", "validation.required", nil)
	}
	if okF && okT && p.From != "" && p.To != "" {
		switch {
		case to.Before(from):
			v.Add("to", "report.validation.to_before_from", nil)
		case to.After(from.AddDate(MaxReportYears, 0, 0)):
			v.Add("to", "report.validation.too_long", map[string]any{"Max": MaxReportYears})
		case from.Year() < 2000 || to.Year() > 2200:
			v.Add("from", "validation.date", nil)
		}
	}
	return v.Err()
}

// Contains reports whether a day (YYYY-MM-DD, or a longer timestamp whose
// first ten characters are its day) falls in the period.
func (p *ReportPeriod) Contains(day string) bool {
	if len(day) > 10 {
		day = day[:10]
	}
	return day >= p.From && day <= p.To
}

// ReportIndicators is the goals' and plans' indicators as they stood at the
// end of the period (or today, when the period runs on), by the TolaData
// rule.
type ReportIndicators struct {
	AsOf  string       `json:"as_of"`
	Items []*Indicator `json:"items"`
	Cut   bool         `json:"items_cut"`
	// ByStatus counts the indicators in each status.
	ByStatus map[string]int `json:"by_status"`
	// MeasuredInPeriod counts the indicators with at least one measurement
	// dated in the period.
	MeasuredInPeriod int `json:"measured_in_period"`
}

// ReportDecisions is the decisions taken in the period.
type ReportDecisions struct {
	Items []*Decision `json:"items"`
	// Cut says the decision log read was cut, so older decisions in the
	// period may be missing from the report.
	Cut bool `json:"items_cut"`
	// ByOutcome counts the decisions by outcome.
	ByOutcome map[string]int `json:"by_outcome"`
}

// ReportMeetings is the meetings held in the period with their attendance.
type ReportMeetings struct {
	Items []*ReportMeeting `json:"items"`
	Cut   bool             `json:"items_cut"`
	// Expected and Present add up the people expected at each meeting and
	// those present; AttendanceRate is Present of Expected in whole
	// percent (nil when nobody was expected).
	Expected       int  `json:"people_expected"`
	Present        int  `json:"people_present"`
	AttendanceRate *int `json:"attendance_rate"`
	QuorumMet      int  `json:"quorum_met"`
}

// ReportMeeting is one meeting and its attendance in a report.
type ReportMeeting struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	BodyName  string    `json:"body_name,omitempty"`
	StartsAt  time.Time `json:"starts_at"`
	Expected  int       `json:"people_expected"`
	Present   int       `json:"people_present"`
	Apologies int       `json:"people_apologies"`
	Absent    int       `json:"people_absent"`
	// QuorumMet is nil for an open meeting (no quorum applies).
	QuorumMet *bool `json:"quorum_met"`
}

// NewReportMeeting is a meeting held with its attendance sheet in figures:
// everyone on the sheet was expected (a seat, or anyone for an open
// meeting) or came anyway.
func NewReportMeeting(m *Meeting, sheet *AttendanceSheet) *ReportMeeting {
	rm := &ReportMeeting{ID: m.ID, Title: m.Title, BodyName: m.BodyName, StartsAt: m.StartsAt, Expected: len(sheet.People)}
	for _, row := range sheet.People {
		switch row.Status {
		case AttendancePresent:
			rm.Present++
		case AttendanceApologies:
			rm.Apologies++
		case AttendanceAbsent:
			rm.Absent++
		}
	}
	if sheet.Quorum.Applies {
		met := sheet.Quorum.Met
		rm.QuorumMet = &met
	}
	return rm
}

// QuorumState is "met", "not_met", or "" when no quorum applies.
func (m *ReportMeeting) QuorumState() string {
	switch {
	case m.QuorumMet == nil:
		return ""
	case *m.QuorumMet:
		return "met"
	default:
		return "not_met"
	}
}

// MaxReportMeetings bounds the meetings a report lists.
const MaxReportMeetings = 100

// ReportGoals is the partnership's goals with their progress today.
type ReportGoals struct {
	Items []*Goal `json:"items"`
	Cut   bool    `json:"items_cut"`
}

// ReportPlans is the plans running in the period (their dates overlap it,
// or they have none) with their progress and task counts today, and the
// milestones due in the period.
type ReportPlans struct {
	Items []*ReportPlan `json:"items"`
	Cut   bool          `json:"items_cut"`
	// Tasks adds up the listed plans' task counts.
	Tasks TaskCounts `json:"tasks"`
	// MilestonesDue counts the milestones due in the period, and
	// MilestonesReached those of them reached (on any day).
	MilestonesDue     int `json:"milestones_due"`
	MilestonesReached int `json:"milestones_reached"`
}

// ReportPlan is one plan in a report.
type ReportPlan struct {
	ID                string     `json:"id"`
	Title             string     `json:"title"`
	GoalTitle         string     `json:"goal_title"`
	Status            string     `json:"status"`
	Start             string     `json:"start,omitempty"`
	End               string     `json:"end,omitempty"`
	Progress          *int       `json:"progress"`
	Tasks             TaskCounts `json:"tasks"`
	MilestonesDue     int        `json:"milestones_due"`
	MilestonesReached int        `json:"milestones_reached"`
}

// ReportBudget is the contributions and the budget: the budget as it
// stands today (needs, pledges, deliveries, funding sources, dominance)
// and what was pledged and spent in the period.
type ReportBudget struct {
	Budget *Budget `json:"budget"`
	// Pledges in the period (not withdrawn): how many, their value, and
	// how much of it has arrived.
	PledgedInPeriod  int   `json:"pledged_in_period"`
	PledgedValue     int64 `json:"pledged_value"`
	PledgedDelivered int64 `json:"pledged_delivered"`
	ContributionsCut bool  `json:"contributions_cut"`
	ExpensesInPeriod int   `json:"expenses_in_period"`
	SpentInPeriod    int64 `json:"spent_in_period"`
	ExpensesCut      bool  `json:"expenses_cut"`
}

// NewReportBudget is the budget today with what was pledged (not
// withdrawn) and spent in the period, added up over the contributions it
// was built from and the expenses read (their lists' cuts said).
func NewReportBudget(b *Budget, contributions []*Contribution, expenses []*Expense, expensesCut bool, period ReportPeriod) *ReportBudget {
	s := &ReportBudget{Budget: b, ContributionsCut: b.ContributionsCut, ExpensesCut: expensesCut}
	for _, c := range contributions {
		if !c.Withdrawn && period.Contains(c.PledgedOn) {
			s.PledgedInPeriod++
			s.PledgedValue += c.Amount
			s.PledgedDelivered += c.AmountDelivered
		}
	}
	for _, e := range expenses {
		if period.Contains(e.SpentOn) {
			s.ExpensesInPeriod++
			s.SpentInPeriod += e.Amount
		}
	}
	return s
}

// ReportEvaluations is the evaluations whose period overlaps the report's,
// with their status and the decision to continue, change or close.
type ReportEvaluations struct {
	Items []*Evaluation `json:"items"`
	Cut   bool          `json:"items_cut"`
}

// ReportHealth is the health section: the health check rounds opened or
// closed in the period with their aggregates exactly as the health module
// gives them (items rated by fewer than health.MinRaters members carry no
// mean or colour), the newest trust survey round opened or closed in it
// (nil when none), and the behaviour signals.
type ReportHealth struct {
	Rounds []HealthTrendRound `json:"rounds"`
	// Cut says the health module's list of health or trust rounds was
	// cut, so older rounds in the period may be missing.
	Cut   bool          `json:"rounds_cut"`
	Trust *TrustSummary `json:"trust"`
	// Signals are computed from the records as they stand when the report
	// is made (SignalsAsOfToday), not as they stood at the period's end:
	// the records keep no history to compute them for a past day.
	Signals          *SignalReport `json:"signals"`
	SignalsAsOfToday bool          `json:"signals_as_of_today"`
	// SignalsFired counts the signals that fire.
	SignalsFired int `json:"signals_fired"`
}

// RoundInPeriod reports whether a round was opened or closed in the period.
func (p *ReportPeriod) RoundInPeriod(r *Round) bool {
	return p.Contains(r.OpenedAt.UTC().Format(time.DateOnly)) ||
		(r.ClosedAt != nil && p.Contains(r.ClosedAt.UTC().Format(time.DateOnly)))
}
