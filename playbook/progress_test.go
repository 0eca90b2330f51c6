package playbook

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func set(ids ...string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// items renders Next compactly: "a.y" for a step, "a.x.q2?" for a question.
func items(r Report) string {
	var out []string
	for _, it := range r.Next {
		if it.Question != "" {
			out = append(out, it.Question+"?")
		} else {
			out = append(out, it.Step)
		}
	}
	return strings.Join(out, " ")
}

// stages renders the per-stage progress: "a:1/2q1/3=50" plus "*" when complete.
func stages(r Report) string {
	var out []string
	for _, s := range r.Stages {
		c := ""
		if s.Complete {
			c = "*"
		}
		out = append(out, fmt.Sprintf("%s:%d/%dq%d/%d=%d%s", s.ID, s.StepsDone, s.StepsTotal, s.QuestionsAnswered, s.QuestionsTotal, s.Percent, c))
	}
	return strings.Join(out, " ")
}

// The demo playbook (valid()): stage a has steps a.x (q1, q2) and a.y (q1);
// stage b has b.u (q1) and b.v (no questions).
func TestProgress(t *testing.T) {
	all := State{DoneSteps: set("a.x", "a.y", "b.u", "b.v"), Answered: set("a.x.q1", "a.x.q2", "a.y.q1", "b.u.q1")}
	for _, c := range []struct {
		name       string
		s          State
		stages     string
		percent    int
		complete   bool
		current    string
		canAdvance bool
		next       string
	}{
		{"nothing done", State{},
			"a:0/2q0/3=0 b:0/2q0/1=0", 0, false, "a", false,
			"a.x a.y a.x.q1? a.x.q2? a.y.q1? b.u b.v b.u.q1?"},
		{"nil maps behave as empty", State{DoneSteps: nil, Answered: nil, CurrentStage: ""},
			"a:0/2q0/3=0 b:0/2q0/1=0", 0, false, "a", false,
			"a.x a.y a.x.q1? a.x.q2? a.y.q1? b.u b.v b.u.q1?"},
		{"one step and one question", State{DoneSteps: set("a.x"), Answered: set("a.x.q1")},
			"a:1/2q1/3=50 b:0/2q0/1=0", 25, false, "a", false,
			"a.y a.x.q2? a.y.q1? b.u b.v b.u.q1?"},
		{"first stage complete, questions open", State{DoneSteps: set("a.x", "a.y")},
			"a:2/2q0/3=100* b:0/2q0/1=0", 50, false, "b", false,
			"b.u b.v b.u.q1?"},
		{"first stage complete, stored as current", State{DoneSteps: set("a.x", "a.y"), CurrentStage: "a"},
			"a:2/2q0/3=100* b:0/2q0/1=0", 50, false, "a", true,
			"a.x.q1? a.x.q2? a.y.q1? b.u b.v b.u.q1?"},
		{"later stage done first", State{DoneSteps: set("b.u", "b.v")},
			"a:0/2q0/3=0 b:2/2q0/1=100*", 50, false, "a", false,
			"a.x a.y a.x.q1? a.x.q2? a.y.q1? b.u.q1?"},
		{"stored stage is later", State{CurrentStage: "b"},
			"a:0/2q0/3=0 b:0/2q0/1=0", 0, false, "b", false,
			"b.u b.v b.u.q1?"},
		{"stored stage unknown", State{DoneSteps: set("a.x", "a.y"), CurrentStage: "monitor"},
			"a:2/2q0/3=100* b:0/2q0/1=0", 50, false, "b", false,
			"b.u b.v b.u.q1?"},
		{"stored stage is a step ID", State{CurrentStage: "b.u"},
			"a:0/2q0/3=0 b:0/2q0/1=0", 0, false, "a", false,
			"a.x a.y a.x.q1? a.x.q2? a.y.q1? b.u b.v b.u.q1?"},
		{"all steps done, questions open", State{DoneSteps: all.DoneSteps},
			"a:2/2q0/3=100* b:2/2q0/1=100*", 100, true, "b", false,
			"b.u.q1?"},
		{"all done", all,
			"a:2/2q3/3=100* b:2/2q1/1=100*", 100, true, "b", false, ""},
		{"questions only", State{Answered: all.Answered},
			"a:0/2q3/3=0 b:0/2q1/1=0", 0, false, "a", false,
			"a.x a.y b.u b.v"},
		{"IDs from another playbook are ignored",
			State{DoneSteps: set("connect.needs", "x", "a", "a.x.q1", "B.U"), Answered: set("connect.needs.q1", "a.x", "b.v.q1")},
			"a:0/2q0/3=0 b:0/2q0/1=0", 0, false, "a", false,
			"a.x a.y a.x.q1? a.x.q2? a.y.q1? b.u b.v b.u.q1?"},
		{"false entries are not done", State{DoneSteps: map[string]bool{"a.x": false}, Answered: map[string]bool{"a.x.q1": false}},
			"a:0/2q0/3=0 b:0/2q0/1=0", 0, false, "a", false,
			"a.x a.y a.x.q1? a.x.q2? a.y.q1? b.u b.v b.u.q1?"},
		{"rounding down", State{DoneSteps: set("a.x", "a.y", "b.u")},
			"a:2/2q0/3=100* b:1/2q0/1=50", 75, false, "b", false,
			"b.v b.u.q1?"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := Progress(valid(), c.s)
			if got := stages(r); got != c.stages {
				t.Errorf("stages = %s, want %s", got, c.stages)
			}
			if r.Percent != c.percent || r.Complete != c.complete || r.Current != c.current || r.CanAdvance != c.canAdvance {
				t.Errorf("percent %d complete %v current %q canAdvance %v, want %d %v %q %v",
					r.Percent, r.Complete, r.Current, r.CanAdvance, c.percent, c.complete, c.current, c.canAdvance)
			}
			if got := items(r); got != c.next {
				t.Errorf("next = %s\n          want %s", got, c.next)
			}
			if r.Playbook != "demo" || r.StepsTotal != 4 || r.QuestionsTotal != 4 {
				t.Errorf("totals: %+v", r)
			}
		})
	}
}

func TestProgressOverallPercentIsOverSteps(t *testing.T) {
	p := valid()
	p.Stages[1].Steps = append(p.Stages[1].Steps, Step{ID: "b.w"}) // 5 steps
	r := Progress(p, State{DoneSteps: set("a.x")})
	if r.Percent != 20 {
		t.Errorf("1 of 5 steps = %d%%, want 20", r.Percent)
	}
	r = Progress(p, State{DoneSteps: set("a.x", "b.u", "b.v")})
	if r.Stages[1].Percent != 66 || r.Percent != 60 {
		t.Errorf("stage b %d%%, overall %d%%; want 66 and 60", r.Stages[1].Percent, r.Percent)
	}
}

// Next carries what the web layer needs to show and link an item.
func TestNextItems(t *testing.T) {
	r := Progress(valid(), State{DoneSteps: set("a.y")})
	want := []Item{
		{Stage: "a", Step: "a.x", Key: "playbook.demo.a.x.title", Page: "actors"},
		{Stage: "a", Step: "a.x", Question: "a.x.q1", Key: "playbook.demo.a.x.q1", Page: "actors"},
		{Stage: "a", Step: "a.x", Question: "a.x.q2", Key: "playbook.demo.a.x.q2", Page: "actors"},
		{Stage: "a", Step: "a.y", Question: "a.y.q1", Key: "playbook.demo.a.y.q1"},
		{Stage: "b", Step: "b.u", Key: "playbook.demo.b.u.title", Page: "health"},
		{Stage: "b", Step: "b.v", Key: "playbook.demo.b.v.title"},
		{Stage: "b", Step: "b.u", Question: "b.u.q1", Key: "playbook.demo.b.u.q1", Page: "health"},
	}
	if !reflect.DeepEqual(r.Next, want) {
		t.Errorf("Next =\n%+v\nwant\n%+v", r.Next, want)
	}
}

// On the real default playbook: a fresh start shows the Connect stage's
// steps first, then its questions, cut at NextLimit.
func TestProgressDefaultPlaybook(t *testing.T) {
	p, _ := Get(Default)
	r := Progress(p, State{})
	if r.Current != "connect" || r.Percent != 0 || r.CanAdvance || len(r.Next) != NextLimit {
		t.Fatalf("fresh: current %q percent %d canAdvance %v next %d", r.Current, r.Percent, r.CanAdvance, len(r.Next))
	}
	connect := p.Stage("connect")
	for i, it := range r.Next {
		if it.Stage != "connect" {
			t.Errorf("Next[%d] is in stage %s", i, it.Stage)
		}
		if i < len(connect.Steps) && (it.Question != "" || it.Step != connect.Steps[i].ID) {
			t.Errorf("Next[%d] = %+v, want step %s", i, it, connect.Steps[i].ID)
		}
		if i >= len(connect.Steps) && it.Question == "" {
			t.Errorf("Next[%d] = %+v, want a question", i, it)
		}
	}

	// Connect finished: Begin is current and leads the list.
	done := map[string]bool{}
	for _, st := range connect.Steps {
		done[st.ID] = true
	}
	r = Progress(p, State{DoneSteps: done})
	if r.Current != "begin" || !r.Stages[0].Complete || r.Stages[1].Complete || r.Next[0].Step != "begin.planning_team" {
		t.Errorf("after connect: current %q stages %s next %+v", r.Current, stages(r), r.Next[0])
	}
	// A coordinator who keeps Connect as the current stage may advance.
	r = Progress(p, State{DoneSteps: done, CurrentStage: "connect"})
	if r.Current != "connect" || !r.CanAdvance {
		t.Errorf("stored connect: current %q canAdvance %v", r.Current, r.CanAdvance)
	}

	// Another playbook's whole state counts for nothing here.
	other, _ := Get("cooperation_strategy")
	s := State{DoneSteps: map[string]bool{}, Answered: map[string]bool{}, CurrentStage: other.Stages[1].ID}
	for _, st := range other.Stages {
		for _, step := range st.Steps {
			s.DoneSteps[step.ID] = true
			for _, q := range step.Questions {
				s.Answered[q.ID] = true
			}
		}
	}
	r = Progress(p, s)
	if r.StepsDone != 0 || r.QuestionsAnswered != 0 || r.Current != "connect" {
		t.Errorf("foreign state: %d steps, %d questions, current %q", r.StepsDone, r.QuestionsAnswered, r.Current)
	}
}

func TestNextStage(t *testing.T) {
	p, _ := Get(Default)
	for _, c := range []struct {
		cur, want string
		ok        bool
	}{
		{"connect", "begin", true},
		{"begin", "implementation", true},
		{"implementation", "monitor", true},
		{"monitor", "", false},
		{"", "", false},
		{"nowhere", "", false},
		{"connect.needs", "", false},
	} {
		if got, ok := NextStage(p, c.cur); got != c.want || ok != c.ok {
			t.Errorf("NextStage(%q) = %q, %v; want %q, %v", c.cur, got, ok, c.want, c.ok)
		}
	}
}

func BenchmarkProgress(b *testing.B) {
	p, _ := Get("action_plan")
	s := State{DoneSteps: set("connect.needs", "connect.capacity", "begin.vision"), Answered: set("connect.needs.q1")}
	for b.Loop() {
		Progress(p, s)
	}
}
