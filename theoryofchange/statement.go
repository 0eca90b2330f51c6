package theoryofchange

// Source is the message ID naming the method and its authors.
const Source = "theoryofchange.source"

// Level is how far along the chain of change a statement sits.
type Level string

const (
	Activity Level = "activity" // what we do
	Outcome  Level = "outcome"  // the change our activities bring about
	Goal     Level = "goal"     // the broader change the outcomes serve
	Vision   Level = "vision"   // the long-term future we work towards
)

// Levels in order, from what we do to the vision.
var Levels = []Level{Activity, Outcome, Goal, Vision}

// Rank is the level's position in Levels, or -1 for an unknown level.
func (l Level) Rank() int {
	for i, x := range Levels {
		if x == l {
			return i
		}
	}
	return -1
}

// Message is the message ID of the level's name.
func (l Level) Message() string { return "theoryofchange.level." + string(l) }

// Statement is one link in the chain: if we do (or achieve) If, then Then
// follows, because of Because. A vision statement only needs Then: it is
// where the chain ends.
type Statement struct {
	ID      string
	Level   Level
	If      string
	Then    string
	Because string
	// Leads holds the IDs of the statements whose condition this statement's
	// result feeds: the arrows of the diagram, pointing towards the vision.
	Leads []string
}

// Help is the message ID of a short explanation of the level.
func (l Level) Help() string { return "theoryofchange.level." + string(l) + ".help" }
