// Package indicator holds the rules of indicators against targets, after
// TolaData's indicator performance tracking: an indicator has a baseline, a
// life-of-programme target and periodic targets, a direction of change and a
// reporting frequency; measurements are compared with the target due by now.
//
// The package is pure: no I/O, no clock (today is an argument), no database.
// Every text a person reads is a message ID from
// i18n/catalog/indicators.*.toml; the SVG chart takes the request's
// translator.
//
// The rules, in one place (docs/indicators.md says the same for people):
//
//   - The target due by now is the latest periodic target whose due date is
//     on or before today (TolaData compares the most recently completed
//     period, not a pro-rated share of the next target). The actual compared
//     with it is the actual as of that due date: measurements dated after it
//     count towards the next target.
//   - The actual of a number that should increase is the sum of its
//     measurements (a count of people reached adds up; targets are
//     cumulative); of a percentage, and of anything that should decrease,
//     the latest value (a level, which does not add up).
//   - On track: the actual within ±15 % of the target, both ends included.
//     Otherwise "over" means doing better than planned and "under" worse:
//     for an increasing indicator over is above the target; for a
//     decreasing one (school drop-out, waiting days) over is below it.
//     A target of zero has no 15 % band: only zero is on track.
//   - Yes/no indicators are on track when the answer is the one due, and
//     under otherwise (there is no "more yes").
//   - Not reporting: a measurement is overdue — one frequency period has
//     passed since the latest measurement (or since the indicator was set
//     up, or its baseline taken, whichever is later) — or a target came due
//     with no measurement on or before its date. This wins over the rest.
//   - Not rated: nothing to compare yet (no periodic target due), and
//     always for qualitative indicators, whose notes are read, not scored.
//   - Percent met: the actual to date against the life target (or the last
//     periodic target when there is none): the sum for increasing numbers,
//     the latest value for percentages; for a decreasing indicator the
//     share of the planned fall from the baseline achieved; yes/no 100 or
//     0. None when the target is zero (no share of nothing) or nothing was
//     measured.
//   - The share of results with evidence: measurements with an evidence
//     link among all measurements.
//
// API:
//
//	Kind, Direction, Frequency, Status   the enums, with Kinds, Directions, Frequencies, Statuses
//	Indicator, Target, Measurement       what the rules read
//	Evaluate(ind, ms, today) Result       status, percent met, evidence share, next due
//	Compare(kind, dir, actual, target)   the ±15 % rule alone
//	ChartSVG                              baseline, targets and actuals over time
package indicator
