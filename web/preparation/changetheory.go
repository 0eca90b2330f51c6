package preparation

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerChangeTheory(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)
	h.Handle(rt, "GET", "/p/{pid}/theory-of-change", view, h.changeTheoryPage)
	h.Handle(rt, "GET", "/p/{pid}/theory-of-change/print", view, h.changeTheoryPrint)
	h.Handle(rt, "POST", "/p/{pid}/theory-of-change", edit, h.changeStatementCreate)
	h.Handle(rt, "GET", "/p/{pid}/theory-of-change/{stid}", edit, h.changeStatementEdit)
	h.Handle(rt, "POST", "/p/{pid}/theory-of-change/{stid}", edit, h.changeStatementUpdate)
	h.Handle(rt, "POST", "/p/{pid}/theory-of-change/{stid}/delete", edit, h.changeStatementDelete)
}

type changeTheoryData struct {
	Theory *pk.TheoryOfChange
	SVG    template.HTML
	Levels []string
	// Problems of each statement, for marking them in the list.
	ProblemsOf map[string][]pk.ChangeProblem
	// Text of each statement, for naming links and problems.
	ThenOf map[string]string
	// Statement is the one being edited (edit page only).
	Statement *pk.ChangeStatement
	CanEdit   bool
}

func (h *Pages) changeTheoryData(r *http.Request, v *web.View) (*changeTheoryData, error) {
	t, err := h.Preparation.TheoryOfChange(r.Context(), v.P.ID)
	if err != nil {
		return nil, err
	}
	d := &changeTheoryData{Theory: t, Levels: pk.ChangeLevels, ProblemsOf: map[string][]pk.ChangeProblem{}, ThenOf: map[string]string{},
		CanEdit: pk.Can(v.P.MyRole, pk.ActionEditPreparation)}
	// Our SVG writer escapes every user text itself.
	d.SVG = template.HTML(t.SVG(h.Bundle.Localizer(v.Lang).T))
	for _, p := range t.Problems {
		d.ProblemsOf[p.StatementID] = append(d.ProblemsOf[p.StatementID], p)
	}
	for _, s := range t.Statements {
		d.ThenOf[s.ID] = s.Then
	}
	return d, nil
}

func (h *Pages) changeTheoryPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderChangeTheory(w, r, http.StatusOK, nil)
}

func (h *Pages) renderChangeTheory(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "preparation.toc.title", "prepare")
	if err != nil {
		return err
	}
	d, err := h.changeTheoryData(r, v)
	if err != nil {
		return err
	}
	v.Form.Values.Set("level", "activity")
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "changetheory", v)
	return nil
}

func (h *Pages) changeTheoryPrint(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "preparation.toc.title", "prepare")
	if err != nil {
		return err
	}
	if v.Data, err = h.changeTheoryData(r, v); err != nil {
		return err
	}
	h.Render(w, r, http.StatusOK, templates, "changetheory_print", v)
	return nil
}

func statementForm(r *http.Request) pk.ChangeStatementInput {
	r.ParseForm()
	f := r.PostForm
	return pk.ChangeStatementInput{Level: f.Get("level"), If: f.Get("if"), Then: f.Get("then"), Because: f.Get("because"),
		Leads: f["leads"], Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) changeStatementCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	_, err := h.Preparation.CreateChangeStatement(r.Context(), pid, statementForm(r))
	if web.IsFormError(err) {
		return h.renderChangeTheory(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/theory-of-change", "flash.saved")
	return nil
}

func (h *Pages) changeStatementEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderStatementEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) renderStatementEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditPreparation, "preparation.toc.edit_title", "prepare")
	if err != nil {
		return err
	}
	d, err := h.changeTheoryData(r, v)
	if err != nil {
		return err
	}
	for _, s := range d.Theory.Statements {
		if s.ID == r.PathValue("stid") {
			d.Statement = s
		}
	}
	if d.Statement == nil {
		return pk.NotFound()
	}
	s := d.Statement
	v.Form.Values = url.Values{"level": {s.Level}, "if": {s.If}, "then": {s.Then}, "because": {s.Because}, "leads": s.Leads,
		"version": {strconv.Itoa(s.Version)}}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "changetheory_edit", v)
	return nil
}

func (h *Pages) changeStatementUpdate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	_, err := h.Preparation.UpdateChangeStatement(r.Context(), pid, r.PathValue("stid"), statementForm(r))
	if web.IsFormError(err) {
		return h.renderStatementEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/theory-of-change", "flash.saved")
	return nil
}

func (h *Pages) changeStatementDelete(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditPreparation, "prepare", web.Confirm{Question: "confirm.statement.delete", Effect: "confirm.effect.final",
			Button: "preparation.toc.delete", Back: "/p/" + pid + "/theory-of-change/" + r.PathValue("stid")})
	}
	err := h.Preparation.DeleteChangeStatement(r.Context(), pid, r.PathValue("stid"), statementForm(r).Version)
	if web.IsFormError(err) {
		return h.renderStatementEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/theory-of-change", "flash.statement_deleted")
	return nil
}
