package theoryofchange

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
)

// fakeT stands in for i18n: it shows the message ID followed by the
// arguments, so that user text reaches the output like it would in a
// real translation.
func fakeT(id string, args ...any) string {
	var b strings.Builder
	b.WriteString(id)
	for i := 0; i+1 < len(args); i += 2 {
		fmt.Fprintf(&b, " %v=%v", args[i], args[i+1])
	}
	return b.String()
}

// wellFormed parses the SVG and returns the root element's attributes and
// the text of every element by name.
func wellFormed(t *testing.T, svg []byte) (map[string]string, map[string][]string) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	attrs := map[string]string{}
	texts := map[string][]string{}
	var stack []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				for _, a := range tok.Attr {
					attrs[a.Name.Local] = a.Value
				}
			}
			stack = append(stack, tok.Name.Local)
			for _, a := range tok.Attr {
				if a.Name.Local == "style" {
					t.Errorf("style attribute on <%s>", tok.Name.Local)
				}
			}
			if tok.Name.Local == "style" || tok.Name.Local == "script" {
				t.Errorf("<%s> element in the SVG", tok.Name.Local)
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				n := stack[len(stack)-1]
				texts[n] = append(texts[n], string(tok))
			}
		}
	}
	return attrs, texts
}

func TestSVG(t *testing.T) {
	stmts := []Statement{
		{ID: "a", Level: Activity, If: `<script>alert(1)</script> & "quotes"`, Then: "turnout rises", Because: "people learn", Leads: []string{"o"}},
		st("o", Outcome, "g"), st("g", Goal, "v"),
		{ID: `v"><x`, Level: Vision, Then: "politicians listen to migrants"},
		st("lost", Activity),
	}
	stmts[2].Leads = []string{`v"><x`}
	problems := Check(stmts)
	svg := SVG(stmts, problems, fakeT)
	attrs, texts := wellFormed(t, svg)

	if attrs["role"] != "img" || !strings.HasPrefix(attrs["viewBox"], "0 0 ") {
		t.Errorf("root attributes: %v", attrs)
	}
	if len(texts["title"]) == 0 || !strings.HasPrefix(texts["title"][0], "theoryofchange.svg.title") {
		t.Errorf("first title = %v", texts["title"])
	}
	s := string(svg)
	for _, bad := range []string{"<script", "style=", "<style", `& "`, `"><x`} {
		if strings.Contains(s, bad) {
			t.Errorf("SVG contains %q", bad)
		}
	}
	// The decoded text still says what the user wrote.
	all := strings.Join(texts["tspan"], " ")
	if !strings.Contains(all, "<script>alert(1)</script>") || !strings.Contains(all, `& "quotes"`) {
		t.Errorf("user text lost: %q", all)
	}
	// The orphan is marked, the others are not; each level has its label.
	if n := strings.Count(s, "toc-problem"); n != 1 {
		t.Errorf("%d marked statements, want 1 (the orphan): %v", n, problems)
	}
	if !strings.Contains(s, `data-statement="lost"`) {
		t.Error("statement IDs missing")
	}
	for _, l := range Levels {
		if !strings.Contains(s, l.Message()) {
			t.Errorf("no label for %s", l)
		}
	}
	if n := strings.Count(s, "<line "); n != 3 {
		t.Errorf("%d arrows, want 3", n)
	}
}

func TestSVGOrderTopToBottom(t *testing.T) {
	stmts := []Statement{st("a", Activity, "o"), st("o", Outcome, "g"), st("g", Goal, "v"), st("v", Vision)}
	svg := string(SVG(stmts, nil, fakeT))
	y := func(id string) int {
		i := strings.Index(svg, `data-statement="`+id+`"`)
		var x, yy int
		fmt.Sscanf(svg[strings.Index(svg[i:], "<rect")+i:], `<rect x="%d" y="%d"`, &x, &yy)
		return yy
	}
	if !(y("v") < y("g") && y("g") < y("o") && y("o") < y("a")) {
		t.Errorf("levels not stacked with the vision on top: v=%d g=%d o=%d a=%d", y("v"), y("g"), y("o"), y("a"))
	}
}

func TestSVGProblemsMarked(t *testing.T) {
	stmts := []Statement{st("a", Activity, "o"), st("o", Outcome, "a"), st("g", Goal, "a")}
	problems := Check(stmts)
	svg := SVG(stmts, problems, fakeT)
	_, texts := wellFormed(t, svg)
	s := string(svg)
	if !strings.Contains(s, "theoryofchange.problem.no_vision") {
		t.Error("statement-less problem not shown")
	}
	if n := strings.Count(s, "toc-link-problem"); n != 3 {
		t.Errorf("%d problem links, want 3 (the circle a-o-a and g→a)", n)
	}
	if n := strings.Count(s, "toc-problem"); n < 3 {
		t.Errorf("%d marked statements: %v", n, problems)
	}
	if !strings.Contains(strings.Join(texts["title"], "\n"), "theoryofchange.problem.cycle") {
		t.Error("box titles do not list the problems")
	}
}

func TestSVGEdgeCases(t *testing.T) {
	long := strings.Repeat("word ", 200) + strings.Repeat("x", 300)
	for name, stmts := range map[string][]Statement{
		"empty":          nil,
		"unknown level":  {{ID: "x", Level: "task", If: "a", Then: "b", Because: "c"}},
		"self link":      {st("o", Outcome, "o")},
		"long text":      {{ID: "a", Level: Activity, If: long, Then: long, Because: long}},
		"arabic":         {{ID: "v", Level: Vision, Then: "مجتمع يشارك فيه الجميع"}},
		"invalid utf8":   {{ID: "a\xff", Level: Vision, Then: "bad \xfe\x00 bytes"}},
		"many per level": layered(60),
	} {
		t.Run(name, func(t *testing.T) {
			for _, tr := range []func(string, ...any) string{fakeT, nil} {
				wellFormed(t, SVG(stmts, Check(stmts), tr))
			}
		})
	}
}

func TestWrap(t *testing.T) {
	for _, c := range []struct {
		in    string
		width int
		lines int
		want  []string
	}{
		{"", 10, 3, []string{""}},
		{"one two three", 20, 3, []string{"one two three"}},
		{"one two three", 7, 3, []string{"one two", "three"}},
		{"abcdefghij", 4, 5, []string{"abcd", "efgh", "ij"}},
		{"a b c d e f", 3, 2, []string{"a b", "c…"}},
		{"إذا نظمنا ورشات", 8, 3, []string{"إذا", "نظمنا", "ورشات"}},
	} {
		got := wrap(c.in, c.width, c.lines)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("wrap(%q, %d, %d) = %q, want %q", c.in, c.width, c.lines, got, c.want)
		}
	}
}

func FuzzSVG(f *testing.F) {
	f.Add("a", "<script>&\"", "then", "because", "o")
	f.Add("", "\x00\xff", "]]>", "<!--", "")
	f.Fuzz(func(t *testing.T, id, ifText, then, because, lead string) {
		stmts := []Statement{
			{ID: id, Level: Activity, If: ifText, Then: then, Because: because, Leads: []string{lead}},
			{ID: lead, Level: Vision, Then: then},
		}
		svg := SVG(stmts, Check(stmts), fakeT)
		wellFormed(t, svg)
		if bytes.Contains(svg, []byte("<script")) {
			t.Fatalf("unsafe output: %s", svg)
		}
	})
}

func BenchmarkSVG500(b *testing.B) {
	stmts := layered(500)
	problems := Check(stmts)
	for b.Loop() {
		SVG(stmts, problems, fakeT)
	}
}
