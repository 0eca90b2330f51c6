// Package plan serves the implementation pages: the goals with their SMART
// check and progress, the timeline of plans, each plan with its
// milestones, budget, staffing and tasks, the task lists (overdue, per
// person, per organisation), a person's tasks across partnerships, and the
// public page of a plan the partnership chose to show.
package plan

import (
	"embed"
	"time"

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
	Goals pk.GoalService
	Plans pk.PlanService
	Tasks pk.TaskService
	// Bodies offers the action groups a plan is carried by; Members the
	// people and organisations of tasks, goals and plans; Preparation the
	// statements of the theory of change a goal serves; Meetings the action
	// item a task is made from.
	Bodies      pk.BodyService
	Members     pk.MemberService
	Preparation pk.PreparationService
	Meetings    pk.MeetingService
	// Now is the clock (the store's), for today on the timeline.
	Now func() time.Time
}

// Register adds the pages and the navigation entry.
func (h *Pages) Register(rt *httpx.Router) {
	view, goals := httpx.RoleFor(pk.ActionViewPlans), httpx.RoleFor(pk.ActionEditGoals)
	create, manage, own := httpx.RoleFor(pk.ActionCreatePlans), httpx.RoleFor(pk.ActionManagePlan), httpx.RoleFor(pk.ActionUpdateOwnTask)
	const goal, plan, task = "/p/{pid}/goals/{goid}", "/p/{pid}/plans/{plid}", "/p/{pid}/tasks/{tkid}"
	h.Handle(rt, "GET", "/p/{pid}/plans", view, h.overview)
	h.Handle(rt, "POST", "/p/{pid}/goals", goals, h.goalCreate)
	h.Handle(rt, "GET", goal+"/edit", goals, h.goalEdit)
	h.Handle(rt, "POST", goal, goals, h.goalUpdate)
	h.Handle(rt, "POST", goal+"/delete", goals, h.goalDelete)
	h.Handle(rt, "GET", "/p/{pid}/plans/new", create, h.planNew)
	h.Handle(rt, "POST", "/p/{pid}/plans", create, h.planCreate)
	h.Handle(rt, "GET", plan, view, h.planPage)
	h.Handle(rt, "GET", plan+"/edit", manage, h.planEdit)
	h.Handle(rt, "POST", plan, manage, h.planUpdate)
	h.Handle(rt, "POST", plan+"/delete", create, h.planDelete)
	for _, p := range partKinds {
		h.Handle(rt, "POST", plan+"/"+p.path, manage, h.partAdd(p))
		h.Handle(rt, "POST", plan+"/"+p.path+"/{"+p.param+"}", manage, h.partUpdate(p))
		h.Handle(rt, "POST", plan+"/"+p.path+"/{"+p.param+"}/delete", manage, h.partDelete(p))
	}
	h.Handle(rt, "GET", "/p/{pid}/tasks", view, h.taskList)
	h.Handle(rt, "GET", "/p/{pid}/tasks/new", manage, h.taskNew)
	h.Handle(rt, "POST", "/p/{pid}/tasks", manage, h.taskCreate)
	h.Handle(rt, "GET", task+"/edit", manage, h.taskEdit)
	h.Handle(rt, "POST", task, manage, h.taskUpdate)
	h.Handle(rt, "POST", task+"/status", own, h.taskStatus)
	h.Handle(rt, "POST", task+"/delete", manage, h.taskDelete)
	h.Handle(rt, "GET", "/tasks", httpx.SignedIn, h.mine)
	h.Handle(rt, "GET", "/public/plans/{plid}", httpx.Public, h.public)
	h.AddNav(web.NavEntry{Order: 48, Name: "plans", Key: "plans.nav", Suffix: "/plans", Action: pk.ActionViewPlans})
}

// today is the store's day, as dates are kept (YYYY-MM-DD, UTC).
func (h *Pages) today() string { return h.Now().UTC().Format(time.DateOnly) }
