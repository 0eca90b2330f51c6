package theoryofchange

import (
	"fmt"
	"reflect"
	"testing"
)

// st builds a complete statement; leads are the IDs it feeds.
func st(id string, l Level, leads ...string) Statement {
	return Statement{ID: id, Level: l, If: "we do " + id, Then: id + " happens", Because: "reasons", Leads: leads}
}

func p(kind, id string, path ...string) Problem {
	if len(path) == 0 {
		path = nil
	}
	return Problem{Kind: kind, StatementID: id, Path: path}
}

func TestCheck(t *testing.T) {
	vision := st("v", Vision)
	for _, c := range []struct {
		name  string
		stmts []Statement
		want  []Problem
	}{
		{"empty", nil, []Problem{p(NoVision, "")}},
		{"a lone vision is fine", []Statement{vision}, nil},
		{
			"complete chain activity, outcome, goal, vision",
			[]Statement{st("a", Activity, "o"), st("o", Outcome, "g"), st("g", Goal, "v"), vision},
			nil,
		},
		{
			"several activities, same-level links and two visions",
			[]Statement{
				st("a1", Activity, "o1", "o2"), st("a2", Activity, "a1"),
				st("o1", Outcome, "o2"), st("o2", Outcome, "g"), st("g", Goal, "v", "v2"),
				vision, st("v2", Vision, "v"),
			},
			nil,
		},
		{
			"vision needs only then",
			[]Statement{st("g", Goal, "v"), {ID: "v", Level: Vision, Then: "everyone votes"}},
			nil,
		},
		{
			"incomplete statements",
			[]Statement{
				{ID: "a", Level: Activity, If: "x", Then: "y", Because: "  ", Leads: []string{"v"}},
				{ID: "o", Level: Outcome, Then: "y", Because: "z", Leads: []string{"v"}},
				{ID: "v", Level: Vision, If: "x", Because: "z"},
			},
			[]Problem{p(Incomplete, "a"), p(Incomplete, "o"), p(Incomplete, "v")},
		},
		{
			"no vision: dead ends are not reported on top",
			[]Statement{st("a", Activity, "o"), st("o", Outcome, "g"), st("g", Goal)},
			[]Problem{p(NoVision, "")},
		},
		{
			"dead end",
			[]Statement{st("a1", Activity, "o1"), st("o1", Outcome), st("a2", Activity, "o2"), st("o2", Outcome, "v"), vision},
			[]Problem{p(DeadEnd, "a1"), p(DeadEnd, "o1")},
		},
		{
			"orphan is not also a dead end",
			[]Statement{st("a", Activity, "o"), st("x", Activity), st("o", Outcome, "v"), vision},
			[]Problem{p(Orphan, "x")},
		},
		{
			"an unlinked vision among others is an orphan",
			[]Statement{st("a", Activity, "v"), vision, st("v2", Vision)},
			[]Problem{p(Orphan, "v2")},
		},
		{
			"cycle",
			[]Statement{st("a", Activity, "o1"), st("o1", Outcome, "o2"), st("o2", Outcome, "o1", "g"), st("g", Goal, "v"), vision},
			[]Problem{p(Cycle, "o1", "o1", "o2", "o1")},
		},
		{
			"cycle without a way out is also a dead end",
			[]Statement{st("o1", Outcome, "o2"), st("o2", Outcome, "o3"), st("o3", Outcome, "o1"), st("g", Goal, "v"), vision},
			[]Problem{p(Cycle, "o1", "o1", "o2", "o3", "o1"), p(DeadEnd, "o1"), p(DeadEnd, "o2"), p(DeadEnd, "o3")},
		},
		{
			"statement leading to itself",
			[]Statement{st("o", Outcome, "o", "v"), vision},
			[]Problem{p(Cycle, "o", "o", "o")},
		},
		{
			"link going down the levels",
			[]Statement{st("a", Activity, "o"), st("o", Outcome, "v"), vision, st("g", Goal, "a")},
			[]Problem{p(LevelOrder, "g", "g", "a")},
		},
		{
			"backward link closing a circle",
			[]Statement{st("a", Activity, "o"), st("o", Outcome, "g"), st("g", Goal, "v", "a"), vision},
			[]Problem{p(Cycle, "a", "a", "o", "g", "a"), p(LevelOrder, "g", "g", "a")},
		},
		{
			"vision leading down",
			[]Statement{st("g", Goal, "v"), st("v", Vision, "g")},
			[]Problem{p(Cycle, "g", "g", "v", "g"), p(LevelOrder, "v", "v", "g")},
		},
		{
			"unknown link",
			[]Statement{st("a", Activity, "zzz", "o", "yyy"), st("o", Outcome, "v"), vision},
			[]Problem{p(UnknownLink, "a", "a", "zzz"), p(UnknownLink, "a", "a", "yyy")},
		},
		{
			"links to unknown IDs do not count against orphans",
			[]Statement{st("a", Activity, "zzz"), vision},
			[]Problem{p(Orphan, "a"), p(UnknownLink, "a", "a", "zzz"), p(Orphan, "v")},
		},
		{
			"repeated link counts once",
			[]Statement{st("g", Goal, "v", "v"), st("v", Vision, "g", "g")},
			[]Problem{p(Cycle, "g", "g", "v", "g"), p(LevelOrder, "v", "v", "g")},
		},
		{
			"unknown level and duplicate ID",
			[]Statement{st("a", "task", "v"), st("a", Activity, "v"), vision},
			[]Problem{p(UnknownLevel, "a"), p(DuplicateID, "a")},
		},
		{
			"problems come in statement order, then kind order",
			[]Statement{
				{ID: "b", Level: Activity, Leads: []string{"nope"}},
				st("a", Activity, "o"), st("o", Outcome),
			},
			[]Problem{
				p(NoVision, ""),
				p(Incomplete, "b"), p(Orphan, "b"), p(UnknownLink, "b", "b", "nope"),
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := Check(c.stmts)
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("Check =\n  %v\nwant\n  %v", got, c.want)
			}
		})
	}
}

func TestCheckDeterministic(t *testing.T) {
	stmts := layered(200)
	// Break a few things so there is something to report.
	stmts[3].Leads = append(stmts[3].Leads, "missing")
	stmts[10].Because = ""
	stmts[150].Leads = append(stmts[150].Leads, stmts[0].ID)
	first := Check(stmts)
	if len(first) == 0 {
		t.Fatal("expected problems")
	}
	for range 20 {
		if got := Check(stmts); !reflect.DeepEqual(got, first) {
			t.Fatalf("Check is not deterministic:\n%v\n%v", got, first)
		}
	}
}

func TestCheckLongChain(t *testing.T) {
	// A long chain must not exhaust the stack (the cycle search is iterative).
	n := 100000
	stmts := make([]Statement, n)
	for i := range stmts {
		stmts[i] = st(fmt.Sprint("s", i), Outcome, fmt.Sprint("s", i+1))
	}
	stmts[n-1] = st(fmt.Sprint("s", n-1), Vision, "s0") // closes one big circle
	got := Check(stmts)
	if len(got) != 2 || got[0].Kind != Cycle || len(got[0].Path) != n+1 || got[1].Kind != LevelOrder {
		t.Errorf("long circle: %d problems, first %v", len(got), got[0].Kind)
	}
}

func TestLevels(t *testing.T) {
	for i, l := range Levels {
		if l.Rank() != i {
			t.Errorf("%s.Rank() = %d", l, l.Rank())
		}
	}
	if Level("task").Rank() != -1 || Vision.Rank() <= Goal.Rank() {
		t.Error("level ranks wrong")
	}
}

// layered builds a believable theory of change with n statements: about
// 1% visions, 9% goals, 30% outcomes and 60% activities, each leading to one
// or two statements of the next level up.
func layered(n int) []Statement {
	counts := []int{n * 60 / 100, n * 30 / 100, n * 9 / 100}
	counts = append(counts, n-counts[0]-counts[1]-counts[2])
	var stmts []Statement
	start := make([]int, 4)
	for li, c := range counts {
		start[li] = len(stmts)
		for k := range c {
			stmts = append(stmts, Statement{
				ID: fmt.Sprintf("%s-%d", Levels[li], k), Level: Levels[li],
				If: "we act", Then: "things change", Because: "we know why",
			})
		}
	}
	for li := 0; li < 3; li++ {
		for k := range counts[li] {
			s := &stmts[start[li]+k]
			up := counts[li+1]
			s.Leads = append(s.Leads, stmts[start[li+1]+k%up].ID)
			if k%3 == 0 {
				s.Leads = append(s.Leads, stmts[start[li+1]+(k*7+1)%up].ID)
			}
		}
	}
	return stmts
}

func TestLayeredIsClean(t *testing.T) {
	if got := Check(layered(500)); len(got) != 0 {
		t.Errorf("layered(500) has problems: %v", got[:min(5, len(got))])
	}
}

func BenchmarkCheck500(b *testing.B) {
	stmts := layered(500)
	stmts[7].Leads = append(stmts[7].Leads, "missing")
	stmts[499].Leads = append(stmts[499].Leads, stmts[0].ID) // a circle through the vision
	b.ReportAllocs()
	for b.Loop() {
		Check(stmts)
	}
}
