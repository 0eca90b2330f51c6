package agreement

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type listData struct {
	List  *pk.AgreementList
	Kinds []string
	Form  *web.Form
}

func (h *Pages) renderList(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewAgreements, "agreement.list.title", "agreements")
	if err != nil {
		return err
	}
	d := &listData{Kinds: pk.AgreementKinds, Form: &web.Form{}}
	if d.List, err = h.Agreements.Agreements(r.Context(), v.P.ID); err != nil {
		return err
	}
	d.Form.Values = map[string][]string{"kind": {rules.KindMoU}}
	if formErr != nil {
		d.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		v.Form.Error = d.Form.Error
	}
	v.Data = d
	h.Render(w, r, status, templates, "agreements", v)
	return nil
}

func (h *Pages) list(w http.ResponseWriter, r *http.Request) error {
	return h.renderList(w, r, http.StatusOK, nil)
}

// create drafts a new agreement from what the partnership knows, in the
// writer's language.
func (h *Pages) create(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid := r.PathValue("pid")
	facts, err := h.Agreements.AgreementFacts(r.Context(), pid)
	if err != nil {
		return err
	}
	in := pk.AgreementInput{Kind: r.PostForm.Get("kind"), Title: r.PostForm.Get("title")}
	if err := in.Validate(); err != nil {
		return h.renderList(w, r, httpx.Status(err), err)
	}
	l := h.Bundle.Localizer(web.Language(r))
	in.Sections = rules.Draft(in.Kind, *facts, l.T)
	x, err := h.Agreements.CreateAgreement(r.Context(), pid, in)
	if web.IsFormError(err) {
		return h.renderList(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/agreements/"+x.ID, "flash.created")
	return nil
}
