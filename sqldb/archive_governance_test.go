package sqldb_test

import (
	"encoding/json"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Governance travels whole: a body nested under one created after it, its
// reporting line, every seat (ended ones too), and the charter, whose rules
// name the new bodies, so that "who decides" answers the same in the copy.
func TestArchiveCarriesGovernance(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid := w.DB, w.Coordinator.Ctx, w.Partnership.ID
		g := w.Governance()
		// A body made after the committee, which the committee then reports
		// to and sits under: the archive holds the child first.
		assembly, err := db.Bodies.CreateBody(c, pid, pk.BodyInput{Name: "General assembly", Kind: pk.BodyCustom, Quorum: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Bodies.UpdateBody(c, pid, g.Committee.ID, pk.BodyInput{Name: g.Committee.Name, Kind: g.Committee.Kind, Quorum: g.Committee.Quorum,
			ParentID: assembly.ID, ReportsToID: assembly.ID, ReportingCadence: "yearly", Version: g.Committee.Version})
		if err != nil {
			t.Fatal(err)
		}
		want, err := db.Charter.CharterRule(c, pid, "", pk.AreaExternalStatements)
		if err != nil {
			t.Fatal(err)
		}
		a, err := db.Portability.ExportPartnership(c, pid, pk.ExportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		res, err := db.Portability.ImportPartnership(w.Outsider.Ctx, a.Data)
		if err != nil {
			t.Fatal(err)
		}
		np, oc := res.Partnership.ID, w.Outsider.Ctx
		if res.Records["bodies"] != 3 || res.Records["body_seats"] != 4 || res.Records["charter_versions"] != 1 {
			t.Errorf("records %v", res.Records)
		}
		bodies, _, err := db.Bodies.Bodies(oc, np)
		if err != nil || len(bodies) != 3 {
			t.Fatalf("bodies %v %v", bodies, err)
		}
		byName := map[string]*pk.Body{}
		for _, b := range bodies {
			byName[b.Name] = b
			if b.ID == g.Committee.ID || b.ID == assembly.ID || b.ID == g.Group.ID {
				t.Errorf("the copy kept an ID of the original: %+v", b)
			}
		}
		committee, group := byName[g.Committee.Name], byName[g.Group.Name]
		if committee.ParentName != "General assembly" || committee.ReportsToName != "General assembly" || committee.ReportingCadence != "yearly" ||
			group.ParentID != committee.ID || group.ReportsToID != committee.ID {
			t.Errorf("links in the copy: committee %+v, group %+v", committee, group)
		}
		seats, _, err := db.Bodies.Seats(oc, np, committee.ID)
		if err != nil || len(seats) != 3 {
			t.Fatalf("seats %v %v", seats, err)
		}
		ended := 0
		for _, s := range seats {
			if s.Until != "" {
				ended++
			}
		}
		if ended != 1 {
			t.Errorf("the ended seat did not travel as ended: %+v", seats)
		}
		got, err := db.Charter.CharterRule(oc, np, "", pk.AreaExternalStatements)
		if err != nil || got.BodyID != group.ID || got.Method != want.Method || got.Unit != want.Unit || got.Quorum != want.Quorum {
			t.Errorf("rule in the copy %+v (%v), want %+v for the group %s", got, err, want, group.ID)
		}
		ch, err := db.Charter.Charter(oc, np)
		if err != nil || ch.AdoptedByBody != committee.ID || ch.SafeSpace != g.Charter.SafeSpace {
			t.Errorf("charter in the copy %+v %v", ch, err)
		}
	})
}

// An archive whose bodies sit under each other in a circle, or whose
// charter names a body it does not hold, is refused naming the record.
func TestArchiveRefusesBrokenGovernance(t *testing.T) {
	t.Parallel()
	w := sqldbtest.OpenWorld(t, "sqlite")
	a, err := w.DB.Portability.ExportPartnership(w.Coordinator.Ctx, w.Partnership.ID, pk.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	edit := func(fn func(recs []map[string]any)) func([]byte) []byte {
		return func(b []byte) []byte {
			var recs []map[string]any
			json.Unmarshal(b, &recs)
			fn(recs)
			out, _ := json.Marshal(recs)
			return out
		}
	}
	for _, c := range []struct {
		name, field string
		data        []byte
	}{
		{"loop", "bodies.json[1].parent_id", rewriteArchive(t, a.Data, "bodies.json", edit(func(recs []map[string]any) {
			recs[0]["parent_id"], recs[1]["parent_id"] = recs[1]["id"], recs[0]["id"]
		}))},
		{"unknown parent", "bodies.json[2].parent_id", rewriteArchive(t, a.Data, "bodies.json", edit(func(recs []map[string]any) {
			recs[1]["parent_id"] = "nobody"
		}))},
		{"unknown body in the charter", "charter_versions.json[1].content", rewriteArchive(t, a.Data, "charter_versions.json", edit(func(recs []map[string]any) {
			s := recs[0]["content"].(string)
			var cc map[string]any
			json.Unmarshal([]byte(s), &cc)
			cc["rules"].([]any)[0].(map[string]any)["body_id"] = "nobody"
			b, _ := json.Marshal(cc)
			recs[0]["content"] = string(b)
		}))},
		{"two bodies for one area", "charter_versions.json[1].areas.1.area", rewriteArchive(t, a.Data, "charter_versions.json", edit(func(recs []map[string]any) {
			recs[0]["content"] = strings.Replace(recs[0]["content"].(string), `"area":"admission"`, `"area":"budget"`, 1)
		}))},
		{"two holders", "body_seats.json[1].user_id", rewriteArchive(t, a.Data, "body_seats.json", edit(func(recs []map[string]any) {
			for _, r := range recs {
				if r["organisation_id"] != nil {
					recs[0]["organisation_id"], recs[0]["user_id"] = r["organisation_id"], w.Member.Email
				}
			}
		}))},
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
