package health

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

type signalsData struct {
	Report *pk.SignalReport
	Rows   []signalRow
	Fires  int
}

// signalsPage lists every behaviour signal with its explanation and the
// health item it speaks to.
func (h *Pages) signalsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewHealth, "health.signals.title", "health")
	if err != nil {
		return err
	}
	rep, err := h.Health.Signals(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &signalsData{Report: rep, Rows: signalRows(rep)}
	for _, s := range d.Rows {
		if s.State == "fires" {
			d.Fires++
		}
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "signals", v)
	return nil
}
