package sqldb

import (
	"context"
	"slices"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
)

// The behaviour signals read what members do, one aggregate query per
// signal, never a query per row: counts by member organisation, rates by
// meeting, shares of people. A person's work counts for the organisation
// they are in the partnership for (partnership_people.organisation_id).
// Secret ballots are counted only by their "has voted" record
// (proposal_voters), never read; self-declared answers only ever leave the
// database as counts.

// signalQueries are the per-organisation counts, by field of health.Input.
var signalCounts = []struct {
	name string
	// dated queries take today as $2 (seats held today).
	dated bool
	sql   string
}{
	{"tasks", false, `
		SELECT COALESCE(t.organisation_id, pp.organisation_id) AS org, COUNT(*) FROM tasks t
		LEFT JOIN partnership_people pp ON pp.partnership_id = t.partnership_id AND pp.user_id = t.assignee_id
		WHERE t.partnership_id = $1 AND t.status <> 'dropped'
		GROUP BY COALESCE(t.organisation_id, pp.organisation_id)`},
	{"proposals", false, `
		SELECT pp.organisation_id, COUNT(*) FROM proposals p
		JOIN partnership_people pp ON pp.partnership_id = p.partnership_id AND pp.user_id = p.created_by
		WHERE p.partnership_id = $1 AND pp.organisation_id IS NOT NULL
		GROUP BY pp.organisation_id`},
	{"chairs", true, `
		SELECT COALESCE(s.organisation_id, pp.organisation_id) AS org, COUNT(*) FROM body_seats s
		LEFT JOIN partnership_people pp ON pp.partnership_id = s.partnership_id AND pp.user_id = s.user_id
		WHERE s.partnership_id = $1 AND s.position = 'chair' AND s.from_date <= $2 AND (s.until_date IS NULL OR s.until_date >= $2)
		GROUP BY COALESCE(s.organisation_id, pp.organisation_id)`},
	{"attendance", false, `
		SELECT COALESCE(a.organisation_id, pp.organisation_id) AS org, COUNT(DISTINCT a.meeting_id) FROM meeting_attendance a
		LEFT JOIN partnership_people pp ON pp.partnership_id = a.partnership_id AND pp.user_id = a.user_id
		WHERE a.partnership_id = $1 AND a.status = 'present'
		GROUP BY COALESCE(a.organisation_id, pp.organisation_id)`},
	{"votes", false, `
		SELECT org, COUNT(*) FROM (
			SELECT COALESCE(b.organisation_id, pp.organisation_id) AS org FROM ballots b
			JOIN proposals p ON p.id = b.proposal_id AND p.secret = FALSE
			LEFT JOIN partnership_people pp ON pp.partnership_id = b.partnership_id AND pp.user_id = b.user_id
			WHERE b.partnership_id = $1
			UNION ALL
			SELECT COALESCE(v.organisation_id, pp.organisation_id) AS org FROM proposal_voters v
			LEFT JOIN partnership_people pp ON pp.partnership_id = v.partnership_id AND pp.user_id = v.user_id
			WHERE v.partnership_id = $1
		) x GROUP BY org`},
}

// signalProfiles count the people holding roles (a seat held today, or
// coordinating) and the people who voted, and how many of them declared
// lived experience of migration or being young.
var signalProfiles = []struct {
	name  string
	dated bool
	sql   string
}{
	{"roles", true, `
		SELECT COUNT(*), COALESCE(SUM(CASE WHEN u.lived_experience = 'yes' THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN u.young = 'yes' THEN 1 ELSE 0 END), 0)
		FROM users u WHERE u.id IN (
			SELECT s.user_id FROM body_seats s WHERE s.partnership_id = $1 AND s.user_id IS NOT NULL
				AND s.from_date <= $2 AND (s.until_date IS NULL OR s.until_date >= $2)
			UNION SELECT pp.user_id FROM partnership_people pp WHERE pp.partnership_id = $1 AND pp.role = 'coordinator')`},
	{"voters", false, `
		SELECT COUNT(*), COALESCE(SUM(CASE WHEN u.lived_experience = 'yes' THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN u.young = 'yes' THEN 1 ELSE 0 END), 0)
		FROM users u WHERE u.id IN (
			SELECT b.user_id FROM ballots b JOIN proposals p ON p.id = b.proposal_id AND p.secret = FALSE WHERE b.partnership_id = $1
			UNION SELECT v.user_id FROM proposal_voters v WHERE v.partnership_id = $1 AND v.user_id IS NOT NULL)`},
}

// moneySQL sums the money pledged and not withdrawn, by the contributing
// member organisation; fundingSQL by source: the funder named, else the
// organisation's own funds.
const (
	moneySQL = `
		SELECT organisation_id, SUM(amount) FROM contributions
		WHERE partnership_id = $1 AND kind = 'money' AND withdrawn = FALSE AND amount > 0
		GROUP BY organisation_id`
	fundingSQL = `
		SELECT CASE WHEN funder = '' THEN organisation_id ELSE funder END AS source, SUM(amount) FROM contributions
		WHERE partnership_id = $1 AND kind = 'money' AND withdrawn = FALSE AND amount > 0
		GROUP BY CASE WHEN funder = '' THEN organisation_id ELSE funder END`
)

// attendanceRatesSQL is each recent past meeting's share of those recorded
// who were present, newest first (reversed in Go). The meetings are picked
// first, so that only their attendance is read, not every meeting's.
const attendanceRatesSQL = `
	SELECT m.id, m.starts_at, SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END), COUNT(*)
	FROM (SELECT r.id, r.starts_at FROM meetings r
		WHERE r.partnership_id = $1 AND r.starts_at < $2 AND EXISTS (SELECT 1 FROM meeting_attendance x WHERE x.meeting_id = r.id)
		ORDER BY r.starts_at DESC, r.id DESC LIMIT $3) m
	JOIN meeting_attendance a ON a.meeting_id = m.id
	GROUP BY m.id, m.starts_at ORDER BY m.starts_at DESC, m.id DESC`

// overdueSQL counts the open tasks and action items and those past their
// due date.
const overdueSQL = `
	SELECT COALESCE(SUM(CASE WHEN due <> '' AND due < $2 THEN 1 ELSE 0 END), 0), COUNT(*) FROM (
		SELECT COALESCE(due_date, '') AS due FROM meeting_action_items WHERE partnership_id = $1 AND status = 'open'
		UNION ALL
		SELECT due_date AS due FROM tasks WHERE partnership_id = $1 AND status IN ('todo', 'doing')
	) x`

// agreementSignedSQL is the newest agreement circulated, being signed or in
// force, with how many active member organisations signed its current text.
const agreementSignedSQL = `
	SELECT COUNT(DISTINCT s.organisation_id) FROM agreements a
	LEFT JOIN agreement_signatures s ON s.agreement_id = a.id AND s.text_version = a.text_version
		AND s.organisation_id IN (SELECT po.organisation_id FROM partnership_organisations po WHERE po.partnership_id = $1 AND po.status = 'active')
	WHERE a.id = (SELECT a2.id FROM agreements a2 WHERE a2.partnership_id = $1 AND a2.status IN ('circulated', 'signing', 'in_force')
		ORDER BY a2.created_at DESC, a2.id DESC LIMIT 1)
	GROUP BY a.id`

// Signals computes the behaviour signals of the partnership.
func (store *HealthStore) Signals(ctx context.Context, pid string) (*pk.SignalReport, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewHealth); err != nil {
		return nil, err
	}
	q, now := store.db.read, store.db.now()
	today := now.Format("2006-01-02")
	orgs, _, err := memberOrgs(ctx, q, pid)
	if err != nil {
		return nil, err
	}
	out := &pk.SignalReport{At: now, Organisations: orgs, Names: map[string]string{}}
	var in health.Input
	for _, o := range orgs {
		in.Orgs = append(in.Orgs, o.ID)
		out.Names[o.ID] = o.Name
	}
	counts := map[string]health.Counts{}
	for _, c := range signalCounts {
		if counts[c.name], err = countByOrg(ctx, q, c.sql, signalArgs(c.dated, pid, today)...); err != nil {
			return nil, err
		}
	}
	in.Tasks, in.Proposals, in.Chairs = counts["tasks"], counts["proposals"], counts["chairs"]
	in.Attendance, in.Votes = counts["attendance"], counts["votes"]
	profiles := map[string]*health.Profile{"roles": &in.Roles, "voters": &in.Voters}
	for _, p := range signalProfiles {
		x := profiles[p.name]
		if err := q.QueryRowContext(ctx, p.sql, signalArgs(p.dated, pid, today)...).Scan(&x.People, &x.Lived, &x.Young); err != nil {
			return nil, err
		}
	}
	if in.AttendanceRates, err = attendanceRates(ctx, q, pid, now.Format("2006-01-02T15:04")); err != nil {
		return nil, err
	}
	if err := q.QueryRowContext(ctx, overdueSQL, pid, today).Scan(&in.Overdue, &in.Open); err != nil {
		return nil, err
	}
	if in.Money, err = countByOrg(ctx, q, moneySQL, pid); err != nil {
		return nil, err
	}
	if in.Funding, err = countByOrg(ctx, q, fundingSQL, pid); err != nil {
		return nil, err
	}
	in.HasMoney = len(in.Funding) > 0
	in.Members = len(orgs)
	signed, err := collect(func(r rowScanner) (int, error) {
		var n int
		return n, r.Scan(&n)
	})(q.QueryContext(ctx, agreementSignedSQL, pid))
	if err != nil {
		return nil, err
	}
	if len(signed) == 1 {
		in.HasAgreement, in.Signed = true, signed[0]
	}
	out.Signals = health.Signals(in)
	return out, nil
}

// countByOrg runs a per-organisation count; rows without an organisation
// (a person in the partnership for none) are left out.
func countByOrg(ctx context.Context, q queryer, query string, args ...any) (health.Counts, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := health.Counts{}
	for rows.Next() {
		var org *string
		var n float64
		if err := rows.Scan(&org, &n); err != nil {
			return nil, err
		}
		if org != nil {
			out[*org] += n
		}
	}
	return out, rows.Err()
}

// attendanceRates reads the last 2×AttendanceWindow past meetings with
// recorded attendance, oldest first.
func attendanceRates(ctx context.Context, q queryer, pid, now string) ([]float64, error) {
	rates, err := collect(func(r rowScanner) (float64, error) {
		var id, at string
		var present, all int
		if err := r.Scan(&id, &at, &present, &all); err != nil || all == 0 {
			return 0, err
		}
		return float64(present) / float64(all), nil
	})(q.QueryContext(ctx, attendanceRatesSQL, pid, now, 2*health.AttendanceWindow))
	slices.Reverse(rates)
	return rates, err
}

// signalArgs are a signal query's arguments: the partnership, and today for
// the dated ones.
func signalArgs(dated bool, pid, today string) []any {
	if dated {
		return []any{pid, today}
	}
	return []any{pid}
}
