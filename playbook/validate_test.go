package playbook

import (
	"strings"
	"testing"
)

// valid returns a small well-formed playbook to break in tests.
func valid() *Playbook {
	return &Playbook{
		ID: "demo", NameKey: "playbook.demo.name", SourceKey: "playbook.demo.source",
		Stages: []Stage{
			{ID: "a", TitleKey: "playbook.demo.a.title", DescriptionKey: "playbook.demo.a.description", Steps: []Step{
				{ID: "a.x", TitleKey: "playbook.demo.a.x.title", DescriptionKey: "playbook.demo.a.x.description", Page: "actors",
					Questions: []Question{{ID: "a.x.q1", TextKey: "playbook.demo.a.x.q1"}, {ID: "a.x.q2", TextKey: "playbook.demo.a.x.q2"}}},
				{ID: "a.y", TitleKey: "playbook.demo.a.y.title", DescriptionKey: "playbook.demo.a.y.description",
					Questions: []Question{{ID: "a.y.q1", TextKey: "playbook.demo.a.y.q1"}}},
			}},
			{ID: "b", TitleKey: "playbook.demo.b.title", DescriptionKey: "playbook.demo.b.description", Steps: []Step{
				{ID: "b.u", TitleKey: "playbook.demo.b.u.title", DescriptionKey: "playbook.demo.b.u.description", Page: "health",
					Questions: []Question{{ID: "b.u.q1", TextKey: "playbook.demo.b.u.q1"}}},
				{ID: "b.v", TitleKey: "playbook.demo.b.v.title", DescriptionKey: "playbook.demo.b.v.description"},
			}},
		},
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []struct {
		name   string
		mutate func(p *Playbook)
		want   string // substring of the error; "" = valid
	}{
		{"valid", func(p *Playbook) {}, ""},
		{"bad playbook ID", func(p *Playbook) { p.ID = "Demo" }, `playbook ID "Demo" is not well-formed`},
		{"empty playbook ID", func(p *Playbook) { p.ID = "" }, `playbook ID "" is not well-formed`},
		{"no stages", func(p *Playbook) { p.Stages = nil }, "has no stages"},
		{"stage without steps", func(p *Playbook) { p.Stages[1].Steps = nil }, `stage "b": has no steps`},
		{"dotted stage ID", func(p *Playbook) { p.Stages[0].ID = "a.b" }, `stage ID "a.b" is not well-formed`},
		{"duplicate stage", func(p *Playbook) {
			p.Stages[1].ID = "a"
			for i := range p.Stages[1].Steps {
				p.Stages[1].Steps[i].ID = "a.z" + string(rune('0'+i))
				p.Stages[1].Steps[i].Questions = nil
			}
		}, `stage ID "a" is used twice`},
		{"step outside its stage", func(p *Playbook) { p.Stages[0].Steps[1].ID = "b.y" }, `step ID "b.y" must start with "a."`},
		{"step ID with a space", func(p *Playbook) { p.Stages[0].Steps[1].ID = "a.y y" }, `step ID "a.y y" is not well-formed`},
		{"step ID one level too deep", func(p *Playbook) { p.Stages[0].Steps[1].ID = "a.y.z" }, `step ID "a.y.z" is not well-formed`},
		{"duplicate step", func(p *Playbook) {
			p.Stages[0].Steps[1].ID = "a.x"
			p.Stages[0].Steps[1].Questions = nil
		}, `step ID "a.x" is used twice`},
		{"question outside its step", func(p *Playbook) { p.Stages[0].Steps[0].Questions[1].ID = "a.y.q2" }, `question ID "a.y.q2" must start with "a.x."`},
		{"duplicate question", func(p *Playbook) { p.Stages[0].Steps[0].Questions[1].ID = "a.x.q1" }, `question ID "a.x.q1" is used twice`},
		{"missing name", func(p *Playbook) { p.NameKey = "" }, "name message ID is missing"},
		{"missing source", func(p *Playbook) { p.SourceKey = "" }, "source message ID is missing"},
		{"missing stage title", func(p *Playbook) { p.Stages[0].TitleKey = "" }, `stage "a": title message ID is missing`},
		{"missing stage description", func(p *Playbook) { p.Stages[1].DescriptionKey = "" }, `stage "b": description message ID is missing`},
		{"missing step title", func(p *Playbook) { p.Stages[0].Steps[0].TitleKey = "" }, `step "a.x": title message ID is missing`},
		{"missing step description", func(p *Playbook) { p.Stages[1].Steps[1].DescriptionKey = "" }, `step "b.v": description message ID is missing`},
		{"missing question text", func(p *Playbook) { p.Stages[0].Steps[0].Questions[0].TextKey = "" }, `question "a.x.q1": text message ID is missing`},
		{"key of another area", func(p *Playbook) { p.NameKey = "platform.name" }, `is not in the "playbook" area`},
		{"key that is only the area", func(p *Playbook) { p.NameKey = "playbook" }, `is not in the "playbook" area`},
		{"key used twice", func(p *Playbook) { p.Stages[0].Steps[1].TitleKey = p.Stages[0].Steps[0].TitleKey },
			`"playbook.demo.a.x.title" is already used by step "a.x"`},
		{"unknown page", func(p *Playbook) { p.Stages[0].Steps[0].Page = "dashboard" }, `unknown page "dashboard"`},
		{"planned page", func(p *Playbook) { p.Stages[0].Steps[0].Page = "evaluation" }, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := valid()
			c.mutate(p)
			err := Validate(p)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case c.want != "" && err == nil:
				t.Errorf("no error, want %q", c.want)
			case c.want != "" && !strings.Contains(err.Error(), c.want):
				t.Errorf("error %q lacks %q", err, c.want)
			}
		})
	}
	if Validate(nil) == nil {
		t.Error("Validate(nil) passed")
	}
}

// Several problems are reported together, so one run of the tests shows them all.
func TestValidateReportsEveryProblem(t *testing.T) {
	p := valid()
	p.NameKey = ""
	p.Stages[1].Steps[0].Page = "nowhere"
	err := Validate(p)
	if err == nil || !strings.Contains(err.Error(), "name message ID") || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("error = %v, want both problems", err)
	}
}

func TestParse(t *testing.T) {
	good := `
id = "demo"
name = "playbook.demo.name"
source = "playbook.demo.source"
[[stages]]
id = "a"
title = "playbook.demo.a.title"
description = "playbook.demo.a.description"
  [[stages.steps]]
  id = "a.x"
  title = "playbook.demo.a.x.title"
  description = "playbook.demo.a.x.description"
  page = "actors"
  questions = [ { id = "a.x.q1", text = "playbook.demo.a.x.q1" } ]
`
	p, err := parse([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if q := p.Question("a.x.q1"); q == nil || q.TextKey != "playbook.demo.a.x.q1" || p.Step("a.x").Page != "actors" {
		t.Errorf("parsed %+v", p)
	}
	for name, c := range map[string]struct{ text, want string }{
		"misspelt key": {strings.Replace(good, "  description = \"playbook.demo.a.x", "  descripton = \"playbook.demo.a.x", 1), "unknown keys: stages.steps.descripton"},
		"broken TOML":  {good + "\n[[stages\n", "toml"},
		"invalid":      {strings.Replace(good, `id = "a.x"`, `id = "b.x"`, 1), `must start with "a."`},
		"wrong type":   {strings.Replace(good, `page = "actors"`, `page = 3`, 1), "page"},
	} {
		if _, err := parse([]byte(c.text)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error = %v, want %q", name, err, c.want)
		}
	}
}

// Whatever the input, parse either fails or returns a valid playbook.
func FuzzParse(f *testing.F) {
	for _, p := range order {
		data, err := dataFS.ReadFile("data/" + p + ".toml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`id = "x"`))
	f.Add([]byte("[[stages]]\nid = 1"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := parse(data)
		if err != nil {
			return
		}
		if err := Validate(p); err != nil {
			t.Fatalf("parse accepted an invalid playbook: %v", err)
		}
		Progress(p, State{})
	})
}
