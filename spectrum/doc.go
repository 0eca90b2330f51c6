// Package spectrum holds the rules of the Spectrum of Allies (after George
// Lakey / Training for Change): every actor sits in one of five segments,
// from active allies to active opposition, and the work is to move each one
// a single step towards us rather than to convert the opposition.
//
// An actor's position is its latest assessment; earlier assessments are
// kept as history (never overwritten), so the package can tell where the
// spectrum stood on any date, who moved between two dates and which way,
// and how the segments grew or shrank over time.
//
// The package is pure: no I/O, no clock, no database. Every text a person
// reads is a message ID from i18n/catalog/spectrum.*.toml; the SVG
// functions take the request's translator.
//
// API:
//
//	Segment, Segments, ParseSegment, SegmentOf   the five segments (support -2..2)
//	NextStep(s)                                  one step towards us
//	Assessment, PositionsAt, Counts              where everybody stood at a time
//	Move, MovesSince                             who moved between two times, which way
//	CountsOverTime                               segment counts at many dates, in one sweep
//	TacticStatuses, ValidTacticStatus, TacticStatusMessage   planned tactics per actor
//	Label, SVG                                   the half circle of five wedges
//	ChartSVG                                     segment counts over time
//	Towards, Away, New, DirectionMessage         directions of a move
//	Title, Intro, Source, Us, Remember, NextStepMessage, CountMessage, Questions   message IDs
package spectrum
