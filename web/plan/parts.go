package plan

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// partKind is one kind of a plan's parts (milestones, budget lines,
// staffing needs): its path, its ID's path parameter, and how a form
// becomes a change by the service. One set of handlers serves all three.
type partKind struct {
	path, param string
	// save adds (id empty) or changes a part from the posted form.
	save   func(h *Pages, ctx context.Context, pid, plid, id string, f formValues) error
	remove func(h *Pages, ctx context.Context, pid, plid, id string, version int) error
	// question asks before deleting.
	question string
}

// formValues is the posted form.
type formValues struct{ get func(string) string }

func (f formValues) version() int { return web.Atoi(f.get("version")) }

var partKinds = []partKind{
	{path: "milestones", param: "msid", question: "plans.milestone.delete_confirm",
		save: func(h *Pages, ctx context.Context, pid, plid, id string, f formValues) error {
			in := pk.MilestoneInput{Title: f.get("title"), Due: f.get("due"), Done: f.get("done"), Version: f.version()}
			var err error
			if id == "" {
				_, err = h.Plans.AddMilestone(ctx, pid, plid, in)
			} else {
				_, err = h.Plans.UpdateMilestone(ctx, pid, plid, id, in)
			}
			return err
		},
		remove: func(h *Pages, ctx context.Context, pid, plid, id string, v int) error {
			return h.Plans.DeleteMilestone(ctx, pid, plid, id, v)
		}},
	{path: "budget-lines", param: "blid", question: "plans.budget.delete_confirm",
		save: func(h *Pages, ctx context.Context, pid, plid, id string, f formValues) error {
			// An unreadable amount goes to the service as -1, which refuses
			// it by field once it has checked who is asking.
			amount, ok := parseMoney(f.get("amount"))
			if !ok {
				amount = -1
			}
			in := pk.BudgetLineInput{Label: f.get("label"), Amount: amount, Version: f.version()}
			var err error
			if id == "" {
				_, err = h.Plans.AddBudgetLine(ctx, pid, plid, in)
			} else {
				_, err = h.Plans.UpdateBudgetLine(ctx, pid, plid, id, in)
			}
			return err
		},
		remove: func(h *Pages, ctx context.Context, pid, plid, id string, v int) error {
			return h.Plans.DeleteBudgetLine(ctx, pid, plid, id, v)
		}},
	{path: "staffing", param: "sfid", question: "plans.staffing.delete_confirm",
		save: func(h *Pages, ctx context.Context, pid, plid, id string, f formValues) error {
			in := pk.StaffingNeedInput{Role: f.get("role"), HoursPerMonth: web.Atoi(f.get("hours_per_month")),
				Inside: f.get("inside") == "on", Filled: f.get("filled") == "on", Version: f.version()}
			var err error
			if id == "" {
				_, err = h.Plans.AddStaffingNeed(ctx, pid, plid, in)
			} else {
				_, err = h.Plans.UpdateStaffingNeed(ctx, pid, plid, id, in)
			}
			return err
		},
		remove: func(h *Pages, ctx context.Context, pid, plid, id string, v int) error {
			return h.Plans.DeleteStaffingNeed(ctx, pid, plid, id, v)
		}},
}

// parseMoney reads an amount typed with up to two decimals ("450",
// "450.5", "450,50") as minor units.
func parseMoney(s string) (int64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	whole, frac, _ := strings.Cut(s, ".")
	if whole == "" || len(frac) > 2 {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil || strings.HasPrefix(whole, "-") || strings.HasPrefix(whole, "+") {
		return 0, false
	}
	return n, true
}

func (h *Pages) partAdd(p partKind) func(http.ResponseWriter, *http.Request) error {
	return h.partSave(p, false)
}

func (h *Pages) partUpdate(p partKind) func(http.ResponseWriter, *http.Request) error {
	return h.partSave(p, true)
}

func (h *Pages) partSave(p partKind, existing bool) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		r.ParseForm()
		pid, plid, id := r.PathValue("pid"), r.PathValue("plid"), ""
		if existing {
			id = r.PathValue(p.param)
		}
		err := p.save(h, r.Context(), pid, plid, id, formValues{r.PostForm.Get})
		if web.IsFormError(err) {
			return h.renderPlan(w, r, httpx.Status(err), p.path, err)
		} else if err != nil {
			return err
		}
		web.Redirect(w, r, "/p/"+pid+"/plans/"+plid+"#"+p.path, "flash.plan_saved")
		return nil
	}
}

func (h *Pages) partDelete(p partKind) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		pid, plid := r.PathValue("pid"), r.PathValue("plid")
		back := "/p/" + pid + "/plans/" + plid + "#" + p.path
		if !web.Confirmed(r) {
			return h.AskIn(w, r, pk.ActionManagePlan, "plans", web.Confirm{Question: p.question, Effect: "confirm.effect.final",
				Button: "form.remove", Back: back, Find: func() (string, error) {
					_, err := h.Plans.Plan(r.Context(), pid, plid)
					return "", err
				}})
		}
		err := p.remove(h, r.Context(), pid, plid, r.PathValue(p.param), web.Atoi(r.PostForm.Get("version")))
		if web.IsFormError(err) {
			return h.renderPlan(w, r, httpx.Status(err), p.path, err)
		} else if err != nil {
			return err
		}
		web.Redirect(w, r, back, "flash.plan_saved")
		return nil
	}
}
