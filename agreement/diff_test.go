package agreement

import (
	"reflect"
	"strings"
	"testing"
)

func TestLines(t *testing.T) {
	for _, c := range []struct {
		name string
		a, b []string
		want []Row
	}{
		{"empty", nil, nil, nil},
		{"same", []string{"x"}, []string{"x"}, []Row{{"same", "x", "x"}}},
		{"added", nil, []string{"x"}, []Row{{"added", "", "x"}}},
		{"removed", []string{"x"}, nil, []Row{{"removed", "x", ""}}},
		{"reworded", []string{"a", "b", "c"}, []string{"a", "B", "c"},
			[]Row{{"same", "a", "a"}, {"changed", "b", "B"}, {"same", "c", "c"}}},
		{"two for one", []string{"a", "b"}, []string{"a", "b1", "b2"},
			[]Row{{"same", "a", "a"}, {"changed", "b", "b1"}, {"added", "", "b2"}}},
		{"inserted in the middle", []string{"a", "c"}, []string{"a", "b", "c"},
			[]Row{{"same", "a", "a"}, {"added", "", "b"}, {"same", "c", "c"}}},
	} {
		if got := Lines(c.a, c.b); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %v want %v", c.name, got, c.want)
		}
	}
}

// Past MaxDiffLines a section is shown as replaced, without the quadratic table.
func TestLinesBounded(t *testing.T) {
	long := strings.Split(strings.Repeat("x\n", MaxDiffLines+1), "\n")
	rows := Lines(long, []string{"y"})
	if rows[0].Op != "changed" || len(rows) != len(long) {
		t.Fatalf("rows %d first %v", len(rows), rows[0])
	}
}

func TestDiffSections(t *testing.T) {
	old := []Section{{ID: "purpose", Title: "Purpose", Body: "a\nb"}, {ID: "values", Title: "Values", Body: "v"}, {ID: "gone", Title: "Gone", Body: "g"}}
	new := []Section{{ID: "purpose", Title: "Purpose", Body: "a\r\nb\r\n"}, {ID: "values", Title: "Values", Body: "w"}, {ID: "budget", Title: "Budget", Body: "m"}}
	d := Diff(old, new)
	got := map[string]bool{}
	for _, s := range d {
		got[s.ID] = s.Changed
	}
	want := map[string]bool{"purpose": false, "values": true, "budget": true, "gone": true}
	if !reflect.DeepEqual(got, want) || d[3].ID != "gone" || d[3].Rows[0].Op != "removed" {
		t.Fatalf("changed %v, last %+v", got, d[len(d)-1])
	}
}
