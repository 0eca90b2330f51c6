// Package evaluation serves the pages of evaluations: questions with
// findings and evidence, the changes made, the continuation question
// decided through the decisions module, and the closure plan.
package evaluation

import (
	"embed"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

// templates are this module's pages, parsed once per process.
var templates = web.NewTemplates(templateFS)

// Pages are the module's handlers; the services decide who may see what.
type Pages struct {
	*web.Web
	Evaluations pk.EvaluationService
	// Bodies offer the evaluating body; Members the people and
	// organisations answering for closure items; Plans and Goals where
	// changes and closure items become tasks.
	Bodies  pk.BodyService
	Members pk.MemberService
	Plans   pk.PlanService
	Goals   pk.GoalService
}

// Register adds the evaluation pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view := httpx.RoleFor(pk.ActionViewEvaluations)
	manage := httpx.RoleFor(pk.ActionManageEvaluations)
	find := httpx.RoleFor(pk.ActionAddFindings)
	const one = "/p/{pid}/evaluations/{evid}"
	h.Handle(rt, "GET", "/p/{pid}/evaluations", view, h.listPage)
	h.Handle(rt, "POST", "/p/{pid}/evaluations", manage, h.create)
	h.Handle(rt, "GET", one, view, h.showPage)
	h.Handle(rt, "POST", one, manage, h.update)
	h.Handle(rt, "POST", one+"/delete", manage, h.delete)
	h.Handle(rt, "POST", one+"/questions", manage, h.addQuestion)
	h.Handle(rt, "POST", one+"/questions/{evqid}", manage, h.updateQuestion)
	h.Handle(rt, "POST", one+"/questions/{evqid}/delete", manage, h.deleteQuestion)
	h.Handle(rt, "POST", one+"/questions/{evqid}/finding", find, h.finding)
	h.Handle(rt, "POST", one+"/changes", manage, h.addChange)
	h.Handle(rt, "POST", one+"/changes/{chid}/delete", manage, h.deleteChange)
	h.Handle(rt, "POST", one+"/changes/{chid}/task", manage, h.changeTask)
	h.Handle(rt, "POST", one+"/continuation", manage, h.openContinuation)
	h.Handle(rt, "POST", one+"/continuation/proposal", manage, h.propose)
	h.Handle(rt, "POST", one+"/points", find, h.addPoint)
	h.Handle(rt, "POST", one+"/points/{ptid}/delete", find, h.deletePoint)
	h.Handle(rt, "POST", one+"/closure", manage, h.addClosureItem)
	h.Handle(rt, "POST", one+"/closure/{ciid}/delete", manage, h.deleteClosureItem)
	h.Handle(rt, "POST", one+"/closure/tasks", manage, h.closureTasks)
	h.AddNav(web.NavEntry{Order: 62, Name: "evaluations", Key: "evaluation.nav", Suffix: "/evaluations", Action: pk.ActionViewEvaluations})
}

// done answers a post on the evaluation page: the page again with the
// section's form and its messages, or back to the page (at the section).
func (h *Pages) done(w http.ResponseWriter, r *http.Request, section string, err error) error {
	if web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), section, err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/evaluations/"+r.PathValue("evid")+"#"+section, "flash.saved")
	return nil
}

// confirm asks before a destructive post on the evaluation page.
func (h *Pages) confirm(w http.ResponseWriter, r *http.Request, action pk.Action, question string) (bool, error) {
	if web.Confirmed(r) {
		return true, nil
	}
	return false, h.AskIn(w, r, action, "evaluations", web.Confirm{Question: question, Button: "form.remove",
		Back: "/p/" + r.PathValue("pid") + "/evaluations/" + r.PathValue("evid")})
}
