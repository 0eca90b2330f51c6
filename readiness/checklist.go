package readiness

// Message IDs naming the methods, to show next to the checklist and the
// self-analysis (we paraphrase; the authors deserve the credit).
const (
	ChecklistSource    = "readiness.checklist.source"
	SelfAnalysisSource = "readiness.selfanalysis.source"
)

// Answer is what one member says to one question. A question's combined
// answer is also an Answer: Yes, No or Open.
type Answer string

const (
	Yes     Answer = "yes"
	No      Answer = "no"
	NotSure Answer = "not_sure"
	// Open appears only in combined answers: nobody answered yet, or
	// someone is not sure and nobody said no.
	Open Answer = "open"
)

// Valid reports whether a member may give this answer (Open may not be given).
func (a Answer) Valid() bool { return a == Yes || a == No || a == NotSure }

// Message is the message ID of the answer's label.
func (a Answer) Message() string { return "readiness.answer." + string(a) }

// Question is one question of the start-up checklist.
type Question struct {
	ID      string // stable; answers are stored against it
	Message string // message ID of the question
	Help    string // message ID of a short help text
}

// Questions is the coalition start-up checklist ("is a coalition right for
// you?"), after a cross-sector coalition-building handbook, in its order.
var Questions = []Question{
	question("complex_issue"),    // needs knowledge from several sectors
	question("service_gap"),      // nobody is clearly mandated to do it
	question("shared_need"),      // others see the issue as a priority too
	question("willing_partners"), // others are willing to work together on it
	question("joint_ownership"),  // best tackled with shared ownership
	question("shared_resources"), // resources can be shared or found
	question("real_commitment"),  // commitment beyond what funders ask for
}

func question(id string) Question {
	return Question{
		ID:      id,
		Message: "readiness.question." + id,
		Help:    "readiness.question." + id + ".help",
	}
}

// MemberAnswer is one member's answer to one question.
type MemberAnswer struct {
	QuestionID string
	UserID     string
	Answer     Answer
	Note       string
}

// Status is the checklist's verdict.
type Status string

const (
	Ready      Status = "ready"      // every question answered yes
	Reconsider Status = "reconsider" // at least one question answered no
	FindOut    Status = "find_out"   // no "no" yet, but some questions are still open
)

// Message is the message ID of the status's label; Help explains what to do next.
func (s Status) Message() string { return "readiness.status." + string(s) }

// Help is the message ID of the next step for this status.
func (s Status) Help() string { return "readiness.status." + string(s) + ".help" }

// Tally counts the members' answers to one question. Its JSON keys are the
// answers' own codes (yes, no, not_sure), as everywhere in the API.
type Tally struct {
	Yes     int `json:"yes"`
	No      int `json:"no"`
	NotSure int `json:"not_sure"`
}

// QuestionResult is one question's combined answer.
type QuestionResult struct {
	Question Question
	Combined Answer // Yes, No or Open
	Tally    Tally
	Notes    []MemberAnswer // answers that carry a note, in input order
}

// Disagreement is a question the members answered differently.
type Disagreement struct {
	QuestionID string
	Tally      Tally
}

// Result is the verdict on the whole checklist.
type Result struct {
	Status        Status
	Questions     []QuestionResult // one per question, in checklist order
	Reconsider    []string         // IDs of questions answered no
	Open          []string         // IDs of questions unanswered or not sure
	Disagreements []Disagreement   // questions where members' answers differ
}

// Evaluate combines the members' answers. Per question: No if any member said
// no (a single doubt about the basics is enough to stop and reconsider, as
// the handbook says); Yes only if at least one member answered and all said
// yes; Open otherwise. The checklist is Ready when every question is Yes,
// Reconsider when any is No, FindOut otherwise. An empty list of questions
// is FindOut: nothing has been checked.
//
// A member's latest answer to a question counts (later entries in answers
// replace earlier ones by the same UserID); answers to questions not in the
// list, and answers that are not Valid, are ignored. Duplicate question IDs
// count once.
func Evaluate(questions []Question, answers []MemberAnswer) Result {
	type latest struct {
		order []string // user IDs in order of first answer
		by    map[string]MemberAnswer
	}
	perQuestion := make(map[string]*latest, len(questions))
	for _, q := range questions {
		if _, dup := perQuestion[q.ID]; !dup {
			perQuestion[q.ID] = &latest{by: map[string]MemberAnswer{}}
		}
	}
	for _, a := range answers {
		l, ok := perQuestion[a.QuestionID]
		if !ok || !a.Answer.Valid() {
			continue
		}
		if _, seen := l.by[a.UserID]; !seen {
			l.order = append(l.order, a.UserID)
		}
		l.by[a.UserID] = a
	}

	res := Result{Status: Ready}
	done := map[string]bool{}
	for _, q := range questions {
		if done[q.ID] {
			continue
		}
		done[q.ID] = true
		l := perQuestion[q.ID]
		qr := QuestionResult{Question: q}
		distinct := 0
		for _, u := range l.order {
			a := l.by[u]
			switch a.Answer {
			case Yes:
				qr.Tally.Yes++
			case No:
				qr.Tally.No++
			case NotSure:
				qr.Tally.NotSure++
			}
			if a.Note != "" {
				qr.Notes = append(qr.Notes, a)
			}
		}
		for _, n := range []int{qr.Tally.Yes, qr.Tally.No, qr.Tally.NotSure} {
			if n > 0 {
				distinct++
			}
		}
		switch {
		case qr.Tally.No > 0:
			qr.Combined = No
			res.Reconsider = append(res.Reconsider, q.ID)
		case qr.Tally.Yes > 0 && qr.Tally.NotSure == 0:
			qr.Combined = Yes
		default:
			qr.Combined = Open
			res.Open = append(res.Open, q.ID)
		}
		if distinct > 1 {
			res.Disagreements = append(res.Disagreements, Disagreement{QuestionID: q.ID, Tally: qr.Tally})
		}
		res.Questions = append(res.Questions, qr)
	}
	switch {
	case len(res.Reconsider) > 0:
		res.Status = Reconsider
	case len(res.Open) > 0 || len(res.Questions) == 0:
		res.Status = FindOut
	}
	return res
}
