package sqldb_test

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// secretVote is one voter's ballot in the secrecy tests: each voter picks
// a different choice and writes a reason of their own, so that anything
// showing a voter beside "their" choice or reason is a link.
type secretVote struct {
	ID, Choice, Reason string
}

// secretChoices are five different Gradients of Agreement choices.
var secretChoices = []string{"endorse", "agree_minor", "support_reservations", "dislike_support", "more_discussion"}

// linkIn reports the first voter whose ID appears in texts together with
// their own choice or reason; texts is one record (a row, a JSON object).
func linkIn(texts []string, votes []secretVote) string {
	all := strings.Join(texts, "\x00")
	for _, v := range votes {
		if strings.Contains(all, v.ID) && (strings.Contains(all, `"`+v.Choice+`"`) || containsCell(texts, v.Choice) ||
			strings.Contains(all, v.Reason)) {
			return v.ID
		}
	}
	return ""
}

func containsCell(texts []string, s string) bool {
	for _, t := range texts {
		if t == s {
			return true
		}
	}
	return false
}

// jsonLinks walks a JSON document and checks every object that names
// exactly one voter: it must not hold that voter's choice or reason.
// (An object naming several voters is a list; its items are checked.)
func jsonLinks(t *testing.T, where string, doc []byte, votes []secretVote) {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	var walk func(x any) []string
	walk = func(x any) []string {
		var texts []string
		switch y := x.(type) {
		case map[string]any:
			for k, c := range y {
				texts = append(texts, k)
				texts = append(texts, walk(c)...)
			}
			named := 0
			for _, vote := range votes {
				if strings.Contains(strings.Join(texts, "\x00"), vote.ID) {
					named++
				}
			}
			if named == 1 {
				if id := linkIn(texts, votes); id != "" {
					t.Errorf("%s: an object ties voter %s to their ballot: %.300v", where, id, y)
				}
			}
		case []any:
			for _, c := range y {
				texts = append(texts, walk(c)...)
			}
		case string:
			texts = append(texts, y)
		}
		return texts
	}
	walk(v)
}

// castSecretly opens a secret Gradients proposal to a committee of five
// new seated people and the world's member, and has the five vote.
func castSecretly(t *testing.T, w *sqldbtest.World, n int) (*pk.Proposal, []*sqldbtest.Person, []secretVote) {
	t.Helper()
	db, pid := w.DB, w.Partnership.ID
	body, err := db.Bodies.CreateBody(w.Coordinator.Ctx, pid, pk.BodyInput{Name: "Election committee", Kind: pk.BodyCustom})
	if err != nil {
		t.Fatal(err)
	}
	c := w.Governance().Charter
	in := pk.CharterInput{Version: c.Version, AdoptedOn: "2026-03-01", AdoptedByBody: c.AdoptedByBody, Areas: c.Areas, CharterText: c.CharterText,
		Rules: append(c.Rules, pk.BodyRule{BodyID: body.ID, Method: pk.MethodGradients, Quorum: 0.5, Unit: pk.UnitPerson})}
	if _, err := db.Charter.AdoptCharter(w.Coordinator.Ctx, pid, in); err != nil {
		t.Fatal(err)
	}
	voters := w.AddVoters(t, body.ID, 6, false)
	p, err := db.Decisions.CreateProposal(w.Coordinator.Ctx, pid, pk.ProposalInput{Title: "Elect the treasurer", Text: "Amina as treasurer.",
		BodyID: body.ID, Secret: true, ClosesAt: w.Clock.Now().Add(48 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if p.Results != pk.ResultsAfterClose || p.MinBallots != pk.MinSecretBallots {
		t.Fatalf("secret proposal: %+v", p)
	}
	var votes []secretVote
	for i := range n {
		v := secretVote{ID: voters[i].ID, Choice: secretChoices[i], Reason: fmt.Sprintf("reason-%d-of-this-voter", i)}
		got, err := db.Decisions.CastBallot(voters[i].Ctx, pid, p.ID, pk.BallotInput{Choice: v.Choice, Reason: v.Reason})
		if err != nil {
			t.Fatal(err)
		}
		if !got.HasVoted || got.MyChoice != "" || got.Tally != nil || got.BallotsCast != i+1 {
			t.Fatalf("after a secret vote: %+v", got)
		}
		votes = append(votes, v)
		// A new voter seated after the first ballot sees no tally to
		// compare later tallies against.
		w.Clock.Advance(time.Minute)
	}
	return p, voters, votes
}

func TestSecretBallotsLeaveNoLink(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		p, voters, votes := castSecretly(t, w, 5)
		// Nobody sees anything of the tally while voting goes on, not the
		// coordinator, not a voter who votes last.
		for _, who := range []*sqldbtest.Person{w.Coordinator, voters[0], voters[5]} {
			got, err := db.Decisions.Proposal(who.Ctx, pid, p.ID)
			if err != nil || got.Tally != nil || got.ResultsHidden != pk.ResultsAfterClose {
				t.Fatalf("open secret proposal: %v %+v", err, got)
			}
		}
		// The archive of a partnership with an open secret proposal carries
		// the voters and the anonymous tally apart: people travel by email.
		byEmail := make([]secretVote, len(votes))
		for i, v := range votes {
			byEmail[i] = secretVote{ID: voters[i].Email, Choice: v.Choice, Reason: v.Reason}
		}
		docs := archiveSecrecy(t, w, append(slices.Clone(votes), byEmail...))
		if !bytes.Contains(docs["proposal_voters.json"], []byte(voters[0].Email)) || !bytes.Contains(docs["secret_tallies.json"], []byte(votes[0].Reason)) {
			t.Fatalf("the archive lacks the voters or the tally: %s %s", docs["proposal_voters.json"], docs["secret_tallies.json"])
		}
		// The tally's entries are sorted, never in the order of casting.
		var tallies []struct{ Ballots string }
		if err := json.Unmarshal(docs["secret_tallies.json"], &tallies); err != nil || len(tallies) != 1 {
			t.Fatalf("tallies: %v %s", err, docs["secret_tallies.json"])
		}
		var tallyEntries []json.RawMessage
		json.Unmarshal([]byte(tallies[0].Ballots), &tallyEntries)
		if !slices.IsSortedFunc(tallyEntries, func(a, b json.RawMessage) int { return strings.Compare(string(a), string(b)) }) || len(tallyEntries) != 5 {
			t.Errorf("tally entries not sorted: %s", tallies[0].Ballots)
		}
		if bytes.Contains(docs["secret_tallies.json"], []byte("_at")) || bytes.Contains(docs["proposal_voters.json"], []byte("_at\"")) {
			t.Errorf("a time beside a secret ballot or voter")
		}
		// A secret vote cannot be changed: nothing finds it again.
		if _, err := db.Decisions.CastBallot(voters[0].Ctx, pid, p.ID, pk.BallotInput{Choice: "block", Reason: "x"}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("changed a secret vote: %v", err)
		}
		closed, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, p.ID, pk.ChairInput{})
		if err != nil || closed.Tally == nil || closed.Tally.Cast != 5 || closed.Outcome == nil {
			t.Fatalf("closed: %v %+v", err, closed)
		}
		for _, c := range closed.Tally.Counts {
			want := 0
			for _, v := range votes {
				if v.Choice == c.Choice {
					want = 1
				}
			}
			if c.N != want {
				t.Fatalf("count of %s: %d, want %d", c.Choice, c.N, want)
			}
		}
		ctx := context.Background()
		raw := sqldb.RawForTest(db)
		// Every row of every table.
		for _, table := range tables(t, raw, w) {
			rows, err := raw.QueryContext(ctx, `SELECT * FROM `+table)
			if err != nil {
				t.Fatal(err)
			}
			cols, _ := rows.Columns()
			for rows.Next() {
				cells := make([]any, len(cols))
				ptrs := make([]any, len(cols))
				for i := range cells {
					ptrs[i] = &cells[i]
				}
				if err := rows.Scan(ptrs...); err != nil {
					t.Fatal(err)
				}
				texts := make([]string, len(cells))
				for i, c := range cells {
					switch x := c.(type) {
					case []byte:
						texts[i] = string(x)
					case string:
						texts[i] = x
					}
				}
				if id := linkIn(texts, votes); id != "" {
					t.Errorf("table %s: a row ties voter %s to their ballot: %q", table, id, texts)
				}
			}
			rows.Close()
		}
		// The audit log as coordinators read it.
		entries, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{Limit: pk.MaxPageSize})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(entries)
		jsonLinks(t, "audit log", b, votes)
		// Each voter's personal data.
		for _, v := range voters[:5] {
			d, err := db.Accounts.MyData(v.Ctx)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := json.Marshal(d)
			jsonLinks(t, "personal data of "+v.ID, b, votes)
			if !strings.Contains(string(b), p.ID) {
				t.Errorf("personal data of %s does not say they voted", v.ID)
			}
		}
		// The partnership archive, document by document, once closed.
		archiveSecrecy(t, w, append(slices.Clone(votes), byEmail...))
		// The decision and the log.
		d, err := db.Decisions.Decision(w.Coordinator.Ctx, pid, closed.DecisionID)
		if err != nil || d.Tally == nil || !d.Secret {
			t.Fatalf("decision: %v %+v", err, d)
		}
	})
}

// archiveSecrecy exports the world's partnership and checks that no
// document, JSON or CSV, ties a voter to their ballot; it returns the
// documents.
func archiveSecrecy(t *testing.T, w *sqldbtest.World, votes []secretVote) map[string][]byte {
	t.Helper()
	a, err := w.DB.Portability.ExportPartnership(w.Coordinator.Ctx, w.Partnership.ID, pk.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Data), int64(len(a.Data)))
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		docs[f.Name] = body
		if strings.HasSuffix(f.Name, ".json") {
			jsonLinks(t, "archive "+f.Name, body, votes)
		} else if strings.HasSuffix(f.Name, ".csv") {
			for _, line := range strings.Split(string(body), "\n") {
				if id := linkIn(strings.Split(line, ","), votes); id != "" {
					t.Errorf("archive %s: a line ties voter %s to their ballot", f.Name, id)
				}
			}
		}
	}
	return docs
}

// tables lists the database's tables on either engine.
func tables(t *testing.T, raw interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}, w *sqldbtest.World) []string {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if w.DB.Dialect == sqldb.Postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := raw.QueryContext(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		rows.Scan(&s)
		out = append(out, s)
	}
	if len(out) < 20 {
		t.Fatalf("only %d tables", len(out))
	}
	return out
}

func TestSecretResultsNeedEnoughBallots(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		p, _, _ := castSecretly(t, w, 4)
		closed, err := db.Decisions.CloseProposal(w.Coordinator.Ctx, pid, p.ID, pk.ChairInput{})
		if err != nil || closed.Tally != nil || closed.Outcome != nil || closed.ResultsHidden != "too_few" || closed.BallotsCast != 4 {
			t.Fatalf("four secret ballots: %v %+v", err, closed)
		}
		d, err := db.Decisions.Decision(w.Coordinator.Ctx, pid, closed.DecisionID)
		if err != nil || d.Tally != nil || d.Outcome != nil || !d.TooFew {
			t.Fatalf("decision: %v %+v", err, d)
		}
		// A minimum below five is refused.
		_, err = db.Decisions.CreateProposal(w.Coordinator.Ctx, pid, pk.ProposalInput{Title: "x", Text: "x", BodyID: p.BodyID, Secret: true,
			MinBallots: 4, ClosesAt: w.Clock.Now().Add(time.Hour)})
		wantField(t, err, "min_ballots")
	})
}
