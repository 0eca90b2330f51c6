package preparation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/readiness"
	"github.com/partnerkit/partnerkit/web"
)

// registerPreparation adds the pages of preparing a partnership: the hub,
// the self-analysis, the start-up checklist, the theory of change and
// choosing the form.
func (h *Pages) registerPreparation(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)
	h.Handle(rt, "GET", "/p/{pid}/prepare", view, h.prepareHub)
	h.Handle(rt, "GET", "/p/{pid}/readiness", view, h.readinessPage)
	h.Handle(rt, "POST", "/p/{pid}/readiness", edit, h.readinessSave)
	h.registerSelfAnalysis(rt)
	h.registerChangeTheory(rt)
	h.registerFormChoice(rt)
}

type prepareHubData struct {
	Readiness     *pk.Readiness
	Contributions int
	Sections      int
	Total         int
	Statements    int
	Problems      int
	Advice        *pk.FormAdvice
	// Organisations are the asking person's own, whose private
	// self-analysis they can open from here.
	Organisations []*pk.Organisation
}

// prepareHub is the "Prepare" page: the four tools with where each stands.
func (h *Pages) prepareHub(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "preparation.hub.title", "prepare")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	d := &prepareHubData{}
	if d.Readiness, err = h.Preparation.Readiness(ctx, pid); err != nil {
		return err
	}
	sa, err := h.Preparation.SelfAnalysis(ctx, pid)
	if err != nil {
		return err
	}
	d.Total = len(sa.Sections)
	for _, s := range sa.Sections {
		d.Contributions += len(s.Entries)
		if len(s.Entries) > 0 {
			d.Sections++
		}
	}
	toc, err := h.Preparation.TheoryOfChange(ctx, pid)
	if err != nil {
		return err
	}
	d.Statements, d.Problems = len(toc.Statements), len(toc.Problems)
	if d.Advice, err = h.Preparation.FormAdvice(ctx, pid); err != nil {
		return err
	}
	if d.Organisations, _, err = h.Organisations.Organisations(ctx, pk.PageRequest{Limit: pk.MaxPageSize}); err != nil {
		return err
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "startup_prepare", v)
	return nil
}

type readinessData struct {
	Readiness *pk.Readiness
	Answers   []string
}

func (h *Pages) readinessPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderReadiness(w, r, http.StatusOK, nil)
}

func (h *Pages) renderReadiness(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "preparation.readiness.title", "prepare")
	if err != nil {
		return err
	}
	res, err := h.Preparation.Readiness(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	for _, q := range res.Questions {
		if q.Mine != nil {
			v.Form.Values.Set("answer_"+q.ID, q.Mine.Answer)
			v.Form.Values.Set("note_"+q.ID, q.Mine.Note)
		}
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = &readinessData{Readiness: res, Answers: pk.ReadinessAnswers}
	h.Render(w, r, status, templates, "startup", v)
	return nil
}

// readinessSave sends every answer on the page; the service keeps those
// that differ from the asker's current ones, in one transaction.
func (h *Pages) readinessSave(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	ctx, pid := r.Context(), r.PathValue("pid")
	var ins []pk.ReadinessInput
	for _, q := range readiness.Questions {
		ins = append(ins, pk.ReadinessInput{QuestionID: q.ID, Answer: r.PostForm.Get("answer_" + q.ID), Note: r.PostForm.Get("note_" + q.ID)})
	}
	err := h.Preparation.SaveReadiness(ctx, pid, ins)
	if web.IsFormError(err) {
		return h.renderReadiness(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/readiness", "flash.saved")
	return nil
}
