package sqldb

import "testing"

// lastBefore finds the last start for which the test holds, as the
// statement's MAX(starts_at) … WHERE starts_at <= now did.
func TestLastBefore(t *testing.T) {
	starts := []string{"2026-03-01T09:00:00.000000Z", "2026-03-02T09:00:00.000000Z", "2026-03-02T09:00:00.000000Z", "2026-03-05T18:30:00.000000Z"}
	for _, c := range []struct {
		now, want string
	}{
		{"2026-02-28T00:00:00.000000Z", ""},
		{"2026-03-01T08:59:59.999999Z", ""},
		{"2026-03-01T09:00:00.000000Z", starts[0]},
		{"2026-03-02T08:00:00.000000Z", starts[0]},
		{"2026-03-02T09:00:00.000000Z", starts[1]},
		{"2026-03-05T18:29:59.000000Z", starts[1]},
		{"2026-03-06T00:00:00.000000Z", starts[3]},
	} {
		if got := lastBefore(starts, func(s string) bool { return s <= c.now }); got != c.want {
			t.Errorf("by %s: %q, want %q", c.now, got, c.want)
		}
	}
	if got := lastBefore(nil, func(string) bool { return true }); got != "" {
		t.Errorf("no meetings: %q", got)
	}
	// Before a minute: a start within the minute is not counted.
	if got := lastBefore(starts, func(s string) bool { return s < "2026-03-05T18:30" }); got != starts[1] {
		t.Errorf("before the minute: %q", got)
	}
}
