package preparation

import (
	"net/http"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/formadvice"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerFormChoice(rt *httpx.Router) {
	h.Handle(rt, "GET", "/p/{pid}/form-choice", httpx.RoleFor(pk.ActionViewPreparation), h.formChoicePage)
	h.Handle(rt, "POST", "/p/{pid}/form-choice", httpx.RoleFor(pk.ActionEditPreparation), h.formChoiceSave)
	h.Handle(rt, "POST", "/p/{pid}/form-choice/adopt", httpx.RoleFor(pk.ActionAdoptForm), h.formChoiceAdopt)
}

type formChoiceData struct {
	Advice     *pk.FormAdvice
	Attributes []formadvice.Attribute
	Dimensions []formadvice.Attribute
	Bases      []formadvice.Basis
	Structures []formadvice.Structure
	CanEdit    bool
	CanAdopt   bool
}

func (h *Pages) formChoicePage(w http.ResponseWriter, r *http.Request) error {
	return h.renderFormChoice(w, r, http.StatusOK, nil)
}

func (h *Pages) renderFormChoice(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "preparation.form.title", "prepare")
	if err != nil {
		return err
	}
	a, err := h.Preparation.FormAdvice(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &formChoiceData{Advice: a, Attributes: formadvice.Attributes, Dimensions: formadvice.CoalitionDimensions,
		Bases: formadvice.Bases, Structures: formadvice.Structures,
		CanEdit: pk.Can(v.P.MyRole, pk.ActionEditPreparation), CanAdopt: pk.Can(v.P.MyRole, pk.ActionAdoptForm)}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "formchoice", v)
	return nil
}

// formChoiceSave saves the whole comparison: radio groups named
// continuum.<attribute>, ctype.<dimension>, basis and structure.
func (h *Pages) formChoiceSave(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	in := pk.FormChoices{Continuum: map[string]string{}, CoalitionType: map[string]string{},
		Basis: r.PostForm.Get("basis"), Structure: r.PostForm.Get("structure")}
	for k, vs := range r.PostForm {
		if len(vs) == 0 {
			continue
		}
		if a, ok := strings.CutPrefix(k, "continuum."); ok {
			in.Continuum[a] = vs[0]
		} else if d, ok := strings.CutPrefix(k, "ctype."); ok {
			in.CoalitionType[d] = vs[0]
		}
	}
	pid := r.PathValue("pid")
	_, err := h.Preparation.SaveFormChoices(r.Context(), pid, in)
	if web.IsFormError(err) {
		return h.renderFormChoice(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/form-choice", "flash.saved")
	return nil
}

func (h *Pages) formChoiceAdopt(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid := r.PathValue("pid")
	_, err := h.Preparation.AdoptForm(r.Context(), pid, pk.AdoptInput{Kind: r.PostForm.Get("kind"), Value: r.PostForm.Get("value"),
		Version: web.Atoi(r.PostForm.Get("version"))})
	if web.IsFormError(err) {
		return h.renderFormChoice(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/form-choice", "flash.form_adopted")
	return nil
}
