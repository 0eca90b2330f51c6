package agreement

// ChecklistItem is one question of the agreement checklist, in one of four
// groups: who is in it, why, what it covers, how it works (after the AVA
// partnership agreement checklist, in our own words).
type ChecklistItem struct {
	ID    string `json:"id"`
	Group string `json:"group"` // who, why, what, how
}

// Answers of a checklist item, from least to most in place.
const (
	NotRelevant = "not_relevant"
	NotInPlace  = "not_in_place"
	Partly      = "partly"
	InPlace     = "in_place"
)

// ChecklistAnswers lists every answer.
var ChecklistAnswers = []string{NotRelevant, NotInPlace, Partly, InPlace}

// ChecklistGroups are the groups in the order shown.
var ChecklistGroups = []string{"who", "why", "what", "how"}

// Checklist is every item, group by group. Its IDs are catalogue keys
// under "agreement.checklist.item.".
var Checklist = []ChecklistItem{
	{"partners_named", "who"}, {"contacts", "who"}, {"lead", "who"}, {"authority", "who"},
	{"shared_aims", "why"}, {"own_aims", "why"}, {"added_value", "why"}, {"beneficiaries", "why"},
	{"activities", "what"}, {"resources", "what"}, {"budget", "what"}, {"information", "what"}, {"safeguarding", "what"},
	{"meetings", "how"}, {"decisions", "how"}, {"review", "how"}, {"grievances", "how"}, {"exit", "how"},
}

// ChecklistItemIDs lists the items' IDs in order.
func ChecklistItemIDs() []string {
	out := make([]string, len(Checklist))
	for i, c := range Checklist {
		out[i] = c.ID
	}
	return out
}

// ChecklistDone counts the items settled — in place, or not relevant to
// this partnership — out of all items; an item not answered is not settled.
func ChecklistDone(answers map[string]string) (done, total int) {
	for _, c := range Checklist {
		if a := answers[c.ID]; a == InPlace || a == NotRelevant {
			done++
		}
	}
	return done, len(Checklist)
}
