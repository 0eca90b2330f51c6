package powermap

import "strconv"

// The scales of an assessment. Support shares the Spectrum of Allies' scale
// so that one assessment places an actor on both tools.
const (
	MinSupport   = -2
	MaxSupport   = 2
	MinInfluence = 1
	MaxInfluence = 5
	MinInterest  = 1 // 0 is allowed too and means "not assessed"
	MaxInterest  = 5
)

// The quadrant borders: support of at least SupportThreshold counts as
// support (passive or active allies; neutral actors are not yet on our side),
// influence of at least InfluenceThreshold counts as high.
const (
	SupportThreshold   = 1
	InfluenceThreshold = 3
)

// Message IDs that are not tied to one strategy.
const (
	Title                 = "powermap.title"
	Intro                 = "powermap.intro"
	Source                = "powermap.source" // names the method and its authors
	NotFirstTargetMessage = "powermap.not_first_target"
	AxisSupport           = "powermap.axis.support"
	AxisSupportLow        = "powermap.axis.support.low"
	AxisSupportHigh       = "powermap.axis.support.high"
	AxisInfluence         = "powermap.axis.influence"
	LineCooperation       = "powermap.line.cooperation"
	LineConflict          = "powermap.line.conflict"
)

// Questions are message IDs of questions that help a group list the actors
// before placing them, in the order to ask them.
var Questions = []string{
	"powermap.question.affected",
	"powermap.question.influence",
	"powermap.question.decides",
	"powermap.question.resources",
	"powermap.question.ties",
}

// Strategy is an engagement strategy: how to engage with the actors of one
// quadrant of the power map. The values are stored; do not rename them.
type Strategy string

const (
	Partner             Strategy = "partner"              // high support, high influence
	AwarenessRaising    Strategy = "awareness_raising"    // low support, high influence
	CapacityDevelopment Strategy = "capacity_development" // high support, low influence
	Monitor             Strategy = "monitor"              // low support, low influence
)

// Strategies in display order.
var Strategies = []Strategy{Partner, AwarenessRaising, CapacityDevelopment, Monitor}

// Valid reports whether s is one of the four strategies.
func (s Strategy) Valid() bool {
	switch s {
	case Partner, AwarenessRaising, CapacityDevelopment, Monitor:
		return true
	}
	return false
}

// Message is the message ID of the strategy's name (also the quadrant label).
func (s Strategy) Message() string { return "powermap.strategy." + string(s) }

// Advice is the message ID of a short text on how to engage these actors.
func (s Strategy) Advice() string { return "powermap.advice." + string(s) }

// StrategyFor is the strategy of the quadrant where an actor with this
// support (-2..2) and influence (1..5) falls:
//
//	support >= 1, influence >= 3   Partner
//	support <= 0, influence >= 3   AwarenessRaising
//	support >= 1, influence <= 2   CapacityDevelopment
//	support <= 0, influence <= 2   Monitor
//
// Neutral actors (support 0) are not on our side yet, so they count with
// the opposition. Values outside the scales are not rejected here
// (validate input with ValidSupport and ValidInfluence): they fall on the
// side of the border they lie on, as if clamped to the scale.
func StrategyFor(support, influence int) Strategy {
	high := influence >= InfluenceThreshold
	switch {
	case support >= SupportThreshold && high:
		return Partner
	case high:
		return AwarenessRaising
	case support >= SupportThreshold:
		return CapacityDevelopment
	default:
		return Monitor
	}
}

// NotFirstTarget reports whether an actor is an active opponent (support -2
// or below) with high influence (3 or more). Awareness raising is the
// quadrant's strategy, but winning over a strong opponent is unlikely and
// seldom needed: start with the actors who can be moved.
func NotFirstTarget(support, influence int) bool {
	return support <= MinSupport && influence >= InfluenceThreshold
}

// ValidSupport reports whether v is on the support scale (-2..2).
func ValidSupport(v int) bool { return v >= MinSupport && v <= MaxSupport }

// ValidInfluence reports whether v is on the influence scale (1..5).
func ValidInfluence(v int) bool { return v >= MinInfluence && v <= MaxInfluence }

// ValidInterest reports whether v is on the interest scale (1..5) or 0, "not
// assessed".
func ValidInterest(v int) bool { return v == 0 || (v >= MinInterest && v <= MaxInterest) }

// LevelMessage is the message ID of the label of an influence or interest
// level 1..5 ("very low" .. "very high"), and of "not assessed" for any
// other value.
func LevelMessage(level int) string {
	if level < MinInfluence || level > MaxInfluence {
		return "powermap.level.none"
	}
	return "powermap.level." + strconv.Itoa(level)
}

// clamp brings v onto the scale lo..hi, for drawing.
func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }
