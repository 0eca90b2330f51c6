package partnerkit

import (
	"strings"
	"time"
)

// Relationship is a tie between two actors of the register: the work,
// political, family, religious and neighbourhood ties that power mapping
// asks about, and cooperation or conflict drawn on the power map.
type Relationship struct {
	ID       string `json:"id"`
	From     string `json:"from"`
	FromName string `json:"from_name"`
	To       string `json:"to"`
	ToName   string `json:"to_name"`
	Type     string `json:"type"`
	// Directed ties go from From to To (funds, works_at); the others are mutual.
	Directed bool `json:"directed"`
	// Strength is 1 (weak) to 3 (strong).
	Strength int `json:"strength"`
	// FromDate and UntilDate are YYYY-MM-DD or empty.
	FromDate  string    `json:"from_date"`
	UntilDate string    `json:"until_date"`
	Note      string    `json:"note"`
	Sensitive bool      `json:"sensitive"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
}

// RelationshipTypes are the kinds of tie.
var RelationshipTypes = []string{"cooperates_with", "in_conflict_with", "member_of", "works_at", "funds",
	"family", "political", "religious", "neighbourhood", "other"}

// RelationshipInput creates or changes a relationship.
type RelationshipInput struct {
	From      string
	To        string
	Type      string
	Directed  bool
	Strength  int
	FromDate  string
	UntilDate string
	Note      string
	Sensitive bool
	Version   int
}

// Validate checks a relationship's fields: two different actors, a known
// type, strength 1..3 (2 when not given), dates as YYYY-MM-DD with the end
// not before the start.
func (in *RelationshipInput) Validate() error {
	var v Validator
	in.From, in.To = strings.TrimSpace(in.From), strings.TrimSpace(in.To)
	in.FromDate, in.UntilDate = strings.TrimSpace(in.FromDate), strings.TrimSpace(in.UntilDate)
	if in.From == "" {
		v.Add("from", "validation.required", nil)
	}
	if in.To == "" {
		v.Add("to", "validation.required", nil)
	}
	if in.From != "" && in.From == in.To {
		v.Add("to", "actors.relationships.validation.self", nil)
	}
	v.OneOf("type", in.Type, true, RelationshipTypes)
	if in.Strength == 0 {
		in.Strength = 2
	}
	v.IntRange("strength", in.Strength, 1, 3)
	from, okFrom := checkDate(&v, "from_date", in.FromDate)
	until, okUntil := checkDate(&v, "until_date", in.UntilDate)
	if okFrom && okUntil && in.FromDate != "" && in.UntilDate != "" && until.Before(from) {
		v.Add("until_date", "actors.relationships.validation.until_before_from", nil)
	}
	v.Text("note", in.Note, false, 4000)
	return v.Err()
}

func checkDate(v *Validator, field, s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, true
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		v.Add(field, "validation.date", nil)
		return t, false
	}
	return t, true
}

// RelationshipFilter narrows a list of relationships.
type RelationshipFilter struct {
	Type string
	// ActorID keeps the ties of one actor (either end).
	ActorID string
}
