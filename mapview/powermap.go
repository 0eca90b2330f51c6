package mapview

import (
	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/powermap"
)

// PowerPoints turns positions into the power map's points.
func PowerPoints(pos []*pk.Assessment) []powermap.Point {
	out := make([]powermap.Point, 0, len(pos))
	for _, a := range pos {
		out = append(out, powermap.Point{ID: a.ActorID, Label: a.ActorName, Support: a.Support, Influence: a.Influence, Interest: a.Interest})
	}
	return out
}

// PowerLines turns relationships into the power map's lines.
func PowerLines(ls []*pk.MapLine) []powermap.Line {
	out := make([]powermap.Line, 0, len(ls))
	for _, l := range ls {
		out = append(out, powermap.Line{From: l.From, To: l.To, Conflict: l.Conflict})
	}
	return out
}
