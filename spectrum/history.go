package spectrum

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Assessment is one judgement of where an actor stands, made at a time.
// Assessments are never overwritten: an actor's latest one is its position,
// the others are its history.
type Assessment struct {
	ActorID   string
	Support   int // -2..2, the segment (see SegmentOf)
	Influence int // 1..5, for the power map
	Interest  int // 1..5, or 0 when not assessed
	At        time.Time
	// Seq orders assessments made at the same instant: higher is later.
	// (Storage can use its row sequence.) When both At and Seq are equal,
	// the one later in the slice is later.
	Seq int64
}

// Segment is the segment the assessment places the actor in.
func (a Assessment) Segment() Segment { return SegmentOf(a.Support) }

// later reports whether all[i] was made after all[j].
func later(all []Assessment, i, j int) bool {
	return compare(all, i, j) > 0
}

func compare(all []Assessment, i, j int) int {
	return cmp.Or(all[i].At.Compare(all[j].At), cmp.Compare(all[i].Seq, all[j].Seq), cmp.Compare(i, j))
}

// PositionsAt is each actor's latest assessment made at or before at, by
// actor ID. Actors first assessed after at are absent.
func PositionsAt(all []Assessment, at time.Time) map[string]Assessment {
	best := map[string]int{}
	for i := range all {
		if all[i].At.After(at) {
			continue
		}
		if j, ok := best[all[i].ActorID]; !ok || later(all, i, j) {
			best[all[i].ActorID] = i
		}
	}
	out := make(map[string]Assessment, len(best))
	for id, i := range best {
		out[id] = all[i]
	}
	return out
}

// Counts is the number of actors per segment, with every segment present
// (zero when empty). Support scores off the scale count in the nearest
// segment.
func Counts(pos map[string]Assessment) map[Segment]int {
	var c [5]int
	for _, a := range pos {
		c[a.Segment()-ActiveOpposition]++
	}
	return countsMap(c)
}

func countsMap(c [5]int) map[Segment]int {
	m := make(map[Segment]int, 5)
	for i, n := range c {
		m[Segment(i)+ActiveOpposition] = n
	}
	return m
}

// Directions of a Move.
const (
	Towards = "towards" // closer to active ally
	Away    = "away"    // closer to active opposition
	New     = "new"     // not assessed yet at the start
)

// DirectionMessage is the message ID describing a move's direction.
func DirectionMessage(direction string) string { return "spectrum.direction." + direction }

// Move is an actor whose segment differs between two times.
type Move struct {
	ActorID string
	From    Segment // meaningless when Known is false
	To      Segment
	// Known is false when the actor had no position at the start.
	Known     bool
	Direction string // Towards, Away or New
}

// MovesSince lists the actors whose segment at until differs from their
// segment at since (positions as PositionsAt gives them), and actors
// first assessed after since (Direction New), ordered by actor ID. An actor
// who moved and came back in between has not moved. Normally since is
// before until; the result then says how the spectrum changed over that
// period.
func MovesSince(all []Assessment, since, until time.Time) []Move {
	before := PositionsAt(all, since)
	after := PositionsAt(all, until)
	var out []Move
	for id, a := range after {
		to := a.Segment()
		b, known := before[id]
		switch {
		case !known:
			out = append(out, Move{ActorID: id, To: to, Direction: New})
		case b.Segment() < to:
			out = append(out, Move{ActorID: id, From: b.Segment(), To: to, Known: true, Direction: Towards})
		case b.Segment() > to:
			out = append(out, Move{ActorID: id, From: b.Segment(), To: to, Known: true, Direction: Away})
		}
	}
	slices.SortFunc(out, func(x, y Move) int { return strings.Compare(x.ActorID, y.ActorID) })
	return out
}

// CountsOverTime is the segment counts as they stood at each date
// (Counts(PositionsAt(all, date))), one map per date in the order given.
// It sorts the assessments once and sweeps through them in date order, so
// the cost grows with the number of assessments plus dates, not their
// product.
func CountsOverTime(all []Assessment, dates []time.Time) []map[Segment]int {
	out := make([]map[Segment]int, len(dates))
	if len(dates) == 0 {
		return out
	}
	// Actors as small integers; current segment per actor (-1: none yet).
	ids := make(map[string]int32, len(all)/2+1)
	actor := make([]int32, len(all))
	for i := range all {
		n, ok := ids[all[i].ActorID]
		if !ok {
			n = int32(len(ids))
			ids[all[i].ActorID] = n
		}
		actor[i] = n
	}
	cur := make([]int8, len(ids))
	for i := range cur {
		cur[i] = -1
	}
	// Sort plain keys rather than comparing time.Time values: the same
	// order as compare, several times faster.
	type key struct {
		sec       int64
		nsec, idx int32
		seq       int64
	}
	keys := make([]key, len(all))
	for i := range all {
		keys[i] = key{all[i].At.Unix(), int32(all[i].At.Nanosecond()), int32(i), all[i].Seq}
	}
	byTime := func(a, b key) int {
		switch {
		case a.sec != b.sec:
			return sign(a.sec < b.sec)
		case a.nsec != b.nsec:
			return sign(a.nsec < b.nsec)
		case a.seq != b.seq:
			return sign(a.seq < b.seq)
		}
		return int(a.idx - b.idx)
	}
	// Storage usually hands the history over in time order already.
	if !slices.IsSortedFunc(keys, byTime) {
		slices.SortFunc(keys, byTime)
	}
	byDate := make([]int, len(dates))
	for i := range byDate {
		byDate[i] = i
	}
	slices.SortStableFunc(byDate, func(i, j int) int { return dates[i].Compare(dates[j]) })

	var c [5]int
	next := 0
	for _, d := range byDate {
		sec, nsec := dates[d].Unix(), int32(dates[d].Nanosecond())
		for next < len(keys) && (keys[next].sec < sec || keys[next].sec == sec && keys[next].nsec <= nsec) {
			i := keys[next].idx
			seg := int8(all[i].Segment() - ActiveOpposition)
			if old := cur[actor[i]]; old >= 0 {
				c[old]--
			}
			c[seg]++
			cur[actor[i]] = seg
			next++
		}
		out[d] = countsMap(c)
	}
	return out
}

// sign is -1 when less, else 1.
func sign(less bool) int {
	if less {
		return -1
	}
	return 1
}
