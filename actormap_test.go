package partnerkit

import (
	"slices"
	"testing"
)

func mapFieldsOf(err error) []string {
	e, ok := AsError(err)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field)
	}
	return out
}

func TestAssessmentInputValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		in   AssessmentInput
		want []string
	}{
		{"fine", AssessmentInput{ActorID: "a", Support: -2, Influence: 5, Interest: 0}, nil},
		{"fine with interest", AssessmentInput{ActorID: "a", Support: 2, Influence: 1, Interest: 5}, nil},
		{"no actor", AssessmentInput{Support: 0, Influence: 3}, []string{"actor"}},
		{"support off the scale", AssessmentInput{ActorID: "a", Support: 3, Influence: 3}, []string{"support"}},
		{"support below", AssessmentInput{ActorID: "a", Support: -3, Influence: 3}, []string{"support"}},
		{"influence zero", AssessmentInput{ActorID: "a", Support: 0, Influence: 0}, []string{"influence"}},
		{"interest six", AssessmentInput{ActorID: "a", Support: 0, Influence: 1, Interest: 6}, []string{"interest"}},
		{"interest negative", AssessmentInput{ActorID: "a", Support: 0, Influence: 1, Interest: -1}, []string{"interest"}},
		{"everything", AssessmentInput{Support: 9, Influence: 9, Interest: 9}, []string{"actor", "support", "influence", "interest"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := mapFieldsOf(c.in.Validate()); !slices.Equal(got, c.want) {
				t.Errorf("fields %v, want %v", got, c.want)
			}
		})
	}
}

func TestTacticInputValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		in   TacticInput
		want []string
		due  string
	}{
		{"fine, status defaults to planned", TacticInput{ActorID: "a", Title: " Meet "}, nil, ""},
		{"with due date", TacticInput{ActorID: "a", Title: "Meet", Status: "done", Due: "2026-04-15"}, nil, "2026-04-15"},
		{"bad status and date", TacticInput{ActorID: "a", Title: "Meet", Status: "soon", Due: "15.04.2026"}, []string{"status", "due"}, ""},
		{"no actor, no title", TacticInput{}, []string{"actor", "title"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			due, err := c.in.Validate()
			if got := mapFieldsOf(err); !slices.Equal(got, c.want) {
				t.Errorf("fields %v, want %v", got, c.want)
			}
			if (due == nil) != (c.due == "") || (due != nil && due.Format("2006-01-02") != c.due) {
				t.Errorf("due %v, want %q", due, c.due)
			}
			if err == nil && (c.in.Status == "" || c.in.Title != "Meet") {
				t.Errorf("not normalised: %+v", c.in)
			}
		})
	}
}

func TestMapInputValidate(t *testing.T) {
	in := MapInput{Title: "  "}
	if got := mapFieldsOf(in.Validate()); !slices.Equal(got, []string{"title"}) {
		t.Errorf("blank title: %v", got)
	}
	in = MapInput{Title: " Youth seats "}
	if err := in.Validate(); err != nil || in.Title != "Youth seats" {
		t.Errorf("%v %q", err, in.Title)
	}
}
