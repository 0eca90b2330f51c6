package plan

import (
	"bytes"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

var testAPI = &api.API{Bundle: i18n.MustLoad()}

// A page of tasks made from the kept page (twice: drawn, then found) is
// byte for byte the list encoded as every other answer is, for every role
// and language, a page with a next cursor included; a status changed
// shows at once.
func TestTaskListAnswerKept(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		task := w.Plans().MemberTask
		answer := func(who *sqldbtest.Person, lang string, pg pk.PageRequest) []byte {
			t.Helper()
			var got []byte
			for i := range 2 {
				l, err := db.Tasks.TaskList(who.Ctx, pid, pk.TaskFilter{}, pg)
				if err != nil {
					t.Fatal(err)
				}
				if l.Kept.Scope == "" || l.Kept.Version == "" {
					t.Fatalf("the page does not name what it was kept as: %+v", l.Kept)
				}
				want, err := testAPI.Encode(lang, api.List[*pk.Task]{Items: api.NonNil(l.Items), NextCursor: l.Next})
				if err != nil {
					t.Fatal(err)
				}
				e, err := taskListAnswer(testAPI, lang, l)
				if err != nil {
					t.Fatal(err)
				}
				if got = e.Bytes(); !bytes.Equal(got, want) {
					t.Fatalf("%s, %s, %d: the kept answer differs from the whole encoded:\n got %.1500s\nwant %.1500s", who.Email, lang, i, got, want)
				}
			}
			return got
		}
		for _, who := range []*sqldbtest.Person{w.Coordinator, w.Member, w.Observer} {
			for _, lang := range i18n.Languages {
				answer(who, lang, pk.PageRequest{})
				if first := answer(who, lang, pk.PageRequest{Limit: 1}); !bytes.Contains(first, []byte(`"next_cursor":"`)) ||
					bytes.Contains(first, []byte(`"next_cursor":""`)) {
					t.Fatalf("%s: a page of one task has no next cursor: %s", who.Email, first)
				}
			}
		}
		if _, err := db.Tasks.SetTaskStatus(w.Member.Ctx, pid, task.ID, pk.TaskStatusInput{Status: pk.TaskDropped, Version: task.Version}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(answer(w.Observer, "en", pk.PageRequest{}), []byte(`"status":"dropped"`)) {
			t.Error("a status changed does not show")
		}
	})
}
