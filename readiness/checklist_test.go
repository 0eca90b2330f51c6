package readiness

import (
	"reflect"
	"testing"
)

func TestQuestionsData(t *testing.T) {
	if len(Questions) != 7 {
		t.Fatalf("checklist has %d questions, want 7", len(Questions))
	}
	seen := map[string]bool{}
	for _, q := range Questions {
		if q.ID == "" || seen[q.ID] {
			t.Errorf("question ID %q empty or repeated", q.ID)
		}
		seen[q.ID] = true
	}
	if !seen["shared_need"] {
		t.Error(`no "shared_need" question`)
	}
}

// three questions keep the cases readable; the rule does not depend on seven.
var qs = []Question{question("a"), question("b"), question("c")}

func ans(q, user string, a Answer) MemberAnswer {
	return MemberAnswer{QuestionID: q, UserID: user, Answer: a}
}

func allYes(users ...string) []MemberAnswer {
	var out []MemberAnswer
	for _, q := range qs {
		for _, u := range users {
			out = append(out, ans(q.ID, u, Yes))
		}
	}
	return out
}

func TestEvaluate(t *testing.T) {
	for _, c := range []struct {
		name          string
		questions     []Question
		answers       []MemberAnswer
		status        Status
		reconsider    []string
		open          []string
		disagreements []Disagreement
	}{
		{
			name: "no answers", questions: qs,
			status: FindOut, open: []string{"a", "b", "c"},
		},
		{
			name: "all yes, one member", questions: qs, answers: allYes("u1"),
			status: Ready,
		},
		{
			name: "all yes, three members", questions: qs, answers: allYes("u1", "u2", "u3"),
			status: Ready,
		},
		{
			name: "one no among yeses", questions: qs,
			answers: append(allYes("u1", "u2"), ans("b", "u3", No)),
			status:  Reconsider, reconsider: []string{"b"},
			disagreements: []Disagreement{{"b", Tally{Yes: 2, No: 1}}},
		},
		{
			name: "a single member's no is enough", questions: qs,
			answers: []MemberAnswer{ans("a", "u1", No)},
			status:  Reconsider, reconsider: []string{"a"}, open: []string{"b", "c"},
		},
		{
			name: "not sure keeps a question open", questions: qs,
			answers: append(allYes("u1"), ans("c", "u2", NotSure)),
			status:  FindOut, open: []string{"c"},
			disagreements: []Disagreement{{"c", Tally{Yes: 1, NotSure: 1}}},
		},
		{
			name: "everyone not sure is open, not a disagreement", questions: qs,
			answers: append(allYes("u1")[:2], ans("c", "u1", NotSure), ans("c", "u2", NotSure)),
			status:  FindOut, open: []string{"c"},
		},
		{
			name: "unanswered question keeps the checklist open", questions: qs,
			answers: allYes("u1")[:2],
			status:  FindOut, open: []string{"c"},
		},
		{
			name: "no outweighs not sure and open", questions: qs,
			answers: []MemberAnswer{ans("a", "u1", NotSure), ans("b", "u1", No), ans("b", "u2", NotSure)},
			status:  Reconsider, reconsider: []string{"b"}, open: []string{"a", "c"},
			disagreements: []Disagreement{{"b", Tally{No: 1, NotSure: 1}}},
		},
		{
			name: "three-way disagreement", questions: qs,
			answers: append(allYes("u1"), ans("a", "u2", No), ans("a", "u3", NotSure)),
			status:  Reconsider, reconsider: []string{"a"},
			disagreements: []Disagreement{{"a", Tally{Yes: 1, No: 1, NotSure: 1}}},
		},
		{
			name: "a member's later answer replaces the earlier one", questions: qs,
			answers: append([]MemberAnswer{ans("a", "u1", No)}, allYes("u1")...),
			status:  Ready,
		},
		{
			name: "answers to unknown questions and invalid answers are ignored", questions: qs,
			answers: append(allYes("u1"), ans("zzz", "u1", No), ans("a", "u2", "maybe"), ans("b", "u2", Open)),
			status:  Ready,
		},
		{
			name: "empty checklist is not ready", questions: nil,
			answers: allYes("u1"), status: FindOut,
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Evaluate(c.questions, c.answers)
			if r.Status != c.status {
				t.Errorf("status = %q, want %q", r.Status, c.status)
			}
			if !reflect.DeepEqual(r.Reconsider, c.reconsider) {
				t.Errorf("reconsider = %v, want %v", r.Reconsider, c.reconsider)
			}
			if !reflect.DeepEqual(r.Open, c.open) {
				t.Errorf("open = %v, want %v", r.Open, c.open)
			}
			if !reflect.DeepEqual(r.Disagreements, c.disagreements) {
				t.Errorf("disagreements = %v, want %v", r.Disagreements, c.disagreements)
			}
			if len(r.Questions) != len(c.questions) {
				t.Errorf("%d question results, want %d", len(r.Questions), len(c.questions))
			}
		})
	}
}

func TestEvaluateQuestionResults(t *testing.T) {
	answers := []MemberAnswer{
		{QuestionID: "a", UserID: "u1", Answer: Yes, Note: "we checked with the city"},
		ans("a", "u2", Yes),
		ans("b", "u1", No),
		ans("b", "u2", NotSure),
	}
	r := Evaluate(qs, answers)
	want := []struct {
		id       string
		combined Answer
		tally    Tally
		notes    int
	}{
		{"a", Yes, Tally{Yes: 2}, 1},
		{"b", No, Tally{No: 1, NotSure: 1}, 0},
		{"c", Open, Tally{}, 0},
	}
	for i, w := range want {
		got := r.Questions[i]
		if got.Question.ID != w.id || got.Combined != w.combined || got.Tally != w.tally || len(got.Notes) != w.notes {
			t.Errorf("question %d = %+v, want %+v", i, got, w)
		}
	}
	if r.Questions[0].Notes[0].Note != "we checked with the city" {
		t.Errorf("note lost: %+v", r.Questions[0].Notes)
	}
}

func TestEvaluateDuplicateQuestions(t *testing.T) {
	r := Evaluate([]Question{question("a"), question("a")}, []MemberAnswer{ans("a", "u1", Yes)})
	if len(r.Questions) != 1 || r.Status != Ready {
		t.Errorf("duplicate question: %+v", r)
	}
}

func TestEvaluateRealChecklist(t *testing.T) {
	var answers []MemberAnswer
	for _, q := range Questions {
		answers = append(answers, ans(q.ID, "u1", Yes))
	}
	if r := Evaluate(Questions, answers); r.Status != Ready {
		t.Errorf("all seven yes: %q", r.Status)
	}
	answers[len(answers)-1].Answer = No
	if r := Evaluate(Questions, answers); r.Status != Reconsider || !reflect.DeepEqual(r.Reconsider, []string{"real_commitment"}) {
		t.Errorf("last no: %q %v", r.Status, r.Reconsider)
	}
}

func TestAnswerValid(t *testing.T) {
	for a, want := range map[Answer]bool{Yes: true, No: true, NotSure: true, Open: false, "": false, "YES": false} {
		if a.Valid() != want {
			t.Errorf("%q.Valid() = %v", a, !want)
		}
	}
}
