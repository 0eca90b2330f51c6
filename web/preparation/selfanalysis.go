package preparation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerSelfAnalysis(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)
	h.Handle(rt, "GET", "/p/{pid}/self-analysis", view, h.selfAnalysisPage)
	h.Handle(rt, "POST", "/p/{pid}/self-analysis", edit, h.selfAnalysisAdd)
	h.Handle(rt, "POST", "/p/{pid}/self-analysis/{said}", edit, h.selfAnalysisUpdate)
	h.Handle(rt, "POST", "/p/{pid}/self-analysis/{said}/delete", edit, h.selfAnalysisDelete)
	h.Handle(rt, "GET", "/organisations/{oid}/self-analysis", httpx.SignedIn, h.orgSelfAnalysisPage)
	h.Handle(rt, "POST", "/organisations/{oid}/self-analysis", httpx.SignedIn, h.orgSelfAnalysisAdd)
	h.Handle(rt, "POST", "/organisations/{oid}/self-analysis/{said}", httpx.SignedIn, h.orgSelfAnalysisUpdate)
	h.Handle(rt, "POST", "/organisations/{oid}/self-analysis/{said}/delete", httpx.SignedIn, h.orgSelfAnalysisDelete)
}

type selfAnalysisData struct {
	SelfAnalysis *pk.SelfAnalysis
	// Organisation is set for an organisation's own self-analysis.
	Organisation *pk.Organisation
	CanEdit      bool
	// Base is the path the forms post to.
	Base    string
	Answers []string
	// FailedSection names the section whose form has the errors.
	FailedSection string
	// FailedEntry names the contribution whose edit form has the errors.
	FailedEntry string
	// Max is where the contributions stop (SelfAnalysis.Cut).
	Max int
}

func selfAnalysisForm(r *http.Request) pk.SelfAnalysisInput {
	r.ParseForm()
	f := r.PostForm
	return pk.SelfAnalysisInput{Section: f.Get("section"), Text: f.Get("text"), Answer: f.Get("answer"), Version: web.Atoi(f.Get("version"))}
}

// renderSelfAnalysis draws either self-analysis page; oid selects the
// organisation's.
func (h *Pages) renderSelfAnalysis(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	var v *web.View
	d := &selfAnalysisData{Answers: pk.SelfAnalysisAnswers, Max: pk.MaxSelfAnalysisEntries}
	var err error
	if oid := r.PathValue("oid"); oid != "" {
		if d.SelfAnalysis, err = h.Preparation.OrganisationSelfAnalysis(r.Context(), oid); err != nil {
			return err
		}
		if d.Organisation, err = h.Organisations.Organisation(r.Context(), oid); err != nil {
			return err
		}
		v = h.View(r, "preparation.selfanalysis.org_title")
		d.CanEdit, d.Base = true, "/organisations/"+oid+"/self-analysis"
	} else {
		if v, err = h.PartnershipView(r, pk.ActionViewPreparation, "preparation.selfanalysis.title", "prepare"); err != nil {
			return err
		}
		if d.SelfAnalysis, err = h.Preparation.SelfAnalysis(r.Context(), v.P.ID); err != nil {
			return err
		}
		d.CanEdit, d.Base = pk.Can(v.P.MyRole, pk.ActionEditPreparation), "/p/"+v.P.ID+"/self-analysis"
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		d.FailedSection, d.FailedEntry = r.PostForm.Get("section"), r.PathValue("said")
	}
	v.Data = d
	h.Render(w, r, status, templates, "selfanalysis", v)
	return nil
}

func (h *Pages) selfAnalysisPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderSelfAnalysis(w, r, http.StatusOK, nil)
}

func (h *Pages) orgSelfAnalysisPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderSelfAnalysis(w, r, http.StatusOK, nil)
}

// selfAnalysisDone comes back to the page after a change, or shows the
// form's errors there.
func (h *Pages) selfAnalysisDone(w http.ResponseWriter, r *http.Request, base string, err error) error {
	if web.IsFormError(err) {
		return h.renderSelfAnalysis(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, base, "flash.saved")
	return nil
}

func (h *Pages) selfAnalysisAdd(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	_, err := h.Preparation.AddSelfAnalysis(r.Context(), pid, selfAnalysisForm(r))
	return h.selfAnalysisDone(w, r, "/p/"+pid+"/self-analysis", err)
}

func (h *Pages) selfAnalysisUpdate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	_, err := h.Preparation.UpdateSelfAnalysis(r.Context(), pid, r.PathValue("said"), selfAnalysisForm(r))
	return h.selfAnalysisDone(w, r, "/p/"+pid+"/self-analysis", err)
}

func (h *Pages) selfAnalysisDelete(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditPreparation, "prepare", web.Confirm{Question: "confirm.selfanalysis.delete", Effect: "confirm.effect.final",
			Button: "form.remove", Back: "/p/" + pid + "/self-analysis"})
	}
	err := h.Preparation.DeleteSelfAnalysis(r.Context(), pid, r.PathValue("said"), selfAnalysisForm(r).Version)
	return h.selfAnalysisDone(w, r, "/p/"+pid+"/self-analysis", err)
}

func (h *Pages) orgSelfAnalysisAdd(w http.ResponseWriter, r *http.Request) error {
	oid := r.PathValue("oid")
	_, err := h.Preparation.AddOrganisationSelfAnalysis(r.Context(), oid, selfAnalysisForm(r))
	return h.selfAnalysisDone(w, r, "/organisations/"+oid+"/self-analysis", err)
}

func (h *Pages) orgSelfAnalysisUpdate(w http.ResponseWriter, r *http.Request) error {
	oid := r.PathValue("oid")
	_, err := h.Preparation.UpdateOrganisationSelfAnalysis(r.Context(), oid, r.PathValue("said"), selfAnalysisForm(r))
	return h.selfAnalysisDone(w, r, "/organisations/"+oid+"/self-analysis", err)
}

func (h *Pages) orgSelfAnalysisDelete(w http.ResponseWriter, r *http.Request) error {
	oid := r.PathValue("oid")
	if !web.Confirmed(r) {
		// Only the organisation's own people are asked; others learn
		// nothing from the question.
		if _, err := h.Organisations.OrganisationPeople(r.Context(), oid); err != nil {
			return err
		}
		return h.Ask(w, r, nil, web.Confirm{Question: "confirm.selfanalysis.delete", Effect: "confirm.effect.final",
			Button: "form.remove", Back: "/organisations/" + oid + "/self-analysis"})
	}
	err := h.Preparation.DeleteOrganisationSelfAnalysis(r.Context(), oid, r.PathValue("said"), selfAnalysisForm(r).Version)
	return h.selfAnalysisDone(w, r, "/organisations/"+oid+"/self-analysis", err)
}
