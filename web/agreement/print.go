package agreement

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

type printData struct {
	A        *pk.Agreement
	Sections []renderedSection
	// Parties are the active member organisations: those that signed this
	// version, then those still to sign.
	Parties []pk.AgreementParty
}

// print is the agreement on a page of its own, made for paper: no menus or
// forms, the text, the parties, who signed with time and hash, right to
// left in Arabic (the print style sheet in app.css).
func (h *Pages) print(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewAgreements, "agreement.export.print", "agreements")
	if err != nil {
		return err
	}
	d := &printData{}
	// The page shows what the agreement's page shows, so like it (and
	// unlike the downloads) it is not an entry of the audit log.
	if d.A, err = h.Agreements.Agreement(r.Context(), v.P.ID, r.PathValue("agid")); err != nil {
		return err
	}
	for _, s := range d.A.Sections {
		d.Sections = append(d.Sections, renderedSection{ID: s.ID, Title: s.Title, HTML: markdown(s.Body)})
	}
	d.Parties = append(append(d.Parties, d.A.SignedBy...), d.A.Missing...)
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "agreement_print", v)
	return nil
}
