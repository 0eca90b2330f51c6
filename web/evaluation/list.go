package evaluation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type listData struct {
	List      *pk.EvaluationList
	Bodies    []*pk.Body
	Kinds     []string
	Statuses  []string
	CanCreate bool
}

func (h *Pages) listPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderList(w, r, http.StatusOK, nil)
}

func (h *Pages) renderList(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewEvaluations, "evaluation.title", "evaluations")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	} else {
		// A new evaluation starts with the stage-4 questions.
		v.Form = &web.Form{Values: map[string][]string{"default_questions": {"on"}}}
	}
	list, err := h.Evaluations.Evaluations(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &listData{List: list, Kinds: pk.EvaluationKinds, Statuses: pk.EvaluationStatuses,
		CanCreate: pk.Can(v.P.MyRole, pk.ActionManageEvaluations)}
	if d.CanCreate {
		if d.Bodies, _, err = h.Bodies.Bodies(r.Context(), v.P.ID); err != nil {
			return err
		}
	}
	v.Data = d
	h.Render(w, r, status, templates, "evaluations", v)
	return nil
}

// evaluationForm reads the form that creates or changes an evaluation.
func evaluationForm(r *http.Request) pk.EvaluationInput {
	r.ParseForm()
	f := r.PostForm
	return pk.EvaluationInput{Title: f.Get("title"), Kind: f.Get("kind"), PeriodFrom: f.Get("period_from"), PeriodTo: f.Get("period_to"),
		BodyID: f.Get("body_id"), Evaluators: f.Get("evaluators"), Status: f.Get("status"), Summary: f.Get("summary"),
		DefaultQuestions: f.Get("default_questions") == "on", Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) create(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	e, err := h.Evaluations.CreateEvaluation(r.Context(), pid, evaluationForm(r))
	if web.IsFormError(err) {
		return h.renderList(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/evaluations/"+e.ID, "flash.saved")
	return nil
}
