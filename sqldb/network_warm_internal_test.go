package sqldb

import (
	"strconv"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/network"
)

// Only the views read last, and lately, are watched; each at the newest
// version read or analysed.
func TestNetworkViewsWatched(t *testing.T) {
	t.Parallel()
	var nv networkViews
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	view := func(pid string, version int64, at time.Time) {
		nv.saw(&pk.Network{Partnership: &pk.Partnership{ID: pid}, Key: network.Key{Scope: "scope " + pid, Version: version}}, at)
	}
	for i := range warmViews + 2 {
		view("p"+strconv.Itoa(i), 3, start.Add(time.Duration(i)*time.Minute))
	}
	byScope := func(views []networkView) map[string]networkView {
		m := map[string]networkView{}
		for _, v := range views {
			m[v.scope] = v
		}
		return m
	}
	watched := nv.watched(start.Add(10 * time.Minute))
	got := byScope(watched)
	if len(got) != warmViews {
		t.Fatalf("watching %d views, want the %d read last", len(got), warmViews)
	}
	if watched[0].scope != "scope p5" {
		t.Errorf("watched first %s, want the view read last", watched[0].scope)
	}
	for i := range 2 {
		if _, ok := got["scope p"+strconv.Itoa(i)]; ok {
			t.Errorf("p%d, read before the %d others, is still watched", i, warmViews)
		}
	}
	// An older read does not take a view back to an older version.
	view("p5", 2, start.Add(11*time.Minute))
	nv.analysed("scope p5", 7)
	if v := byScope(nv.watched(start.Add(11 * time.Minute)))["scope p5"]; v.version != 7 {
		t.Errorf("p5 watched at version %d, want 7", v.version)
	}
	// Fifteen minutes after its last read a view is let go.
	if left := nv.watched(start.Add(11*time.Minute + warmFor + time.Second)); len(left) != 0 {
		t.Errorf("still watching %d views nobody read for %s", len(left), warmFor)
	}
	view("p9", 1, start)
	nv.forget("p9")
	if len(nv.watched(start)) != 0 {
		t.Error("a forgotten partnership's view is still watched")
	}
}
