package agreement

import "testing"

func TestJoin(t *testing.T) {
	got := Join([]Section{
		{ID: "partners", Title: " Partners\nand people ", Body: "- A\r\n- B\r\n\r\n"},
		{ID: "purpose", Title: "Purpose", Body: ""},
		{ID: "values", Title: "Values", Body: "Respect.  "},
	})
	want := "## Partners and people\n\n- A\n- B\n\n## Purpose\n\n\n## Values\n\nRespect.\n"
	if got != want {
		t.Fatalf("Join =\n%q\nwant\n%q", got, want)
	}
	// The same words from two browsers are the same text, hence the same hash.
	a := Join([]Section{{ID: "x", Title: "X", Body: "one\r\ntwo"}})
	b := Join([]Section{{ID: "x", Title: "X", Body: "one\ntwo\n"}})
	if Hash(a) != Hash(b) {
		t.Error("line endings changed the joined text")
	}
}
