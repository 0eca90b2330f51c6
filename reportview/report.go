// Package reportview builds the partnership report for a period, once,
// for the page and the API. Each section is filled by one function from
// one module's service, with the asker's permissions: a section the asker
// may not see is left out (nil), never filled around the service's rules.
package reportview

import (
	"context"
	"strconv"
	"sync/atomic"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/keep"
)

// Sources are the services the report reads, one per section.
type Sources struct {
	Partnerships pk.PartnershipService
	Goals        pk.GoalService
	Plans        pk.PlanService
	Indicators   pk.IndicatorService
	Budget       pk.ContributionService
	Decisions    pk.DecisionService
	Meetings     pk.MeetingService
	Evaluations  pk.EvaluationService
	Health       pk.HealthService
	// Version, when set, is the version of everything the report of a
	// partnership made at a moment reads (sqldb's ReportVersion): the
	// report is then kept under it (see Build).
	Version func(ctx context.Context, pid string, now time.Time) (string, error)
}

// DefaultPeriod is the year up to today, for a report asked for without
// a period.
func DefaultPeriod(now time.Time) pk.ReportPeriod {
	now = now.UTC()
	return pk.ReportPeriod{From: now.AddDate(-1, 0, 1).Format(time.DateOnly), To: now.Format(time.DateOnly)}
}

// Build fills the report of partnership pid for a period (checked after
// the asker's access, so an outsider learns nothing from the messages);
// now is the moment it is made (indicators are evaluated at the end of
// the period, or now when the period runs on).
//
// Working the report out takes a national partnership's records of years
// (some 150 ms of aggregates): what it shows is kept, under the version of
// everything it reads (src.Version, read before anything it keys), and
// handed out again while that version stands. Who sees what: every section
// but the decisions depends on the asker only through their role in the
// partnership (each service checks the role against its action, and reads
// nothing of the person), so those sections are kept per role, never
// shared between roles. The decisions depend on the person (whether they
// support reopening one): they are kept per person. When the version, or
// who asks, cannot be read the report is worked out afresh.
// GeneratedAt is when the kept sections were worked out.
func Build(ctx context.Context, src Sources, pid string, period pk.ReportPeriod, now time.Time) (*pk.PartnershipReport, error) {
	s, err := Show(ctx, src, pid, period, now)
	if err != nil {
		return nil, err
	}
	return s.Report, nil
}

// Show is Build, with the kept values the report was made from (its
// shared sections and the asker's decisions), which a face draws once for
// all who are shown them (Shown.Drawn, Shown.DrawnDecisions).
func Show(ctx context.Context, src Sources, pid string, period pk.ReportPeriod, now time.Time) (*Shown, error) {
	p, err := src.Partnerships.PartnershipFor(ctx, pid, pk.ActionViewPartnershipReport)
	if err != nil {
		return nil, err
	}
	if err := period.Validate(); err != nil {
		return nil, err
	}
	version, uid := "", pk.UserIDFromContext(ctx)
	if src.Version != nil && uid != "" {
		if version, err = src.Version(ctx, pid, now); err != nil {
			version = "" // not kept: worked out afresh
		}
	}
	if version == "" {
		r, err := sections(ctx, src, pid, period, now)
		if err != nil {
			return nil, err
		}
		shared := *r
		if r.Decisions, err = visible(Decisions(ctx, src.Decisions, pid, period)); err != nil {
			return nil, err
		}
		r.PartnershipID, r.PartnershipName, r.From, r.To = p.ID, p.Name, period.From, period.To
		return &Shown{Report: r, shared: &kept{r: &shared}, own: &keptDecisions{s: r.Decisions}}, nil
	}
	base := pid + "\x00" + period.From + "\x00" + period.To + "\x00" + now.UTC().Format(time.DateOnly)
	scope := base + "\x00" + string(p.MyRole) + "\x00" + strconv.FormatBool(p.Archived)
	v, err := reports.Get(scope, version, func(any) (any, error) {
		r, err := sections(ctx, src, pid, period, now)
		if err != nil {
			return nil, err
		}
		return &kept{r: r, scope: scope, version: version + "\x00" + strconv.FormatUint(made.Add(1), 10)}, nil
	})
	if err != nil {
		return nil, err
	}
	own := base + "\x00" + uid
	d, err := decisions.Get(own, version, func(any) (any, error) {
		s, err := visible(Decisions(ctx, src.Decisions, pid, period))
		if err != nil {
			return nil, err
		}
		return &keptDecisions{s: s, scope: own, version: version + "\x00" + strconv.FormatUint(made.Add(1), 10)}, nil
	})
	if err != nil {
		return nil, err
	}
	k := v.(*kept)
	r := *k.r // a copy: the kept report's fields are never changed
	r.PartnershipID, r.PartnershipName, r.From, r.To = p.ID, p.Name, period.From, period.To
	kd := d.(*keptDecisions)
	r.Decisions = kd.s
	return &Shown{Report: &r, shared: k, own: kd}, nil
}

// reports keeps the newest version of 256 reports without their decisions
// (by partnership, period, day and role); a national partnership's is some
// hundreds of kilobytes. decisions keeps the decisions section of the 64
// people who asked last.
var (
	reports   = keep.New(256, 1)
	decisions = keep.New(64, 1)
)

// kept is a report without its decisions, as one role sees it, and what
// it is kept under: its scope, and the data version with the number of the
// making, so that what is drawn from it is drawn again when it is made
// again (its GeneratedAt is then another).
type kept struct {
	r              *pk.PartnershipReport
	scope, version string // "" when worked out afresh, not kept
}

// made counts the kept reports and decisions made.
var made atomic.Uint64

// keptDecisions is a decisions section as kept (none when the asker may
// not see them), and what it is kept under, like kept.
type keptDecisions struct {
	s              *pk.ReportDecisions
	scope, version string // "" when worked out afresh, not kept
}

// sections fills every section but the decisions, as the asker may see
// them.
func sections(ctx context.Context, src Sources, pid string, period pk.ReportPeriod, now time.Time) (*pk.PartnershipReport, error) {
	r := &pk.PartnershipReport{GeneratedAt: now.UTC()}
	var err error
	if r.Goals, err = visible(Goals(ctx, src.Goals, pid)); err != nil {
		return nil, err
	}
	if r.Indicators, err = visible(Indicators(ctx, src.Indicators, pid, period, now)); err != nil {
		return nil, err
	}
	if r.Plans, err = visible(Plans(ctx, src.Plans, pid, period)); err != nil {
		return nil, err
	}
	if r.Budget, err = visible(Budget(ctx, src.Budget, pid, period)); err != nil {
		return nil, err
	}
	if r.Meetings, err = visible(Meetings(ctx, src.Meetings, pid, period, now)); err != nil {
		return nil, err
	}
	if r.Evaluations, err = visible(Evaluations(ctx, src.Evaluations, pid, period)); err != nil {
		return nil, err
	}
	if r.Health, err = visible(Health(ctx, src.Health, pid, period)); err != nil {
		return nil, err
	}
	return r, nil
}

// visible turns a section the asker may not see into no section.
func visible[T any](s *T, err error) (*T, error) {
	if pk.ErrorCode(err) == pk.EFORBIDDEN {
		return nil, nil
	}
	return s, err
}

// Goals is the goals section: every goal with its progress today.
func Goals(ctx context.Context, goals pk.GoalService, pid string) (*pk.ReportGoals, error) {
	items, cut, err := goals.Goals(ctx, pid)
	if err != nil {
		return nil, err
	}
	return &pk.ReportGoals{Items: items, Cut: cut}, nil
}

// Indicators is the indicators section: each indicator as it stood at the
// end of the period, counted by status.
func Indicators(ctx context.Context, inds pk.IndicatorService, pid string, period pk.ReportPeriod, now time.Time) (*pk.ReportIndicators, error) {
	asOf := period.To
	if today := now.UTC().Format(time.DateOnly); today < asOf {
		asOf = today
	}
	// Which were measured in the period comes with the list (the
	// measurements are read for the statuses anyway).
	items, cut, err := inds.Indicators(ctx, pid, pk.IndicatorFilter{AsOf: asOf, MeasuredIn: &period})
	if err != nil {
		return nil, err
	}
	s := &pk.ReportIndicators{AsOf: asOf, Items: items, Cut: cut, ByStatus: map[string]int{}}
	for _, ind := range items {
		s.ByStatus[ind.Status]++
		if ind.MeasuredInPeriod {
			s.MeasuredInPeriod++
		}
	}
	return s, nil
}

// Plans is the plans section: the plans running in the period with their
// progress, tasks and the milestones due in it.
func Plans(ctx context.Context, plans pk.PlanService, pid string, period pk.ReportPeriod) (*pk.ReportPlans, error) {
	pages, cut, err := plans.Timeline(ctx, pid)
	if err != nil {
		return nil, err
	}
	s := &pk.ReportPlans{Items: []*pk.ReportPlan{}, Cut: cut}
	for _, pg := range pages {
		p := pg.Plan
		if (p.Start != "" && p.Start > period.To) || (p.End != "" && p.End < period.From) {
			continue
		}
		rp := &pk.ReportPlan{ID: p.ID, Title: p.Title, GoalTitle: p.GoalTitle, Status: p.Status, Start: p.Start, End: p.End,
			Progress: pg.Progress, Tasks: pg.Tasks}
		for _, m := range pg.Milestones {
			if period.Contains(m.Due) {
				rp.MilestonesDue++
				if m.Done != "" {
					rp.MilestonesReached++
				}
			}
		}
		s.Items = append(s.Items, rp)
		s.Tasks.Todo += rp.Tasks.Todo
		s.Tasks.Doing += rp.Tasks.Doing
		s.Tasks.Done += rp.Tasks.Done
		s.Tasks.Dropped += rp.Tasks.Dropped
		s.Tasks.Overdue += rp.Tasks.Overdue
		s.MilestonesDue += rp.MilestonesDue
		s.MilestonesReached += rp.MilestonesReached
	}
	return s, nil
}

// Budget is the contributions and budget section: the budget today, and
// the pledges and spending dated in the period.
func Budget(ctx context.Context, contributions pk.ContributionService, pid string, period pk.ReportPeriod) (*pk.ReportBudget, error) {
	return contributions.BudgetInPeriod(ctx, pid, period)
}

// Decisions is the decisions section: those taken in the period.
func Decisions(ctx context.Context, decisions pk.DecisionService, pid string, period pk.ReportPeriod) (*pk.ReportDecisions, error) {
	log, err := decisions.Decisions(ctx, pid, "")
	if err != nil {
		return nil, err
	}
	s := &pk.ReportDecisions{Items: []*pk.Decision{}, Cut: log.Cut, ByOutcome: map[string]int{}}
	for _, d := range log.Items {
		if period.Contains(d.DecidedOn) {
			s.Items = append(s.Items, d)
			if d.Outcome != nil {
				s.ByOutcome[*d.Outcome]++
			}
		}
	}
	return s, nil
}

// Meetings is the meetings section: those held in the period (begun by
// now) with who was expected and who came, the latest MaxReportMeetings.
func Meetings(ctx context.Context, meetings pk.MeetingService, pid string, period pk.ReportPeriod, now time.Time) (*pk.ReportMeetings, error) {
	items, cut, err := meetings.MeetingsHeld(ctx, pid, period, now)
	if err != nil {
		return nil, err
	}
	s := &pk.ReportMeetings{Items: items, Cut: cut}
	for _, rm := range items {
		if rm.QuorumMet != nil && *rm.QuorumMet {
			s.QuorumMet++
		}
		s.Expected += rm.Expected
		s.Present += rm.Present
	}
	if s.Expected > 0 {
		rate := (200*s.Present + s.Expected) / (2 * s.Expected) // rounded half up
		s.AttendanceRate = &rate
	}
	return s, nil
}

// Evaluations is the evaluations section: those whose period overlaps the
// report's (an evaluation without dates counts), with the decision to
// continue, change or close.
func Evaluations(ctx context.Context, evaluations pk.EvaluationService, pid string, period pk.ReportPeriod) (*pk.ReportEvaluations, error) {
	list, err := evaluations.Evaluations(ctx, pid)
	if err != nil {
		return nil, err
	}
	s := &pk.ReportEvaluations{Items: []*pk.Evaluation{}, Cut: list.Cut}
	for _, e := range list.Items {
		if (e.PeriodFrom != "" && e.PeriodFrom > period.To) || (e.PeriodTo != "" && e.PeriodTo < period.From) {
			continue
		}
		s.Items = append(s.Items, e)
	}
	return s, nil
}

// Health is the health section: the health check rounds opened or closed
// in the period, with the aggregates the health module shows (its
// small-number rule applied there, not here), the newest trust survey round
// of the period in aggregate, and the behaviour signals as of today.
func Health(ctx context.Context, svc pk.HealthService, pid string, period pk.ReportPeriod) (*pk.ReportHealth, error) {
	trend, err := svc.HealthTrend(ctx, pid)
	if err != nil {
		return nil, err
	}
	s := &pk.ReportHealth{Rounds: []pk.HealthTrendRound{}, Cut: trend.Cut, SignalsAsOfToday: true}
	for _, r := range trend.Rounds {
		if period.RoundInPeriod(r.Round) {
			s.Rounds = append(s.Rounds, r)
		}
	}
	trustRounds, err := svc.Rounds(ctx, pid, pk.RoundTrust)
	if err != nil {
		return nil, err
	}
	s.Cut = s.Cut || trustRounds.Cut
	for _, r := range trustRounds.Items { // newest first
		if period.RoundInPeriod(r) {
			if s.Trust, err = svc.TrustSummary(ctx, pid, r.ID); err != nil {
				return nil, err
			}
			break
		}
	}
	if s.Signals, err = svc.Signals(ctx, pid); err != nil {
		return nil, err
	}
	for _, sig := range s.Signals.Signals {
		if sig.State == health.Fires {
			s.SignalsFired++
		}
	}
	return s, nil
}
