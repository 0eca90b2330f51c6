package agreement

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/agreement"
)

type versionsData struct {
	A        *pk.Agreement
	Versions *pk.AgreementVersionList
	// From and To are the versions compared (?from=&to=, by default the
	// one before the current and the current); Diff is empty with one version.
	From, To *pk.AgreementVersion
	Diff     []rules.SectionDiff
}

// versions lists the versions and shows two of them side by side, section
// by section (stacked on a narrow screen by the style sheet).
func (h *Pages) versions(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewAgreements, "agreement.versions.title", "agreements")
	if err != nil {
		return err
	}
	d := &versionsData{}
	ctx, id := r.Context(), r.PathValue("agid")
	if d.A, err = h.Agreements.Agreement(ctx, v.P.ID, id); err != nil {
		return err
	}
	if d.Versions, err = h.Agreements.AgreementVersions(ctx, v.P.ID, id); err != nil {
		return err
	}
	find := func(n string) *pk.AgreementVersion {
		for _, x := range d.Versions.Items {
			if strconv.Itoa(x.Number) == n {
				return x
			}
		}
		return nil
	}
	items := d.Versions.Items
	d.To, d.From = find(r.URL.Query().Get("to")), find(r.URL.Query().Get("from"))
	if d.To == nil && len(items) > 0 {
		d.To = items[0]
	}
	if d.From == nil && len(items) > 1 {
		d.From = items[1]
	}
	if d.From != nil && d.To != nil {
		d.Diff = rules.Diff(d.From.Sections, d.To.Sections)
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "agreement_versions", v)
	return nil
}
