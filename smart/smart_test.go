package smart

import (
	"slices"
	"testing"
)

func full() Goal {
	return Goal{Title: "Seat young newcomers", Description: "on the youth council", Beneficiaries: "young newcomers",
		Measure: "seats held", HasTarget: true, HasOwner: true, Plans: 1, ResourcedPlans: 1, Statements: 1,
		Due: "2026-12-31", Active: true, Today: "2026-03-02"}
}

func TestCheckLetterByLetter(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		change  func(*Goal)
		met     []string
		missing []string
	}{
		{"all met", func(*Goal) {}, Letters, nil},
		{"two words are not a what", func(g *Goal) { g.Title, g.Description = "Youth council", "" }, []string{"M", "A", "R", "T"}, []string{"smart.missing.what"}},
		{"three words are", func(g *Goal) { g.Title, g.Description = "Seat newcomers everywhere", "" }, Letters, nil},
		{"Arabic words count", func(g *Goal) { g.Title, g.Description = "مقاعد للشباب القادمين", "" }, Letters, nil},
		{"no who", func(g *Goal) { g.Beneficiaries = "  " }, []string{"M", "A", "R", "T"}, []string{"smart.missing.who"}},
		{"no measure nor number", func(g *Goal) { g.Measure, g.HasTarget = "", false }, []string{"S", "A", "R", "T"},
			[]string{"smart.missing.measure", "smart.missing.number"}},
		{"number without measure", func(g *Goal) { g.Measure = "" }, []string{"S", "A", "R", "T"}, []string{"smart.missing.measure"}},
		{"no owner", func(g *Goal) { g.HasOwner = false }, []string{"S", "M", "R", "T"}, []string{"smart.missing.owner"}},
		{"no plan", func(g *Goal) { g.Plans, g.ResourcedPlans = 0, 0 }, []string{"S", "M", "R", "T"}, []string{"smart.missing.plan"}},
		{"plans without resources", func(g *Goal) { g.ResourcedPlans = 0 }, []string{"S", "M", "R", "T"}, []string{"smart.missing.resources"}},
		{"no statement", func(g *Goal) { g.Statements = 0 }, []string{"S", "M", "A", "T"}, []string{"smart.missing.statement"}},
		{"no date", func(g *Goal) { g.Due = "" }, []string{"S", "M", "A", "R"}, []string{"smart.missing.date"}},
		{"due today is not passed", func(g *Goal) { g.Due = g.Today }, Letters, nil},
		{"passed while active", func(g *Goal) { g.Due = "2026-03-01" }, []string{"S", "M", "A", "R"}, []string{"smart.missing.date_passed"}},
		{"passed once achieved is fine", func(g *Goal) { g.Due, g.Active = "2026-03-01", false }, Letters, nil},
		{"universal: advice instead", func(g *Goal) { g.Universal, g.Measure, g.HasTarget, g.Due = true, "", false, "" },
			[]string{"S", "A", "R"}, []string{"smart.universal.measure", "smart.universal.number", "smart.universal.date"}},
		{"empty goal", func(g *Goal) { *g = Goal{} }, []string{},
			[]string{"smart.missing.what", "smart.missing.who", "smart.missing.measure", "smart.missing.number", "smart.missing.owner",
				"smart.missing.plan", "smart.missing.statement", "smart.missing.date"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			g := full()
			c.change(&g)
			r := Check(g)
			if !slices.Equal(r.Met, c.met) {
				t.Errorf("met %v, want %v", r.Met, c.met)
			}
			var keys []string
			for _, m := range r.Missing {
				keys = append(keys, m.Message)
				if !slices.Contains(Keys, m.Message) {
					t.Errorf("%s is not in Keys", m.Message)
				}
				if slices.Contains(r.Met, m.Letter) {
					t.Errorf("%s is met and missing", m.Letter)
				}
			}
			if !slices.Equal(keys, c.missing) {
				t.Errorf("missing %v, want %v", keys, c.missing)
			}
		})
	}
}
