// Package plan answers the API calls of goals, action plans (with their
// milestones, budget lines and staffing needs) and tasks, and each
// person's tasks across partnerships. Goals answer their SMART check
// (`smart`: the letters met and, for each one missing, a message in the
// asker's language) and their progress rolled up from their plans.
package plan

import (
	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
)

// Handlers answers the goals, plans and tasks API calls.
type Handlers struct {
	Goals pk.GoalService
	Plans pk.PlanService
	Tasks pk.TaskService
}

// Register adds the routes.
func (h *Handlers) Register(a *api.API) {
	h.registerGoals(a)
	h.registerPlans(a)
	h.registerParts(a)
	h.registerTasks(a)
}

const (
	tag       = "plans"
	goalsPath = "/partnerships/{pid}/goals"
	goalPath  = goalsPath + "/{goid}"
	plansPath = "/partnerships/{pid}/plans"
	planPath  = plansPath + "/{plid}"
	tasksPath = "/partnerships/{pid}/tasks"
	taskPath  = tasksPath + "/{tkid}"
)
