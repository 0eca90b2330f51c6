package partnerkit

import (
	"slices"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/theoryofchange"
)

// ChangeStatement is one "if … then … because …" statement of a
// partnership's theory of change, at a level from activity to vision, with
// the statements it leads to.
type ChangeStatement struct {
	ID        string    `json:"id"`
	Level     string    `json:"level"`
	If        string    `json:"if"`
	Then      string    `json:"then"`
	Because   string    `json:"because"`
	Leads     []string  `json:"leads"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ChangeProblem is one thing to fix in a theory of change.
type ChangeProblem struct {
	Kind        string   `json:"kind"`
	StatementID string   `json:"statement_id,omitempty"`
	Path        []string `json:"path,omitempty"`
	Message     string   `json:"message"` // message ID
	Hint        string   `json:"hint"`    // message ID
}

// TheoryOfChange is a partnership's statements and what the checks found.
type TheoryOfChange struct {
	Source     string             `json:"source"` // message ID naming the method
	Statements []*ChangeStatement `json:"statements"`
	Problems   []ChangeProblem    `json:"problems"`
}

// ChangeLevels are the levels of a statement, from what we do to the vision.
var ChangeLevels = func() []string {
	out := make([]string, len(theoryofchange.Levels))
	for i, l := range theoryofchange.Levels {
		out[i] = string(l)
	}
	return out
}()

// ChangeStatementInput creates or changes a statement.
type ChangeStatementInput struct {
	Level   string
	If      string
	Then    string
	Because string
	Leads   []string
	Version int
}

// MaxChangeLeads bounds a statement's links.
const MaxChangeLeads = 50

// Validate checks a statement's fields. A draft may be incomplete (the
// checks on the page say what is missing); only the result is required.
func (in *ChangeStatementInput) Validate() error {
	var v Validator
	in.If, in.Then, in.Because = strings.TrimSpace(in.If), strings.TrimSpace(in.Then), strings.TrimSpace(in.Because)
	v.OneOf("level", in.Level, true, ChangeLevels)
	v.Text("if", in.If, false, 2000)
	v.Text("then", in.Then, true, 2000)
	v.Text("because", in.Because, false, 2000)
	var leads []string
	for _, l := range in.Leads {
		if l = strings.TrimSpace(l); l != "" && !slices.Contains(leads, l) {
			leads = append(leads, l)
		}
	}
	in.Leads = leads
	if len(leads) > MaxChangeLeads {
		v.Add("leads", "preparation.validation.too_many_leads", map[string]any{"Max": MaxChangeLeads})
	}
	return v.Err()
}

// Check runs the theory-of-change checks on the statements.
func (t *TheoryOfChange) Check() {
	t.Problems = []ChangeProblem{}
	for _, p := range theoryofchange.Check(t.RuleStatements()) {
		t.Problems = append(t.Problems, ChangeProblem{Kind: p.Kind, StatementID: p.StatementID, Path: p.Path, Message: p.Message(), Hint: p.Hint()})
	}
}

// RuleStatements converts the statements for the theoryofchange package.
func (t *TheoryOfChange) RuleStatements() []theoryofchange.Statement {
	out := make([]theoryofchange.Statement, len(t.Statements))
	for i, s := range t.Statements {
		out[i] = theoryofchange.Statement{ID: s.ID, Level: theoryofchange.Level(s.Level), If: s.If, Then: s.Then, Because: s.Because, Leads: s.Leads}
	}
	return out
}

// RuleProblems converts the problems back for the theoryofchange package.
func (t *TheoryOfChange) RuleProblems() []theoryofchange.Problem {
	out := make([]theoryofchange.Problem, len(t.Problems))
	for i, p := range t.Problems {
		out[i] = theoryofchange.Problem{Kind: p.Kind, StatementID: p.StatementID, Path: p.Path}
	}
	return out
}

// SVG draws the diagram; t translates message IDs (nil shows the IDs).
func (t *TheoryOfChange) SVG(tr func(id string, args ...any) string) []byte {
	return theoryofchange.SVG(t.RuleStatements(), t.RuleProblems(), tr)
}
