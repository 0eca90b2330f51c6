package sqldb_test

import (
	"errors"
	"slices"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// An import writes its rows in its own transaction on either engine (COPY
// on PostgreSQL): an error after the rows went in leaves nothing behind,
// and a written import raises the network's version and keeps every field.
func TestImportWrittenInTransaction(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, ctx := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		if copies, err := sqldb.ImportCopies(ctx, db); err != nil || copies != (db.Dialect == sqldb.Postgres) {
			t.Fatalf("copies %v %v on %v", copies, err, db.Dialect)
		}
		version := func() int64 {
			var v int64
			if err := sqldb.RawForTest(db).QueryRowContext(ctx, `SELECT network_version FROM partnerships WHERE id = $1`, pid).Scan(&v); err != nil {
				t.Fatal(err)
			}
			return v
		}
		before, _ := db.Actors.CountActors(ctx, pid, pk.ActorFilter{})
		v0 := version()
		data := []byte("name,kind,sector,tags,motivation,notes,sensitive\n" +
			"Bibliothèque Nord,institution,public,\"lecture, quartier\",Un lieu,Ouvre le soir,no\n" +
			"Témoin protégé,individual,,,,,yes\n")

		boom := errors.New("boom")
		_, err := db.Actors.ImportActors(sqldb.WithImportWritten(ctx, func() error { return boom }), pid, data, nil, false)
		if !errors.Is(err, boom) {
			t.Fatalf("err %v", err)
		}
		if n, _ := db.Actors.CountActors(ctx, pid, pk.ActorFilter{}); n != before || version() != v0 {
			t.Fatalf("an undone import left %d actors (was %d), version %d (was %d)", n, before, version(), v0)
		}

		imp, err := db.Actors.ImportActors(ctx, pid, data, nil, false)
		if err != nil || imp.Imported != 2 {
			t.Fatalf("import %v %+v", err, imp)
		}
		if n, _ := db.Actors.CountActors(ctx, pid, pk.ActorFilter{}); n != before+2 {
			t.Errorf("count %d, want %d", n, before+2)
		}
		if version() <= v0 {
			t.Error("the import did not raise the network's version")
		}
		got, _, _ := db.Actors.Actors(ctx, pid, pk.ActorFilter{Query: "bibliotheque"}, pk.PageRequest{})
		if len(got) != 1 {
			t.Fatalf("search finds %v", actorNames(got))
		}
		if a := got[0]; a.Kind != "institution" || a.Sector != "public" || !slices.Equal(a.Tags, []string{"lecture", "quartier"}) ||
			a.Motivation != "Un lieu" || a.Notes != "Ouvre le soir" || a.Sensitive || a.Version != 1 || !a.CreatedAt.Equal(a.UpdatedAt) || a.CreatedAt.IsZero() {
			t.Errorf("imported %+v", a)
		}
		got, _, _ = db.Actors.Actors(ctx, pid, pk.ActorFilter{Query: "Témoin"}, pk.PageRequest{})
		if len(got) != 1 || !got[0].Sensitive || got[0].Kind != "individual" {
			t.Errorf("sensitive %v", got)
		}
		got, _, _ = db.Actors.Actors(w.Member.Ctx, pid, pk.ActorFilter{Query: "Témoin"}, pk.PageRequest{})
		if len(got) != 0 {
			t.Errorf("a member sees %v", actorNames(got))
		}
	})
}
