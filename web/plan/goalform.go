package plan

import (
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// goalForm reads the form that sets or changes a goal. A target that is
// not a number is refused by field before the goal goes to the service.
func goalForm(r *http.Request) (pk.GoalInput, error) {
	r.ParseForm()
	f := r.PostForm
	in := pk.GoalInput{Kind: f.Get("kind"), Title: f.Get("title"), Description: f.Get("description"), Beneficiaries: f.Get("beneficiaries"),
		Measure: f.Get("measure"), Unit: f.Get("unit"), OwnerOrganisationID: f.Get("owner_organisation_id"), Due: f.Get("due"),
		Status: f.Get("status"), StatementIDs: f["statement_ids"], Version: web.Atoi(f.Get("version"))}
	if s := strings.ReplaceAll(strings.TrimSpace(f.Get("target")), ",", "."); s != "" {
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return in, pk.FieldInvalid("target", "plans.validation.target", nil)
		}
		in.Target = &x
	}
	return in, nil
}

// goalValues fills a form with a goal as it is.
func goalValues(g *pk.Goal) *web.Form {
	f := &web.Form{Values: map[string][]string{}}
	set := f.Values.Set
	set("kind", g.Kind)
	set("title", g.Title)
	set("description", g.Description)
	set("beneficiaries", g.Beneficiaries)
	set("measure", g.Measure)
	if g.Target != nil {
		set("target", strconv.FormatFloat(*g.Target, 'f', -1, 64))
	}
	set("unit", g.Unit)
	set("owner_organisation_id", g.OwnerOrganisationID)
	set("due", g.Due)
	set("status", g.Status)
	set("version", strconv.Itoa(g.Version))
	f.Values["statement_ids"] = g.StatementIDs
	return f
}

func (h *Pages) goalCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	in, err := goalForm(r)
	if err == nil {
		_, err = h.Goals.CreateGoal(r.Context(), pid, in)
	}
	if web.IsFormError(err) {
		return h.renderOverview(w, r, httpx.Status(err), "goal", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans", "flash.goal_saved")
	return nil
}

type goalEditData struct {
	Goal      *pk.Goal
	Options   *options
	GoalKinds []string
	Statuses  []string
}

func (h *Pages) goalEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderGoalEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) renderGoalEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditGoals, "plans.goal.edit", "plans")
	if err != nil {
		return err
	}
	g, err := h.Goals.Goal(r.Context(), v.P.ID, r.PathValue("goid"))
	if err != nil {
		return err
	}
	d := &goalEditData{Goal: g, GoalKinds: pk.GoalKinds, Statuses: pk.GoalStatuses}
	if d.Options, err = h.loadOptions(r, v.P.ID, true); err != nil {
		return err
	}
	v.Form = goalValues(g)
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "goal_edit", v)
	return nil
}

func (h *Pages) goalUpdate(w http.ResponseWriter, r *http.Request) error {
	pid, gid := r.PathValue("pid"), r.PathValue("goid")
	in, err := goalForm(r)
	if err == nil {
		_, err = h.Goals.UpdateGoal(r.Context(), pid, gid, in)
	}
	if web.IsFormError(err) {
		return h.renderGoalEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans#goal-"+gid, "flash.goal_saved")
	return nil
}

func (h *Pages) goalDelete(w http.ResponseWriter, r *http.Request) error {
	pid, gid := r.PathValue("pid"), r.PathValue("goid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditGoals, "plans", web.Confirm{Question: "plans.goal.delete_confirm", Effect: "confirm.effect.final",
			Button: "plans.goal.delete", Back: "/p/" + pid + "/goals/" + gid + "/edit", Find: func() (string, error) {
				g, err := h.Goals.Goal(r.Context(), pid, gid)
				if err != nil {
					return "", err
				}
				return g.Title, nil
			}})
	}
	if err := h.Goals.DeleteGoal(r.Context(), pid, gid, web.Atoi(r.PostForm.Get("version"))); web.IsFormError(err) {
		return h.renderGoalEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/plans", "flash.goal_deleted")
	return nil
}
