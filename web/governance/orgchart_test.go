package governance

import (
	"encoding/xml"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// The chart is well-formed XML whatever the names hold, nests a body under
// its parent a row lower, and survives a loop in the data.
func TestOrgChart(t *testing.T) {
	t.Parallel()
	tr := func(id string, args ...any) string { return id }
	bodies := []*pk.Body{
		{ID: "a", Name: `<script>alert("x")</script> & Co`},
		{ID: "b", Name: "لجنة العمل", ParentID: "a"},
		{ID: "c", Name: "Loop one", ParentID: "d"},
		{ID: "d", Name: "Loop two", ParentID: "c"},
	}
	svg := string(orgChart(bodies, map[string]int{"a": 3}, tr))
	if err := xml.Unmarshal([]byte(svg), new(struct{})); err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, svg)
	}
	if strings.Contains(svg, "<script") {
		t.Fatal("a name was not escaped")
	}
	if !strings.Contains(svg, `direction="rtl"`) || strings.Count(svg, "<line") != 3 {
		t.Fatalf("chart:\n%s", svg)
	}
	d := depths(bodies)
	if d["a"] != 0 || d["b"] != 1 || d["c"] > pk.MaxBodies {
		t.Fatalf("depths %v", d)
	}
}
