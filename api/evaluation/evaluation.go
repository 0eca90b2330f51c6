// Package evaluation answers the API calls of evaluations: their
// questions and findings, the changes made, the pros and cons of
// continuing, the continuation question decided through a proposal, and
// the closure plan. The paths name an evaluation {evid}, a question
// {evqid}, a change {chid}, a pro or con {ptid} and a closure item {ciid}.
package evaluation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the evaluation API calls.
type Handlers struct {
	Evaluations pk.EvaluationService
}

// Register adds the evaluation routes.
func (h *Handlers) Register(a *api.API) {
	h.registerEvaluations(a)
	h.registerParts(a)
	h.registerContinuation(a)
}

const (
	tag             = "evaluations"
	evaluationsPath = "/partnerships/{pid}/evaluations"
	evaluationPath  = evaluationsPath + "/{evid}"
)

type evaluationBody struct {
	Title            string `json:"title" rule:"required,max=200" doc:"What is evaluated." example:"Mid-year review of the welcome programme"`
	Kind             string `json:"kind" rule:"required,enum=evaluation_kind" doc:"Formative (while the work goes on) or summative (at its end)." example:"formative"`
	PeriodFrom       string `json:"period_from" rule:"required,format=date" doc:"The first day of the period evaluated." example:"2026-01-01"`
	PeriodTo         string `json:"period_to" rule:"required,format=date" doc:"The last day of the period, not before the first." example:"2026-06-30"`
	BodyID           string `json:"body_id" rule:"max=64" doc:"The body that evaluates (e.g. a monitoring group); a body or evaluators is required." example:""`
	Evaluators       string `json:"evaluators" rule:"max=1000" doc:"The people who evaluate, by name." example:"Amina Yusuf, Karim Haddad"`
	Status           string `json:"status" rule:"enum=evaluation_status" doc:"planned (the default), in_progress or done." example:"in_progress"`
	Summary          string `json:"summary" rule:"max=8000" doc:"What the evaluation found, in short." example:""`
	DefaultQuestions bool   `json:"default_questions,omitempty" rule:"create" doc:"On creation: add the stage-4 guiding questions."`
	Version          int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b evaluationBody) input() pk.EvaluationInput {
	return pk.EvaluationInput{Title: b.Title, Kind: b.Kind, PeriodFrom: b.PeriodFrom, PeriodTo: b.PeriodTo, BodyID: b.BodyID,
		Evaluators: b.Evaluators, Status: b.Status, Summary: b.Summary, DefaultQuestions: b.DefaultQuestions, Version: b.Version}
}

func (h *Handlers) registerEvaluations(a *api.API) {
	view, manage := httpx.RoleFor(pk.ActionViewEvaluations), httpx.RoleFor(pk.ActionManageEvaluations)
	a.Route("GET", evaluationsPath, view, httpx.OpDoc{Summary: "The partnership's evaluations, latest period first (at most 200)", Tag: tag,
		Response: pk.Evaluation{}, List: true},
		func(r *http.Request) (any, error) {
			l, err := h.Evaluations.Evaluations(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.Evaluation]{Items: api.NonNil(l.Items), ItemsCut: l.Cut}, nil
		})
	a.Route("POST", evaluationsPath, manage, httpx.OpDoc{Summary: "Open an evaluation (coordinators), with the stage-4 questions when asked",
		Tag: tag, Request: evaluationBody{}, Response: pk.Evaluation{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b evaluationBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			e, err := h.Evaluations.CreateEvaluation(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: e}, err
		})
	a.Route("GET", evaluationPath, view, httpx.OpDoc{Summary: "An evaluation with its questions and findings, changes made, pros and cons, continuation proposals and closure items",
		Tag: tag, Response: pk.EvaluationPage{}},
		func(r *http.Request) (any, error) {
			return h.Evaluations.Evaluation(r.Context(), r.PathValue("pid"), r.PathValue("evid"))
		})
	a.Route("PATCH", evaluationPath, manage, httpx.OpDoc{Summary: "Change an evaluation (fields sent; coordinators)", Tag: tag,
		Request: evaluationBody{}, Response: pk.Evaluation{}},
		func(r *http.Request) (any, error) {
			pid, evid := r.PathValue("pid"), r.PathValue("evid")
			cur, err := h.Evaluations.Evaluation(r.Context(), pid, evid)
			if err != nil {
				return nil, err
			}
			e := cur.Evaluation
			current := evaluationBody{Title: e.Title, Kind: e.Kind, PeriodFrom: e.PeriodFrom, PeriodTo: e.PeriodTo, BodyID: e.BodyID,
				Evaluators: e.Evaluators, Status: e.Status, Summary: e.Summary}
			var b evaluationBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Evaluations.UpdateEvaluation(r.Context(), pid, evid, b.input())
		})
	a.Route("DELETE", evaluationPath, manage, httpx.OpDoc{Summary: "Delete an evaluation with its questions, changes, pros and cons and closure items; its proposals and tasks stay (coordinators; If-Match or ?version= required)",
		Tag: tag, Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Evaluations.DeleteEvaluation(r.Context(), r.PathValue("pid"), r.PathValue("evid"), v)
		})
}
