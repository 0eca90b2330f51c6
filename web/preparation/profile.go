package preparation

import (
	"html/template"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

func (h *Pages) registerProfile(rt *httpx.Router) {
	h.Handle(rt, "GET", "/p/{pid}/profile", httpx.RoleFor(pk.ActionViewPreparation), h.profilePage)
}

type profileData struct {
	Profile *pk.PartnershipProfile
	SVG     template.HTML
	// Levels orders the theory-of-change statements from activities up.
	Levels []string
}

// profilePage is the printable partnership profile (the print style sheet
// drops navigation and forms).
func (h *Pages) profilePage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "outreach.profile.title", "profile")
	if err != nil {
		return err
	}
	p, err := h.Preparation.Profile(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &profileData{Profile: p, Levels: pk.ChangeLevels}
	if len(p.TheoryOfChange.Statements) > 0 {
		// Our SVG writer escapes every user text itself.
		d.SVG = template.HTML(p.TheoryOfChange.SVG(h.Bundle.Localizer(v.Lang).T))
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "profile", v)
	return nil
}
