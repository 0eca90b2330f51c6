package sqldb

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/indicator"
)

// The rest of SeedCoalition: what the coalition does together. Each step
// uses the people and bodies of the ones before it.

// voters lists the people who may take part (not observers), by index.
func (s *seeding) voters() []int {
	var out []int
	for i, r := range s.roles {
		if r != pk.RoleObserver {
			out = append(out, i)
		}
	}
	return out
}

// governance writes the strategic committee (a seat per organisation), the
// executive committee and the action groups (seats for people), and adopts
// a new charter version giving each of them a decision rule.
func (s *seeding) governance(ctx context.Context, tx *Tx) error {
	z := s.c.Size
	n := 2 + z.ActionGroups
	s.out.BodyIDs = newIDs(n)
	now := fmtTime(s.now)
	err := tx.bulkInsert(ctx, `INSERT INTO bodies (id, partnership_id, name, kind, mandate, parent_id, cadence, quorum, reports_to_id, created_by, created_at, updated_at) VALUES `,
		12, n, func(i int) []any {
			name, kind, cadence, parent := "Coalition assembly", pk.BodyStrategicCommittee, "every three months", ""
			switch {
			case i == 1:
				name, kind, cadence, parent = "Coordination team", pk.BodyExecutiveCommittee, "every two weeks", s.out.BodyIDs[0]
			case i > 1:
				name, kind, cadence, parent = "Action group on "+seedTopics[(i-2)%len(seedTopics)]+" "+strconv.Itoa(i-1), pk.BodyActionGroup, "monthly", s.out.BodyIDs[1]
			}
			return []any{s.out.BodyIDs[i], s.pid, name, kind, "Decides what its mandate gives it.", nullString(parent), cadence, "0.5",
				nullString(parent), nullString(s.c.OwnerID), now, now}
		})
	if err != nil {
		return err
	}
	voters := s.voters()
	s.seats = make([][]int, n)
	for o := range z.Organisations {
		s.seats[0] = append(s.seats[0], o)
	}
	for b := 1; b < n; b++ {
		size := 12
		if b == 1 {
			size = 15
		}
		for k := range min(size, len(voters)) {
			s.seats[b] = append(s.seats[b], voters[((b-1)*size+k)%len(voters)])
		}
	}
	type seat struct{ body, who int }
	var seats []seat
	for b, list := range s.seats {
		for _, who := range list {
			seats = append(seats, seat{b, who})
		}
		if b > 0 && s.c.OwnerID != "" {
			seats = append(seats, seat{b, -1}) // the owner sits on every committee and group
		}
	}
	from := day(s.start)
	err = tx.bulkInsert(ctx, `INSERT INTO body_seats (id, partnership_id, body_id, user_id, organisation_id, position, from_date, created_at) VALUES `,
		8, len(seats), func(i int) []any {
			st := seats[i]
			pos := pk.PositionMember
			if i == 0 || (i > 0 && seats[i-1].body != st.body) {
				pos = pk.PositionChair
			}
			var uid, oid any
			if st.body == 0 {
				oid = s.out.OrganisationIDs[st.who]
			} else if st.who < 0 {
				uid = s.c.OwnerID
			} else {
				uid = s.out.UserIDs[st.who]
			}
			return []any{newID(), s.pid, s.out.BodyIDs[st.body], uid, oid, pos, from, now}
		})
	if err != nil {
		return err
	}
	cc := charterContent{CharterText: pk.CharterText{MeetingFrequency: "monthly", MeetingMaxMinutes: 90, MeetingMinParticipants: 3, AgendaDaysAhead: 7}}
	current := 0
	if c, err := loadCharter(ctx, tx.db, tx, s.pid); err == nil {
		cc = charterContent{Rules: c.Rules, Areas: c.Areas, CharterText: c.CharterText}
		current = c.Version
	} else if pk.ErrorCode(err) != pk.ENOTFOUND {
		return err
	}
	for i, id := range s.out.BodyIDs {
		unit := pk.UnitPerson
		if i == 0 {
			unit = pk.UnitOrganisation
		}
		cc.Rules = append(cc.Rules, pk.BodyRule{BodyID: id, Method: pk.MethodGradients, Quorum: 0.5, Unit: unit})
	}
	content, _ := json.Marshal(cc)
	_, err = tx.ExecContext(ctx, `INSERT INTO charter_versions (partnership_id, version, adopted_on, adopted_body_id, adoption_note, content, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, s.pid, current+1, day(s.start), s.out.BodyIDs[0],
		"Adopted by the assembly with the new bodies.", string(content), nullString(s.c.OwnerID), fmtTime(s.start))
	return err
}

// meetings writes the bodies' meetings over two years (a few still to
// come), with attendance of every seat and approved minutes for those held.
func (s *seeding) meetings(ctx context.Context, tx *Tx) error {
	z := s.c.Size
	s.out.MeetingIDs = newIDs(z.Meetings)
	bodyOf := make([]int, z.Meetings)
	starts := make([]time.Time, z.Meetings)
	now := fmtTime(s.now)
	upcoming := max(1, z.Meetings/50)
	for i := range z.Meetings {
		bodyOf[i] = 1 + i%(len(s.out.BodyIDs)-1) // the assembly meets through its members' bodies
		starts[i] = s.at(i, z.Meetings-upcoming).Truncate(time.Hour).Add(17 * time.Hour)
	}
	err := tx.bulkInsert(ctx, `INSERT INTO meetings (id, partnership_id, body_id, title, starts_at, ends_at, time_zone, place, minutes, minutes_status, minutes_by, created_by, created_at, updated_at) VALUES `,
		14, z.Meetings, func(i int) []any {
			held := starts[i].Before(s.now)
			minutes, status := "", pk.MinutesNone
			var by any
			if held {
				minutes = fmt.Sprintf("We went through %s and agreed the next steps. Actions are in the plan.", seedTopics[i%len(seedTopics)])
				status, by = pk.MinutesApproved, nullString(s.c.OwnerID)
			}
			return []any{s.out.MeetingIDs[i], s.pid, s.out.BodyIDs[bodyOf[i]], fmt.Sprintf("Meeting %d: %s", i+1, seedTopics[i%len(seedTopics)]),
				fmtTime(starts[i]), fmtTime(starts[i].Add(90 * time.Minute)), "Europe/Berlin", seedPlaces[i%len(seedPlaces)] + " community hall",
				minutes, status, by, nullString(s.c.OwnerID), now, now}
		})
	if err != nil {
		return err
	}
	type mark struct{ meeting, who int }
	var marks []mark
	for i := range z.Meetings {
		if !starts[i].Before(s.now) {
			continue
		}
		for _, who := range s.seats[bodyOf[i]] {
			marks = append(marks, mark{i, who})
		}
	}
	statuses := []string{pk.AttendancePresent, pk.AttendancePresent, pk.AttendancePresent, pk.AttendanceApologies, pk.AttendanceAbsent}
	return tx.bulkInsert(ctx, `INSERT INTO meeting_attendance (meeting_id, partnership_id, holder, user_id, status, recorded_by, recorded_at) VALUES `,
		7, len(marks), func(i int) []any {
			m := marks[i]
			uid := s.out.UserIDs[m.who]
			return []any{s.out.MeetingIDs[m.meeting], s.pid, "u:" + uid, uid, statuses[s.rng.IntN(len(statuses))],
				nullString(s.c.OwnerID), fmtTime(starts[m.meeting].Add(2 * time.Hour))}
		})
}

// proposals writes proposals to the person-seated bodies with the seats'
// ballots (Gradients of Agreement), then closes nine in ten of them the way
// the decisions module does, each on its closing day.
func (s *seeding) proposals(ctx context.Context, tx *Tx) error {
	z := s.c.Size
	s.out.ProposalIDs = newIDs(z.Proposals)
	bodyOf := make([]int, z.Proposals)
	opens := make([]time.Time, z.Proposals)
	open := max(1, z.Proposals/10)
	for i := range z.Proposals {
		bodyOf[i] = 1 + i%(len(s.out.BodyIDs)-1)
		opens[i] = s.at(i, z.Proposals)
	}
	closes := func(i int) time.Time {
		if i >= z.Proposals-open {
			return s.now.AddDate(0, 0, 14)
		}
		return opens[i].AddDate(0, 0, 10)
	}
	err := tx.bulkInsert(ctx, `INSERT INTO proposals (id, partnership_id, body_id, title, text, method, quorum, unit, results, opens_at, closes_at, time_zone, status, review_on, created_by, created_at, updated_at) VALUES `,
		17, z.Proposals, func(i int) []any {
			topic := seedTopics[i%len(seedTopics)]
			return []any{s.out.ProposalIDs[i], s.pid, s.out.BodyIDs[bodyOf[i]], fmt.Sprintf("Proposal %d: a joint position on %s", i+1, topic),
				"We ask the city to act on " + topic + " and offer our members' help.", pk.MethodGradients, "0.5", pk.UnitPerson,
				pk.ResultsAfterClose, fmtTime(opens[i]), fmtTime(closes(i)), "Europe/Berlin", pk.ProposalOpen,
				day(closes(i).AddDate(1, 0, 0)), nullString(s.c.OwnerID), fmtTime(opens[i]), fmtTime(opens[i])}
		})
	if err != nil {
		return err
	}
	choices := decision.Choices(pk.MethodGradients)
	type ballot struct{ proposal, who int }
	var ballots []ballot
	for i := range z.Proposals {
		for _, who := range s.seats[bodyOf[i]] {
			if s.rng.IntN(5) > 0 {
				ballots = append(ballots, ballot{i, who})
			}
		}
	}
	err = tx.bulkInsert(ctx, `INSERT INTO ballots (id, partnership_id, proposal_id, voter_key, user_id, choice, preference, created_at, updated_at) VALUES `,
		9, len(ballots), func(i int) []any {
			b := ballots[i]
			// Mostly for: the first three of the gradient, now and then a doubt.
			choice := choices[s.rng.IntN(3)]
			if s.rng.IntN(8) == 0 {
				choice = choices[s.rng.IntN(len(choices))]
			}
			pref, _ := json.Marshal(storedBallot{Choice: choice})
			at := fmtTime(opens[b.proposal].Add(time.Duration(1+s.rng.IntN(200)) * time.Hour))
			uid := s.out.UserIDs[b.who]
			return []any{newID(), s.pid, s.out.ProposalIDs[b.proposal], "u:" + uid, uid, choice, string(pref), at, at}
		})
	if err != nil {
		return err
	}
	defer func(now time.Time) { tx.now = now }(tx.now)
	for i := range z.Proposals - open {
		p, err := loadProposal(ctx, tx, s.pid, s.out.ProposalIDs[i])
		if err != nil {
			return err
		}
		tx.now = closes(i)
		if err := tx.closeProposal(ctx, s.pid, p, ""); err != nil {
			return err
		}
	}
	return nil
}

// plans writes goals, their plans (each held by an action group and a
// member organisation), the plans' tasks and the members' contributions.
func (s *seeding) plans(ctx context.Context, tx *Tx) error {
	z := s.c.Size
	now := fmtTime(s.now)
	goals := newIDs(z.Goals)
	err := tx.bulkInsert(ctx, `INSERT INTO goals (id, partnership_id, kind, title, description, status, created_by, created_at, updated_at) VALUES `,
		9, z.Goals, func(i int) []any {
			topic := seedTopics[i%len(seedTopics)]
			return []any{goals[i], s.pid, pk.GoalKinds[i%len(pk.GoalKinds)], fmt.Sprintf("Better %s for young newcomers (%d)", topic, i+1),
				"What the coalition wants to change on " + topic + ".", "active", nullString(s.c.OwnerID), now, now}
		})
	if err != nil {
		return err
	}
	groups := len(s.out.BodyIDs) - 2
	s.out.PlanIDs = newIDs(z.Plans)
	statuses := []string{"active", "active", "active", "draft", "done", "paused"}
	err = tx.bulkInsert(ctx, `INSERT INTO plans (id, partnership_id, goal_id, title, body_id, organisation_id, strategy, status, start_date, end_date, created_by, created_at, updated_at) VALUES `,
		13, z.Plans, func(i int) []any {
			start := s.at(i%8, 8)
			return []any{s.out.PlanIDs[i], s.pid, goals[i%z.Goals], fmt.Sprintf("Plan %d: %s", i+1, seedTopics[(i/3)%len(seedTopics)]),
				s.out.BodyIDs[2+i%max(1, groups)], s.out.OrganisationIDs[i%z.Organisations], "Meet, ask, follow up.",
				statuses[i%len(statuses)], day(start), day(start.AddDate(1, 0, 0)), nullString(s.c.OwnerID), now, now}
		})
	if err != nil {
		return err
	}
	voters := s.voters()
	s.out.TaskIDs = newIDs(z.Tasks)
	err = tx.bulkInsert(ctx, `INSERT INTO tasks (id, partnership_id, plan_id, title, assignee_id, organisation_id, due_date, status, done_at, created_by, created_at, updated_at) VALUES `,
		12, z.Tasks, func(i int) []any {
			due := s.at(i, z.Tasks).AddDate(0, 1, 0)
			status := pk.TaskStatuses[s.rng.IntN(len(pk.TaskStatuses))]
			if due.Before(s.now) && s.rng.IntN(4) > 0 {
				status = pk.TaskDone
			}
			var done any
			if status == pk.TaskDone {
				done = fmtTime(due.AddDate(0, 0, -s.rng.IntN(10)))
			}
			who := voters[s.rng.IntN(len(voters))]
			return []any{s.out.TaskIDs[i], s.pid, s.out.PlanIDs[i%z.Plans], fmt.Sprintf("Task %d: %s", i+1, seedTopics[i%len(seedTopics)]),
				s.out.UserIDs[who], s.out.OrganisationIDs[s.orgOf[who]], day(due), status, done, nullString(s.c.OwnerID), now, now}
		})
	if err != nil {
		return err
	}
	return tx.bulkInsert(ctx, `INSERT INTO contributions (id, partnership_id, organisation_id, plan_id, kind, description, amount, amount_delivered, hours, hours_delivered, pledged_on, created_by, created_at, updated_at) VALUES `,
		14, z.Contributions, func(i int) []any {
			kind := pk.ContributionKinds[i%len(pk.ContributionKinds)]
			amount, hours := 0, 0
			if kind == pk.ContributionStaffHours {
				hours = 10 * (1 + s.rng.IntN(20))
			} else {
				amount = 5000 * (1 + s.rng.IntN(100))
			}
			return []any{newID(), s.pid, s.out.OrganisationIDs[i%z.Organisations], s.out.PlanIDs[i%z.Plans], kind, "Towards " + seedTopics[i%len(seedTopics)],
				amount, amount / 2, hours, hours / 2, day(s.at(i, z.Contributions)), nullString(s.c.OwnerID), now, now}
		})
}

// indicators writes an indicator per plan in turn, each with a target and
// a measurement every quarter of the two years.
func (s *seeding) indicators(ctx context.Context, tx *Tx) error {
	z := s.c.Size
	now := fmtTime(s.now)
	s.out.IndicatorIDs = newIDs(z.Indicators)
	err := tx.bulkInsert(ctx, `INSERT INTO indicators (id, partnership_id, plan_id, name, unit, kind, direction, baseline, baseline_date, life_target, frequency, created_by, created_at, updated_at) VALUES `,
		14, z.Indicators, func(i int) []any {
			return []any{s.out.IndicatorIDs[i], s.pid, s.out.PlanIDs[i%z.Plans], fmt.Sprintf("Young people reached on %s (%d)", seedTopics[i%len(seedTopics)], i+1),
				"people", string(indicator.Number), string(indicator.Increase), "10", day(s.start), "100", string(indicator.Quarterly),
				nullString(s.c.OwnerID), now, now}
		})
	if err != nil {
		return err
	}
	err = tx.bulkInsert(ctx, `INSERT INTO indicator_targets (indicator_id, partnership_id, due_date, value, label) VALUES `,
		5, z.Indicators, func(i int) []any {
			return []any{s.out.IndicatorIDs[i], s.pid, day(s.now.AddDate(1, 0, 0)), "100", "End of the programme"}
		})
	if err != nil {
		return err
	}
	const quarters = 8
	return tx.bulkInsert(ctx, `INSERT INTO indicator_measurements (id, indicator_id, partnership_id, measured_on, value, recorded_by, created_at) VALUES `,
		7, z.Indicators*quarters, func(i int) []any {
			ind, q := i/quarters, i%quarters
			value := 10 + q*(5+s.rng.IntN(8))
			return []any{newID(), s.out.IndicatorIDs[ind], s.pid, day(s.at(q+1, quarters).AddDate(0, 0, -1)), strconv.Itoa(value), nullString(s.c.OwnerID), now}
		})
}

// surveys writes two closed satisfaction surveys (a scale and a choice
// question each) with their anonymous answers.
func (s *seeding) surveys(ctx context.Context, tx *Tx) error {
	z := s.c.Size
	now := fmtTime(s.now)
	s.out.SurveyIDs = newIDs(2)
	items := newIDs(4)
	err := tx.bulkInsert(ctx, `INSERT INTO surveys (id, partnership_id, title, kind, anonymous, status, created_by, created_at, updated_at) VALUES `,
		9, 2, func(i int) []any {
			return []any{s.out.SurveyIDs[i], s.pid, fmt.Sprintf("Members' satisfaction, year %d", i+1), pk.SurveySingle, true, pk.SurveyClosed,
				nullString(s.c.OwnerID), fmtTime(s.at(i, 2)), now}
		})
	if err != nil {
		return err
	}
	err = tx.bulkInsert(ctx, `INSERT INTO survey_items (id, survey_id, partnership_id, position, kind, prompt, options, required, correct) VALUES `,
		9, 4, func(i int) []any {
			kind, prompt, options := pk.SurveyScale, "How useful is the coalition to your organisation?", "[]"
			if i%2 == 1 {
				kind, prompt, options = pk.SurveyChoice, "Would you recommend joining?", `["Yes","Maybe","No"]`
			}
			return []any{items[i], s.out.SurveyIDs[i/2], s.pid, 1 + i%2, kind, prompt, options, true, -1}
		})
	if err != nil {
		return err
	}
	answers := newIDs(2 * z.SurveyAnswers)
	err = tx.bulkInsert(ctx, `INSERT INTO survey_answers (id, survey_id, partnership_id, round) VALUES `,
		4, len(answers), func(i int) []any { return []any{answers[i], s.out.SurveyIDs[i/z.SurveyAnswers], s.pid, ""} })
	if err != nil {
		return err
	}
	return tx.bulkInsert(ctx, `INSERT INTO survey_values (answer_id, partnership_id, survey_id, round, item_id, row_index, num_value, text_value) VALUES `,
		8, 2*len(answers), func(i int) []any {
			a, k := i/2, i%2
			sv := a / z.SurveyAnswers
			value := 3 + s.rng.IntN(3) - s.rng.IntN(2)
			if k == 1 {
				value = s.rng.IntN(3) * s.rng.IntN(2)
			}
			return []any{answers[a], s.pid, s.out.SurveyIDs[sv], "", items[2*sv+k], -1, value, ""}
		})
}

// health writes health check rounds (all closed but the last) rated by
// members on every item, and one trust round between a few organisations.
func (s *seeding) health(ctx context.Context, tx *Tx) error {
	z := s.c.Size
	n := z.HealthRounds + 1
	s.out.RoundIDs = newIDs(n)
	err := tx.bulkInsert(ctx, `INSERT INTO health_rounds (id, partnership_id, kind, title, status, opened_by, opened_at, closed_at) VALUES `,
		8, n, func(i int) []any {
			kind, title, status := pk.RoundHealth, fmt.Sprintf("Health check %d", i+1), pk.RoundClosed
			opened := s.at(i, n)
			var closed any = fmtTime(opened.AddDate(0, 0, 21))
			if i == n-1 {
				kind, title = pk.RoundTrust, "Trust between partners"
			}
			if i >= n-2 {
				status, closed = pk.RoundOpen, nil
			}
			return []any{s.out.RoundIDs[i], s.pid, kind, title, status, nullString(s.c.OwnerID), fmtTime(opened), closed}
		})
	if err != nil {
		return err
	}
	voters := s.voters()
	raters := min(z.HealthRaters, len(voters))
	keys := health.ItemKeys
	err = tx.bulkInsert(ctx, `INSERT INTO health_ratings (round_id, partnership_id, user_id, item, score, updated_at) VALUES `,
		6, z.HealthRounds*raters*len(keys), func(i int) []any {
			r := i / (raters * len(keys))
			who := voters[(i/len(keys))%raters]
			return []any{s.out.RoundIDs[r], s.pid, s.out.UserIDs[who], keys[i%len(keys)], 1 + s.rng.IntN(5), fmtTime(s.at(r, n).AddDate(0, 0, 3))}
		})
	if err != nil {
		return err
	}
	// The trust round: each of the first few organisations rates the others.
	orgs := min(12, z.Organisations)
	type pair struct{ rater, rated int }
	var pairs []pair
	for a := range orgs {
		for b := range orgs {
			if a != b {
				pairs = append(pairs, pair{a, b})
			}
		}
	}
	return tx.bulkInsert(ctx, `INSERT INTO trust_ratings (round_id, partnership_id, rater_org_id, rated_org_id, openness, reliability, mission, power, resources, involvement, intensity, updated_by, updated_at) VALUES `,
		13, len(pairs), func(i int) []any {
			p := pairs[i]
			score := func() int { return 1 + s.rng.IntN(5) }
			return []any{s.out.RoundIDs[n-1], s.pid, s.out.OrganisationIDs[p.rater], s.out.OrganisationIDs[p.rated], score(), score(), score(), score(),
				score(), score(), 1 + s.rng.IntN(len(pk.TrustIntensities)), nullString(s.c.OwnerID), fmtTime(s.at(n-1, n))}
		})
}
