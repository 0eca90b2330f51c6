package evaluation

import (
	"net/http"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

func questionForm(r *http.Request) pk.QuestionInput {
	r.ParseForm()
	return pk.QuestionInput{Topic: r.PostForm.Get("topic"), Text: r.PostForm.Get("text"), Version: web.Atoi(r.PostForm.Get("version"))}
}

func (h *Pages) addQuestion(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Evaluations.AddQuestion(r.Context(), r.PathValue("pid"), r.PathValue("evid"), questionForm(r))
	return h.done(w, r, "questions", err)
}

func (h *Pages) updateQuestion(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Evaluations.UpdateQuestion(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("evqid"), questionForm(r))
	return h.done(w, r, "q-"+r.PathValue("evqid"), err)
}

func (h *Pages) deleteQuestion(w http.ResponseWriter, r *http.Request) error {
	if ok, err := h.confirm(w, r, pk.ActionManageEvaluations, "evaluation.question.delete_confirm"); !ok {
		return err
	}
	err := h.Evaluations.DeleteQuestion(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("evqid"))
	return h.done(w, r, "questions", err)
}

// finding records a question's finding; the evidence links are one per
// line.
func (h *Pages) finding(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	in := pk.FindingInput{Finding: f.Get("finding"), Evidence: strings.Split(f.Get("evidence"), "\n"), Version: web.Atoi(f.Get("version"))}
	_, err := h.Evaluations.RecordFinding(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("evqid"), in)
	return h.done(w, r, "q-"+r.PathValue("evqid"), err)
}
