package sqldb_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A worker whose lease ran out while its job was slow must not finish (nor
// retry) the job another worker has claimed since: only the newer claim
// decides, so the job is done once.
func TestFinishJobOnlyActsOnItsOwnClaim(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		clock := sqldbtest.NewClock()
		db.Now = clock.Now
		if err := sqldb.EnqueueForTest(ctx, db, "slow", map[string]string{}, "slow:1"); err != nil {
			t.Fatal(err)
		}
		first, err := db.Jobs.ClaimJob(ctx)
		if err != nil || first == nil {
			t.Fatalf("claim: %v, %v", first, err)
		}
		if again, err := db.Jobs.ClaimJob(ctx); err != nil || again != nil {
			t.Fatalf("a held job was claimed twice: %v, %v", again, err)
		}
		clock.Advance(6 * time.Minute) // past the lease
		second, err := db.Jobs.ClaimJob(ctx)
		if err != nil || second == nil || second.ID != first.ID {
			t.Fatalf("after the lease: %v, %v", second, err)
		}
		if second.Claim == first.Claim || second.Claim == "" {
			t.Fatalf("claims %q and %q", first.Claim, second.Claim)
		}
		for _, outcome := range []error{nil, errors.New("slow failure")} {
			if err := db.Jobs.FinishJob(ctx, first, outcome); !errors.Is(err, sqldb.ErrClaimLost) {
				t.Fatalf("the stale claim finished (%v): %v", outcome, err)
			}
		}
		if n, _ := db.Jobs.PendingJobs(ctx); n != 1 {
			t.Fatalf("pending %d after the stale claim's finish, want 1", n)
		}
		if held, err := db.Jobs.ClaimJob(ctx); err != nil || held != nil {
			t.Fatalf("the stale claim's finish released the newer claim: %v, %v", held, err)
		}
		if err := db.Jobs.FinishJob(ctx, second, nil); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.Jobs.PendingJobs(ctx); n != 0 {
			t.Fatalf("pending %d, want 0", n)
		}
		if err := db.Jobs.FinishJob(ctx, second, nil); !errors.Is(err, sqldb.ErrClaimLost) {
			t.Fatalf("finished twice: %v", err)
		}
	})
}

// A failed claim gives the job back for a retry under a new claim.
func TestFailedJobIsClaimedAfresh(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		clock := sqldbtest.NewClock()
		db.Now = clock.Now
		if err := sqldb.EnqueueForTest(ctx, db, "flaky", map[string]string{}, ""); err != nil {
			t.Fatal(err)
		}
		first, _ := db.Jobs.ClaimJob(ctx)
		if err := db.Jobs.FinishJob(ctx, first, errors.New("down")); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Hour)
		second, err := db.Jobs.ClaimJob(ctx)
		if err != nil || second == nil || second.Attempts != 2 || second.Claim == first.Claim {
			t.Fatalf("retry claim %+v, %v", second, err)
		}
		if err := db.Jobs.FinishJob(ctx, second, nil); err != nil {
			t.Fatal(err)
		}
	})
}

// A job cut short by the server's stop is not a failure: it stays pending
// and runs again once its claim lapses. A job that finished as the stop came
// is recorded as done.
func TestJobsAtTheStop(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		clock := sqldbtest.NewClock()
		db.Now = clock.Now
		for _, kind := range []string{"cut", "done"} {
			if err := sqldb.EnqueueForTest(context.Background(), db, kind, map[string]string{}, kind+":1"); err != nil {
				t.Fatal(err)
			}
			ctx, stop := context.WithCancel(context.Background())
			db.Jobs.RunDueJobs(ctx, map[string]sqldb.JobHandler{
				"cut":  func(ctx context.Context, _ []byte) error { stop(); return ctx.Err() },
				"done": func(context.Context, []byte) error { stop(); return nil },
			}, nil)
			stop()
		}
		if n, _ := db.Jobs.PendingJobs(context.Background()); n != 1 {
			t.Fatalf("pending %d after the stop, want the cut job only", n)
		}
		clock.Advance(6 * time.Minute) // past the lease
		ran := 0
		db.Jobs.RunDueJobs(context.Background(), map[string]sqldb.JobHandler{
			"cut": func(context.Context, []byte) error { ran++; return nil },
		}, nil)
		if n, _ := db.Jobs.PendingJobs(context.Background()); ran != 1 || n != 0 {
			t.Fatalf("after the lease: the cut job ran %d times, %d pending", ran, n)
		}
	})
}
