package spectrum

import (
	"errors"
	"strconv"
	"strings"
)

// Segment is a slice of the Spectrum of Allies. Its value is the support
// score of the power map (-2..2), so one assessment places an actor on both.
type Segment int

const (
	ActiveOpposition  Segment = -2 // disagree and act against the change
	PassiveOpposition Segment = -1 // disagree but do not act against it
	Neutral           Segment = 0  // unengaged or uninformed
	PassiveAlly       Segment = 1  // agree but do not act yet
	ActiveAlly        Segment = 2  // agree and work alongside us
)

// Segments in display order, from our side to the far side.
var Segments = []Segment{ActiveAlly, PassiveAlly, Neutral, PassiveOpposition, ActiveOpposition}

var keys = map[Segment]string{
	ActiveOpposition:  "active_opposition",
	PassiveOpposition: "passive_opposition",
	Neutral:           "neutral",
	PassiveAlly:       "passive_ally",
	ActiveAlly:        "active_ally",
}

// Valid reports whether s is one of the five segments.
func (s Segment) Valid() bool { return s >= ActiveOpposition && s <= ActiveAlly }

// Key is the segment's stable name ("active_ally", …), used in message IDs,
// forms and the API; "" for an invalid segment.
func (s Segment) Key() string { return keys[s] }

// String is the key, or "segment(N)" for an invalid segment.
func (s Segment) String() string {
	if k := s.Key(); k != "" {
		return k
	}
	return "segment(" + strconv.Itoa(int(s)) + ")"
}

// Message is the message ID of the segment's name.
func (s Segment) Message() string { return "spectrum.segment." + s.Key() }

// Advice is the message ID of the tactics that suit the segment.
func (s Segment) Advice() string { return "spectrum.advice." + s.Key() }

// ErrUnknownSegment is returned by ParseSegment.
var ErrUnknownSegment = errors.New("spectrum: unknown segment")

// ParseSegment reads a segment from its key ("passive_ally") or its support
// score ("1", "+1", "-2"), as forms and the API may send either. Surrounding
// spaces are ignored.
func ParseSegment(v string) (Segment, error) {
	v = strings.TrimSpace(v)
	for s, k := range keys {
		if v == k {
			return s, nil
		}
	}
	if len(v) <= 2 {
		if n, err := strconv.Atoi(v); err == nil && Segment(n).Valid() {
			return Segment(n), nil
		}
	}
	return 0, ErrUnknownSegment
}

// SegmentOf is the segment of a support score, clamped to the scale (a
// score below -2 counts as active opposition, above 2 as active ally).
func SegmentOf(support int) Segment {
	return Segment(max(int(ActiveOpposition), min(support, int(ActiveAlly))))
}

// NextStep is the segment one step towards us: what tactics for an actor
// in s aim at. Active allies stay where they are. An invalid segment is
// first brought onto the scale.
func NextStep(s Segment) Segment {
	return SegmentOf(int(SegmentOf(int(s))) + 1)
}

// Message IDs not tied to one segment.
const (
	Title  = "spectrum.title"
	Intro  = "spectrum.intro"
	Source = "spectrum.source" // names the method and its author
	Us     = "spectrum.us"     // the centre of the half circle
	// Remember is a short reminder of the method's main point: move people
	// one step, do not try to win over the active opposition.
	Remember = "spectrum.remember"
	// NextStepMessage says where tactics should move an actor; its
	// placeholder Segment takes the translated name of NextStep's segment.
	// Not for active allies, who stay where they are.
	NextStepMessage = "spectrum.next_step"
	// CountMessage is "N actors", with plural forms (placeholder Count).
	CountMessage = "spectrum.count.actors"
)

// Questions are message IDs of questions for planning the next tactics.
var Questions = []string{
	"spectrum.question.target",
	"spectrum.question.resources",
	"spectrum.question.fit",
	"spectrum.question.risk",
}

// TacticStatuses are the states of a tactic planned for an actor, in order.
// The values are stored; do not rename them.
var TacticStatuses = []string{"planned", "in_progress", "done", "dropped"}

// ValidTacticStatus reports whether s is one of TacticStatuses.
func ValidTacticStatus(s string) bool {
	for _, v := range TacticStatuses {
		if s == v {
			return true
		}
	}
	return false
}

// TacticStatusMessage is the message ID of a tactic status's name.
func TacticStatusMessage(s string) string { return "spectrum.tactic_status." + s }
