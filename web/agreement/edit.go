package agreement

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type editData struct {
	A *pk.Agreement
	// Sections are every section of the agreement, in order, as typed.
	Sections []rules.Section
	Form     *web.Form
	// Comments are shown beside each section; Redraftable marks the
	// sections Partnerkit can write again from what it knows.
	Comments    *pk.AgreementCommentList
	Redraftable map[string]bool
}

// sectionsFrom reads the editor's fields: title-<id> and body-<id> for
// each section of rules.SectionIDs; a section with neither is left out.
func sectionsFrom(r *http.Request) []rules.Section {
	var out []rules.Section
	for _, id := range rules.SectionIDs {
		t, b := r.PostForm.Get("title-"+id), r.PostForm.Get("body-"+id)
		if t == "" && b == "" {
			continue
		}
		out = append(out, rules.Section{ID: id, Title: t, Body: b})
	}
	return out
}

func (h *Pages) renderEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditAgreements, "agreement.edit.title", "agreements")
	if err != nil {
		return err
	}
	d := &editData{Form: &web.Form{}}
	if d.A, err = h.Agreements.Agreement(r.Context(), v.P.ID, r.PathValue("agid")); err != nil {
		return err
	}
	if d.Comments, err = h.Agreements.AgreementComments(r.Context(), v.P.ID, d.A.ID); err != nil {
		return err
	}
	d.Redraftable = map[string]bool{}
	for _, id := range rules.Redrafted {
		d.Redraftable[id] = true
	}
	d.Sections = d.A.Sections
	d.Form.Values = map[string][]string{"version": {strconv.Itoa(d.A.Version)}}
	if formErr != nil {
		d.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		d.Sections = sectionsFrom(r)
		v.Form.Error = d.Form.Error
	}
	v.Data = d
	h.Render(w, r, status, templates, "agreement_edit", v)
	return nil
}

func (h *Pages) edit(w http.ResponseWriter, r *http.Request) error {
	return h.renderEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) saveText(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	_, err := h.Agreements.UpdateAgreementText(r.Context(), r.PathValue("pid"), r.PathValue("agid"),
		pk.AgreementTextInput{Version: web.Atoi(r.PostForm.Get("version")), Sections: sectionsFrom(r), Note: r.PostForm.Get("note")})
	if web.IsFormError(err) {
		return h.renderEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/agreements/"+r.PathValue("agid"), "flash.saved")
	return nil
}
