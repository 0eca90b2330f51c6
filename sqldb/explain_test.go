package sqldb_test

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// smallTables hold a handful of rows whatever the use, so reading them
// whole costs nothing. Every other table grows with the partnerships,
// people and actors an instance holds.
var smallTables = map[string]bool{"settings": true, "goose_db_version": true}

// The hot statements of every module, as the stores really run them, must
// find their rows through an index: a statement that reads a growing table
// whole is fast in tests and slow once an instance holds real work. The test
// records what a day's work in the test world runs and asks each engine for
// the plan of every statement.
func TestHotQueriesUseIndexes(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		log := sqldb.RecordQueriesForTest(t, db)
		workload(t, db)
		queries := log.Queries()
		tables := map[string]bool{}
		for _, name := range tableNames(t, db) {
			tables[name] = true
		}
		if len(queries) < 100 {
			t.Fatalf("recorded only %d statements; the recorder is broken", len(queries))
		}
		explained := 0
		for _, q := range queries {
			if !explainable(q.SQL) {
				continue
			}
			explained++
			plan, err := sqldb.Explain(context.Background(), db, q)
			if err != nil {
				t.Errorf("explain: %v\n%s", err, q.SQL)
				continue
			}
			aliases := tableAliases(q.SQL)
			for _, scan := range fullScans(db.Dialect, plan) {
				if table, ok := aliases[scan]; ok {
					scan = table
				}
				// Names that are no table are subqueries and VALUES lists,
				// whose own reads the plan lists separately.
				if tables[scan] && !smallTables[scan] && !acceptedScan(q.SQL) {
					t.Errorf("reads all of %s:\n%s\nplan:\n%s", scan, strings.TrimSpace(q.SQL), strings.Join(plan, "\n"))
				}
			}
		}
		t.Logf("explained %d distinct statements", explained)
	})
}

// acceptedScans are statements that read a growing table whole on purpose,
// each with the reason it is acceptable. Keep this list short.
var acceptedScans = []struct{ fragment, why string }{
	{"FROM organisations o WHERE o.name ", "the organisation directory finds a name by any part of it, " +
		"which no B-tree index can serve; it walks the name index in order and stops at its small LIMIT"},
}

func acceptedScan(q string) bool {
	for _, a := range acceptedScans {
		if strings.Contains(q, a.fragment) {
			return true
		}
	}
	return false
}

// tableAlias finds "FROM actors a" and "JOIN assessments AS x": SQLite's
// plans name a table by its alias.
var tableAlias = regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+(\w+)\s+(?:AS\s+)?(\w+)`)

func tableAliases(q string) map[string]string {
	out := map[string]string{}
	for _, m := range tableAlias.FindAllStringSubmatch(q, -1) {
		out[m[2]] = m[1]
	}
	return out
}

// tableNames lists the tables of the test database.
func tableNames(t *testing.T, db *sqldb.DB) []string {
	t.Helper()
	if db.Dialect == sqldb.Postgres {
		return strings1(t, sqldb.RawForTest(db), `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`)
	}
	return strings1(t, sqldb.RawForTest(db), `SELECT name FROM sqlite_master WHERE type = 'table'`)
}

// explainable says whether a statement reads or writes rows (BEGIN,
// SAVEPOINT and the like have no plan).
func explainable(q string) bool {
	verb := strings.ToUpper(strings.Fields(strings.TrimSpace(q) + " x")[0])
	switch verb {
	case "SELECT", "WITH", "INSERT", "UPDATE", "DELETE":
		return true
	}
	return false
}

// sqliteScan matches a step that visits every row of a table, through an
// index or not: "SCAN actors", "SCAN a USING INDEX actors_partnership_name".
// SEARCH steps, which go straight to the rows asked for, never match.
var sqliteScan = regexp.MustCompile(`^SCAN (\w+)(?: AS (\w+))?`)

// fullScans names the tables a plan reads whole.
func fullScans(d sqldb.Dialect, plan []string) []string {
	var out []string
	if d == sqldb.Postgres {
		var root []struct{ Plan pgPlan }
		if err := json.Unmarshal([]byte(plan[0]), &root); err != nil || len(root) == 0 {
			return []string{"(unreadable plan)"}
		}
		root[0].Plan.walk(func(p pgPlan) {
			switch p.NodeType {
			case "Seq Scan":
				out = append(out, p.Relation)
			case "Index Scan", "Index Only Scan":
				// An index walked from end to end, with nothing to look
				// up, reads every row too.
				if p.IndexCond == "" {
					out = append(out, p.Relation)
				}
			}
		})
		return out
	}
	for _, step := range plan {
		if m := sqliteScan.FindStringSubmatch(step); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}

// pgPlan is the part of a PostgreSQL JSON plan this test reads.
type pgPlan struct {
	NodeType  string   `json:"Node Type"`
	Relation  string   `json:"Relation Name"`
	IndexCond string   `json:"Index Cond"`
	Plans     []pgPlan `json:"Plans"`
}

func (p pgPlan) walk(fn func(pgPlan)) {
	fn(p)
	for _, c := range p.Plans {
		c.walk(fn)
	}
}

// workload does what people do in a partnership over a day, through the
// services, so that every module's hot statements run at least once: the
// test world's set-up writes, then the pages and API calls that read.
func workload(t *testing.T, db *sqldb.DB) {
	t.Helper()
	w := sqldbtest.NewWorld(t, db)
	net := sqldbtest.SeedNetwork(t, w)
	c, m := w.Coordinator.Ctx, w.Member.Ctx
	pid := w.Partnership.ID
	maps, actors, playbook := w.Maps(), w.Actors(), w.Playbook()
	ok := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// run calls a read for the coordinator (who sees sensitive data) and
	// the member (who does not); the statements differ only in arguments,
	// but both sides of the privacy rule run.
	run := func(what string, fn func(ctx context.Context) error) {
		t.Helper()
		ok(what+" as coordinator", fn(c))
		ok(what+" as member", fn(m))
	}
	since := w.Clock.Now().Add(-24 * time.Hour)

	// Signing in, sessions and tokens.
	_, secret, err := db.Accounts.SignIn(context.Background(), w.Member.Email, sqldbtest.Password, "192.0.2.1", "test")
	ok("sign in", err)
	_, _, err = db.Accounts.UserBySession(context.Background(), secret)
	ok("session", err)
	tok, err := db.Accounts.CreateToken(m, "script")
	ok("token", err)
	_, err = db.Accounts.UserByToken(context.Background(), tok.Secret)
	ok("user by token", err)
	_, err = db.Accounts.Sessions(m)
	ok("sessions", err)
	_, err = db.Accounts.Tokens(m)
	ok("tokens", err)
	ok("password reset", db.Accounts.RequestPasswordReset(context.Background(), w.Member.Email, "en"))
	_, err = db.Members.MyInvitations(m)
	ok("my invitations", err)

	// Partnerships, organisations, members and invitations.
	run("partnerships", func(ctx context.Context) error {
		_, _, err := db.Partnerships.Partnerships(ctx, pk.PageRequest{}, false)
		return err
	})
	run("dashboard", func(ctx context.Context) error { _, err := db.Partnerships.Dashboard(ctx, pid); return err })
	run("profile", func(ctx context.Context) error { _, err := db.Preparation.Profile(ctx, pid); return err })
	run("members", func(ctx context.Context) error { _, err := db.Members.Members(ctx, pid); return err })
	run("member choices", func(ctx context.Context) error {
		_, err := db.Members.MemberChoices(ctx, pid, "a", w.Observer.ID)
		return err
	})
	_, err = db.Members.Invitations(c, pid)
	ok("invitations", err)
	_, err = db.Members.InvitationByToken(context.Background(), "no-such-token")
	if pk.ErrorCode(err) != pk.ENOTFOUND {
		ok("invitation by token", err)
	}
	run("organisations", func(ctx context.Context) error {
		_, _, err := db.Organisations.Organisations(ctx, pk.PageRequest{})
		return err
	})
	run("organisation", func(ctx context.Context) error {
		_, err := db.Organisations.Organisation(ctx, w.MemberOrg.ID)
		return err
	})
	_, err = db.Organisations.OrganisationPeople(m, w.MemberOrg.ID)
	ok("organisation people", err)
	run("organisation directory", func(ctx context.Context) error {
		_, err := db.Organisations.OrganisationDirectory(ctx, "Bridges", 20)
		return err
	})
	_, _, err = db.Partnerships.Audit(c, pid, pk.PageRequest{})
	ok("audit", err)

	// The stakeholder register and relationships.
	for _, f := range []pk.ActorFilter{{}, {Query: "city"}, {Kind: "institution"}, {Sector: "public"}, {Tag: "youth"},
		{MapID: maps.Map.ID}, {MapID: maps.Map.ID, Segment: "active_ally"}, {MapID: maps.Map.ID, Strategy: "partner"}} {
		run("actors", func(ctx context.Context) error {
			list, next, err := db.Actors.Actors(ctx, pid, f, pk.PageRequest{Limit: 2})
			if err == nil && next != "" && len(list) > 0 {
				_, _, err = db.Actors.Actors(ctx, pid, f, pk.PageRequest{Limit: 2, Cursor: next})
			}
			return err
		})
		run("count actors", func(ctx context.Context) error { _, err := db.Actors.CountActors(ctx, pid, f); return err })
	}
	run("actor", func(ctx context.Context) error { _, err := db.Actors.Actor(ctx, pid, actors.Actor.ID); return err })
	run("actor page", func(ctx context.Context) error { _, err := db.Actors.ActorPage(ctx, pid, actors.Actor.ID); return err })
	run("actor tags", func(ctx context.Context) error { _, err := db.Actors.ActorTags(ctx, pid); return err })
	run("export actors", func(ctx context.Context) error {
		_, err := db.Actors.ExportActors(ctx, pid, "csv", pk.ActorFilter{})
		return err
	})
	for _, f := range []pk.RelationshipFilter{{}, {Type: "cooperates_with"}, {ActorID: actors.Actor.ID}} {
		run("relationships", func(ctx context.Context) error {
			_, _, err := db.Actors.Relationships(ctx, pid, f, pk.PageRequest{})
			return err
		})
	}
	run("relationship", func(ctx context.Context) error {
		_, err := db.Actors.Relationship(ctx, pid, actors.Relationship.ID)
		return err
	})

	// Maps, positions, history and tactics.
	run("maps", func(ctx context.Context) error { _, err := db.Maps.Maps(ctx, pid); return err })
	run("map", func(ctx context.Context) error { _, err := db.Maps.Map(ctx, pid, maps.Map.ID); return err })
	run("map actors", func(ctx context.Context) error { _, err := db.Maps.MapActors(ctx, pid); return err })
	run("assessments", func(ctx context.Context) error {
		_, _, err := db.Maps.Assessments(ctx, pid, maps.Map.ID, maps.Actors["City Council"], pk.PageRequest{})
		return err
	})
	run("positions", func(ctx context.Context) error {
		_, err := db.Maps.Positions(ctx, pid, maps.Map.ID, w.Clock.Now())
		return err
	})
	run("moves", func(ctx context.Context) error { _, err := db.Maps.Moves(ctx, pid, maps.Map.ID, since); return err })
	run("plan choices", func(ctx context.Context) error { _, _, err := db.Plans.PlanChoices(ctx, pid); return err })
	run("timeline", func(ctx context.Context) error { _, err := db.Maps.Timeline(ctx, pid, maps.Map.ID); return err })
	run("map lines", func(ctx context.Context) error { _, err := db.Maps.MapLines(ctx, pid, maps.Map.ID); return err })
	run("tactics", func(ctx context.Context) error { _, err := db.Maps.Tactics(ctx, pid, maps.Map.ID); return err })
	run("tactic", func(ctx context.Context) error {
		_, err := db.Maps.Tactic(ctx, pid, maps.Map.ID, maps.Tactic.ID)
		return err
	})

	// The network.
	run("network", func(ctx context.Context) error {
		_, err := db.Networks.Network(ctx, net.PID, pk.NetworkFilter{})
		return err
	})
	run("network of a map", func(ctx context.Context) error {
		_, err := db.Networks.Network(ctx, net.PID, pk.NetworkFilter{MapID: net.MapID, Types: []string{"cooperates_with"}})
		return err
	})
	_, err = db.Networks.NetworkExport(c, net.PID, "gexf", pk.NetworkFilter{})
	ok("network export", err)

	// Preparation: self-analysis, readiness, theory of change, forms.
	run("self-analysis", func(ctx context.Context) error { _, err := db.Preparation.SelfAnalysis(ctx, pid); return err })
	run("organisation self-analysis", func(ctx context.Context) error {
		_, err := db.Preparation.OrganisationSelfAnalysis(ctx, w.MemberOrg.ID)
		if pk.ErrorCode(err) == pk.ENOTFOUND {
			return nil // the coordinator is not in this organisation
		}
		return err
	})
	run("readiness", func(ctx context.Context) error { _, err := db.Preparation.Readiness(ctx, pid); return err })
	run("theory of change", func(ctx context.Context) error { _, err := db.Preparation.TheoryOfChange(ctx, pid); return err })
	run("form advice", func(ctx context.Context) error { _, err := db.Preparation.FormAdvice(ctx, pid); return err })

	// Playbook and outreach.
	run("playbook", func(ctx context.Context) error { _, err := db.Playbooks.Playbook(ctx, pid); return err })
	run("playbooks", func(ctx context.Context) error { _, err := db.Playbooks.Playbooks(ctx, pid); return err })
	for _, f := range []pk.ProspectFilter{{}, {Status: "identified"}} {
		run("prospects", func(ctx context.Context) error {
			_, _, err := db.Prospects.Prospects(ctx, pid, f, pk.PageRequest{})
			return err
		})
	}
	run("pipeline", func(ctx context.Context) error { _, _, err := db.Prospects.PipelineProspects(ctx, pid); return err })
	run("prospect", func(ctx context.Context) error {
		_, err := db.Prospects.Prospect(ctx, pid, playbook.Prospect.ID)
		return err
	})
	run("prospect history", func(ctx context.Context) error {
		_, err := db.Prospects.ProspectHistory(ctx, pid, playbook.Prospect.ID)
		return err
	})
	_, err = db.Prospects.ProspectChoices(c, pid)
	ok("prospect choices", err)

	// Governance: bodies, seats, the chart, the charter and its rule.
	gov := w.Governance()
	run("bodies", func(ctx context.Context) error { _, _, err := db.Bodies.Bodies(ctx, pid); return err })
	run("body", func(ctx context.Context) error { _, err := db.Bodies.Body(ctx, pid, gov.Committee.ID); return err })
	run("seats", func(ctx context.Context) error { _, _, err := db.Bodies.Seats(ctx, pid, gov.Committee.ID); return err })
	run("chart seats", func(ctx context.Context) error { _, _, err := db.Bodies.AllSeats(ctx, pid); return err })
	run("charter", func(ctx context.Context) error { _, err := db.Charter.Charter(ctx, pid); return err })
	run("charter versions", func(ctx context.Context) error { _, _, err := db.Charter.CharterVersions(ctx, pid); return err })
	run("charter rule", func(ctx context.Context) error {
		_, err := db.Charter.CharterRule(ctx, pid, "", pk.AreaBudget)
		return err
	})
	// Changing a seat checks it against the holder's other seats in the body.
	_, err = db.Bodies.UpdateSeat(c, pid, gov.Committee.ID, gov.Seat.ID, pk.SeatInput{Position: gov.Seat.Position, From: gov.Seat.From,
		Until: "2026-12-31", Version: gov.Seat.Version})
	ok("end seat", err)

	// The agreement: the list, one agreement with who signed and who has
	// not, its versions, the signing log and the checklist.
	ag := w.Agreement().Agreement
	run("agreements", func(ctx context.Context) error { _, err := db.Agreements.Agreements(ctx, pid); return err })
	run("agreement", func(ctx context.Context) error { _, err := db.Agreements.Agreement(ctx, pid, ag.ID); return err })
	run("agreement versions", func(ctx context.Context) error {
		_, err := db.Agreements.AgreementVersions(ctx, pid, ag.ID)
		return err
	})
	run("agreement log", func(ctx context.Context) error { _, err := db.Agreements.AgreementLog(ctx, pid, ag.ID); return err })
	run("agreement checklist", func(ctx context.Context) error {
		_, err := db.Agreements.AgreementChecklist(ctx, pid, ag.ID)
		return err
	})
	_, err = db.Agreements.AgreementFacts(c, pid)
	ok("agreement facts", err)

	// Admissions: the pipeline, one admission whole, its steps, the choices,
	// and a check recorded.
	adm := w.Admission().Admission
	run("admissions", func(ctx context.Context) error { _, err := db.Admissions.Admissions(ctx, pid); return err })
	run("admission", func(ctx context.Context) error { _, err := db.Admissions.Admission(ctx, pid, adm.ID); return err })
	run("admission steps", func(ctx context.Context) error { _, err := db.Admissions.AdmissionSteps(ctx, pid, adm.ID); return err })
	_, err = db.Admissions.AdmissionChoices(c, pid)
	ok("admission choices", err)
	_, err = db.Admissions.CheckAdmission(c, pid, adm.ID, pk.AdmissionChecksInput{Version: adm.Version, Checks: []pk.AdmissionCheckInput{
		{CriterionID: adm.Criteria[2].ID, Result: pk.CheckMet, Evidence: "Seen at the youth hearing."}}})
	ok("check admission", err)

	// Decisions: proposals, voting, closing and the decision log.
	dec := w.Decisions()
	run("proposals", func(ctx context.Context) error { _, err := db.Decisions.Proposals(ctx, pid); return err })
	run("proposal choices", func(ctx context.Context) error {
		_, _, err := db.Decisions.ProposalChoices(ctx, pid, w.Governance().Group.ID)
		return err
	})
	run("proposal", func(ctx context.Context) error { _, err := db.Decisions.Proposal(ctx, pid, dec.Open.ID); return err })
	run("decisions", func(ctx context.Context) error { _, err := db.Decisions.Decisions(ctx, pid, ""); return err })
	run("body decisions", func(ctx context.Context) error { _, err := db.Decisions.Decisions(ctx, pid, gov.Group.ID); return err })
	run("decision", func(ctx context.Context) error {
		_, err := db.Decisions.Decision(ctx, pid, dec.Decision.ID)
		return err
	})
	_, err = db.Decisions.CastBallot(w.Member.Ctx, pid, dec.Open.ID, pk.BallotInput{Choice: "stand_aside"})
	ok("cast ballot", err)
	_, err = db.Decisions.CloseProposal(c, pid, dec.Open.ID, pk.ChairInput{})
	ok("close proposal", err)

	// The agreement: the facts of a draft (the charter and seats among
	// them), comments per section, an export.
	agf := w.Agreement()
	_, err = db.Agreements.AgreementFacts(c, pid)
	ok("agreement facts", err)
	run("agreement comments", func(ctx context.Context) error {
		_, err := db.Agreements.AgreementComments(ctx, pid, agf.Agreement.ID)
		return err
	})
	run("agreement export", func(ctx context.Context) error {
		_, err := db.Agreements.ExportAgreement(ctx, pid, agf.Agreement.ID, "md")
		return err
	})
	ok("delete comment", db.Agreements.DeleteAgreementComment(m, pid, agf.Agreement.ID, agf.Comment.ID, agf.Comment.Version))

	// Meetings: the list, one meeting, its agenda, attendance with the
	// quorum, action items, a person's action items and the calendar feed.
	mt := w.Meetings()
	run("meetings", func(ctx context.Context) error { _, _, err := db.Meetings.Meetings(ctx, pid); return err })
	run("meeting", func(ctx context.Context) error { _, err := db.Meetings.Meeting(ctx, pid, mt.Next.ID); return err })
	run("minutes approvers", func(ctx context.Context) error {
		_, err := db.Meetings.MinutesApprovers(ctx, pid, mt.Last.ID)
		return err
	})
	run("open minutes approvers", func(ctx context.Context) error {
		_, err := db.Meetings.MinutesApprovers(ctx, pid, mt.Open.ID)
		return err
	})
	run("agenda", func(ctx context.Context) error { _, err := db.Meetings.Agenda(ctx, pid, mt.Next.ID); return err })
	run("attendance", func(ctx context.Context) error { _, err := db.Meetings.Attendance(ctx, pid, mt.Next.ID); return err })
	run("open attendance", func(ctx context.Context) error { _, err := db.Meetings.Attendance(ctx, pid, mt.Open.ID); return err })
	run("meetings held", func(ctx context.Context) error {
		_, _, err := db.Meetings.MeetingsHeld(ctx, pid, pk.ReportPeriod{From: "2026-01-01", To: "2026-12-31"}, time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC))
		return err
	})
	run("action items", func(ctx context.Context) error {
		_, _, err := db.Meetings.ActionItems(ctx, pid, mt.Next.ID)
		return err
	})
	run("my action items", func(ctx context.Context) error { _, _, err := db.Meetings.MyActionItems(ctx); return err })
	// Meetings and decisions: proposals on an agenda, a vote in the room,
	// the decisions of a meeting, the meetings of a proposal.
	run("agenda with proposals", func(ctx context.Context) error { _, err := db.Meetings.Agenda(ctx, pid, mt.Open.ID); return err })
	run("room votes", func(ctx context.Context) error {
		_, err := db.MeetingDecisions.RoomVotes(ctx, pid, mt.Open.ID)
		return err
	})
	run("meeting decisions", func(ctx context.Context) error {
		_, _, err := db.MeetingDecisions.MeetingDecisions(ctx, pid, mt.Open.ID)
		return err
	})
	run("proposal with meetings", func(ctx context.Context) error {
		_, err := db.Decisions.Proposal(ctx, pid, w.Decisions().Open.ID)
		return err
	})
	feed, err := db.Calendars.RenewCalendarFeed(m)
	ok("calendar feed", err)
	_, err = db.Calendars.FeedMeetings(context.Background(), feed.Secret)
	ok("feed meetings", err)

	// Contributions and reports: the budget, the lists, what is due, the
	// figures a report is filled with, the roll-ups and the exports.
	co, plan := w.Contributions(), w.Plans().Plan
	run("budget", func(ctx context.Context) error { _, err := db.Contributions.Budget(ctx, pid); return err })
	run("contributions", func(ctx context.Context) error {
		_, _, err := db.Contributions.Contributions(ctx, pid, pk.ContributionFilter{})
		return err
	})
	run("contributions of an organisation", func(ctx context.Context) error {
		_, _, err := db.Contributions.Contributions(ctx, pid, pk.ContributionFilter{OrganisationID: w.MemberOrg.ID, PlanID: plan.ID})
		return err
	})
	run("barriers", func(ctx context.Context) error { _, _, err := db.Contributions.Barriers(ctx, pid); return err })
	run("expenses", func(ctx context.Context) error { _, _, err := db.Contributions.Expenses(ctx, pid, plan.ID); return err })
	run("contributions export", func(ctx context.Context) error {
		_, _, _, err := db.Contributions.ExportContributions(ctx, pid, "budget", "csv")
		return err
	})
	run("due reports", func(ctx context.Context) error { _, _, err := db.Reports.DueReports(ctx, pid); return err })
	run("reports", func(ctx context.Context) error {
		_, _, err := db.Reports.Reports(ctx, pid, pk.ReportFilter{PlanID: plan.ID})
		return err
	})
	run("report figures", func(ctx context.Context) error {
		_, err := db.Reports.PreviewFigures(ctx, pid, plan.ID, co.Report.Period)
		return err
	})
	run("roll-ups", func(ctx context.Context) error { _, _, err := db.Reports.Rollups(ctx, pid); return err })
	run("roll-up", func(ctx context.Context) error { _, err := db.Reports.Rollup(ctx, pid, co.Rollup.ID); return err })
	_, err = db.Reports.GenerateRollup(c, pid, pk.RollupInput{BodyID: co.Rollup.BodyID, Period: co.Rollup.Period})
	ok("generate roll-up", err)
	// Goals, plans and tasks: the overview, the timeline, a plan's page,
	// the task lists and my tasks, a status change and the public page.
	pl := w.Plans()
	run("goals", func(ctx context.Context) error { _, _, err := db.Goals.Goals(ctx, pid); return err })
	run("goal", func(ctx context.Context) error { _, err := db.Goals.Goal(ctx, pid, pl.Goal.ID); return err })
	run("plans", func(ctx context.Context) error { _, _, err := db.Plans.Plans(ctx, pid, pl.Goal.ID); return err })
	run("plan choices", func(ctx context.Context) error { _, _, err := db.Plans.PlanChoices(ctx, pid); return err })
	run("timeline", func(ctx context.Context) error { _, _, err := db.Plans.Timeline(ctx, pid); return err })
	run("plan page", func(ctx context.Context) error { _, err := db.Plans.PlanPage(ctx, pid, pl.Plan.ID); return err })
	for _, f := range []pk.TaskFilter{{}, {PlanID: pl.Plan.ID}, {AssigneeID: w.Member.ID}, {OrganisationID: w.MemberOrg.ID},
		{Overdue: true}, {Status: pk.TaskDone}} {
		run("tasks", func(ctx context.Context) error {
			_, next, err := db.Tasks.Tasks(ctx, pid, f, pk.PageRequest{Limit: 1})
			if err == nil && next != "" {
				_, _, err = db.Tasks.Tasks(ctx, pid, f, pk.PageRequest{Limit: 1, Cursor: next})
			}
			return err
		})
	}
	run("my tasks", func(ctx context.Context) error { _, _, err := db.Tasks.MyTasks(ctx, pk.PageRequest{}); return err })
	_, err = db.Tasks.SetTaskStatus(m, pid, pl.MemberTask.ID, pk.TaskStatusInput{Status: pk.TaskDoing, Version: pl.MemberTask.Version})
	ok("task status", err)
	_, err = db.Plans.PublicPlan(context.Background(), pl.Plan.ID)
	ok("public plan", err)

	// Health: rounds, own ratings, aggregates, the trust survey and the
	// behaviour signals (one aggregate query each).
	hf := w.Health()
	run("health rounds", func(ctx context.Context) error { _, err := db.Health.Rounds(ctx, pid, pk.RoundHealth); return err })
	run("health results", func(ctx context.Context) error { _, err := db.Health.HealthResults(ctx, pid, hf.Round.ID); return err })
	run("health trend", func(ctx context.Context) error { _, err := db.Health.HealthTrend(ctx, pid); return err })
	run("health signals", func(ctx context.Context) error { _, err := db.Health.Signals(ctx, pid); return err })
	run("trust summary", func(ctx context.Context) error { _, err := db.Health.TrustSummary(ctx, pid, ""); return err })
	_, err = db.Health.MyHealthRatings(m, pid, hf.Round.ID)
	ok("my health ratings", err)
	_, err = db.Health.RateHealth(m, pid, hf.Round.ID, pk.HealthRatingInput{Ratings: []pk.HealthRating{{Item: "learning", Score: 4}}})
	ok("rate health", err)
	_, err = db.Health.TrustSheet(m, pid, "", "")
	ok("trust sheet", err)
	_, err = db.Health.RateTrust(m, pid, pk.TrustRatingInput{OrganisationID: w.MemberOrg.ID,
		Ratings: []pk.TrustRating{{RatedID: w.Org.ID, Openness: 2, Intensity: "awareness"}}})
	ok("rate trust", err)
	// Evaluations: the list, one evaluation's page, a finding, a pro and
	// the closure items turned into tasks.
	ev := w.Evaluations()
	run("evaluations", func(ctx context.Context) error { _, err := db.Evaluations.Evaluations(ctx, pid); return err })
	run("evaluation", func(ctx context.Context) error {
		_, err := db.Evaluations.Evaluation(ctx, pid, ev.Evaluation.ID)
		return err
	})
	_, err = db.Evaluations.RecordFinding(m, pid, ev.Evaluation.ID, ev.Question.ID, pk.FindingInput{Finding: "More came.", Version: ev.Question.Version})
	ok("finding", err)
	_, err = db.Evaluations.AddPoint(m, pid, ev.Evaluation.ID, pk.PointInput{Side: "con", Text: "Less time."})
	ok("point", err)
	_, err = db.Evaluations.ClosureTasks(c, pid, ev.Evaluation.ID, pk.ClosurePlanInput{Title: "Closing well"})
	ok("closure tasks", err)
	// Indicators: the list (whole, by goal, by plan, as of a day), one
	// indicator, its measurements, recording one.
	inds := w.Indicators()
	for _, f := range []pk.IndicatorFilter{{}, {GoalID: pl.Goal.ID}, {PlanID: pl.Plan.ID}, {AsOf: "2026-02-01"}} {
		run("indicators", func(ctx context.Context) error { _, _, err := db.Indicators.Indicators(ctx, pid, f); return err })
	}
	run("indicator", func(ctx context.Context) error {
		_, err := db.Indicators.Indicator(ctx, pid, inds.Reached.ID)
		return err
	})
	run("measurements", func(ctx context.Context) error {
		_, _, err := db.Indicators.Measurements(ctx, pid, inds.Reached.ID)
		return err
	})
	x := 1.0
	_, err = db.Indicators.RecordMeasurement(m, pid, inds.Reached.ID, pk.MeasurementInput{Date: "2026-03-01", Value: &x})
	ok("record measurement", err)

	// Deletes and merges, whose cascades follow every foreign key.
	keep, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Keeper", Kind: "group"})
	ok("create actor", err)
	dup, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Keeper (copy)", Kind: "group"})
	ok("create actor", err)
	_, err = db.Actors.MergeActors(c, pid, keep.ID, dup.ID)
	ok("merge actors", err)
	keep, err = db.Actors.Actor(c, pid, keep.ID)
	ok("actor", err)
	ok("delete actor", db.Actors.DeleteActor(c, pid, keep.ID, keep.Version))
	ok("delete tactic", db.Maps.DeleteTactic(c, pid, maps.Map.ID, maps.Tactic.ID, maps.Tactic.Version))
	private, err := db.Maps.Map(c, pid, maps.Private.ID)
	ok("map", err)
	ok("delete map", db.Maps.DeleteMap(c, pid, private.ID, private.Version))

	// The job worker.
	n, err := db.Jobs.PendingJobs(context.Background())
	ok("pending jobs", err)
	for range n + 1 {
		j, err := db.Jobs.ClaimJob(context.Background())
		ok("claim job", err)
		if j == nil {
			break
		}
		ok("finish job", db.Jobs.FinishJob(context.Background(), j, nil))
	}
	// Surveys: the list, the links, the results and the export (the
	// world already made a survey, its links and an answer).
	sv := w.Surveys()
	run("surveys", func(ctx context.Context) error { _, err := db.Surveys.Surveys(ctx, pid); return err })
	run("survey results", func(ctx context.Context) error {
		_, err := db.Surveys.SurveyResults(ctx, pid, sv.Satisfaction.ID)
		return err
	})
	run("survey export", func(ctx context.Context) error {
		_, err := db.Surveys.ExportSurvey(ctx, pid, sv.Satisfaction.ID, "csv")
		return err
	})
	_, err = db.Surveys.SurveyLinks(c, pid, sv.Satisfaction.ID)
	ok("survey links", err)
	_, err = db.Surveys.SurveyResults(c, pid, sv.PrePost.ID)
	ok("pre/post results", err)
	_, err = db.Surveys.SurveyByLink(context.Background(), sv.Code)
	ok("survey by link", err)

	// Notifications: the jobs, the inbox and its count in every header.
	bg := context.Background()
	ok("derive", db.Events.Derive(bg, nil))
	ok("tick", db.Events.Tick(bg, nil))
	inbox, _, err := db.Notifications.Notifications(m, false, pk.PageRequest{})
	ok("inbox", err)
	_, _, err = db.Notifications.Notifications(m, true, pk.PageRequest{})
	ok("unread inbox", err)
	_, err = db.Notifications.UnreadCount(m)
	ok("unread count", err)
	if len(inbox) > 0 {
		_, err = db.Notifications.MarkRead(m, inbox[0].ID)
		ok("mark read", err)
	}
	_, err = db.Notifications.MarkAllRead(m)
	ok("mark all read", err)
	ok("purge", db.Events.Purge(bg, nil))

	// Webhooks: the list, the fan-out of the events above, a test sent
	// and recorded, and the delivery log.
	hook := w.Webhooks().Hook
	_, err = db.Webhooks.Webhooks(c, pid)
	ok("webhooks", err)
	_, err = db.Webhooks.FanOut(bg)
	ok("fan-out", err)
	d, err := db.Webhooks.TestWebhook(c, pid, hook.ID)
	ok("test webhook", err)
	out, err := db.Webhooks.StartDelivery(bg, d.ID, 1)
	ok("start delivery", err)
	if out != nil {
		ok("finish delivery", db.Webhooks.FinishDelivery(bg, out, sqldb.DeliveryOutcome{StatusCode: 500}))
	}
	_, _, err = db.Webhooks.WebhookDeliveries(c, pid, hook.ID, pk.PageRequest{})
	ok("webhook deliveries", err)
	// Notification email: settings, planning from the events, a mail of
	// its own and a digest claimed and finished, an unsubscribe link.
	mailWorkload(t, db, w)
}

func mailWorkload(t *testing.T, db *sqldb.DB, w *sqldbtest.World) {
	t.Helper()
	bg := context.Background()
	s, err := db.Mail.NotificationSettings(w.Observer.Ctx)
	if err == nil {
		_, err = db.Mail.UpdateNotificationSettings(w.Observer.Ctx, pk.NotificationSettingsInput{Frequency: pk.EmailImmediately, TimeZone: "UTC",
			Partnerships: map[string]string{w.Partnership.ID: pk.EmailImmediately}, KindsOff: []string{"survey.opened"}, Version: s.Version})
	}
	if err == nil {
		_, err = db.Tasks.CreateTask(w.Coordinator.Ctx, w.Partnership.ID, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: "Explain", AssigneeID: w.Observer.ID})
	}
	if err == nil {
		err = db.Events.Derive(bg, nil)
	}
	if err == nil {
		_, err = db.Mail.PlanNotificationMail(bg)
	}
	var keys []string
	if err == nil {
		keys, err = db.Mail.DueNotificationMail(bg, 100)
	}
	w.Clock.Advance(48 * time.Hour)
	if more, err2 := db.Mail.DueNotificationMail(bg, 100); err == nil {
		keys, err = append(keys, more...), err2
	}
	var token string
	for _, k := range append(keys, "d:"+w.Member.ID+":daily:"+w.Clock.Now().Format("2006-01-02")) {
		if err != nil {
			break
		}
		var m *sqldb.NotificationMail
		if m, err = db.Mail.ClaimNotificationMail(bg, k); err == nil && m != nil {
			token = m.Unsubscribe
			err = db.Mail.FinishNotificationMail(bg, m, nil)
		}
	}
	if err == nil && token != "" {
		_, err = db.Mail.Unsubscribe(bg, token)
	}
	if err != nil {
		t.Fatal("mail:", err)
	}
}
