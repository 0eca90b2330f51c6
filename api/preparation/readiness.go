package preparation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type readinessBody struct {
	Answer string `json:"answer" rule:"required,enum=readiness_answer" doc:"Your answer to the question in the path."`
	Note   string `json:"note,omitempty" rule:"max=2000" doc:"Why, or what to find out."`
}

func (h *Handlers) registerReadiness(a *api.API) {
	const tag = "preparation"
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)
	// Start-up checklist.
	a.Route("GET", "/partnerships/{pid}/readiness", view, httpx.OpDoc{Summary: "The start-up checklist: questions, answers (names to members and up) and the verdict",
		Tag: tag, Response: pk.Readiness{}},
		func(r *http.Request) (any, error) { return h.Preparation.Readiness(r.Context(), r.PathValue("pid")) })
	a.Route("POST", "/partnerships/{pid}/readiness/{qid}", edit, httpx.OpDoc{Summary: "Give or change your answer to a question (yes, no, not_sure)",
		Tag: tag, Request: readinessBody{}, Response: pk.ReadinessAnswer{}},
		func(r *http.Request) (any, error) {
			var b readinessBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Preparation.AnswerReadiness(r.Context(), r.PathValue("pid"), pk.ReadinessInput{QuestionID: r.PathValue("qid"), Answer: b.Answer, Note: b.Note})
		})
}
