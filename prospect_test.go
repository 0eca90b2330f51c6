package partnerkit

import (
	"testing"
	"time"
)

func fieldKeys(err error) map[string]string {
	out := map[string]string{}
	if e, ok := AsError(err); ok {
		for _, f := range e.Fields {
			out[f.Field] = f.Key
		}
	}
	return out
}

func TestCheckStatusChange(t *testing.T) {
	for _, c := range []struct {
		from, to, message string
		field, key        string // "" when allowed
	}{
		{"identified", "researching", "", "", ""},
		{"researching", "approached", "", "message", "outreach.validation.message_required"},
		{"researching", "approached", "   ", "message", "outreach.validation.message_required"},
		{"researching", "approached", "Rooms for your youth group.", "", ""},
		{"approached", "in_dialogue", "", "message", "outreach.validation.message_required"},
		{"identified", "agreed", "", "message", "outreach.validation.message_required"},
		{"agreed", "joined", "", "message", "outreach.validation.message_required"},
		{"agreed", "joined", "We offer a seat.", "", ""},
		{"approached", "declined", "", "", ""},
		{"declined", "researching", "", "", ""},
		{"in_dialogue", "paused", "", "", ""},
		{"paused", "in_dialogue", "x", "", ""},
		{"identified", "identified", "", "status", "outreach.validation.same_status"},
		{"identified", "won", "x", "status", "validation.one_of"},
		{"identified", "", "x", "status", "validation.required"},
	} {
		err := CheckStatusChange(c.from, c.to, c.message)
		got := fieldKeys(err)
		if c.field == "" {
			if err != nil {
				t.Errorf("%s→%s: %v, want allowed", c.from, c.to, err)
			}
			continue
		}
		if got[c.field] != c.key {
			t.Errorf("%s→%s: errors %v, want %s=%s", c.from, c.to, got, c.field, c.key)
		}
	}
}

func TestProspectInputValidate(t *testing.T) {
	ok := ProspectInput{Name: " Roma Youth ", Kind: "organisation", UserID: "u1"}
	for _, c := range []struct {
		name   string
		mod    func(*ProspectInput)
		status string
		field  string
	}{
		{"fine", func(*ProspectInput) {}, "identified", ""},
		{"no name", func(in *ProspectInput) { in.Name = " " }, "identified", "name"},
		{"bad kind", func(in *ProspectInput) { in.Kind = "robot" }, "identified", "kind"},
		{"no contact person on our side", func(in *ProspectInput) { in.UserID = "" }, "identified", "user_id"},
		{"bad email", func(in *ProspectInput) { in.ContactEmail = "nope" }, "identified", "contact_email"},
		{"bad date", func(in *ProspectInput) { in.NextStepDue = "31.12.2026" }, "identified", "next_step_due"},
		{"approached without message", func(*ProspectInput) {}, "approached", "message"},
		{"approached with message", func(in *ProspectInput) { in.Message = "A seat on the youth panel." }, "approached", ""},
		{"joined without message", func(*ProspectInput) {}, "joined", "message"},
		{"declined without message", func(*ProspectInput) {}, "declined", ""},
		{"unknown status", func(*ProspectInput) {}, "won", "status"},
	} {
		in := ok
		c.mod(&in)
		err := in.Validate(c.status)
		got := fieldKeys(err)
		if c.field == "" && err != nil {
			t.Errorf("%s: %v", c.name, err)
		}
		if c.field != "" && got[c.field] == "" {
			t.Errorf("%s: errors %v, want one on %s", c.name, got, c.field)
		}
	}
	in := ok
	in.Validate("identified")
	if in.Name != "Roma Youth" {
		t.Errorf("name not trimmed: %q", in.Name)
	}
}

func TestIsOverdue(t *testing.T) {
	today := time.Date(2026, 3, 2, 23, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		due, status string
		want        bool
	}{
		{"2026-03-01", "approached", true},
		{"2026-03-02", "approached", false}, // due today is not late yet
		{"2026-03-03", "identified", false},
		{"", "identified", false},
		{"2026-01-01", "joined", false},
		{"2026-01-01", "declined", false},
		{"2026-01-01", "paused", false},
		{"2026-01-01", "agreed", true},
	} {
		if got := IsOverdue(c.due, c.status, today); got != c.want {
			t.Errorf("%s %s: %v, want %v", c.due, c.status, got, c.want)
		}
	}
}

func TestPipelineHasEveryStatus(t *testing.T) {
	cols := Pipeline([]*Prospect{{ID: "a", Status: "agreed"}, {ID: "b", Status: "identified"}, {ID: "c", Status: "agreed"}})
	if len(cols) != len(ProspectStatuses) {
		t.Fatalf("%d columns", len(cols))
	}
	if cols[0].Status != "identified" || len(cols[0].Prospects) != 1 || len(cols[4].Prospects) != 2 || len(cols[1].Prospects) != 0 {
		t.Errorf("wrong grouping: %+v", cols)
	}
}
