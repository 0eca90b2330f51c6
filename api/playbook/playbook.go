// Package playbook answers the API calls of a partnership's playbook: the
// playbooks to choose from, steps done, answers to guiding questions and
// moving on to the next stage.
package playbook

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the playbook's API calls.
type Handlers struct {
	Playbooks pk.PlaybookService
}

// Register adds the playbook's routes.
func (h *Handlers) Register(a *api.API) { h.registerPlaybook(a) }

type playbookChoiceBody struct {
	Playbook string `json:"playbook" rule:"required,enum=playbook" doc:"The playbook to follow."`
}

type stepBody struct {
	Done bool `json:"done" doc:"Whether the step is done." example:"true"`
}

type answerBody struct {
	Answer  string `json:"answer" rule:"required,max=4000" doc:"Your answer to the guiding question." example:"Three member organisations; the fourth is still deciding."`
	Version int    `json:"version,omitempty" doc:"When changing your answer: the version it is based on."`
}

type advanceBody struct {
	// From is the stage the client saw as current (optional): a stale
	// request then conflicts instead of skipping a stage.
	From string `json:"from,omitempty" doc:"The stage you saw as current: a stale request then conflicts instead of skipping a stage."`
}

// linked fills the page links of a playbook view: a step links only to
// tools this installation has.
func linked(a *api.API, pid string, v *pk.PlaybookView, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	v.LinkPages(pid, a.PageExists)
	return v, nil
}

func (h *Handlers) registerPlaybook(a *api.API) {
	const tag = "playbook"
	view := httpx.RoleFor(pk.ActionViewPreparation)
	a.Route("GET", "/partnerships/{pid}/playbooks", view, httpx.OpDoc{Summary: "The playbooks a partnership may follow", Tag: tag,
		Response: pk.PlaybookSummary{}, List: true},
		func(r *http.Request) (any, error) {
			ps, err := h.Playbooks.Playbooks(r.Context(), r.PathValue("pid"))
			return api.List[*pk.PlaybookSummary]{Items: api.NonNil(ps)}, err
		})
	a.Route("GET", "/partnerships/{pid}/playbook", view, httpx.OpDoc{Summary: "The playbook followed: stages, steps, questions with answers, progress and what is next", Tag: tag,
		Response: pk.PlaybookView{}},
		func(r *http.Request) (any, error) {
			pid := r.PathValue("pid")
			v, err := h.Playbooks.Playbook(r.Context(), pid)
			return linked(a, pid, v, err)
		})
	choose := func(r *http.Request) (any, error) {
		var b playbookChoiceBody
		if err := api.Decode(r, &b); err != nil {
			return nil, err
		}
		pid := r.PathValue("pid")
		v, err := h.Playbooks.SetPlaybook(r.Context(), pid, b.Playbook)
		return linked(a, pid, v, err)
	}
	for _, m := range []string{"PUT", "POST"} {
		a.Route(m, "/partnerships/{pid}/playbook", httpx.RoleFor(pk.ActionManagePlaybook), httpx.OpDoc{Summary: "Follow another playbook (nothing written in any playbook is lost)", Tag: tag,
			Request: playbookChoiceBody{}, Response: pk.PlaybookView{}}, choose)
	}
	a.Route("POST", "/partnerships/{pid}/playbook/steps/{step}", httpx.RoleFor(pk.ActionEditPreparation), httpx.OpDoc{Summary: "Tick a step off, or un-tick it", Tag: tag,
		Request: stepBody{}, Response: pk.PlaybookView{}},
		func(r *http.Request) (any, error) {
			var b stepBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			pid := r.PathValue("pid")
			v, err := h.Playbooks.SetStepDone(r.Context(), pid, r.PathValue("step"), b.Done)
			return linked(a, pid, v, err)
		})
	a.Route("POST", "/partnerships/{pid}/playbook/questions/{question}", httpx.RoleFor(pk.ActionEditPreparation), httpx.OpDoc{Summary: "Answer a guiding question (your own answer; send its version to change it)", Tag: tag,
		Request: answerBody{}, Response: pk.PlaybookAnswer{}},
		func(r *http.Request) (any, error) {
			var b answerBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Playbooks.AnswerQuestion(r.Context(), r.PathValue("pid"), r.PathValue("question"), pk.PlaybookAnswerInput{Text: b.Answer, Version: b.Version})
		})
	a.Route("POST", "/partnerships/{pid}/playbook/advance", httpx.RoleFor(pk.ActionManagePlaybook), httpx.OpDoc{Summary: "Move on to the next stage (recorded with who and when)", Tag: tag,
		Request: advanceBody{}, Response: pk.PlaybookView{}},
		func(r *http.Request) (any, error) {
			var b advanceBody
			if r.ContentLength != 0 {
				if err := api.Decode(r, &b); err != nil {
					return nil, err
				}
			}
			pid := r.PathValue("pid")
			v, err := h.Playbooks.AdvanceStage(r.Context(), pid, b.From)
			return linked(a, pid, v, err)
		})
}
