package partnerkit

import (
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/playbook"
)

// PlaybookView is a partnership's progress through the playbook it follows:
// every stage, step and guiding question with what members did and wrote.
// The guide itself is data (package playbook); texts are message IDs.
type PlaybookView struct {
	Playbook string `json:"playbook"` // playbook ID
	Name     string `json:"name"`     // message ID
	Source   string `json:"source"`   // message ID naming the framework
	// ChosenBy and ChosenAt tell who picked this playbook (empty while the
	// partnership follows the default without having chosen).
	ChosenBy string           `json:"chosen_by,omitempty"`
	ChosenAt *time.Time       `json:"chosen_at,omitempty"`
	Stages   []*PlaybookStage `json:"stages"`
	// Current is the stage being worked on; CanAdvance says it is complete
	// and another stage follows; NextStage names that stage.
	Current    string `json:"current_stage"`
	CanAdvance bool   `json:"can_advance"`
	NextStage  string `json:"next_stage,omitempty"`

	StepsDone         int  `json:"steps_done"`
	StepsTotal        int  `json:"steps_total"`
	QuestionsAnswered int  `json:"questions_answered"`
	QuestionsTotal    int  `json:"questions_total"`
	Percent           int  `json:"percent"`
	Complete          bool `json:"complete"`
	// Next is what is still open from the current stage on (open steps,
	// then unanswered questions), a short list to act on.
	Next []*PlaybookItem `json:"next"`
	// History lists the moves from stage to stage in this playbook.
	History []*StageChange `json:"history"`
}

// PlaybookStage is one stage with its steps and progress.
type PlaybookStage struct {
	ID                string          `json:"id"`
	Title             string          `json:"title"`       // message ID
	Description       string          `json:"description"` // message ID
	Steps             []*PlaybookStep `json:"steps"`
	StepsDone         int             `json:"steps_done"`
	StepsTotal        int             `json:"steps_total"`
	QuestionsAnswered int             `json:"questions_answered"`
	QuestionsTotal    int             `json:"questions_total"`
	Percent           int             `json:"percent"`
	Complete          bool            `json:"complete"`
	Current           bool            `json:"current"`
}

// PlaybookStep is one step: done or not (by whom, when), the Partnerkit
// page that does the work, and its guiding questions.
type PlaybookStep struct {
	ID          string `json:"id"`
	Title       string `json:"title"`       // message ID
	Description string `json:"description"` // message ID
	// Page names the tool for this step; Link is its path when that page
	// exists in this installation (pages of later modules have none).
	Page       string              `json:"page,omitempty"`
	Link       string              `json:"link,omitempty"`
	Done       bool                `json:"done"`
	DoneByID   string              `json:"done_by_id,omitempty"`
	DoneBy     string              `json:"done_by,omitempty"`
	DoneAt     *time.Time          `json:"done_at,omitempty"`
	Questions  []*PlaybookQuestion `json:"questions"`
	Unanswered int                 `json:"unanswered"`
}

// PlaybookQuestion is a guiding question with everyone's answers.
type PlaybookQuestion struct {
	ID      string            `json:"id"`
	Text    string            `json:"text"` // message ID
	Answers []*PlaybookAnswer `json:"answers"`
	// Mine is the asking person's answer, if any (also in Answers).
	Mine *PlaybookAnswer `json:"-"`
}

// PlaybookAnswer is one person's answer to a guiding question. Each person
// keeps one current answer per question, which only they may change.
type PlaybookAnswer struct {
	ID         string    `json:"id"`
	QuestionID string    `json:"question_id"`
	UserID     string    `json:"user_id"`
	UserName   string    `json:"user_name"`
	Text       string    `json:"text"`
	Mine       bool      `json:"mine"`
	Version    int       `json:"version"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// PlaybookItem is one open piece of work: a step, or a question of it.
type PlaybookItem struct {
	Stage    string `json:"stage"`
	Step     string `json:"step"`
	Question string `json:"question,omitempty"`
	Text     string `json:"text"` // message ID
	Page     string `json:"page,omitempty"`
	Link     string `json:"link,omitempty"`
}

// StageChange records a move from one stage to the next.
type StageChange struct {
	Playbook string    `json:"playbook"`
	From     string    `json:"from"`
	To       string    `json:"to"`
	UserID   string    `json:"user_id,omitempty"`
	UserName string    `json:"user_name,omitempty"`
	At       time.Time `json:"at"`
}

// PlaybookSummary describes one available playbook.
type PlaybookSummary struct {
	ID     string `json:"id"`
	Name   string `json:"name"`   // message ID
	Source string `json:"source"` // message ID
	Stages int    `json:"stages"`
	Steps  int    `json:"steps"`
	// Current marks the one the partnership follows; Default the one a new
	// partnership follows.
	Current bool `json:"current"`
	Default bool `json:"default"`
}

// PlaybookAnswerInput is a person's answer to a guiding question. Version is
// required when they change an answer they gave before.
type PlaybookAnswerInput struct {
	Text    string
	Version int
}

// MaxPlaybookAnswer bounds an answer's length.
const MaxPlaybookAnswer = 4000

// Validate checks an answer.
func (in *PlaybookAnswerInput) Validate() error {
	var v Validator
	in.Text = strings.TrimSpace(in.Text)
	v.Text("answer", in.Text, true, MaxPlaybookAnswer)
	return v.Err()
}

// PlaybookPages maps a playbook step's page name to candidate paths below
// /p/{pid}; the HTTP layers link the first one the router knows, so a step
// whose tool is not built (governance, decisions …) shows no link.
var PlaybookPages = map[string][]string{
	"self-analysis":    {"/self-analysis"},
	"readiness":        {"/readiness"},
	"theory-of-change": {"/theory-of-change"},
	"form-advice":      {"/form", "/form-choice"},
	"prospects":        {"/prospects"},
	"actors":           {"/actors"},
	"relationships":    {"/relationships"},
	"maps":             {"/maps"},
	"network":          {"/network"},
	"members":          {"/members"},
	"invitations":      {"/invitations"},
	"audit":            {"/audit"},
	"profile":          {"/profile"},
}

// PlaybookPageLink returns the path of a step's page in partnership pid, or
// "" when the page is unknown or exists checks false for every candidate
// (exists receives the route pattern, e.g. "/p/{pid}/maps").
func PlaybookPageLink(pid, page string, exists func(pattern string) bool) string {
	for _, suffix := range PlaybookPages[page] {
		if exists != nil && exists("/p/{pid}"+suffix) {
			return "/p/" + pid + suffix
		}
	}
	return ""
}

// LinkPages fills the Link of every step and open item.
func (v *PlaybookView) LinkPages(pid string, exists func(pattern string) bool) {
	for _, st := range v.Stages {
		for _, s := range st.Steps {
			s.Link = PlaybookPageLink(pid, s.Page, exists)
		}
	}
	for _, it := range v.Next {
		it.Link = PlaybookPageLink(pid, it.Page, exists)
	}
}

// Step returns the step with the given ID, or nil.
func (v *PlaybookView) Step(id string) *PlaybookStep {
	for _, st := range v.Stages {
		for _, s := range st.Steps {
			if s.ID == id {
				return s
			}
		}
	}
	return nil
}

// Stage returns the stage with the given ID, or nil.
func (v *PlaybookView) Stage(id string) *PlaybookStage {
	for _, st := range v.Stages {
		if st.ID == id {
			return st
		}
	}
	return nil
}

// PlaybookSummaries lists the available playbooks, marking current.
func PlaybookSummaries(current string) []*PlaybookSummary {
	var out []*PlaybookSummary
	for _, p := range playbook.All() {
		s := &PlaybookSummary{ID: p.ID, Name: p.NameKey, Source: p.SourceKey, Stages: len(p.Stages),
			Current: p.ID == current, Default: p.ID == playbook.Default}
		for _, st := range p.Stages {
			s.Steps += len(st.Steps)
		}
		out = append(out, s)
	}
	return out
}

// PlaybookIDs lists the IDs of the available playbooks.
func PlaybookIDs() []string {
	var out []string
	for _, p := range playbook.All() {
		out = append(out, p.ID)
	}
	return out
}

// PlaybookRecord is what storage keeps of a partnership in one playbook.
type PlaybookRecord struct {
	Playbook string
	ChosenBy string
	ChosenAt *time.Time
	Stage    string
	Steps    map[string]*PlaybookStep // step ID → who/when (Done set)
	Answers  []*PlaybookAnswer        // in the order to show them
	History  []*StageChange
}

// BuildPlaybookView measures a record against its playbook. It is pure:
// IDs the playbook does not know (a step since removed) are ignored.
func BuildPlaybookView(p *playbook.Playbook, rec *PlaybookRecord) *PlaybookView {
	state := playbook.State{DoneSteps: map[string]bool{}, Answered: map[string]bool{}, CurrentStage: rec.Stage}
	for id := range rec.Steps {
		state.DoneSteps[id] = true
	}
	answers := map[string][]*PlaybookAnswer{}
	for _, a := range rec.Answers {
		answers[a.QuestionID] = append(answers[a.QuestionID], a)
		state.Answered[a.QuestionID] = true
	}
	r := playbook.Progress(p, state)
	v := &PlaybookView{Playbook: p.ID, Name: p.NameKey, Source: p.SourceKey, ChosenBy: rec.ChosenBy, ChosenAt: rec.ChosenAt,
		Current: r.Current, CanAdvance: r.CanAdvance, StepsDone: r.StepsDone, StepsTotal: r.StepsTotal,
		QuestionsAnswered: r.QuestionsAnswered, QuestionsTotal: r.QuestionsTotal, Percent: r.Percent, Complete: r.Complete,
		Stages: []*PlaybookStage{}, Next: []*PlaybookItem{}, History: rec.History}
	if v.History == nil {
		v.History = []*StageChange{}
	}
	if next, ok := playbook.NextStage(p, r.Current); ok {
		v.NextStage = next
	}
	for i, st := range p.Stages {
		ps := &PlaybookStage{ID: st.ID, Title: st.TitleKey, Description: st.DescriptionKey, Current: st.ID == r.Current, Steps: []*PlaybookStep{}}
		if i < len(r.Stages) {
			sp := r.Stages[i]
			ps.StepsDone, ps.StepsTotal, ps.QuestionsAnswered, ps.QuestionsTotal = sp.StepsDone, sp.StepsTotal, sp.QuestionsAnswered, sp.QuestionsTotal
			ps.Percent, ps.Complete = sp.Percent, sp.Complete
		}
		for _, s := range st.Steps {
			step := &PlaybookStep{ID: s.ID, Title: s.TitleKey, Description: s.DescriptionKey, Page: s.Page, Questions: []*PlaybookQuestion{}}
			if d, ok := rec.Steps[s.ID]; ok {
				step.Done, step.DoneByID, step.DoneBy, step.DoneAt = true, d.DoneByID, d.DoneBy, d.DoneAt
			}
			for _, q := range s.Questions {
				pq := &PlaybookQuestion{ID: q.ID, Text: q.TextKey, Answers: answers[q.ID]}
				if pq.Answers == nil {
					pq.Answers = []*PlaybookAnswer{}
				}
				for _, a := range pq.Answers {
					if a.Mine {
						pq.Mine = a
					}
				}
				if len(pq.Answers) == 0 {
					step.Unanswered++
				}
				step.Questions = append(step.Questions, pq)
			}
			ps.Steps = append(ps.Steps, step)
		}
		v.Stages = append(v.Stages, ps)
	}
	for _, it := range r.Next {
		v.Next = append(v.Next, &PlaybookItem{Stage: it.Stage, Step: it.Step, Question: it.Question, Text: it.Key, Page: it.Page})
	}
	return v
}
