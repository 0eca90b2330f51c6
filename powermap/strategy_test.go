package powermap

import (
	"fmt"
	"testing"
)

// Every cell of the 5×5 map, written out so that a moved border shows up
// as a failing row rather than a shifted formula.
func TestStrategyForEveryCell(t *testing.T) {
	P, A, C, M := Partner, AwarenessRaising, CapacityDevelopment, Monitor
	// want[influence-1][support+2]
	want := [5][5]Strategy{
		{M, M, M, C, C}, // influence 1
		{M, M, M, C, C}, // influence 2
		{A, A, A, P, P}, // influence 3
		{A, A, A, P, P}, // influence 4
		{A, A, A, P, P}, // influence 5
	}
	for inf := 1; inf <= 5; inf++ {
		for sup := -2; sup <= 2; sup++ {
			if got := StrategyFor(sup, inf); got != want[inf-1][sup+2] {
				t.Errorf("StrategyFor(%d, %d) = %s, want %s", sup, inf, got, want[inf-1][sup+2])
			}
		}
	}
}

// Out-of-range values are not rejected: they fall on their side of each
// border, as if clamped to the scale.
func TestStrategyForOutOfRange(t *testing.T) {
	for _, c := range []struct {
		support, influence int
		want               Strategy
	}{
		{3, 5, Partner}, {99, 0, CapacityDevelopment}, {-3, 6, AwarenessRaising}, {-99, -1, Monitor},
		{0, 99, AwarenessRaising}, {1, 0, CapacityDevelopment}, {2, 6, Partner}, {-5, 2, Monitor},
	} {
		if got := StrategyFor(c.support, c.influence); got != c.want {
			t.Errorf("StrategyFor(%d, %d) = %s, want %s", c.support, c.influence, got, c.want)
		}
		clamped := StrategyFor(clamp(c.support, MinSupport, MaxSupport), clamp(c.influence, MinInfluence, MaxInfluence))
		if clamped != c.want {
			t.Errorf("(%d, %d): clamped gives %s, unclamped %s", c.support, c.influence, clamped, c.want)
		}
	}
}

func TestNotFirstTarget(t *testing.T) {
	for sup := -3; sup <= 3; sup++ {
		for inf := 0; inf <= 6; inf++ {
			want := sup <= -2 && inf >= 3
			if got := NotFirstTarget(sup, inf); got != want {
				t.Errorf("NotFirstTarget(%d, %d) = %v, want %v", sup, inf, got, want)
			}
		}
	}
	// The ones we advise against are all in the awareness-raising quadrant.
	for inf := 1; inf <= 5; inf++ {
		if NotFirstTarget(-2, inf) && StrategyFor(-2, inf) != AwarenessRaising {
			t.Errorf("not-first target outside awareness raising at influence %d", inf)
		}
	}
}

func TestStrategyValues(t *testing.T) {
	want := []string{"partner", "awareness_raising", "capacity_development", "monitor"}
	if len(Strategies) != len(want) {
		t.Fatalf("Strategies = %v", Strategies)
	}
	for i, s := range Strategies {
		if string(s) != want[i] || !s.Valid() {
			t.Errorf("Strategies[%d] = %q, want %q", i, s, want[i])
		}
		if s.Message() != "powermap.strategy."+want[i] || s.Advice() != "powermap.advice."+want[i] {
			t.Errorf("%s: message IDs %s, %s", s, s.Message(), s.Advice())
		}
	}
	for _, s := range []Strategy{"", "Partner", "ally"} {
		if s.Valid() {
			t.Errorf("%q is valid", s)
		}
	}
}

func TestScales(t *testing.T) {
	for _, c := range []struct {
		v                         int
		support, influence, inter bool
	}{
		{-3, false, false, false}, {-2, true, false, false}, {-1, true, false, false},
		{0, true, false, true}, {1, true, true, true}, {2, true, true, true},
		{3, false, true, true}, {5, false, true, true}, {6, false, false, false},
	} {
		if ValidSupport(c.v) != c.support || ValidInfluence(c.v) != c.influence || ValidInterest(c.v) != c.inter {
			t.Errorf("%d: support %v influence %v interest %v, want %v %v %v", c.v,
				ValidSupport(c.v), ValidInfluence(c.v), ValidInterest(c.v), c.support, c.influence, c.inter)
		}
	}
	for v, want := range map[int]string{0: "powermap.level.none", 1: "powermap.level.1", 5: "powermap.level.5", 6: "powermap.level.none", -1: "powermap.level.none"} {
		if got := LevelMessage(v); got != want {
			t.Errorf("LevelMessage(%d) = %s, want %s", v, got, want)
		}
	}
}

func ExampleStrategyFor() {
	fmt.Println(StrategyFor(1, 3), StrategyFor(0, 3), StrategyFor(1, 2), StrategyFor(0, 2))
	// Output: partner awareness_raising capacity_development monitor
}
