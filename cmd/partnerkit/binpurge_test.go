package main

import (
	"context"
	"errors"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// countingPurger counts purges and fails the first one.
type countingPurger struct{ calls atomic.Int32 }

func (c *countingPurger) PurgeExpiredBin(context.Context) (int, error) {
	if c.calls.Add(1) == 1 {
		return 0, errors.New("database busy")
	}
	return 1, nil
}

// purgeOnce stops the timer after its first purge.
type purgeOnce struct {
	binPurger
	stop context.CancelFunc
}

func (p purgeOnce) PurgeExpiredBin(ctx context.Context) (int, error) {
	defer p.stop()
	return p.binPurger.PurgeExpiredBin(ctx)
}

// The timer purges at start, goes on after an error, and stops with its
// context (the server's shutdown waits for it).
func TestPurgeBinRunsUntilStopped(t *testing.T) {
	p := &countingPurger{}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		purgeBin(ctx, p, time.Millisecond, slog.New(slog.DiscardHandler))
	}()
	deadline := time.Now().Add(5 * time.Second)
	for p.calls.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the purge timer did not stop with its context")
	}
	if n := p.calls.Load(); n < 3 {
		t.Fatalf("%d purges, want the first and more after its error", n)
	}
}

// Against the real storage, the timer's first run removes an item past
// its 30 days and leaves a fresh one.
func TestPurgeBinRemovesExpiredItems(t *testing.T) {
	db := sqldbtest.Open(t, "sqlite")
	w := sqldbtest.NewWorld(t, db)
	c, pid := w.Coordinator.Ctx, w.Partnership.ID
	w.Clock.Advance(pk.BinRetention + time.Minute)
	a, err := db.Actors.CreateActor(c, pid, pk.ActorInput{Name: "Fresh deletion", Kind: "group", Sector: "civil_society"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Actors.DeleteActor(c, pid, a.ID, a.Version); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	purgeBin(ctx, purgeOnce{db.Bin, cancel}, time.Hour, slog.New(slog.DiscardHandler))
	w.Clock.Advance(-pk.BinRetention) // the old item would show again if it were still there
	items, _, err := db.Bin.BinItems(c, pid, pk.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].SubjectID != a.ID {
		t.Fatalf("bin after purge: %d items, want only the fresh one", len(items))
	}
}
