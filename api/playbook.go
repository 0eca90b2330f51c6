package api

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

type playbookChoiceBody struct {
	Playbook string `json:"playbook"`
}

type stepBody struct {
	Done bool `json:"done"`
}

type answerBody struct {
	Answer  string `json:"answer"`
	Version int    `json:"version,omitempty"`
}

type advanceBody struct {
	// From is the stage the client saw as current (optional): a stale
	// request then conflicts instead of skipping a stage.
	From string `json:"from,omitempty"`
}

// pageExists reports whether a page pattern is registered, so that a step
// links only to tools this installation has.
func (a *API) pageExists(pattern string) bool {
	for _, rt := range a.router.Routes() {
		if !rt.API && rt.Method == "GET" && rt.Pattern == pattern {
			return true
		}
	}
	return false
}

// linked fills the page links of a playbook view.
func (a *API) linked(pid string, v *pk.PlaybookView, err error) (any, error) {
	if err != nil {
		return nil, err
	}
	v.LinkPages(pid, a.pageExists)
	return v, nil
}

func (a *API) registerPlaybook() {
	const tag = "playbook"
	view := httpx.RoleFor(pk.ActionViewPreparation)
	a.route("GET", "/partnerships/{pid}/playbooks", view, httpx.OpDoc{Summary: "The playbooks a partnership may follow", Tag: tag,
		Response: pk.PlaybookSummary{}, List: true},
		func(r *http.Request) (any, error) {
			ps, err := a.DB.Playbooks(r.Context(), r.PathValue("pid"))
			return List[*pk.PlaybookSummary]{Items: nonNil(ps)}, err
		})
	a.route("GET", "/partnerships/{pid}/playbook", view, httpx.OpDoc{Summary: "The playbook followed: stages, steps, questions with answers, progress and what is next", Tag: tag,
		Response: pk.PlaybookView{}},
		func(r *http.Request) (any, error) {
			pid := r.PathValue("pid")
			v, err := a.DB.Playbook(r.Context(), pid)
			return a.linked(pid, v, err)
		})
	choose := func(r *http.Request) (any, error) {
		var b playbookChoiceBody
		if err := decode(r, &b); err != nil {
			return nil, err
		}
		pid := r.PathValue("pid")
		v, err := a.DB.SetPlaybook(r.Context(), pid, b.Playbook)
		return a.linked(pid, v, err)
	}
	for _, m := range []string{"PUT", "POST"} {
		a.route(m, "/partnerships/{pid}/playbook", httpx.RoleFor(pk.ActionManagePlaybook), httpx.OpDoc{Summary: "Follow another playbook (nothing written in any playbook is lost)", Tag: tag,
			Request: playbookChoiceBody{}, Response: pk.PlaybookView{}}, choose)
	}
	a.route("POST", "/partnerships/{pid}/playbook/steps/{step}", httpx.RoleFor(pk.ActionEditPreparation), httpx.OpDoc{Summary: "Tick a step off, or un-tick it", Tag: tag,
		Request: stepBody{}, Response: pk.PlaybookView{}},
		func(r *http.Request) (any, error) {
			var b stepBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			pid := r.PathValue("pid")
			v, err := a.DB.SetStepDone(r.Context(), pid, r.PathValue("step"), b.Done)
			return a.linked(pid, v, err)
		})
	a.route("POST", "/partnerships/{pid}/playbook/questions/{question}", httpx.RoleFor(pk.ActionEditPreparation), httpx.OpDoc{Summary: "Answer a guiding question (your own answer; send its version to change it)", Tag: tag,
		Request: answerBody{}, Response: pk.PlaybookAnswer{}},
		func(r *http.Request) (any, error) {
			var b answerBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return a.DB.AnswerQuestion(r.Context(), r.PathValue("pid"), r.PathValue("question"), pk.PlaybookAnswerInput{Text: b.Answer, Version: b.Version})
		})
	a.route("GET", "/partnerships/{pid}/profile", view, httpx.OpDoc{Summary: "The partnership profile: purpose, form and why, theory of change, readiness, playbook progress, prospects (members and coordinators only)", Tag: tag,
		Response: pk.PartnershipProfile{}},
		func(r *http.Request) (any, error) { return a.DB.Profile(r.Context(), r.PathValue("pid")) })
	a.route("POST", "/partnerships/{pid}/playbook/advance", httpx.RoleFor(pk.ActionManagePlaybook), httpx.OpDoc{Summary: "Move on to the next stage (recorded with who and when)", Tag: tag,
		Request: advanceBody{}, Response: pk.PlaybookView{}},
		func(r *http.Request) (any, error) {
			var b advanceBody
			if r.ContentLength != 0 {
				if err := decode(r, &b); err != nil {
					return nil, err
				}
			}
			pid := r.PathValue("pid")
			v, err := a.DB.AdvanceStage(r.Context(), pid, b.From)
			return a.linked(pid, v, err)
		})
}
