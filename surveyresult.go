package partnerkit

// SurveyResults are a survey's results: each round's items, and for a
// pre/post test the paired change. Every group smaller than SurveyMinGroup
// of an anonymous survey is marked TooFew and carries no numbers.
type SurveyResults struct {
	Survey *Survey         `json:"survey"`
	Rounds []*RoundResults `json:"rounds"`
	Paired *PairedResults  `json:"paired,omitempty"`
}

// RoundResults are one round's answers ("" for a single round).
type RoundResults struct {
	Round   string         `json:"round"`
	Answers int            `json:"answers"`
	TooFew  bool           `json:"too_few"`
	Items   []*ItemResults `json:"items"`
}

// ItemResults are one question's results: how many answered it, the count
// of each option or scale point (Counts[i] for option i, or for point
// i+1), the mean of ratings and numbers, and a matrix's rows.
type ItemResults struct {
	ItemID   string        `json:"item_id"`
	Kind     string        `json:"kind"`
	Prompt   string        `json:"prompt"`
	Labels   []string      `json:"labels,omitempty"`
	Answered int           `json:"answered"`
	TooFew   bool          `json:"too_few"`
	Counts   []int         `json:"counts,omitempty"`
	Mean     *float64      `json:"mean,omitempty"`
	Min      *int          `json:"min,omitempty"`
	Max      *int          `json:"max,omitempty"`
	Rows     []*RowResults `json:"rows,omitempty"`
	// Texts are the text answers in alphabetical order (never in the
	// order they came), at most MaxSurveyTexts; TextsCut says there were more.
	Texts    []string `json:"texts,omitempty"`
	TextsCut bool     `json:"texts_cut,omitempty"`
	// Correct is the right option of a knowledge question, -1 for none.
	Correct int `json:"correct"`
}

// RowResults are one matrix row's ratings.
type RowResults struct {
	Label    string   `json:"label"`
	Answered int      `json:"answered"`
	TooFew   bool     `json:"too_few"`
	Counts   []int    `json:"counts,omitempty"`
	Mean     *float64 `json:"mean,omitempty"`
}

// PairedResults are a pre/post test's paired change: per respondent who
// answered both rounds, and for the group. Score says what a score is
// (percent_right on a test with right answers, else mean_rating).
type PairedResults struct {
	Score      string  `json:"score"`
	Pairs      int     `json:"pairs"`
	Unpaired   int     `json:"unpaired"`
	TooFew     bool    `json:"too_few"`
	MeanPre    float64 `json:"mean_pre"`
	MeanPost   float64 `json:"mean_post"`
	MeanChange float64 `json:"mean_change"`
	Improved   int     `json:"improved"`
	Same       int     `json:"same"`
	Worse      int     `json:"worse"`
	// Respondents are the pairs, largest gain first, at most
	// MaxSurveyPairs (RespondentsCut). Names only on a named survey, for
	// coordinators.
	Respondents    []*PairedRespondent `json:"respondents,omitempty"`
	RespondentsCut bool                `json:"respondents_cut,omitempty"`
}

// PairedRespondent is one respondent's change, numbered in the order of
// the list.
type PairedRespondent struct {
	Number int     `json:"number"`
	Name   string  `json:"name,omitempty"`
	Pre    float64 `json:"pre"`
	Post   float64 `json:"post"`
	Change float64 `json:"change"`
}
