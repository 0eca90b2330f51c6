package keep

import "testing"

// A drawing is made once per kept value and name, anew for a new version,
// and each time for a value that was not kept.
func TestDrawn(t *testing.T) {
	t.Parallel()
	draws := 0
	draw := func() (any, error) { draws++; return draws, nil }
	get := func(scope, version, name string) int {
		t.Helper()
		v, err := Drawn(scope, version, name, draw)
		if err != nil {
			t.Fatal(err)
		}
		return v.(int)
	}
	scope := "drawn test " + t.Name()
	first := get(scope, "1", "en")
	if again := get(scope, "1", "en"); again != first {
		t.Errorf("drawn again for the same value and name: %d, then %d", first, again)
	}
	if ar := get(scope, "1", "ar"); ar == first {
		t.Error("another name got the same drawing")
	}
	if next := get(scope, "2", "en"); next == first {
		t.Error("a new version got the old drawing")
	}
	if a, b := get("", "1", "en"), get("", "1", "en"); a == b {
		t.Error("a value that was not kept was not drawn each time")
	}
	if a, b := get(scope, "", "en"), get(scope, "", "en"); a == b {
		t.Error("a value without a version was not drawn each time")
	}
}
