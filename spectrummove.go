package partnerkit

import (
	"time"

	"github.com/partnerkit/partnerkit/spectrum"
)

// Move is how an actor's support changed between two moments.
type Move struct {
	ActorID string `json:"actor_id"`
	Name    string `json:"name"`
	Kind    string `json:"kind"`
	// From is nil when the actor was not yet on the map at the start.
	From *int `json:"from"`
	To   int  `json:"to"`
	// Direction is "towards" (closer to active allies), "away" or "new"
	// (spectrum.Towards, spectrum.Away, spectrum.New).
	Direction string `json:"direction"`
}

// MovesBetween compares two sets of positions (each actor's latest
// assessment then and now, as storage reads them), ordered as now. The
// rule is the spectrum package's (spectrum.MovesSince): the two sets are
// handed to it as the history of two instants, so there is one definition
// of a move.
func MovesBetween(then, now []*Assessment) []*Move {
	t0, t1 := time.Unix(0, 0), time.Unix(1, 0)
	history := make([]spectrum.Assessment, 0, len(then)+len(now))
	for _, a := range then {
		history = append(history, spectrum.Assessment{ActorID: a.ActorID, Support: a.Support, At: t0, Seq: a.Seq})
	}
	for _, a := range now {
		history = append(history, spectrum.Assessment{ActorID: a.ActorID, Support: a.Support, At: t1, Seq: a.Seq})
	}
	moved := map[string]spectrum.Move{}
	for _, m := range spectrum.MovesSince(history, t0, t1) {
		moved[m.ActorID] = m
	}
	var out []*Move
	for _, a := range now {
		m, ok := moved[a.ActorID]
		if !ok {
			continue
		}
		x := &Move{ActorID: a.ActorID, Name: a.ActorName, Kind: a.ActorKind, To: int(m.To), Direction: m.Direction}
		if m.Known {
			from := int(m.From)
			x.From = &from
		}
		out = append(out, x)
	}
	return out
}
