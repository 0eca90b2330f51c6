package sqldb_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/notify"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// tick runs the reminders' job as the worker would.
func tick(t *testing.T, db *sqldb.DB) {
	t.Helper()
	if err := db.Events.Tick(context.Background(), nil); err != nil {
		t.Fatal("tick:", err)
	}
}

// everyInbox lists every notification of a person, all pages.
func everyInbox(t *testing.T, db *sqldb.DB, who *sqldbtest.Person) []*pk.Notification {
	t.Helper()
	var out []*pk.Notification
	cursor := ""
	for {
		list, next, err := db.Notifications.Notifications(who.Ctx, false, pk.PageRequest{Cursor: cursor, Limit: 20})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, list...)
		if next == "" {
			return out
		}
		cursor = next
	}
}

// pageShows reports whether the person may open the page a notification
// links to, asking the same store method the page asks.
func pageShows(db *sqldb.DB, who *sqldbtest.Person, ev pk.Event) error {
	ctx, pid := who.Ctx, ev.PartnershipID
	var err error
	switch ev.SubjectType {
	case "invitation":
		_, err = db.Members.InvitationList(ctx, pid)
	case "proposal":
		_, err = db.Decisions.Proposal(ctx, pid, ev.SubjectID)
	case "meeting":
		_, err = db.Meetings.Meeting(ctx, pid, ev.SubjectID)
	case "action_item":
		_, err = db.Meetings.Meeting(ctx, pid, ev.Data["meeting_id"])
	case "task":
		_, err = db.Tasks.Task(ctx, pid, ev.SubjectID)
	case "plan":
		var p *pk.Partnership
		if p, err = db.Partnerships.Partnership(ctx, pid); err == nil && !pk.Can(p.MyRole, pk.ActionWriteReports) {
			err = pk.Forbidden()
		}
		if err == nil {
			_, err = db.Plans.Plan(ctx, pid, ev.SubjectID)
		}
	case "agreement":
		_, err = db.Agreements.Agreement(ctx, pid, ev.SubjectID)
	case "survey":
		_, err = db.Surveys.Survey(ctx, pid, ev.SubjectID)
	case "health_round":
		_, err = db.Health.Round(ctx, pid, ev.SubjectID)
	default:
		err = pk.NotFound()
	}
	return err
}

// Every kind of event, for every role: each person's inbox holds only what
// their pages would show them, nothing from a partnership they are not in,
// nothing derived from an entry about sensitive data, and nothing of a
// secret ballot but its outcome.
func TestEveryEventForEveryRole(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, bg := w.DB, w.Partnership.ID, context.Background()
		c := w.Coordinator.Ctx
		step := func(what string, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", what, err)
			}
		}
		// A second coordinator, who hears of the first one's invitations.
		u, err := db.Accounts.CreateUser(bg, pk.SignUpInput{Email: "second@example.org", Name: "Sami Second", Password: sqldbtest.Password}, false)
		step("second coordinator", err)
		second := &sqldbtest.Person{User: u, Ctx: pk.NewContextWithUser(bg, u)}
		x, err := db.Members.Invite(c, pid, pk.InvitationInput{Email: u.Email, Role: "coordinator"})
		step("invite", err)
		_, err = db.Members.AcceptInvitation(second.Ctx, x.ID, "")
		step("accept", err)
		_, err = db.Members.Invite(c, pid, pk.InvitationInput{Email: "guest@example.org", Role: "observer"})
		step("invite a guest", err)

		// The agreement signed by every member organisation (before the
		// voters' organisations join).
		ag := w.Agreement().Agreement
		_, err = db.Agreements.SignAgreement(c, pid, ag.ID, pk.AgreementSignInput{OrganisationID: w.Org.ID, TypedName: w.Coordinator.Name})
		step("sign", err)

		// A secret ballot, decided; the charter then asks for agendas a
		// week ahead.
		secret, voters, votes := castSecretly(t, w, 5)
		_, err = db.Decisions.CloseProposal(c, pid, secret.ID, pk.ChairInput{})
		step("close the secret proposal", err)
		ch, err := db.Charter.Charter(c, pid)
		step("charter", err)
		text := ch.CharterText
		text.AgendaDaysAhead = 7
		_, err = db.Charter.AdoptCharter(c, pid, pk.CharterInput{Version: ch.Version, AdoptedOn: "2026-03-02", AdoptedByBody: ch.AdoptedByBody,
			Rules: ch.Rules, Areas: ch.Areas, CharterText: text})
		step("charter with notice", err)

		// A vote closing within the day; a task and an action item due
		// tomorrow for the observer.
		gov := w.Governance()
		closing, err := db.Decisions.CreateProposal(c, pid, pk.ProposalInput{Title: "Join the city forum", Text: "x", BodyID: gov.Committee.ID,
			ClosesAt: w.Clock.Now().Add(20 * time.Hour)})
		step("closing proposal", err)
		tomorrow := w.Clock.Now().AddDate(0, 0, 1).Format(time.DateOnly)
		_, err = db.Tasks.CreateTask(c, pid, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: "Post the call for delegates", AssigneeID: w.Observer.ID, Due: tomorrow})
		step("task", err)
		_, err = db.Meetings.AddActionItem(c, pid, w.Meetings().Next.ID, pk.ActionItemInput{What: "Bring the sign-up sheet", UserID: w.Observer.ID, Due: tomorrow})
		step("action item", err)
		// A report due for the member's plan.
		payload := []byte(`{"partnership_id":"` + pid + `","period":"2026-03"}`)
		step("report reminder", db.Reports.RemindConveners(bg, payload))

		// Sensitive data: an actor and a tie marked sensitive.
		sensitive, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Hidden Informant Karim", Kind: "individual", Sensitive: true})
		step("sensitive actor", err)

		derive(t, db)
		tick(t, db)
		// Two days on: the task and the action item are overdue.
		w.Clock.Advance(48 * time.Hour)
		tick(t, db)
		// A week before the March committee: its agenda is late.
		w.Clock.Set(time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC))
		tick(t, db)
		next, err := db.Meetings.Meeting(c, pid, w.Meetings().Next.ID)
		step("meeting", err)
		_, err = db.Meetings.CirculateAgenda(c, pid, next.ID, next.Version)
		step("circulate", err)
		// At the March committee, February's minutes are approved.
		w.Clock.Set(time.Date(2026, 3, 20, 11, 0, 0, 0, time.UTC))
		last, err := db.Meetings.Meeting(c, pid, w.Meetings().Last.ID)
		step("last meeting", err)
		_, err = db.Meetings.ApproveMinutes(c, pid, last.ID, pk.MinutesApprovalInput{AtMeetingID: next.ID, Version: last.Version})
		step("approve minutes", err)
		derive(t, db)

		people := map[string]*sqldbtest.Person{"coordinator": w.Coordinator, "second coordinator": second, "member": w.Member,
			"observer": w.Observer, "outsider": w.Outsider}
		for i, v := range voters {
			people["voter "+string(rune('a'+i))] = v
		}
		mine := map[string]map[string]bool{} // person → partnerships they are in
		for name, p := range people {
			ps, _, err := db.Partnerships.Partnerships(p.Ctx, pk.PageRequest{Limit: pk.MaxPageSize}, true)
			step("partnerships", err)
			mine[name] = map[string]bool{}
			for _, x := range ps {
				mine[name][x.ID] = true
			}
		}
		en := i18n.MustLoad().Localizer("en")
		seen := map[string]bool{}
		for name, p := range people {
			for _, n := range everyInbox(t, db, p) {
				ev := n.Event
				seen[string(ev.Kind)] = true
				if !mine[name][ev.PartnershipID] {
					t.Errorf("%s: %s from a partnership they are not in", name, ev.Kind)
				}
				if err := pageShows(db, p, ev); err != nil {
					t.Errorf("%s: %s about %s %s, whose page answers %v", name, ev.Kind, ev.SubjectType, ev.SubjectID, err)
				}
				txt := notify.Render(en, ev)
				all := txt.Title + " " + txt.Summary + " " + strings.Join(mapValues(ev.Data), " ")
				if strings.Contains(all, sensitive.Name) {
					t.Errorf("%s: %s names the sensitive actor: %q", name, ev.Kind, all)
				}
				if ev.SubjectID == secret.ID {
					for k := range ev.Data {
						if k != "title" && k != "outcome" && k != "closes" {
							t.Errorf("%s: the secret proposal's %s carries %q", name, ev.Kind, k)
						}
					}
					for _, v := range votes {
						if strings.Contains(all, v.Reason) || strings.Contains(all, v.ID) || ev.Data["outcome"] == v.Choice {
							t.Errorf("%s: the secret proposal's %s tells a ballot: %q", name, ev.Kind, all)
						}
					}
					for _, vp := range voters {
						if strings.Contains(all, vp.Name) {
							t.Errorf("%s: the secret proposal's %s names a voter: %q", name, ev.Kind, all)
						}
					}
				}
				// Only the people it names are reminded of a vote.
				if ev.Kind == pk.EventProposalClosing && ev.SubjectID == closing.ID && name != "member" {
					t.Errorf("%s was reminded of a vote they do not cast", name)
				}
			}
		}
		for _, k := range pk.EventKinds {
			if !seen[k] {
				t.Errorf("no one received %s: the test does not cover it", k)
			}
		}
		// Nothing at all came of an entry about sensitive data.
		var n int
		step("sensitive events", sqldb.RawForTest(db).QueryRow(`SELECT COUNT(*) FROM events e JOIN audit_log a ON a.seq = e.audit_seq WHERE a.sensitive`).Scan(&n))
		if n != 0 {
			t.Errorf("%d events from entries about sensitive data", n)
		}
		// Leaving the partnership empties the inbox of it (checked again
		// at read time).
		before := len(everyInbox(t, db, w.Observer))
		step("leave", db.Members.Leave(w.Observer.Ctx, pid))
		if after := len(everyInbox(t, db, w.Observer)); before == 0 || after != 0 {
			t.Errorf("observer's inbox: %d before leaving, %d after", before, after)
		}
	})
}

func mapValues(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}
