package agreement

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type redraftData struct {
	A *pk.Agreement
	// Section is the section chosen ("" until one is), Now and Proposed
	// its text now and as Partnerkit would write it.
	Section       string
	Title         string
	Now, Proposed template.HTML
	Same          bool
	Redrafted     []string
	Form          *web.Form
}

// renderRedraft shows, for ?section= (or the posted section), the section
// as it is and as Partnerkit would write it from what it knows now, side
// by side, with the button that replaces it; without a section, the
// sections that can be redrafted.
func (h *Pages) renderRedraft(w http.ResponseWriter, r *http.Request, status int, section string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditAgreements, "agreement.redraft.title", "agreements")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	facts, err := h.Agreements.AgreementFacts(ctx, pid)
	if err != nil {
		return err
	}
	d := &redraftData{Redrafted: rules.Redrafted, Form: &web.Form{}}
	if d.A, err = h.Agreements.Agreement(ctx, pid, r.PathValue("agid")); err != nil {
		return err
	}
	d.Form.Values = map[string][]string{"version": {strconv.Itoa(d.A.Version)}, "section": {section}}
	if formErr != nil {
		d.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		d.Form.Values.Set("version", strconv.Itoa(d.A.Version))
		v.Form.Error = d.Form.Error
	}
	if slices.Contains(rules.Redrafted, section) {
		l := h.Bundle.Localizer(web.Language(r))
		proposed := rules.Redraft(section, d.A.Kind, *facts, l.T)
		d.Section, d.Title, d.Proposed = section, proposed.Title, markdown(proposed.Body)
		for _, s := range d.A.Sections {
			if s.ID == section {
				d.Title, d.Now = s.Title, markdown(s.Body)
				d.Same = rules.Normalize(s.Body) == rules.Normalize(proposed.Body)
			}
		}
	}
	v.Data = d
	h.Render(w, r, status, templates, "agreement_redraft", v)
	return nil
}

func (h *Pages) redraftPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderRedraft(w, r, http.StatusOK, r.URL.Query().Get("section"), nil)
}

// redraft replaces one section with what Partnerkit writes from the
// partnership's data, in the writer's language, keeping the section's
// heading as the people wrote it.
func (h *Pages) redraft(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	ctx, pid, id := r.Context(), r.PathValue("pid"), r.PathValue("agid")
	section := r.PostForm.Get("section")
	facts, err := h.Agreements.AgreementFacts(ctx, pid)
	if err != nil {
		return err
	}
	x, err := h.Agreements.Agreement(ctx, pid, id)
	if err != nil {
		return err
	}
	if !slices.Contains(rules.Redrafted, section) {
		return h.renderRedraft(w, r, http.StatusUnprocessableEntity, "", pk.FieldInvalid("section", "validation.choice", nil))
	}
	l := h.Bundle.Localizer(web.Language(r))
	s := rules.Redraft(section, x.Kind, *facts, l.T)
	for _, cur := range x.Sections {
		if cur.ID == section {
			s.Title = cur.Title
		}
	}
	_, err = h.Agreements.UpdateAgreementText(ctx, pid, id, pk.AgreementTextInput{Version: web.Atoi(r.PostForm.Get("version")),
		Sections: rules.Replace(x.Sections, s), Note: l.T("agreement.redraft.note", "Section", s.Title)})
	if web.IsFormError(err) {
		return h.renderRedraft(w, r, httpx.Status(err), section, err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/agreements/"+id+"#s-"+section, "flash.saved")
	return nil
}
