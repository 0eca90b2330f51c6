package sqldb

import (
	"regexp"
	"slices"
	"testing"
	"time"
)

// An import's IDs come in ascending order, each after those of earlier
// imports, are all different, and look like any other ID.
func TestImportIDs(t *testing.T) {
	first := importIDs(5000)
	time.Sleep(2 * time.Millisecond)
	second := importIDs(5000)
	shape := regexp.MustCompile(`^[a-z2-7]{20}$`)
	seen := map[string]bool{}
	for _, ids := range [][]string{first, second} {
		if !slices.IsSorted(ids) {
			t.Error("an import's IDs are not in ascending order")
		}
		for _, id := range ids {
			if !shape.MatchString(id) || len(id) != len(newID()) {
				t.Fatalf("ID %q is not of newID's shape", id)
			}
			if seen[id] {
				t.Fatalf("ID %q made twice", id)
			}
			seen[id] = true
		}
	}
	if first[len(first)-1] >= second[0] {
		t.Errorf("a later import's IDs (%s…) sort before an earlier one's (…%s)", second[0], first[len(first)-1])
	}
	// The random part differs from one ID to the next.
	if first[0][9:] == first[1][9:] {
		t.Errorf("IDs %s and %s share their random part", first[0], first[1])
	}
}
