package formadvice

// Option is one possible answer to an attribute (or dimension). Its ID is
// the form (or coalition type) whose description it is, so a choice points
// straight at a form.
type Option struct {
	ID      string
	Message string // message ID of our wording of that form's description
}

// Attribute is one row of a comparison table: a question with one option per
// form (or coalition type), in the table's order.
type Attribute struct {
	ID       string
	Name     string // message ID
	Question string // message ID of the question a page asks
	Options  []Option
}

// Score is how well one form (or type) fits the choices, from 0 to 1.
type Score struct {
	ID    string
	Score float64
}

// Explanation says which form (or type) one choice points to.
type Explanation struct {
	Attribute string // attribute (or dimension) ID
	Option    string // the chosen option's ID
	PointsTo  string // the form (or type) it describes; equal to Option
	Message   string // message ID of the chosen option's text
}

// Implications are message IDs describing what choosing a form means.
type Implications struct {
	Trust    string // how much trust it needs
	Risk     string // what is at stake
	Benefit  string // what can be gained
	Autonomy string // how much independence members keep
}

// Recommendation is the result of Recommend or RecommendCoalitionType.
type Recommendation struct {
	Scores       []Score       // every form (or type), in table order
	Recommended  string        // the best fit; "" when nothing was answered
	Explanations []Explanation // one per answered attribute, in attribute order
	Missing      []string      // attribute IDs not answered, or answered with an unknown option
	Implies      Implications  // of the recommended form; empty for coalition types
}

// ExplainMessage is the message ID of a sentence a page can use for one
// Explanation; it takes the translated attribute name and form name as
// Attribute and Form.
const ExplainMessage = "formadvice.explain.points_to"

// recommend scores the choices against a table. Each answered attribute
// gives 1 to the form its option describes and neighbour to the forms just
// before and after it in the table; the totals are divided by the number of
// answered attributes, so 1 means every answer matched. Choices for unknown
// attributes are ignored; a choice of an unknown option counts as not
// answered (and is listed in Missing), so a stale or mistyped ID cannot tip
// the result. Ties go to the form earlier in the table, the less integrated.
func recommend(ids []string, attrs []Attribute, choices map[string]string, neighbour float64) Recommendation {
	var r Recommendation
	pos := make(map[string]int, len(ids))
	for i, id := range ids {
		pos[id] = i
	}
	raw := make([]float64, len(ids))
	answered := 0
	for _, a := range attrs {
		choice, ok := choices[a.ID]
		var opt *Option
		for k := range a.Options {
			if a.Options[k].ID == choice {
				opt = &a.Options[k]
			}
		}
		i, known := pos[choice]
		if !ok || opt == nil || !known {
			r.Missing = append(r.Missing, a.ID)
			continue
		}
		answered++
		raw[i]++
		if i > 0 {
			raw[i-1] += neighbour
		}
		if i+1 < len(ids) {
			raw[i+1] += neighbour
		}
		r.Explanations = append(r.Explanations, Explanation{Attribute: a.ID, Option: opt.ID, PointsTo: opt.ID, Message: opt.Message})
	}
	best := -1
	for i, id := range ids {
		s := 0.0
		if answered > 0 {
			s = raw[i] / float64(answered)
		}
		r.Scores = append(r.Scores, Score{ID: id, Score: s})
		if answered > 0 && (best < 0 || raw[i] > raw[best]) { // strictly greater: ties stay with the earlier form
			best = i
		}
	}
	if best >= 0 {
		r.Recommended = ids[best]
	}
	return r
}
