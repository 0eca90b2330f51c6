package sqldbtest

// ReportModules puts in use in the world's partnership every module the
// partnership report reads: plans, indicators, decisions, meetings,
// health, evaluations and contributions.
func (w *World) ReportModules() {
	w.Plans()
	w.Indicators()
	w.Decisions()
	w.Meetings()
	w.Health()
	w.Evaluations()
	w.Contributions()
}
