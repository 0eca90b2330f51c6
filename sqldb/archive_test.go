package sqldb_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// unzipArchive returns the files of an archive by name.
func unzipArchive(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[f.Name] = b
	}
	return out
}

// orderedDocuments are those whose order is the order of events; the
// others are compared as sets (their order follows IDs, which change).
// (Histories carry their own seq, which is compared with the rest.)
var orderedDocuments = map[string]bool{"assessments.json": true}

// canonical reads a JSON document with every ID mapped through ids (when
// given), as one line per record; sets are sorted.
func canonical(t *testing.T, name string, b []byte, ids map[string]string) []string {
	t.Helper()
	var recs []map[string]any
	if err := json.Unmarshal(b, &recs); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []string
	for _, r := range recs {
		for k, v := range r {
			if s, ok := v.(string); ok && ids != nil {
				if n, ok := ids[s]; ok {
					r[k] = n
				} else if k == "content" {
					// A charter version names bodies inside its JSON.
					for old, n := range ids {
						s = strings.ReplaceAll(s, `"`+old+`"`, `"`+n+`"`)
					}
					r[k] = s
				}
			}
		}
		line, _ := json.Marshal(r)
		out = append(out, string(line))
	}
	if !orderedDocuments[name] {
		sort.Strings(out)
	}
	return out
}

// addArchiveFixtures gives the world what its fixtures lack so that every
// document of the archive holds something.
func addArchiveFixtures(t *testing.T, w *sqldbtest.World) {
	t.Helper()
	ctx := w.Coordinator.Ctx
	pid := w.Partnership.ID
	p, err := w.DB.Prospects.CreateProspect(ctx, pid, pk.ProspectInput{Name: "Tenants' Union", Kind: "organisation", ContactName: "Samir", UserID: w.Coordinator.ID, NextStepDue: "2031-05-01"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.DB.Prospects.SetProspectStatus(ctx, pid, p.ID, pk.ProspectStatusInput{Status: pk.ProspectResearching, Note: "Read their annual report", Version: p.Version}); err != nil {
		t.Fatal(err)
	}
	if _, err := w.DB.Preparation.SaveFormChoices(ctx, pid, pk.FormChoices{Basis: "geography", Structure: "informal"}); err != nil {
		t.Fatal(err)
	}
	books, err := w.DB.Playbooks.Playbooks(ctx, pid)
	if err != nil || len(books) < 2 {
		t.Fatalf("playbooks %v, %v", books, err)
	}
	v, err := w.DB.Playbooks.SetPlaybook(ctx, pid, books[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	// Moving on records a stage and its history, complete or not.
	if _, err := w.DB.Playbooks.AdvanceStage(ctx, pid, v.Current); err != nil {
		t.Logf("advance stage: %v", err)
	}
	addDecisionArchiveFixtures(t, w)
}

// addDecisionArchiveFixtures adds what the decisions documents need: the
// partnership's own lenses, an open secret proposal with its voters, a
// proxy, and people asking to re-open a decision.
func addDecisionArchiveFixtures(t *testing.T, w *sqldbtest.World) {
	t.Helper()
	db, ctx, pid, g := w.DB, w.Coordinator.Ctx, w.Partnership.ID, w.Governance()
	amendCharter(t, w, func(c *pk.CharterText) { c.ProxiesAllowed, c.ReopenShare, c.ReopenAfterMonths = true, 0.9, 1 })
	if _, err := db.Decisions.SetLenses(ctx, pid, pk.LensSetInput{Lenses: []pk.LensInput{{Key: "urgency", Weight: 2},
		{Name: "Our visibility", Weight: 1}}}); err != nil {
		t.Fatal(err)
	}
	voters := w.AddVoters(t, g.Group.ID, 5, false)
	p, err := db.Decisions.CreateProposal(w.Member.Ctx, pid, pk.ProposalInput{Title: "Elect the spokesperson", Text: "Nour as spokesperson.",
		BodyID: g.Group.ID, Secret: true, ClosesAt: w.Clock.Now().Add(72 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Decisions.GiveProxy(voters[0].Ctx, pid, p.ID, pk.ProxyInput{HolderID: voters[1].ID}); err != nil {
		t.Fatal(err)
	}
	for _, b := range []struct {
		who *sqldbtest.Person
		in  pk.BallotInput
	}{{voters[1], pk.BallotInput{Choice: "consent", ForUserID: voters[0].ID}}, {voters[1], pk.BallotInput{Choice: "stand_aside"}},
		{voters[2], pk.BallotInput{Choice: "object", Reason: "Not without an election."}}} {
		if _, err := db.Decisions.CastBallot(b.who.Ctx, pid, p.ID, b.in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Decisions.SupportReopening(w.Member.Ctx, pid, w.Decisions().Decision.ID); err != nil {
		t.Fatal(err)
	}
}

func TestArchiveRoundTrip(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		addArchiveFixtures(t, w)
		a, err := w.DB.Portability.ExportPartnership(w.Coordinator.Ctx, w.Partnership.ID, pk.ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if !a.Sensitive {
			t.Error("a coordinator's export of a partnership with sensitive actors says none went out")
		}
		orig := unzipArchive(t, a.Data)
		for name, b := range orig {
			if strings.HasSuffix(name, ".json") && name != "manifest.json" && len(canonical(t, name, b, nil)) == 0 {
				t.Errorf("%s is empty in the test world's archive: the round trip proves nothing for it", name)
			}
		}
		if !bytes.Contains(orig["actors.json"], []byte(sqldbtest.SensitiveActorName)) {
			t.Error("the coordinator's archive lacks the sensitive actor")
		}
		// Into an empty instance of each engine (SQLite → PostgreSQL among
		// them when PostgreSQL is configured), imported by someone with the
		// coordinator's address.
		for _, engine := range sqldbtest.Engines() {
			t.Run("into "+engine, func(t *testing.T) {
				db := sqldbtest.Open(t, engine)
				ctx := context.Background()
				u, err := db.Accounts.CreateUser(ctx, pk.SignUpInput{Email: w.Coordinator.Email, Name: w.Coordinator.Name, Password: sqldbtest.Password}, false)
				if err != nil {
					t.Fatal(err)
				}
				uctx := pk.NewContextWithUser(ctx, u)
				res, err := db.Portability.ImportPartnership(uctx, a.Data)
				if err != nil {
					t.Fatal(err)
				}
				// The member, the observer and the five voters of the decisions
				// fixtures.
				if len(res.NotAdded) != 0 || len(res.Placeholders) != 7 {
					t.Errorf("placeholders %v, not added %v; want the member, the observer and the voters as placeholders", res.Placeholders, res.NotAdded)
				}
				b, err := db.Portability.ExportPartnership(uctx, res.Partnership.ID, pk.ExportOptions{})
				if err != nil {
					t.Fatal(err)
				}
				again := unzipArchive(t, b.Data)
				compareArchives(t, orig, again, res.IDs)
			})
		}
	})
}

// compareArchives checks that two archives hold the same, apart from IDs
// (mapped through ids) and the time of export.
func compareArchives(t *testing.T, a, b map[string][]byte, ids map[string]string) {
	t.Helper()
	names := map[string]bool{}
	for n := range a {
		names[n] = true
	}
	for n := range b {
		names[n] = true
	}
	for name := range names {
		if !strings.HasSuffix(name, ".json") {
			if (a[name] == nil) != (b[name] == nil) {
				t.Errorf("%s is in only one archive", name)
			}
			continue
		}
		if name == "manifest.json" {
			var ma, mb map[string]any
			json.Unmarshal(a[name], &ma)
			json.Unmarshal(b[name], &mb)
			for _, m := range []map[string]any{ma, mb} {
				delete(m, "exported_at")
				delete(m["partnership"].(map[string]any), "id")
			}
			ja, _ := json.Marshal(ma)
			jb, _ := json.Marshal(mb)
			if !bytes.Equal(ja, jb) {
				t.Errorf("manifests differ:\n%s\n%s", ja, jb)
			}
			continue
		}
		ca, cb := canonical(t, name, a[name], ids), canonical(t, name, b[name], nil)
		if strings.Join(ca, "\n") != strings.Join(cb, "\n") {
			t.Errorf("%s differs after the round trip:\nexported: %s\nimported: %s", name, strings.Join(ca, "\n"), strings.Join(cb, "\n"))
		}
	}
}

func TestArchiveImportIntoTheSameInstance(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		a, err := w.DB.Portability.ExportPartnership(w.Coordinator.Ctx, w.Partnership.ID, pk.ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := w.DB.Portability.ImportPartnership(w.Outsider.Ctx, a.Data)
		if err != nil {
			t.Fatal(err)
		}
		// The outsider imports: they coordinate the copy; the people who
		// have accounts here are not put into it without saying yes.
		if res.Partnership.ID == w.Partnership.ID || res.Partnership.Name != w.Partnership.Name {
			t.Errorf("imported %+v", res.Partnership)
		}
		if len(res.Placeholders) != 0 {
			t.Errorf("placeholders %v in an instance where everyone has an account", res.Placeholders)
		}
		if got := strings.Join(res.NotAdded, ","); !strings.Contains(got, w.Member.Email) || strings.Contains(got, w.Outsider.Email) {
			t.Errorf("not added %q", got)
		}
		if _, err := w.DB.Partnerships.Partnership(w.Member.Ctx, res.Partnership.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("the member sees the copy: %v", err)
		}
		p, err := w.DB.Partnerships.Partnership(w.Outsider.Ctx, res.Partnership.ID)
		if err != nil || p.MyRole != pk.RoleCoordinator {
			t.Fatalf("importer's role %v, %v", p, err)
		}
		entries, _, err := w.DB.Partnerships.Audit(w.Outsider.Ctx, res.Partnership.ID, pk.PageRequest{})
		if err != nil || len(entries) == 0 || entries[0].Action != "partnership.import" {
			t.Errorf("the import is not audited: %v %v", entries, err)
		}
	})
}

func TestArchiveExportIsForCoordinatorsAndAudited(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		for _, who := range []string{"member", "observer", "outsider"} {
			_, err := w.DB.Portability.ExportPartnership(w.As(who).Ctx, w.Partnership.ID, pk.ExportOptions{})
			if code := pk.ErrorCode(err); code != pk.EFORBIDDEN && code != pk.ENOTFOUND {
				t.Errorf("%s exported the partnership: %v", who, err)
			}
		}
		a, err := w.DB.Portability.ExportPartnership(w.Coordinator.Ctx, w.Partnership.ID, pk.ExportOptions{WithoutSensitive: true})
		if err != nil {
			t.Fatal(err)
		}
		files := unzipArchive(t, a.Data)
		for name, b := range files {
			if bytes.Contains(b, []byte(sqldbtest.SensitiveActorName)) {
				t.Errorf("%s names the sensitive actor in an export without sensitive records", name)
			}
		}
		if a.Sensitive {
			t.Error("an export without sensitive records says they went out")
		}
		// The archive without sensitive records still imports: nothing
		// refers to what was left out.
		if _, err := w.DB.Portability.ImportPartnership(w.Coordinator.Ctx, a.Data); err != nil {
			t.Errorf("importing an archive without sensitive records: %v", err)
		}
		if _, err := w.DB.Portability.ExportPartnership(w.Coordinator.Ctx, w.Partnership.ID, pk.ExportOptions{}); err != nil {
			t.Fatal(err)
		}
		entries, _, err := w.DB.Partnerships.Audit(w.Coordinator.Ctx, w.Partnership.ID, pk.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		var said []string
		for _, e := range entries {
			if e.Action == "partnership.export" {
				said = append(said, e.After)
			}
		}
		if len(said) != 2 || !strings.Contains(said[0], `"sensitive_included":true`) || !strings.Contains(said[1], `"sensitive_included":false`) {
			t.Errorf("audit entries of the exports: %q", said)
		}
		// Members do not see in their activity feed that sensitive records
		// were exported.
		d, err := w.DB.Partnerships.Dashboard(w.Member.Ctx, w.Partnership.ID)
		if err != nil {
			t.Fatal(err)
		}
		{
			n := 0
			for _, e := range d.Recent {
				if e.Action == "partnership.export" {
					n++
				}
			}
			if n != 1 {
				t.Errorf("the member's feed shows %d exports, want only the one without sensitive records", n)
			}
		}
	})
}

// rewriteArchive returns the archive with one document replaced.
func rewriteArchive(t *testing.T, data []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	files := unzipArchive(t, data)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, b := range files {
		if n == name {
			b = edit(b)
		}
		f, _ := zw.Create(n)
		f.Write(b)
	}
	if _, ok := files[name]; !ok {
		f, _ := zw.Create(name)
		f.Write(edit(nil))
	}
	zw.Close()
	return buf.Bytes()
}

func TestArchiveImportRefusesBadArchivesWhole(t *testing.T) {
	t.Parallel()
	w := sqldbtest.OpenWorld(t, "sqlite")
	a, err := w.DB.Portability.ExportPartnership(w.Coordinator.Ctx, w.Partnership.ID, pk.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	replaceFirst := func(old, new string) func([]byte) []byte {
		return func(b []byte) []byte { return bytes.Replace(b, []byte(old), []byte(new), 1) }
	}
	for _, c := range []struct {
		name, field string
		data        []byte
	}{
		{"not a zip", "file", []byte("hello")},
		{"too large", "file", make([]byte, pk.MaxArchiveBytes+1)},
		{"later schema", "manifest.json.schema_version", rewriteArchive(t, a.Data, "manifest.json", replaceFirst(`"schema_version": 1`, `"schema_version": 99`))},
		{"unknown document", "calendar_notes.json", rewriteArchive(t, a.Data, "calendar_notes.json", func([]byte) []byte { return []byte("[]") })},
		{"broken reference", "relationships.json[1].from_actor", rewriteArchive(t, a.Data, "relationships.json", func(b []byte) []byte {
			var recs []map[string]any
			json.Unmarshal(b, &recs)
			recs[0]["from_actor"] = "nobody"
			out, _ := json.Marshal(recs)
			return out
		})},
		{"bad kind", "actors.json[2].kind", rewriteArchive(t, a.Data, "actors.json", func(b []byte) []byte {
			var recs []map[string]any
			json.Unmarshal(b, &recs)
			recs[1]["kind"] = "dragon"
			out, _ := json.Marshal(recs)
			return out
		})},
		{"unknown field", "maps.json[1].colour", rewriteArchive(t, a.Data, "maps.json", func(b []byte) []byte {
			var recs []map[string]any
			json.Unmarshal(b, &recs)
			recs[0]["colour"] = "red"
			out, _ := json.Marshal(recs)
			return out
		})},
		{"duplicate member", "members.json[2].user_id", rewriteArchive(t, a.Data, "members.json", func(b []byte) []byte {
			var recs []map[string]any
			json.Unmarshal(b, &recs)
			recs[1]["user_id"] = recs[0]["user_id"]
			out, _ := json.Marshal(recs)
			return out
		})},
		{"wrong type", "assessments.json[1].support", rewriteArchive(t, a.Data, "assessments.json", func(b []byte) []byte {
			var recs []map[string]any
			json.Unmarshal(b, &recs)
			recs[0]["support"] = "a lot"
			out, _ := json.Marshal(recs)
			return out
		})},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := countRows(t, w.DB)
			_, err := w.DB.Portability.ImportPartnership(w.Outsider.Ctx, c.data)
			e, ok := pk.AsError(err)
			if !ok || e.Code != pk.EINVALID || len(e.Fields) == 0 || e.Fields[0].Field != c.field {
				t.Fatalf("error %v, want one naming %s", err, c.field)
			}
			if after := countRows(t, w.DB); after != before {
				t.Errorf("a refused import wrote something: %d rows before, %d after", before, after)
			}
		})
	}
}

// countRows counts partnerships, people and organisations.
func countRows(t *testing.T, db *sqldb.DB) int {
	t.Helper()
	n := 0
	for _, q := range []string{"partnerships", "users", "organisations", "actors"} {
		var c int
		if err := sqldb.RawForTest(db).QueryRowContext(context.Background(), "SELECT COUNT(*) FROM "+q).Scan(&c); err != nil {
			t.Fatal(err)
		}
		n += c
	}
	return n
}
