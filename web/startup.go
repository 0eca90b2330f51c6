package web

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

// registerPreparation adds the pages of preparing a partnership: the hub,
// the self-analysis, the start-up checklist, the theory of change and
// choosing the form.
func (h *Web) registerPreparation(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)
	h.handle(rt, "GET", "/p/{pid}/prepare", view, h.prepareHub)
	h.handle(rt, "GET", "/p/{pid}/readiness", view, h.readinessPage)
	h.handle(rt, "POST", "/p/{pid}/readiness", edit, h.readinessSave)
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
func (h *Web) prepareHub(w http.ResponseWriter, r *http.Request) error {
	v, err := h.partnershipView(r, pk.ActionViewPreparation, "preparation.hub.title", "prepare")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	d := &prepareHubData{}
	if d.Readiness, err = h.DB.Readiness(ctx, pid); err != nil {
		return err
	}
	sa, err := h.DB.SelfAnalysis(ctx, pid)
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
	toc, err := h.DB.TheoryOfChange(ctx, pid)
	if err != nil {
		return err
	}
	d.Statements, d.Problems = len(toc.Statements), len(toc.Problems)
	if d.Advice, err = h.DB.FormAdvice(ctx, pid); err != nil {
		return err
	}
	if d.Organisations, _, err = h.DB.Organisations(ctx, pk.PageRequest{Limit: pk.MaxPageSize}); err != nil {
		return err
	}
	v.Data = d
	h.render(w, r, http.StatusOK, "startup_prepare", v)
	return nil
}

type readinessData struct {
	Readiness *pk.Readiness
	Answers   []string
}

func (h *Web) readinessPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderReadiness(w, r, http.StatusOK, nil)
}

func (h *Web) renderReadiness(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.partnershipView(r, pk.ActionViewPreparation, "preparation.readiness.title", "prepare")
	if err != nil {
		return err
	}
	res, err := h.DB.Readiness(r.Context(), v.P.ID)
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
		v.Form = h.formFromError(r, &Form{Values: r.PostForm}, formErr)
	}
	v.Data = &readinessData{Readiness: res, Answers: pk.ReadinessAnswers}
	h.render(w, r, status, "startup", v)
	return nil
}

// readinessSave records the asking member's answers to every question they
// answered on the page, changing only those that differ from before.
func (h *Web) readinessSave(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	ctx, pid := r.Context(), r.PathValue("pid")
	// Refuse observers even when they send no answer at all.
	if _, err := h.DB.Authorize(ctx, pid, pk.ActionEditPreparation); err != nil {
		return err
	}
	res, err := h.DB.Readiness(ctx, pid)
	if err != nil {
		return err
	}
	var ins []pk.ReadinessInput
	for _, q := range res.Questions {
		ans, note := r.PostForm.Get("answer_"+q.ID), r.PostForm.Get("note_"+q.ID)
		if ans == "" || (q.Mine != nil && q.Mine.Answer == ans && q.Mine.Note == note) {
			continue
		}
		ins = append(ins, pk.ReadinessInput{QuestionID: q.ID, Answer: ans, Note: note})
	}
	err = h.DB.AnswerReadinessAll(ctx, pid, ins)
	if isFormError(err) {
		return h.renderReadiness(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/p/"+pid+"/readiness", "flash.saved")
	return nil
}
