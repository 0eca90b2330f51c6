package partnerkit

// MapPage is what a map's overview shows: the map, where each visible actor
// stands now, and how many tactics are planned.
type MapPage struct {
	Map       *Map
	Positions []*Assessment
	Tactics   int
	// PositionsCut and TacticsCut say the map holds more than
	// MaxMapActors actors or MaxMapTactics tactics.
	PositionsCut bool
	TacticsCut   bool
}

// MapActorPage is one actor on one map as the asker may see it: where the
// actor stands now (nil before its first assessment), the history of its
// assessments a page at a time, and the tactics planned for it.
type MapActorPage struct {
	Map     *Map
	ActorID string
	Name    string
	Current *Assessment
	History []*Assessment
	// Next is the cursor of the history's next page ("" at the end).
	Next    string
	Tactics []*Tactic
	// Choice is the actor as the assessment form offers it; nil for those
	// who may not assess (observers).
	Choice *MapActor
}

// MapActorChoices are actors not yet placed on a map, for the form that
// places one: a bounded list, with More set when there are others.
type MapActorChoices struct {
	Actors []*MapActor
	More   bool
}

// MapActorChoiceLimit is how many actors the placing form offers at once;
// a search narrows the rest.
const MapActorChoiceLimit = 100
