// Package theoryofchange checks and draws a partnership's theory of change:
// chains of "if … then … because …" statements that lead from activities to
// outcomes, goals and the long-term vision (after the Networking & Alliance
// Building Toolkit for Diaspora Organizations, Maastricht University, and the
// Center for Theory of Change).
//
// The package is pure: no I/O, no clock, no database. Every text a person
// reads is a message ID from i18n/catalog/theoryofchange.*.toml.
//
// API:
//
//	Level, Levels, Level.Rank, Level.Message   activity < outcome < goal < vision
//	Statement                                  one "if … then … because …" with its links
//	Check(stmts) []Problem                     what is missing or wrong, in a fixed order
//	Problem.Message, Problem.Hint              message IDs describing a problem
//	SVG(stmts, problems, t) []byte             a layered diagram, vision at the top
//	Source                                     message ID naming the method
package theoryofchange
