package partnerkit

// Move is how an actor's support changed between two moments.
type Move struct {
	ActorID string `json:"actor_id"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	// From is nil when the actor was not yet on the map at the start.
	From *int `json:"from"`
	To   int  `json:"to"`
	// Direction is "towards" (closer to active allies), "away" or "new".
	Direction string `json:"direction"`
}

// MovesBetween compares two sets of positions (pure; ordered as now).
func MovesBetween(then, now []*Assessment) []*Move {
	before := make(map[string]int, len(then))
	for _, a := range then {
		before[a.ActorID] = a.Support
	}
	var out []*Move
	for _, a := range now {
		m := &Move{ActorID: a.ActorID, Name: a.ActorName, Kind: a.ActorKind, To: a.Support}
		if b, ok := before[a.ActorID]; !ok {
			m.Direction = "new"
		} else if b == a.Support {
			continue
		} else {
			from := b
			m.From = &from
			m.Direction = "away"
			if a.Support > b {
				m.Direction = "towards"
			}
		}
		out = append(out, m)
	}
	return out
}
