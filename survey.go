package partnerkit

import (
	"strconv"
	"strings"
	"time"
)

// A Survey is a questionnaire of a partnership that people answer through
// a private link, without an account (KoboToolbox-style link forms): a
// satisfaction survey after an activity, or a pre- and post-test of
// knowledge (seed 001, step 8), whose two rounds ask the same questions so
// that each respondent's change can be computed.
//
// An anonymous survey keeps nothing that links an answer to a person: the
// answer row holds no account, no link and no time, a used link only says
// that it was used, and results of fewer than SurveyMinGroup answers are
// not shown.
type Survey struct {
	ID        string        `json:"id"`
	Title     string        `json:"title"`
	Intro     string        `json:"intro"`
	Kind      string        `json:"kind"` // single or prepost
	Anonymous bool          `json:"anonymous"`
	Status    string        `json:"status"` // draft, open, closed
	Items     []*SurveyItem `json:"items"`
	// Answers counts the answers received, by round ("" for a single
	// round); Rounds says the same in the rounds' order, AnswerCount in all.
	Answers     map[string]int `json:"-"`
	Rounds      []RoundCount   `json:"rounds"`
	AnswerCount int            `json:"answer_count"`
	Version     int            `json:"version"`
	CreatedAt   time.Time      `json:"created_at"`
	UpdatedAt   time.Time      `json:"updated_at"`
}

// RoundCount is how many answered a round ("" for a single round).
type RoundCount struct {
	Round   string `json:"round"`
	Answers int    `json:"answers"`
}

// CountRounds fills Rounds and AnswerCount from Answers.
func (s *Survey) CountRounds() {
	s.Rounds, s.AnswerCount = nil, 0
	for _, r := range RoundsOf(s.Kind) {
		s.Rounds = append(s.Rounds, RoundCount{Round: r, Answers: s.Answers[r]})
		s.AnswerCount += s.Answers[r]
	}
}

// SurveyItem is one question, or a section heading, in order.
type SurveyItem struct {
	ID       string   `json:"id"`
	Kind     string   `json:"kind"`
	Prompt   string   `json:"prompt"`
	Help     string   `json:"help"`
	Options  []string `json:"options"`
	Rows     []string `json:"rows"`
	Required bool     `json:"required"`
	// Correct is the index of the right option of a knowledge question
	// (single choice), -1 when there is none.
	Correct int `json:"correct"`
}

// Asks reports whether an item takes an answer (a section does not).
func (it *SurveyItem) Asks() bool { return it.Kind != SurveySection }

// Survey kinds, statuses and item kinds.
const (
	SurveySingle  = "single"
	SurveyPrePost = "prepost"

	SurveyDraft  = "draft"
	SurveyOpen   = "open"
	SurveyClosed = "closed"

	SurveySection  = "section"
	SurveyChoice   = "single"
	SurveyMultiple = "multiple"
	SurveyScale    = "scale"
	SurveyNumber   = "number"
	SurveyText     = "text"
	SurveyMatrix   = "matrix"

	RoundPre  = "pre"
	RoundPost = "post"
)

// Closed lists of the surveys module.
var (
	SurveyKinds     = []string{SurveySingle, SurveyPrePost}
	SurveyStatuses  = []string{SurveyDraft, SurveyOpen, SurveyClosed}
	SurveyItemKinds = []string{SurveySection, SurveyChoice, SurveyMultiple, SurveyScale, SurveyNumber, SurveyText, SurveyMatrix}
	SurveyRounds    = []string{RoundPre, RoundPost}
	SurveyTemplates = []string{"blank", "satisfaction", "knowledge"}
)

// Bounds of a survey.
const (
	// SurveyMinGroup is the least number of answers an anonymous survey's
	// result (a round, an item, a list of texts, the pairs) is shown from.
	SurveyMinGroup = 5
	// ScaleMin and ScaleMax are the ends of every rating scale.
	ScaleMin, ScaleMax = 1, 5
	// SurveyNumberMax bounds a number answer either side of zero.
	SurveyNumberMax = 1_000_000_000
	// SurveyCodeMin and SurveyCodeMax bound a respondent's own code.
	SurveyCodeMin, SurveyCodeMax = 4, 40
	// MaxSurveyLinkBatch is how many links one batch makes.
	MaxSurveyLinkBatch = 500
	// MaxSurveyItemOptions bounds the options of a choice and the rows of a matrix.
	MaxSurveyItemOptions = 20
)

// RoundsOf lists a survey kind's rounds: one unnamed round, or pre and post.
func RoundsOf(kind string) []string {
	if kind == SurveyPrePost {
		return SurveyRounds
	}
	return []string{""}
}

// SurveyInput makes or changes a survey. Items replace the survey's items
// (while it is a draft); nil leaves them.
type SurveyInput struct {
	Title     string
	Intro     string
	Kind      string
	Anonymous bool
	Status    string
	Items     []SurveyItemInput
	// SetItems says that Items replace the items (an empty list empties).
	SetItems bool
	Version  int
}

// SurveyItemInput is one item as written.
type SurveyItemInput struct {
	Kind     string
	Prompt   string
	Help     string
	Options  []string
	Rows     []string
	Required bool
	Correct  int // -1: none
}

// Validate checks a survey.
func (in *SurveyInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	v.Text("title", in.Title, true, 200)
	v.Text("intro", in.Intro, false, 4000)
	v.OneOf("kind", in.Kind, true, SurveyKinds)
	v.OneOf("status", in.Status, false, SurveyStatuses)
	if len(in.Items) > MaxSurveyItems {
		v.Add("items", "validation.range", map[string]any{"Min": 0, "Max": MaxSurveyItems})
		return v.Err()
	}
	for i := range in.Items {
		in.Items[i].validate(&v, "items["+strconv.Itoa(i)+"].")
	}
	return v.Err()
}

// Validate checks one item on its own (the builder's form).
func (in *SurveyItemInput) Validate() error {
	var v Validator
	in.validate(&v, "")
	return v.Err()
}

func (in *SurveyItemInput) validate(v *Validator, prefix string) {
	in.Prompt = strings.TrimSpace(in.Prompt)
	v.OneOf(prefix+"kind", in.Kind, true, SurveyItemKinds)
	v.Text(prefix+"prompt", in.Prompt, true, 500)
	v.Text(prefix+"help", in.Help, false, 1000)
	in.Options = cleanLines(in.Options)
	in.Rows = cleanLines(in.Rows)
	needs := func(field string, list []string, min int) {
		if len(list) < min || len(list) > MaxSurveyItemOptions {
			v.Add(prefix+field, "surveys.validation.options", map[string]any{"Min": min, "Max": MaxSurveyItemOptions})
			return
		}
		for _, o := range list {
			v.Text(prefix+field, o, true, 200)
		}
	}
	switch in.Kind {
	case SurveyChoice, SurveyMultiple:
		needs("options", in.Options, 2)
	case SurveyMatrix:
		needs("rows", in.Rows, 1)
	}
	if in.Kind != SurveyChoice && in.Kind != SurveyMultiple {
		in.Options = nil
	}
	if in.Kind != SurveyMatrix {
		in.Rows = nil
	}
	if in.Kind == SurveySection {
		in.Required = false
	}
	if in.Kind != SurveyChoice {
		in.Correct = -1
	} else if in.Correct < -1 || in.Correct >= len(in.Options) {
		v.Add(prefix+"correct", "validation.range", map[string]any{"Min": -1, "Max": len(in.Options) - 1})
	}
}

// SurveyList is a partnership's surveys, newest first.
type SurveyList struct {
	Items []*Survey `json:"items"`
	Cut   bool      `json:"items_cut"`
}

// SurveyLink is one private link to answer a survey. Its secret is kept
// hashed and shown once, when it is made. On an anonymous survey a link
// does not say whether it was used (Used is false): the link list would
// otherwise tell a coordinator who had just answered.
type SurveyLink struct {
	ID        string    `json:"id"`
	Round     string    `json:"round"`
	Label     string    `json:"label"`
	UserID    string    `json:"user_id,omitempty"`
	UserName  string    `json:"user_name,omitempty"`
	Used      bool      `json:"used"`
	Revoked   bool      `json:"revoked"`
	CreatedAt time.Time `json:"created_at"`
	// Code is set only in the answer that made the link: the secret that
	// goes after /s/.
	Code string `json:"code,omitempty"`
}

// SurveyLinkList is a survey's links, newest first, with how many were
// used (also on an anonymous survey, where single links do not say).
type SurveyLinkList struct {
	Items []*SurveyLink `json:"items"`
	Cut   bool          `json:"items_cut"`
	Used  int           `json:"used"`
	Total int           `json:"total"`
}

// SurveyLinksInput makes links: Count anonymous codes (labelled Label 1,
// Label 2, …), or one named link per person of the partnership in UserIDs
// (a named survey only), sent by email when Email is set.
type SurveyLinksInput struct {
	Round   string
	Count   int
	Label   string
	UserIDs []string
	Email   bool
}

// Validate checks a request for links.
func (in *SurveyLinksInput) Validate(s *Survey) error {
	var v Validator
	if s.Kind == SurveyPrePost {
		v.OneOf("round", in.Round, true, SurveyRounds)
	} else if in.Round != "" {
		v.Add("round", "surveys.validation.no_rounds", nil)
	}
	v.Text("label", in.Label, false, 100)
	switch {
	case len(in.UserIDs) > 0 && s.Anonymous:
		v.Add("user_ids", "surveys.validation.named_only", nil)
	case len(in.UserIDs) > MaxSurveyLinkBatch:
		v.Add("user_ids", "validation.range", map[string]any{"Min": 1, "Max": MaxSurveyLinkBatch})
	case len(in.UserIDs) == 0:
		v.IntRange("count", in.Count, 1, MaxSurveyLinkBatch)
	}
	return v.Err()
}

// SurveyForm is what a respondent sees: the survey, the round of their
// link, and whether the link can still be used.
type SurveyForm struct {
	Survey *Survey
	Round  string
	// State is open, used, revoked or closed.
	State string
	// AsksCode: an anonymous pre/post test asks for the respondent's own
	// code, which pairs their two answers without naming them.
	AsksCode bool
}

// SurveyAnswerInput is one respondent's answer: values per item ID (a
// matrix answer's key is "itemID.row", rows from 0), and their own code
// on an anonymous pre/post test.
type SurveyAnswerInput struct {
	Values map[string][]string
	Code   string
}

// NormalizeSurveyCode reads a typed link code: letters and digits only,
// small letters, so that "ABCD-efgh" and "abcdefgh" are the same code.
func NormalizeSurveyCode(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}
