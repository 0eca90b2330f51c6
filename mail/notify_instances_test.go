package mail_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Two servers on one PostgreSQL database run the same due work at the same
// time: every notification mail and every digest goes exactly once.
func TestTwoInstancesSendEachMailOnce(t *testing.T) {
	t.Parallel()
	w := sqldbtest.OpenWorld(t, "postgres") // skips without PostgreSQL
	one, two := w.DB, sqldbtest.AnotherInstance(t, w.DB)
	o := &outbox{}
	w.Clock.Set(time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC))
	work(t, one, o)
	o.sent = nil
	setMail(t, one, w.Observer, pk.EmailImmediately, "UTC")
	setMail(t, one, w.Member, pk.EmailDaily, "UTC")
	const n = 12
	for i := range n {
		assign(t, w, w.Observer, fmt.Sprintf("Immediate task %02d", i))
		assign(t, w, w.Member, fmt.Sprintf("Digest task %02d", i))
	}
	// Both instances run the job queue and call the mail job directly,
	// side by side, several times.
	race := func() {
		var wg sync.WaitGroup
		for _, db := range []*sqldb.DB{one, two, one, two} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				h := handlers(db, o)
				for range 3 {
					for db.Jobs.RunDueJobs(context.Background(), h, nil) > 0 {
					}
					if err := h[sqldb.NotifyEmailJob](context.Background(), nil); err != nil {
						t.Error(err)
					}
				}
			}()
		}
		wg.Wait()
	}
	race()
	for i := range n {
		if got := len(o.to(w.Observer.Email, fmt.Sprintf("Immediate task %02d", i))); got != 1 {
			t.Errorf("immediate task %d: %d mails, want 1", i, got)
		}
	}
	if got := len(o.to(w.Member.Email, "Digest task")); got != 0 {
		t.Errorf("%d digests before their hour", got)
	}
	w.Clock.Set(time.Date(2026, 6, 2, 7, 0, 0, 0, time.UTC))
	race()
	if got := len(o.to(w.Member.Email, "Digest task")); got != 1 {
		t.Errorf("%d digests to the member, want 1", got)
	}
	for i := range n {
		if got := len(o.to(w.Member.Email, fmt.Sprintf("Digest task %02d", i))); got != 1 {
			t.Errorf("digest task %d is in %d mails, want 1", i, got)
		}
	}
}
