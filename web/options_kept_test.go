package web

import (
	"fmt"
	"html/template"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// Kept options are exactly ChoiceOptions's for the same choices and chosen
// one, short lists or long, and a changed list, name or choice is never
// given the options kept for another, even one found under its hash.
func TestKeptOptionsFollowTheirChoices(t *testing.T) {
	list := func(n int, name string) []pk.Choice {
		out := make([]pk.Choice, n)
		for i := range out {
			out[i] = pk.Choice{ID: fmt.Sprintf("id%d", i), Name: fmt.Sprintf("%s <%d> & 'co'", name, i)}
		}
		return out
	}
	same := func(choices []pk.Choice, chosen string) {
		t.Helper()
		for range 2 { // written, then found
			if got, want := keptOptions(choices, chosen).HTML(), ChoiceOptions(choices, chosen); got != want {
				t.Fatalf("%d choices, %q chosen: kept options differ:\n%s\nwant\n%s", len(choices), chosen, got, want)
			}
		}
	}
	for _, n := range []int{0, 3, keptOptionsMin, 300} {
		same(list(n, "Person"), "")
		same(list(n, "Person"), "id2")
	}
	long := list(200, "Person")
	if !keptOptions(long, "").piece.Kept() {
		t.Error("a long list's options are not kept")
	}
	renamed := list(200, "Person")
	renamed[150].Name = "Someone else"
	same(renamed, "")
	same(list(201, "Person"), "")
	same(long, "id7")

	// Another list kept under this one's hash is not taken for it.
	other := list(200, "Organisation")
	keptOptionLists.Get(optionsKey(list(200, "Colliding"), ""), "options", func(any) (any, error) {
		return &optionList{choices: other, html: NewKeptHTML([]byte(ChoiceOptions(other, "")))}, nil
	})
	same(list(200, "Colliding"), "")

	// A page places long options as a piece and writes short ones.
	v := &View{}
	if got := v.Options(long, ""); got == ChoiceOptions(long, "") || len(v.placed) != 1 {
		t.Error("long options are not placed")
	}
	if got := v.Options(list(3, "Person"), "id1"); got != template.HTML(ChoiceOptions(list(3, "Person"), "id1")) {
		t.Errorf("short options: %s", got)
	}
}

// HTML drawn again is placed as the piece kept the first time, found by
// its content; other HTML, even kept under its hash, is never taken for
// it; short HTML is written as it is.
func TestPlaceDrawnFindsTheSameHTML(t *testing.T) {
	page := func(s string) template.HTML { return template.HTML(strings.Repeat("<li>"+s+"</li>", 400)) }
	placed := func(html template.HTML) (template.HTML, *View) {
		v := &View{}
		return v.PlaceDrawn(html), v
	}
	for _, html := range []template.HTML{page("one"), page("two"), page("one")} {
		got, v := placed(html)
		if len(v.placed) != 1 || string(v.placed[0].Raw) != string(html) || got == html {
			t.Fatalf("%.20s…: placed %d pieces", html, len(v.placed))
		}
	}
	other := page("other")
	keptDrawings.Get(drawnKey(page("colliding")), "drawn", func(any) (any, error) { return NewKeptHTML([]byte(other)), nil })
	if got, v := placed(page("colliding")); len(v.placed) != 0 || got != page("colliding") {
		t.Error("another drawing kept under this one's hash was placed")
	}
	if got, v := placed("<p>short</p>"); len(v.placed) != 0 || got != "<p>short</p>" {
		t.Error("short HTML was placed")
	}
}
