package api

import (
	"testing"
)

// localize replaces message IDs by their text, keeps everything else byte
// for byte (field order, numbers, escapes), and keeps a code field's code
// with its text beside it.
func TestLocalize(t *testing.T) {
	tr := func(id string, _ ...any) string { return "[" + id + "]" }
	in := `{"id":"complex_issue","message":"readiness.question.complex_issue","n":12345678901234567890,"f":1.5,` +
		`"list":["readiness.checklist.source","plain",true,null,{}],"action":"invitation.accept","html":"<b>","e":[]}`
	want := `{"id":"complex_issue","message":"[readiness.question.complex_issue]","n":12345678901234567890,"f":1.5,` +
		`"list":["[readiness.checklist.source]","plain",true,null,{}],"action":"invitation.accept","action_text":"[invitation.accept]",` +
		`"html":"\u003cb\u003e","e":[]}` + "\n"
	got, err := localize([]byte(in), tr)
	if err != nil || string(got) != want {
		t.Errorf("localize:\n got %s\nwant %s (%v)", got, want, err)
	}
}
