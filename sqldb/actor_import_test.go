package sqldb_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
	"github.com/partnerkit/partnerkit/tabular"
)

func fieldNames(err error) []string {
	e, _ := pk.AsError(err)
	var out []string
	if e != nil {
		for _, f := range e.Fields {
			out = append(out, f.Field)
		}
	}
	return out
}

func TestImportActors(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, m := w.Partnership.ID, w.Member.Ctx
		before, _ := db.Actors.CountActors(w.Coordinator.Ctx, pid, pk.ActorFilter{})

		// A French spreadsheet: BOM, semicolons, quoted separators, accents.
		fr := "\uFEFFNom;Type;Secteur;Étiquettes;Attentes;Apport\n" +
			"Mairie de Leipzig;institution;Secteur public;\"ville; décideurs\";Une ville accueillante;Salles\n" +
			"Radio Blau;organisation;médias;presse;;Émissions en arabe\n"
		// An Arabic one with commas.
		ar := "الاسم,النوع,القطاع,ملاحظات\nجمعية المسجد,مجموعة,ديني,دروس مساء الجمعة\nشبكة الشباب,group,المجتمع المدني,\n"
		for _, c := range []struct {
			name  string
			data  string
			names []string
		}{{"french", fr, []string{"Mairie de Leipzig", "Radio Blau"}}, {"arabic", ar, []string{"جمعية المسجد", "شبكة الشباب"}}} {
			t.Run(c.name, func(t *testing.T) {
				imp, err := db.Actors.ImportActors(m, pid, []byte(c.data), nil, false)
				if err != nil {
					t.Fatal(err)
				}
				if imp.Imported != 2 {
					t.Fatalf("imported %d", imp.Imported)
				}
				for _, n := range c.names {
					got, _, _ := db.Actors.Actors(m, pid, pk.ActorFilter{Query: n}, pk.PageRequest{})
					if len(got) != 1 || got[0].Name != n {
						t.Errorf("%s: %v", n, actorNames(got))
					}
				}
			})
		}
		mairie, _, _ := db.Actors.Actors(m, pid, pk.ActorFilter{Query: "Mairie"}, pk.PageRequest{})
		if a := mairie[0]; a.Sector != "public" || !slices.Equal(a.Tags, []string{"décideurs", "ville"}) || a.Motivation != "Une ville accueillante" {
			t.Errorf("mairie %+v", a)
		}
		mosque, _, _ := db.Actors.Actors(m, pid, pk.ActorFilter{Query: "المسجد"}, pk.PageRequest{})
		if a := mosque[0]; a.Kind != "group" || a.Sector != "faith_based" || a.Notes == "" {
			t.Errorf("mosque %+v", a)
		}

		// All or nothing: two bad rows refuse the file, naming both.
		bad := "name,kind,sector,sensitive\nGood one,group,,no\n,group,,\nThird,robot,nowhere,perhaps\n"
		_, err := db.Actors.ImportActors(m, pid, []byte(bad), nil, false)
		wantCode(t, err, pk.EINVALID)
		got := fieldNames(err)
		for _, want := range []string{"row 3.name", "row 4.kind", "row 4.sector", "row 4.sensitive"} {
			if !slices.Contains(got, want) {
				t.Errorf("errors %v lack %s", got, want)
			}
		}
		if n, _ := db.Actors.CountActors(m, pid, pk.ActorFilter{Query: "Good one"}); n != 0 {
			t.Error("a refused import wrote rows")
		}
		// The dry run previews the same without failing.
		prev, err := db.Actors.ImportActors(m, pid, []byte(bad), nil, true)
		if err != nil || len(prev.Errors) != 4 || prev.Rows != 3 || prev.Imported != 0 || len(prev.Sample) != 3 {
			t.Fatalf("preview %v %+v", err, prev)
		}
		if prev.Errors[0].Row != 3 || prev.Errors[0].Field != "row 3.name" {
			t.Errorf("first error %+v", prev.Errors[0])
		}
		// A file error names its row.
		_, err = db.Actors.ImportActors(m, pid, []byte("name\nok\n\"broken\n"), nil, false)
		if got := fieldNames(err); !slices.Equal(got, []string{"row 3"}) {
			t.Errorf("syntax error fields %v (%v)", got, err)
		}
		_, err = db.Actors.ImportActors(m, pid, []byte("Nom\xff\n"), nil, false)
		wantField(t, err, "row 1")
		_, err = db.Actors.ImportActors(m, pid, []byte("name\n"+strings.Repeat("x\n", tabular.MaxRows+1)), nil, true)
		wantCode(t, err, pk.EINVALID)
		// Without a name column nothing can be imported; a mapping fixes it.
		odd := "Wer,Was\nStadtbibliothek,institution\n"
		_, err = db.Actors.ImportActors(m, pid, []byte(odd), nil, false)
		wantField(t, err, "mapping")
		_, err = db.Actors.ImportActors(m, pid, []byte(odd), map[string]string{"Nope": "name"}, false)
		wantField(t, err, "mapping")
		imp, err := db.Actors.ImportActors(m, pid, []byte(odd), map[string]string{"Wer": "name", "Was": "kind"}, false)
		if err != nil || imp.Imported != 1 {
			t.Fatalf("mapped import %v %+v", err, imp)
		}
		// Re-importing a name is flagged as a possible duplicate, within
		// the file too.
		prev, err = db.Actors.ImportActors(m, pid, []byte("name\nRadio Blau\nNew\nnew\n"), nil, true)
		if err != nil || len(prev.Duplicates) != 2 || prev.Duplicates[0].Row != 2 || prev.Duplicates[1].Row != 4 {
			t.Errorf("duplicates %v %+v", err, prev.Duplicates)
		}
		after, _ := db.Actors.CountActors(w.Coordinator.Ctx, pid, pk.ActorFilter{})
		if after != before+5 {
			t.Errorf("count %d → %d, want +5", before, after)
		}
		es, _, _ := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{Limit: 5})
		if es[0].Action != "actor.import" || es[0].Summary != "1" {
			t.Errorf("last audit %+v", es[0])
		}
		// A written import reports them too, against the register as it
		// was before its own rows.
		imp, err = db.Actors.ImportActors(m, pid, []byte("name\nRadio Blau\nNew\nnew\n"), nil, false)
		if err != nil || imp.Imported != 3 || len(imp.Duplicates) != 2 || imp.Duplicates[0].Row != 2 || imp.Duplicates[1].Row != 4 {
			t.Errorf("written import's duplicates %v %+v", err, imp)
		}
		_, err = db.Actors.ImportActors(w.Observer.Ctx, pid, []byte(odd), nil, true)
		wantCode(t, err, pk.EFORBIDDEN)
	})
}

func TestImportPrivacy(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		// An import's summary, which members read in the activity feed,
		// does not count the sensitive rows.
		imp, err := db.Actors.ImportActors(w.Coordinator.Ctx, pid, []byte("name,sensitive\nA,no\nB,yes\nC,oui\n"), nil, false)
		if err != nil || imp.Imported != 3 {
			t.Fatalf("import %v %+v", err, imp)
		}
		d, _ := db.Partnerships.Dashboard(w.Member.Ctx, pid)
		if d.Recent[0].Action != "actor.import" || d.Recent[0].Summary != "1" {
			t.Errorf("feed entry %+v", d.Recent[0])
		}
		data := []byte("name\n" + sqldbtest.SensitiveActorName2 + "\n")
		// A member is not told that a sensitive actor has this name.
		prev, err := db.Actors.ImportActors(w.Member.Ctx, pid, data, nil, true)
		if err != nil || len(prev.Duplicates) != 0 {
			t.Errorf("member sees a duplicate hint: %v %+v", err, prev)
		}
		prev, err = db.Actors.ImportActors(w.Coordinator.Ctx, pid, data, nil, true)
		if err != nil || len(prev.Duplicates) != 1 {
			t.Errorf("coordinator: %v %+v", err, prev)
		}
	})
}

func TestExportActors(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		if _, err := db.Actors.CreateActor(w.Member.Ctx, pid, pk.ActorInput{Name: "=cmd|' /C calc'!A0", Kind: "group", Tags: []string{"a", "b"}}); err != nil {
			t.Fatal(err)
		}
		for _, format := range []string{"csv", "xlsx"} {
			for _, who := range []*sqldbtest.Person{w.Member, w.Coordinator} {
				b, err := db.Actors.ExportActors(who.Ctx, pid, format, pk.ActorFilter{})
				if err != nil {
					t.Fatal(err)
				}
				tb, err := tabular.Read(b)
				if err != nil {
					t.Fatal(err)
				}
				n, _ := db.Actors.CountActors(who.Ctx, pid, pk.ActorFilter{})
				if len(tb.Rows) != n || !slices.Equal(tb.Header, sqldb.ExportColumns) {
					t.Errorf("%s as %s: %d rows, want %d", format, who.Name, len(tb.Rows), n)
				}
				text := fmt.Sprint(tb.Rows)
				hasSensitive := strings.Contains(text, sqldbtest.SensitiveActorName2)
				if hasSensitive != (who == w.Coordinator) {
					t.Errorf("%s as %s: sensitive actor included %v", format, who.Name, hasSensitive)
				}
				es, _, _ := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{Limit: 1})
				wantSensitive := fmt.Sprintf(`"sensitive_included":%v`, who == w.Coordinator)
				if es[0].Action != "actor.export" || !strings.Contains(es[0].After, wantSensitive) {
					t.Errorf("audit %+v", es[0])
				}
			}
		}
		b, _ := db.Actors.ExportActors(w.Member.Ctx, pid, "csv", pk.ActorFilter{Kind: "group"})
		if !strings.Contains(string(b), "'=cmd") || !strings.Contains(string(b), `"a, b"`) {
			t.Errorf("csv %s", b)
		}
		_, err := db.Actors.ExportActors(w.Member.Ctx, pid, "pdf", pk.ActorFilter{})
		wantField(t, err, "format")
		_, err = db.Actors.ExportActors(w.Observer.Ctx, pid, "csv", pk.ActorFilter{})
		wantCode(t, err, pk.EFORBIDDEN)
		// An export imports again (ids and dates are ignored).
		b, _ = db.Actors.ExportActors(w.Member.Ctx, pid, "xlsx", pk.ActorFilter{Kind: "group"})
		imp, err := db.Actors.ImportActors(w.Member.Ctx, pid, b, nil, true)
		if err != nil || len(imp.Errors) != 0 || imp.Mapping[0] != tabular.Ignore || imp.Mapping[1] != "name" {
			t.Errorf("re-import %v %+v", err, imp)
		}
	})
}

func BenchmarkActors2000(b *testing.B) {
	w := sqldbtest.OpenWorld(b, "sqlite")
	db := w.DB
	seed := make([]sqldb.SeedActor, 2000)
	for i := range seed {
		seed[i] = sqldb.SeedActor{Name: fmt.Sprintf("Actor %04d", i), Kind: "group", Sensitive: i%10 == 0}
	}
	if _, err := sqldb.NewSeeder(db).SeedActors(w.Coordinator.Ctx, w.Partnership.ID, seed, nil); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		n := 0
		cursor := ""
		for {
			page, next, err := db.Actors.Actors(w.Member.Ctx, w.Partnership.ID, pk.ActorFilter{}, pk.PageRequest{Limit: pk.MaxPageSize, Cursor: cursor})
			if err != nil {
				b.Fatal(err)
			}
			n += len(page)
			if cursor = next; next == "" {
				break
			}
		}
		if n < 1800 {
			b.Fatalf("listed %d", n)
		}
	}
}
