// Package powermap holds the rules of the power map: each actor placed by
// its level of support for the partnership's goal and its degree of
// influence over it, and the engagement strategy that follows from where it
// lands (partner, awareness raising, capacity development, monitor — power
// mapping with engagement strategies, after Bosco & Guénéheux, CIVICUS 2015,
// as presented in a networking and alliance-building toolkit for diaspora
// organisations).
//
// The package is pure: no I/O, no clock, no database. Every text a person
// reads is a message ID from i18n/catalog/powermap.*.toml; SVG takes the
// request's translator.
//
// Scales: support runs from -2 (active opposition) to +2 (active ally), the
// same scale as the Spectrum of Allies (package spectrum); influence and
// interest run from 1 (very low) to 5 (very high), and interest 0 means "not
// assessed".
//
// API:
//
//	Strategy, Strategies                   the four engagement strategies, in display order
//	StrategyFor(support, influence)        the quadrant an actor falls in
//	NotFirstTarget(support, influence)     an influential active opponent: do not start there
//	ValidSupport, ValidInfluence, ValidInterest   scale checks for input validation
//	LevelMessage(level)                    label of an influence or interest level
//	Point, Line, SVG(points, lines, t)     the map drawn on the server
//	Questions                              questions for listing the actors
//	Title, Intro, Source, NotFirstTargetMessage, Axis…, Line…   message IDs
package powermap
