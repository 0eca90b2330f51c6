package partnerkit

import (
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/readiness"
)

// ReadinessAnswer is one person's current answer to one question of the
// start-up checklist ("is a coalition right for you?").
type ReadinessAnswer struct {
	QuestionID string    `json:"question_id"`
	UserID     string    `json:"user_id"`
	UserName   string    `json:"user_name"`
	Answer     string    `json:"answer"` // yes, no, not_sure
	Note       string    `json:"note"`
	Version    int       `json:"version"`
	AnsweredAt time.Time `json:"answered_at"`
}

// ReadinessQuestion is one checklist question with the combined answer.
type ReadinessQuestion struct {
	ID       string          `json:"id"`
	Message  string          `json:"message"` // message ID of the question
	Help     string          `json:"help"`    // message ID
	Combined string          `json:"combined"`
	Tally    readiness.Tally `json:"tally"`
	// Answers name who said what; only members and coordinators see them.
	Answers []*ReadinessAnswer `json:"answers"`
	// Mine is the asking person's answer, if any.
	Mine *ReadinessAnswer `json:"mine,omitempty"`
}

// Readiness is the start-up checklist of a partnership and its verdict.
type Readiness struct {
	Source     string               `json:"source"` // message ID naming the method
	Status     string               `json:"status"` // ready, reconsider, find_out
	StatusHelp string               `json:"status_help"`
	Questions  []*ReadinessQuestion `json:"questions"`
	// Reconsider names the questions somebody answered no; Open those not
	// answered yet or answered "not sure".
	Reconsider []string `json:"reconsider"`
	Open       []string `json:"open"`
	// Disagreements are questions the members answered differently.
	Disagreements []ReadinessDisagreement `json:"disagreements"`
	// NamesShown says whether Answers carry who said what (members and up).
	NamesShown bool `json:"names_shown"`
}

// ReadinessDisagreement is one question the members answered differently.
type ReadinessDisagreement struct {
	QuestionID string          `json:"question_id"`
	Tally      readiness.Tally `json:"tally"`
}

// ReadinessAnswers are the answers a member may give.
var ReadinessAnswers = []string{string(readiness.Yes), string(readiness.No), string(readiness.NotSure)}

// ReadinessQuestionIDs lists the checklist question IDs in order.
func ReadinessQuestionIDs() []string {
	out := make([]string, len(readiness.Questions))
	for i, q := range readiness.Questions {
		out[i] = q.ID
	}
	return out
}

// ReadinessInput is a member's answer to one question.
type ReadinessInput struct {
	QuestionID string
	Answer     string
	Note       string
}

// Validate checks an answer.
func (in *ReadinessInput) Validate() error {
	var v Validator
	in.Note = strings.TrimSpace(in.Note)
	v.OneOf("question_id", in.QuestionID, true, ReadinessQuestionIDs())
	v.OneOf("answer", in.Answer, true, ReadinessAnswers)
	v.Text("note", in.Note, false, 2000)
	return v.Err()
}
