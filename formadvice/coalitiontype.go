package formadvice

// The coalition types, in the order of the table they come from (from the
// loosest to the most committed).
const (
	InformationNetwork  = "information_network"
	Association         = "association"
	CoordinatingCouncil = "coordinating_council"
	Campaign            = "campaign"
	OngoingCoalition    = "ongoing_coalition"
)

// CoalitionType is one type of coalition or collaborative organisation.
type CoalitionType struct {
	ID      string
	Name    string // message ID
	Summary string // message ID
}

// CoalitionTypes are the types of coalitions and collaborative
// organisations, after Wendy Wilson (River Network, 2006).
var CoalitionTypes = []CoalitionType{
	coalitionType(InformationNetwork), coalitionType(Association), coalitionType(CoordinatingCouncil),
	coalitionType(Campaign), coalitionType(OngoingCoalition),
}

func coalitionType(id string) CoalitionType {
	return CoalitionType{ID: id, Name: "formadvice.ctype." + id + ".name", Summary: "formadvice.ctype." + id + ".summary"}
}

var coalitionTypeIDs = []string{InformationNetwork, Association, CoordinatingCouncil, Campaign, OngoingCoalition}

// CoalitionDimensions are the four rows of the coalition types table, each
// with one option per type, in the order of CoalitionTypes.
var CoalitionDimensions = []Attribute{
	attribute("formadvice.cdim.", "purpose", coalitionTypeIDs),
	attribute("formadvice.cdim.", "membership", coalitionTypeIDs),
	attribute("formadvice.cdim.", "structure", coalitionTypeIDs),
	attribute("formadvice.cdim.", "finances", coalitionTypeIDs),
}

// RecommendCoalitionType finds the coalition type that best fits the
// choices, a map from dimension ID to the chosen option's ID (a type ID).
// Scoring is as in Recommend but only exact matches count: the types are
// distinct kinds, not steps on a scale, so a neighbour in the table is not
// "nearly right". Ties go to the type listed first, the looser one.
// Recommendation.Implies stays empty.
func RecommendCoalitionType(choices map[string]string) Recommendation {
	return recommend(coalitionTypeIDs, CoalitionDimensions, choices, 0)
}
