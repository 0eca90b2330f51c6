package api

import (
	"bytes"
	"encoding/json"
	"testing"
)

// localize replaces message IDs by their text, keeps everything else byte
// for byte (field order, numbers, escapes), and keeps a code field's code
// with its text beside it.
func TestLocalize(t *testing.T) {
	tr := func(id string, _ ...any) string { return "[" + id + "]" }
	in := `{"id":"complex_issue","message":"readiness.question.complex_issue","n":12345678901234567890,"f":1.5,` +
		`"list":["readiness.checklist.source","plain",true,null,{}],"action":"invitation.accept","html":"\u003cb\u003e","esc":"readiness.question.complex_issue\u0021","key":{"readiness.checklist.source":1},"e":[]}`
	want := `{"id":"complex_issue","message":"[readiness.question.complex_issue]","n":12345678901234567890,"f":1.5,` +
		`"list":["[readiness.checklist.source]","plain",true,null,{}],"action":"invitation.accept","action_text":"[invitation.accept]",` +
		`"html":"\u003cb\u003e","esc":"readiness.question.complex_issue\u0021","key":{"readiness.checklist.source":1},"e":[]}` + "\n"
	got, err := localize([]byte(in), tr)
	if err != nil || string(got) != want {
		t.Errorf("localize:\n got %s\nwant %s (%v)", got, want, err)
	}
}

// Whatever the answer, what localize writes is JSON; a translator that
// gives each ID back leaves an answer without code fields as it was.
func FuzzLocalize(f *testing.F) {
	for _, seed := range []string{`{"a":"readiness.checklist.source","b":[1,"x",{"c":null}]}`, `"plain"`, `[]`,
		`{"action":"invitation.accept"}`, `{"k":"a\"b\\c"}`, ` { "s" : "readiness.question.complex_issue" } `} {
		f.Add([]byte(seed))
	}
	same := func(id string, _ ...any) string { return id }
	marked := func(id string, _ ...any) string { return "«" + id + "» \"quoted\"" }
	f.Fuzz(func(t *testing.T, in []byte) {
		var v any
		if json.Unmarshal(in, &v) != nil {
			return
		}
		got, err := localize(in, marked)
		if err != nil || !json.Valid(got) {
			t.Fatalf("localize(%q) = %q, %v: not JSON", in, got, err)
		}
		if bytes.Contains(in, []byte(`"action"`)) {
			return
		}
		if got, err := localize(in, same); err != nil || string(got) != string(in)+"\n" {
			t.Fatalf("localize(%q) with IDs kept = %q, %v", in, got, err)
		}
	})
}
