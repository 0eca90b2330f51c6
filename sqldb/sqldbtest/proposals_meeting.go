package sqldbtest

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// The open proposal is on the agenda of the members' assembly (an open
// meeting takes proposals to any body), so that pages and the API show
// the link both ways. It runs after the meetings and decisions fixtures.
func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		mf, df := w.Meetings(), w.Decisions()
		_, err := w.DB.Meetings.AddAgendaItem(w.Coordinator.Ctx, w.Partnership.ID, mf.Open.ID, pk.AgendaItemInput{
			Title: "The youth council's statement on housing", Minutes: 30, ProposalID: df.Open.ID})
		must(t, err)
	})
}
