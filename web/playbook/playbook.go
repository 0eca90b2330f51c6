package playbook

import (
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// registerOutreach adds the playbook pages.
func (h *Pages) registerOutreach(rt *httpx.Router) {
	view, edit, manage := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation), httpx.RoleFor(pk.ActionManagePlaybook)
	h.Handle(rt, "GET", "/p/{pid}/playbook", view, h.playbookPage)
	h.Handle(rt, "POST", "/p/{pid}/playbook", manage, h.playbookSwitch)
	h.Handle(rt, "POST", "/p/{pid}/playbook/advance", manage, h.playbookAdvance)
	h.Handle(rt, "GET", "/p/{pid}/playbook/next", view, h.playbookNext)
	h.Handle(rt, "GET", "/p/{pid}/playbook/steps/{step}", view, h.playbookStep)
	h.Handle(rt, "POST", "/p/{pid}/playbook/steps/{step}", edit, h.playbookTick)
	h.Handle(rt, "POST", "/p/{pid}/playbook/questions/{question}", edit, h.playbookAnswer)
}

type playbookData struct {
	View      *pk.PlaybookView
	Playbooks []*pk.PlaybookSummary
	// Step and Stage are set on a step's page.
	Step  *pk.PlaybookStep
	Stage *pk.PlaybookStage
	// Answers holds the answer forms of a step's page, per question.
	Answers map[string]*web.Form
	// Open counts the current stage's open steps (a warning before moving on).
	Open int
}

// loadPlaybook fills a page's data with the playbook and its links.
func (h *Pages) loadPlaybook(r *http.Request, v *web.View) (*playbookData, error) {
	pv, err := h.Playbooks.Playbook(r.Context(), v.P.ID)
	if err != nil {
		return nil, err
	}
	pv.LinkPages(v.P.ID, h.PageExists)
	d := &playbookData{View: pv}
	if st := pv.Stage(pv.Current); st != nil {
		d.Open = st.StepsTotal - st.StepsDone
	}
	return d, nil
}

func (h *Pages) playbookPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderPlaybook(w, r, http.StatusOK, nil)
}

func (h *Pages) renderPlaybook(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "outreach.playbook.title", "playbook")
	if err != nil {
		return err
	}
	d, err := h.loadPlaybook(r, v)
	if err != nil {
		return err
	}
	if d.Playbooks, err = h.Playbooks.Playbooks(r.Context(), v.P.ID); err != nil {
		return err
	}
	v.Form.Values.Set("playbook", d.View.Playbook)
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "playbook", v)
	return nil
}

func (h *Pages) playbookNext(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "outreach.playbook.next_title", "playbook")
	if err != nil {
		return err
	}
	if v.Data, err = h.loadPlaybook(r, v); err != nil {
		return err
	}
	h.Render(w, r, http.StatusOK, templates, "playbook_next", v)
	return nil
}

func (h *Pages) playbookSwitch(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	_, err := h.Playbooks.SetPlaybook(r.Context(), r.PathValue("pid"), r.PostForm.Get("playbook"))
	if web.IsFormError(err) {
		return h.renderPlaybook(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/playbook", "flash.saved")
	return nil
}

func (h *Pages) playbookAdvance(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	_, err := h.Playbooks.AdvanceStage(r.Context(), r.PathValue("pid"), r.PostForm.Get("from"))
	if web.IsFormError(err) {
		return h.renderPlaybook(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/playbook", "flash.saved")
	return nil
}

func (h *Pages) playbookStep(w http.ResponseWriter, r *http.Request) error {
	return h.renderPlaybookStep(w, r, r.PathValue("step"), http.StatusOK, "", nil)
}

// renderPlaybookStep shows a step with its questions; errQuestion's form
// shows what was typed and what was wrong.
func (h *Pages) renderPlaybookStep(w http.ResponseWriter, r *http.Request, step string, status int, errQuestion string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewPreparation, "outreach.playbook.step_title", "playbook")
	if err != nil {
		return err
	}
	d, err := h.loadPlaybook(r, v)
	if err != nil {
		return err
	}
	if d.Step = d.View.Step(step); d.Step == nil {
		return pk.NotFound()
	}
	for _, st := range d.View.Stages {
		for _, s := range st.Steps {
			if s.ID == step {
				d.Stage = st
			}
		}
	}
	d.Answers = map[string]*web.Form{}
	for _, q := range d.Step.Questions {
		f := &web.Form{Values: map[string][]string{}}
		if q.Mine != nil {
			f.Values.Set("answer", q.Mine.Text)
			f.Values.Set("version", strconv.Itoa(q.Mine.Version))
		}
		if q.ID == errQuestion && formErr != nil {
			f = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
			v.Form.Error = f.Error
		}
		d.Answers[q.ID] = f
	}
	v.Data = d
	h.Render(w, r, status, templates, "playbook_step", v)
	return nil
}

// back is where a form returns to: a page of the same partnership, else
// the playbook.
func back(r *http.Request) string {
	pid := r.PathValue("pid")
	if b := r.PostForm.Get("back"); strings.HasPrefix(b, "/p/"+pid+"/") && !strings.ContainsAny(b, "?\\") && !strings.Contains(b, "//") {
		return b
	}
	return "/p/" + pid + "/playbook"
}

func (h *Pages) playbookTick(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	if _, err := h.Playbooks.SetStepDone(r.Context(), r.PathValue("pid"), r.PathValue("step"), r.PostForm.Get("done") == "1"); err != nil {
		return err
	}
	to, frag, _ := strings.Cut(back(r), "#")
	if frag != "" {
		frag = "#" + frag
	}
	// The fragment goes after the flash, or the flash would be lost.
	http.Redirect(w, r, httpx.SafeNext(to+"?flash=flash.saved"+frag), http.StatusSeeOther)
	return nil
}

func (h *Pages) playbookAnswer(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, q := r.PathValue("pid"), r.PathValue("question")
	_, err := h.Playbooks.AnswerQuestion(r.Context(), pid, q, pk.PlaybookAnswerInput{Text: r.PostForm.Get("answer"), Version: web.Atoi(r.PostForm.Get("version"))})
	step := q
	if i := strings.LastIndexByte(q, '.'); i > 0 {
		step = q[:i]
	}
	if web.IsFormError(err) {
		return h.renderPlaybookStep(w, r, step, httpx.Status(err), q, err)
	} else if err != nil {
		return err
	}
	// The fragment comes after the flash, or the flash would be lost.
	http.Redirect(w, r, httpx.SafeNext("/p/"+pid+"/playbook/steps/"+step+"?flash=flash.saved#q-"+q), http.StatusSeeOther)
	return nil
}
