package evaluation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type questionBody struct {
	Topic   string `json:"topic" rule:"enum=question_topic" doc:"The stage-4 topic: reporting, partnership, future, continuation or other (the default)." example:"partnership"`
	Text    string `json:"text" rule:"required,max=1000" doc:"The question, in the partnership's own words." example:"Did young people's voices shape our decisions?"`
	Version int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

type findingBody struct {
	Finding  string   `json:"finding" rule:"max=8000" doc:"What was found on the question." example:"Attendance rose in the second quarter; two member organisations carried most tasks."`
	Evidence []string `json:"evidence" rule:"items=10" doc:"Links to the evidence: http(s) addresses or paths of Partnerkit pages (indicators, surveys, reports)." example:"[\"/p/PID/decisions/log\"]"`
	Version  int      `json:"version,omitempty" doc:"The version the finding is based on (or send If-Match)."`
}

type changeBody struct {
	Text string `json:"text" rule:"required,max=2000" doc:"A change made as a result of the evaluation." example:"Meetings move to evenings so that volunteers can come."`
}

type changeTaskBody struct {
	PlanID     string `json:"plan_id" rule:"required,max=64" doc:"The plan the task goes in." example:"q3k7w2m9x4p8r6t1v5y0"`
	AssigneeID string `json:"assignee_id" rule:"max=64" doc:"Who does it (a person in the partnership)." example:""`
	Due        string `json:"due" rule:"format=date" doc:"By when." example:"2026-09-30"`
}

func (h *Handlers) registerParts(a *api.API) {
	manage, find := httpx.RoleFor(pk.ActionManageEvaluations), httpx.RoleFor(pk.ActionAddFindings)
	questions := evaluationPath + "/questions"
	a.Route("POST", questions, manage, httpx.OpDoc{Summary: "Add a question to an evaluation (coordinators)", Tag: tag,
		Request: questionBody{}, Response: pk.EvaluationQuestion{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b questionBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			q, err := h.Evaluations.AddQuestion(r.Context(), r.PathValue("pid"), r.PathValue("evid"), pk.QuestionInput{Topic: b.Topic, Text: b.Text})
			return api.Created{Value: q}, err
		})
	a.Route("PATCH", questions+"/{evqid}", manage, httpx.OpDoc{Summary: "Reword a question (fields sent; coordinators); a default question then keeps the new words",
		Tag: tag, Request: questionBody{}, Response: pk.EvaluationQuestion{}},
		func(r *http.Request) (any, error) {
			pid, evid, qid := r.PathValue("pid"), r.PathValue("evid"), r.PathValue("evqid")
			q, err := h.question(r, pid, evid, qid)
			if err != nil {
				return nil, err
			}
			var b questionBody
			if err := api.DecodeMerge(r, questionBody{Topic: q.Topic, Text: q.Text}, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Evaluations.UpdateQuestion(r.Context(), pid, evid, qid, pk.QuestionInput{Topic: b.Topic, Text: b.Text, Version: b.Version})
		})
	a.Route("DELETE", questions+"/{evqid}", manage, httpx.OpDoc{Summary: "Remove a question with its finding (coordinators)", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Evaluations.DeleteQuestion(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("evqid"))
		})
	a.Route("PUT", questions+"/{evqid}/finding", find, httpx.OpDoc{Summary: "Write a question's finding and its evidence links (members)", Tag: tag,
		Request: findingBody{}, Response: pk.EvaluationQuestion{}},
		func(r *http.Request) (any, error) {
			var b findingBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Evaluations.RecordFinding(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("evqid"),
				pk.FindingInput{Finding: b.Finding, Evidence: b.Evidence, Version: b.Version})
		})
	changes := evaluationPath + "/changes"
	a.Route("POST", changes, manage, httpx.OpDoc{Summary: "Record a change made as a result of the evaluation (coordinators)", Tag: tag,
		Request: changeBody{}, Response: pk.EvaluationChange{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b changeBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			c, err := h.Evaluations.AddChange(r.Context(), r.PathValue("pid"), r.PathValue("evid"), pk.ChangeInput{Text: b.Text})
			return api.Created{Value: c}, err
		})
	a.Route("DELETE", changes+"/{chid}", manage, httpx.OpDoc{Summary: "Remove a change (its task stays in its plan; coordinators)", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Evaluations.DeleteChange(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("chid"))
		})
	a.Route("POST", changes+"/{chid}/task", manage, httpx.OpDoc{Summary: "Turn a change into a task of a plan (coordinators)", Tag: tag,
		Request: changeTaskBody{}, Response: pk.EvaluationChange{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b changeTaskBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			c, err := h.Evaluations.ChangeToTask(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("chid"),
				pk.ChangeTaskInput{PlanID: b.PlanID, AssigneeID: b.AssigneeID, Due: b.Due})
			return api.Created{Value: c}, err
		})
}

// question finds one question of an evaluation.
func (h *Handlers) question(r *http.Request, pid, evid, qid string) (*pk.EvaluationQuestion, error) {
	page, err := h.Evaluations.Evaluation(r.Context(), pid, evid)
	if err != nil {
		return nil, err
	}
	for _, q := range page.Questions {
		if q.ID == qid {
			return q, nil
		}
	}
	return nil, pk.NotFound()
}
