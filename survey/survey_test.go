package survey

import (
	"math"
	"testing"
)

func TestTooFew(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		anonymous bool
		n         int
		want      bool
	}{
		{true, 0, true}, {true, 1, true}, {true, 4, true}, {true, 5, false}, {true, 6, false},
		{false, 0, false}, {false, 1, false}, {false, 4, false},
	} {
		if got := TooFew(c.anonymous, c.n); got != c.want {
			t.Errorf("TooFew(%v, %d) = %v, want %v", c.anonymous, c.n, got, c.want)
		}
	}
}

func TestPaired(t *testing.T) {
	t.Parallel()
	close := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	t.Run("change per respondent and for the group", func(t *testing.T) {
		p := Paired(map[string]float64{"a": 40, "b": 60, "c": 80, "d": 50},
			map[string]float64{"a": 80, "b": 60, "c": 70, "e": 90})
		if len(p.Pairs) != 3 || p.Unpaired != 2 {
			t.Fatalf("pairs %d unpaired %d, want 3 and 2", len(p.Pairs), p.Unpaired)
		}
		if p.Pairs[0].Key != "a" || p.Pairs[0].Change != 40 || p.Pairs[2].Key != "c" || p.Pairs[2].Change != -10 {
			t.Errorf("order by change: %+v", p.Pairs)
		}
		if p.Improved != 1 || p.Same != 1 || p.Worse != 1 {
			t.Errorf("improved/same/worse = %d/%d/%d", p.Improved, p.Same, p.Worse)
		}
		if !close(p.MeanPre, 60) || !close(p.MeanPost, 70) || !close(p.MeanChange, 10) {
			t.Errorf("means %v %v %v", p.MeanPre, p.MeanPost, p.MeanChange)
		}
	})
	t.Run("nobody answered both", func(t *testing.T) {
		p := Paired(map[string]float64{"a": 1}, map[string]float64{"b": 2})
		if len(p.Pairs) != 0 || p.Unpaired != 2 || p.MeanChange != 0 {
			t.Errorf("%+v", p)
		}
	})
	t.Run("empty", func(t *testing.T) {
		if p := Paired(nil, nil); len(p.Pairs) != 0 || p.Unpaired != 0 {
			t.Errorf("%+v", p)
		}
	})
}

func TestScore(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		right, questions, sum, ratings int
		want                           float64
		ok                             bool
	}{
		{2, 4, 0, 0, 50, true},
		{0, 3, 0, 0, 0, true},
		{3, 3, 9, 2, 100, true}, // knowledge questions win over ratings
		{0, 0, 9, 2, 4.5, true},
		{0, 0, 0, 0, 0, false},
	} {
		got, ok := Score(c.right, c.questions, c.sum, c.ratings)
		if got != c.want || ok != c.ok {
			t.Errorf("Score(%d, %d, %d, %d) = %v, %v; want %v, %v", c.right, c.questions, c.sum, c.ratings, got, ok, c.want, c.ok)
		}
	}
}

func TestTemplates(t *testing.T) {
	t.Parallel()
	if _, ok := TemplateNamed("none"); ok {
		t.Error("an unknown template was found")
	}
	k, ok := TemplateNamed("knowledge")
	if !ok || !k.PrePost {
		t.Fatal("knowledge is a pre/post test")
	}
	for _, tpl := range Templates {
		for _, it := range tpl.Items {
			if it.Correct >= len(it.OptionKeys) || (it.Correct >= 0 && it.Kind != "single") {
				t.Errorf("%s %s: correct %d", tpl.Name, it.PromptKey, it.Correct)
			}
		}
	}
}
