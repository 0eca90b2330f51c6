package partnerkit

import (
	"strings"
	"time"
)

// Map is one power map / Spectrum of Allies of a partnership, drawn for one
// objective or campaign: actors are assessed per map, because the same
// actor may back one goal and oppose another.
type Map struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Objective string `json:"objective"`
	// Shared maps are visible to observers; the others to members only.
	Shared    bool      `json:"shared"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	// Actors is how many (visible) actors have a position on the map.
	Actors int `json:"actors"`
}

// MapInput creates or changes a map. Changing Shared needs ActionShareMap.
type MapInput struct {
	Title     string
	Objective string
	Shared    bool
	Version   int
}

// Validate checks a map's fields.
func (in *MapInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	v.Text("title", in.Title, true, 200)
	v.Text("objective", in.Objective, false, 4000)
	return v.Err()
}

// The scales of an assessment (the same as package powermap's): support on
// the five segments of the Spectrum of Allies, influence and interest 1..5.
const (
	MinSupport   = -2
	MaxSupport   = 2
	MinInfluence = 1
	MaxInfluence = 5
)

// Assessment is one judgement of an actor on a map. Assessments are never
// changed or deleted: the latest (highest Seq) is the actor's position, the
// older ones its history.
type Assessment struct {
	ID        string `json:"id"`
	Seq       int64  `json:"seq"`
	MapID     string `json:"map_id"`
	ActorID   string `json:"actor_id"`
	ActorName string `json:"actor_name"`
	ActorKind string `json:"actor_kind"`
	Support   int    `json:"support"`
	Influence int    `json:"influence"`
	// Interest is 1..5, or 0 when not assessed.
	Interest       int       `json:"interest"`
	Note           string    `json:"note"`
	AssessedBy     string    `json:"assessed_by"`
	AssessedByName string    `json:"assessed_by_name"`
	AssessedAt     time.Time `json:"assessed_at"`
}

// AssessmentInput records a new assessment.
type AssessmentInput struct {
	ActorID   string
	Support   int
	Influence int
	Interest  int // 0: not assessed
	Note      string
}

// Validate checks an assessment's scales.
func (in *AssessmentInput) Validate() error {
	var v Validator
	if strings.TrimSpace(in.ActorID) == "" {
		v.Add("actor", "validation.required", nil)
	}
	v.IntRange("support", in.Support, MinSupport, MaxSupport)
	v.IntRange("influence", in.Influence, MinInfluence, MaxInfluence)
	if in.Interest != 0 {
		v.IntRange("interest", in.Interest, MinInfluence, MaxInfluence)
	}
	v.Text("note", in.Note, false, 4000)
	return v.Err()
}

// MapActor is an actor that may be placed on a map (for choosing one).
// It is the ActorChoice of every other form; the old name stays for the
// pages that use it.
type MapActor = ActorChoice

// MapLine is a cooperation or conflict between two actors, drawn on the
// power map.
type MapLine struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Conflict bool   `json:"conflict"`
}

// Tactic is a planned action to move one actor one step towards us on the
// Spectrum of Allies.
type Tactic struct {
	ID          string     `json:"id"`
	MapID       string     `json:"map_id"`
	ActorID     string     `json:"actor_id"`
	ActorName   string     `json:"actor_name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Status      string     `json:"status"`
	Due         *time.Time `json:"due"`
	OwnerID     string     `json:"owner_id"`
	OwnerName   string     `json:"owner_name"`
	Version     int        `json:"version"`
	CreatedAt   time.Time  `json:"created_at"`
	// Support is the actor's current support (nil when not yet assessed on
	// the map) and Target the one-step-closer segment the tactic aims at.
	Support *int `json:"support"`
	Target  *int `json:"target"`
}

// TacticStatuses are the states of a tactic, in order.
var TacticStatuses = []string{"planned", "in_progress", "done", "dropped"}

// TacticInput creates or changes a tactic.
type TacticInput struct {
	ActorID     string
	Title       string
	Description string
	Status      string
	Due         string // YYYY-MM-DD or empty
	OwnerID     string
	Version     int
}

// Validate checks a tactic's fields and returns the parsed due date.
func (in *TacticInput) Validate() (*time.Time, error) {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	if strings.TrimSpace(in.ActorID) == "" {
		v.Add("actor", "validation.required", nil)
	}
	v.Text("title", in.Title, true, 200)
	v.Text("description", in.Description, false, 4000)
	if in.Status == "" {
		in.Status = "planned"
	}
	v.OneOf("status", in.Status, true, TacticStatuses)
	var due *time.Time
	if in.Due != "" {
		d, err := ParseMapDate(in.Due)
		if err != nil {
			v.Add("due", "validation.date", nil)
		} else {
			due = &d
		}
	}
	return due, v.Err()
}

// ParseMapDate reads a YYYY-MM-DD date as midnight UTC.
func ParseMapDate(s string) (time.Time, error) {
	return time.Parse("2006-01-02", strings.TrimSpace(s))
}

// MapList is the maps the asker may see, newest first, at most MaxMaps; Cut
// says there are older ones not listed.
type MapList struct {
	Maps []*Map `json:"maps"`
	Cut  bool   `json:"cut"`
}

// PositionList is each visible actor's position on a map, by name, at most
// MaxMapActors; Cut says the map holds more actors than are listed.
// Positions are the kept rows, shared by every request for the same
// version: never change them.
type PositionList struct {
	Positions []*Assessment `json:"positions"`
	Cut       bool          `json:"cut"`
	// Kept names the kept positions the list was read from.
	Kept Kept `json:"-"`
}

// MapLineList is the lines among a map's actors, at most MaxMapLines; Cut
// says there are more.
type MapLineList struct {
	Lines []*MapLine `json:"lines"`
	Cut   bool       `json:"cut"`
}

// TimelineList is a map's assessments oldest first, at most MaxMapTimeline;
// Cut says there are later ones: a chart drawn from it ends at the last
// one's date. Assessments are the kept rows, shared by every request for
// the same version: never change them.
type TimelineList struct {
	Assessments []*Assessment `json:"assessments"`
	Cut         bool          `json:"cut"`
	// Kept names the kept timeline the list was read from.
	Kept Kept `json:"-"`
}

// TacticList is a map's tactics by due date, at most MaxMapTactics; Cut
// says there are more.
type TacticList struct {
	Tactics []*Tactic `json:"tactics"`
	Cut     bool      `json:"cut"`
}
