package agreement

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

type logData struct {
	A   *pk.Agreement
	Log *pk.AgreementLog
	Max int
}

// log is the signing log on a page of its own: every version written and
// every signature given, oldest first, with its time and hash.
func (h *Pages) log(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewAgreements, "agreement.log.title", "agreements")
	if err != nil {
		return err
	}
	d := &logData{Max: pk.MaxAgreementLog}
	ctx, id := r.Context(), r.PathValue("agid")
	if d.A, err = h.Agreements.Agreement(ctx, v.P.ID, id); err != nil {
		return err
	}
	if d.Log, err = h.Agreements.AgreementLog(ctx, v.P.ID, id); err != nil {
		return err
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "agreement_log", v)
	return nil
}
