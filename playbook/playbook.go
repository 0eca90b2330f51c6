// Package playbook holds the step-by-step guides a partnership follows from
// "should we even partner?" to "do we continue?", and computes how far a
// partnership has come in one of them.
//
// A playbook is data: one TOML file per playbook under data/, embedded in the
// binary. Each has stages, each stage has steps, each step has guiding
// questions. Every stage, step and question has an ID that is stable and
// unique within its playbook ("connect", "connect.needs", "connect.needs.q1"),
// and message IDs (area "playbook", catalogues i18n/catalog/playbook.*.toml)
// for everything a person reads. The texts are our own words; each
// playbook's SourceKey names the framework and where it comes from.
//
// The playbooks, in the order All returns them:
//
//   - action_plan (Default): four stages Connect, Begin, Implementation,
//     Monitor, after the Working Together programme (seed 004);
//   - cooperation_strategy: four steps of a cooperation strategy, after
//     Voices of Young Refugees in Europe (seed 000);
//   - coalition_building: eight steps to effective coalition building (seed 001);
//   - coalition_stages: five stages of coalition development (seed 001);
//   - collaborative_empowerment: sixteen activities, after Arthur T.
//     Himmelman (seed 001).
//
// # Progress and switching playbooks
//
// A partnership's progress is stored per playbook: (playbook ID, step ID) for
// done steps, (playbook ID, question ID) for answered questions, and one
// current stage per playbook. Storage keeps the state of every playbook a
// partnership has ever used, so switching playbooks loses nothing: Progress
// is given the State of the playbook being shown and ignores IDs it does not
// know. The package does no I/O; it neither reads nor writes that state.
//
// IDs never change once released (stored progress refers to them): new
// steps get new IDs, and a step that is dropped simply stops counting.
package playbook

import (
	"embed"
	"fmt"
	"path"
	"sync"
)

// Default is the playbook a new partnership follows.
const Default = "action_plan"

// Playbook is one guide: its name and source (message IDs) and its stages.
type Playbook struct {
	ID        string  `toml:"id"`
	NameKey   string  `toml:"name"`
	SourceKey string  `toml:"source"` // names the framework and its author
	Stages    []Stage `toml:"stages"`
}

// Stage is a phase of a playbook, made of steps done in order.
type Stage struct {
	ID             string `toml:"id"`
	TitleKey       string `toml:"title"`
	DescriptionKey string `toml:"description"`
	Steps          []Step `toml:"steps"`
}

// Step is one piece of work. Page, when set, names the Partnerkit tool that
// does that work (see pages); the web layer links it only if it exists.
type Step struct {
	ID             string     `toml:"id"`
	TitleKey       string     `toml:"title"`
	DescriptionKey string     `toml:"description"`
	Page           string     `toml:"page"`
	Questions      []Question `toml:"questions"`
}

// Question is a guiding question for a step.
type Question struct {
	ID      string `toml:"id"`
	TextKey string `toml:"text"`
}

// order is the fixed order of All; every embedded file must appear here.
var order = []string{
	"action_plan",
	"cooperation_strategy",
	"coalition_building",
	"coalition_stages",
	"collaborative_empowerment",
}

//go:embed data/*.toml
var dataFS embed.FS

// playbooks is loaded once, when first needed: decoding the files takes
// tens of milliseconds that a server's start need not wait for. Broken
// embedded data is a programming error (the tests catch it).
var playbooks = sync.OnceValue(mustLoad)

func mustLoad() []*Playbook {
	out, err := load()
	if err != nil {
		panic(err)
	}
	return out
}

func load() ([]*Playbook, error) {
	files, err := dataFS.ReadDir("data")
	if err != nil {
		return nil, err
	}
	byID := map[string]*Playbook{}
	for _, f := range files {
		name := path.Join("data", f.Name())
		data, err := dataFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		p, err := parse(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if want := f.Name(); p.ID+".toml" != want {
			return nil, fmt.Errorf("%s: id %q does not match the file name", name, p.ID)
		}
		byID[p.ID] = p
	}
	out := make([]*Playbook, 0, len(order))
	for _, id := range order {
		p, ok := byID[id]
		if !ok {
			return nil, fmt.Errorf("playbook %q has no data file", id)
		}
		out = append(out, p)
		delete(byID, id)
	}
	for id := range byID {
		return nil, fmt.Errorf("data/%s.toml is not listed in the playbook order", id)
	}
	return out, nil
}

// All returns every playbook in a fixed order, the default first. The values
// are copies: changing them does not change the package's data.
func All() []*Playbook {
	out := make([]*Playbook, len(playbooks()))
	for i, p := range playbooks() {
		out[i] = p.clone()
	}
	return out
}

// Get returns a copy of the playbook with the given ID.
func Get(id string) (*Playbook, bool) {
	for _, p := range playbooks() {
		if p.ID == id {
			return p.clone(), true
		}
	}
	return nil, false
}

// Stage returns the stage with the given ID, or nil.
func (p *Playbook) Stage(id string) *Stage {
	for i := range p.Stages {
		if p.Stages[i].ID == id {
			return &p.Stages[i]
		}
	}
	return nil
}

// Step returns the step with the given ID, or nil. Storage uses it to refuse
// a step ID that is not in the playbook.
func (p *Playbook) Step(id string) *Step {
	for i := range p.Stages {
		for j := range p.Stages[i].Steps {
			if p.Stages[i].Steps[j].ID == id {
				return &p.Stages[i].Steps[j]
			}
		}
	}
	return nil
}

// Question returns the question with the given ID, or nil.
func (p *Playbook) Question(id string) *Question {
	for i := range p.Stages {
		for j := range p.Stages[i].Steps {
			st := &p.Stages[i].Steps[j]
			for k := range st.Questions {
				if st.Questions[k].ID == id {
					return &st.Questions[k]
				}
			}
		}
	}
	return nil
}

func (p *Playbook) clone() *Playbook {
	c := *p
	c.Stages = make([]Stage, len(p.Stages))
	for i, s := range p.Stages {
		s.Steps = append([]Step(nil), s.Steps...)
		for j := range s.Steps {
			s.Steps[j].Questions = append([]Question(nil), s.Steps[j].Questions...)
		}
		c.Stages[i] = s
	}
	return &c
}
