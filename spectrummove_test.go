package partnerkit

import (
	"slices"
	"testing"

	"github.com/partnerkit/partnerkit/spectrum"
)

func TestMovesBetweenFollowsSpectrum(t *testing.T) {
	at := func(id string, s int) *Assessment {
		return &Assessment{ActorID: id, ActorName: "name " + id, Support: s}
	}
	then := []*Assessment{at("a", -1), at("b", 1), at("c", 0), at("gone", 2)}
	// Ordered as storage gives them (by name), not by ID.
	now := []*Assessment{at("d", 2), at("b", 0), at("a", 1), at("c", 0)}
	got := MovesBetween(then, now)
	want := []struct {
		id, dir string
		from    int
		to      int
	}{{"d", spectrum.New, 0, 2}, {"b", spectrum.Away, 1, 0}, {"a", spectrum.Towards, -1, 1}}
	if len(got) != len(want) {
		t.Fatalf("moves: %+v", got)
	}
	for i, w := range want {
		g := got[i]
		if g.ActorID != w.id || g.Direction != w.dir || g.To != w.to || g.Name != "name "+w.id {
			t.Errorf("move %d: %+v, want %+v", i, g, w)
		}
		if (w.dir == spectrum.New) != (g.From == nil) || (g.From != nil && *g.From != w.from) {
			t.Errorf("move %d from: %v, want %d", i, g.From, w.from)
		}
	}
	if len(MovesBetween(now, now)) != 0 {
		t.Error("no change should be no move")
	}
}

// The segment names are the spectrum package's, in support order.
func TestSegmentsAreTheSpectrums(t *testing.T) {
	want := []string{"active_opposition", "passive_opposition", "neutral", "passive_ally", "active_ally"}
	if !slices.Equal(Segments, want) {
		t.Fatalf("Segments = %v", Segments)
	}
	for i, k := range Segments {
		if n, ok := SegmentSupport(k); !ok || n != i-2 || spectrum.SegmentOf(n).Key() != k {
			t.Errorf("%s: %d %v", k, n, ok)
		}
	}
}
