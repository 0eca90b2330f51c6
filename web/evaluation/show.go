package evaluation

import (
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

type showData struct {
	*pk.EvaluationPage
	Forms      map[string]*web.Form
	CanManage  bool
	CanFind    bool
	CanExport  bool
	Me         string
	Bodies     []*pk.Body
	People     []*pk.Person
	Orgs       []*pk.MemberOrganisation
	Plans      []*pk.Plan
	Goals      []*pk.Goal
	Kinds      []string
	Statuses   []string
	Topics     []string
	Directions []string
	Sides      []string
	Closure    []string
	// Pros and Cons split the points for the two lists.
	Pros, Cons []*pk.ContinuationPoint
	// Open says a continuation proposal is before a body.
	Open bool
}

func (h *Pages) showPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, http.StatusOK, "", nil)
}

// renderShow draws the evaluation page; after a refused post, section's
// form carries the typed values and the messages.
func (h *Pages) renderShow(w http.ResponseWriter, r *http.Request, status int, section string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewEvaluations, "evaluation.title", "evaluations")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	page, err := h.Evaluations.Evaluation(ctx, pid, r.PathValue("evid"))
	if err != nil {
		return err
	}
	e := page.Evaluation
	d := &showData{EvaluationPage: page, Forms: map[string]*web.Form{}, CanManage: pk.Can(v.P.MyRole, pk.ActionManageEvaluations),
		CanFind: pk.Can(v.P.MyRole, pk.ActionAddFindings), CanExport: pk.Can(v.P.MyRole, pk.ActionExportPartnership),
		Kinds: pk.EvaluationKinds, Statuses: pk.EvaluationStatuses, Topics: pk.QuestionTopics, Directions: pk.Directions,
		Sides: pk.PointSides, Closure: pk.ClosureKinds, Open: e.Continuation == pk.ContinuationProposed}
	if v.User != nil {
		d.Me = v.User.ID
	}
	for _, p := range page.Points {
		if p.Side == "pro" {
			d.Pros = append(d.Pros, p)
		} else {
			d.Cons = append(d.Cons, p)
		}
	}
	if d.CanManage {
		if err := h.choices(r, pid, d); err != nil {
			return err
		}
	}
	// Every form starts from what is stored.
	d.Forms["edit"] = &web.Form{Values: map[string][]string{"title": {e.Title}, "kind": {e.Kind}, "period_from": {e.PeriodFrom},
		"period_to": {e.PeriodTo}, "body_id": {e.BodyID}, "evaluators": {e.Evaluators}, "status": {e.Status}, "summary": {e.Summary},
		"version": {strconv.Itoa(e.Version)}}}
	l := h.Bundle.Localizer(v.Lang)
	for _, q := range page.Questions {
		text := q.Text
		if q.Default {
			text = l.T(q.Text)
		}
		d.Forms["q-"+q.ID] = &web.Form{Values: map[string][]string{"finding": {q.Finding}, "evidence": {strings.Join(q.Evidence, "\n")},
			"topic": {q.Topic}, "text": {text}, "version": {strconv.Itoa(q.Version)}}}
	}
	d.Forms["propose"] = &web.Form{Values: map[string][]string{"title": {l.T("evaluation.propose.default_title", map[string]any{"Title": e.Title})}}}
	d.Forms["closure-tasks"] = &web.Form{Values: map[string][]string{"title": {l.T("evaluation.closure.default_plan", map[string]any{"Title": e.Title})}}}
	for _, s := range []string{"questions", "changes", "continuation", "closure"} {
		d.Forms[s] = &web.Form{}
	}
	for _, c := range page.Changes {
		d.Forms["ch-"+c.ID] = &web.Form{}
	}
	if formErr != nil {
		d.Forms[section] = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		v.Form = &web.Form{Error: d.Forms[section].Error}
	}
	v.Data = d
	h.Render(w, r, status, templates, "evaluation", v)
	return nil
}

// choices loads what the coordinators' forms offer: bodies, people and
// organisations, plans and goals.
func (h *Pages) choices(r *http.Request, pid string, d *showData) error {
	ctx := r.Context()
	var err error
	if d.Bodies, _, err = h.Bodies.Bodies(ctx, pid); err != nil {
		return err
	}
	members, err := h.Members.Members(ctx, pid)
	if err != nil {
		return err
	}
	d.People = members.People
	for _, o := range members.Organisations {
		if o.Status == "active" {
			d.Orgs = append(d.Orgs, o)
		}
	}
	if d.Plans, _, err = h.Plans.Plans(ctx, pid, ""); err != nil {
		return err
	}
	d.Goals, _, err = h.Goals.Goals(ctx, pid)
	return err
}
