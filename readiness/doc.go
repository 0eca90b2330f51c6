// Package readiness holds the rules of the first stage of a partnership,
// "should we partner at all?": the coalition start-up checklist (seven
// questions, after a cross-sector coalition-building handbook, where a single
// "no" means reconsider) and the questions of the organisation's
// self-analysis (after "Steps of Developing a Cooperation Strategy", Voices
// of Young Refugees in Europe, step 1, and the Partnership Action Plan,
// stage 1 "Connect").
//
// The package is pure: no I/O, no clock, no database. Every text a person
// reads is a message ID from i18n/catalog/readiness.*.toml.
//
// API:
//
//	Questions                        the seven checklist questions, in order
//	Evaluate(questions, answers)     combines members' answers into a Result
//	SelfAnalysisSections             the self-analysis sections, in order
//	ChecklistSource, SelfAnalysisSource   message IDs naming the methods
package readiness
