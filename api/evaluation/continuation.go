package evaluation

import (
	"net/http"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type pointBody struct {
	Side string `json:"side" rule:"required,enum=point_side" doc:"pro or con." example:"pro"`
	Text string `json:"text" rule:"required,max=1000" doc:"The pro or the con of continuing." example:"The welcome desk reaches families no member reaches alone."`
}

type continuationBody struct {
	Direction string `json:"direction" rule:"required,enum=continuation_direction" doc:"What the proposal proposes: continue, change or close." example:"change"`
	Title     string `json:"title" rule:"required,max=200" doc:"The proposal's title." example:"Continue the partnership with a smaller core group"`
	Text      string `json:"text" rule:"required,max=20000" doc:"What is proposed, in full; the pros and cons become its background." example:"We continue for two years with three member organisations carrying the welcome desk."`
	ClosesAt  string `json:"closes_at" rule:"required,format=date-time" doc:"When voting closes (RFC 3339), within a year." example:"2026-07-15T18:00:00Z"`
	TimeZone  string `json:"time_zone" rule:"max=64" doc:"The IANA time zone the times are meant in." example:"Europe/Berlin"`
}

type closureBody struct {
	Kind           string `json:"kind" rule:"required,enum=closure_kind" doc:"What is kept in the community: resources, contacts, knowledge or involvement." example:"resources"`
	What           string `json:"what" rule:"required,max=2000" doc:"What happens to it, and to whom it goes." example:"The laptops go to the youth centre's homework club."`
	OrganisationID string `json:"organisation_id" rule:"max=64" doc:"The member organisation that answers for it (this or person_id is required)." example:""`
	PersonID       string `json:"person_id" rule:"max=64" doc:"The person who answers for it." example:""`
	Due            string `json:"due" rule:"required,format=date" doc:"By when." example:"2026-12-31"`
}

type closurePlanBody struct {
	PlanID string `json:"plan_id" rule:"max=64" doc:"The first time: an existing plan for the tasks; empty makes a new plan titled title."`
	GoalID string `json:"goal_id" rule:"max=64" doc:"The goal the new plan serves; empty makes a new goal of the same title."`
	Title  string `json:"title" rule:"max=300" doc:"The new plan's title (required when no plan_id and the evaluation has no closure plan yet)." example:"Closing well: what stays in the community"`
}

func (h *Handlers) registerContinuation(a *api.API) {
	view, manage, find := httpx.RoleFor(pk.ActionViewEvaluations), httpx.RoleFor(pk.ActionManageEvaluations), httpx.RoleFor(pk.ActionAddFindings)
	a.Route("POST", evaluationPath+"/continuation", manage, httpx.OpDoc{Summary: "Ask whether to continue, change or close the partnership: members then add pros and cons (coordinators)",
		Tag: tag, Response: pk.Evaluation{}},
		func(r *http.Request) (any, error) {
			return h.Evaluations.OpenContinuation(r.Context(), r.PathValue("pid"), r.PathValue("evid"))
		})
	a.Route("POST", evaluationPath+"/continuation/proposal", manage, httpx.OpDoc{Summary: "Bring the continuation question to the body the charter gives the \"continuation\" area (else \"agreement_changes\") as a proposal; its decision is recorded on the evaluation when it closes (coordinators)",
		Tag: tag, Request: continuationBody{}, Response: pk.Proposal{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b continuationBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			in := pk.ContinuationProposalInput{Direction: b.Direction, Title: b.Title, Text: b.Text, TimeZone: b.TimeZone}
			if b.ClosesAt != "" {
				t, err := time.Parse(time.RFC3339, b.ClosesAt)
				if err != nil {
					return nil, pk.FieldInvalid("closes_at", "validation.date", nil)
				}
				in.ClosesAt = t
			}
			p, err := h.Evaluations.ProposeContinuation(r.Context(), r.PathValue("pid"), r.PathValue("evid"), in)
			return api.Created{Value: p}, err
		})
	points := evaluationPath + "/points"
	a.Route("GET", points, view, httpx.OpDoc{Summary: "The pros and cons of continuing (at most 200)", Tag: tag, Response: pk.ContinuationPoint{}, List: true},
		func(r *http.Request) (any, error) {
			page, err := h.Evaluations.Evaluation(r.Context(), r.PathValue("pid"), r.PathValue("evid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.ContinuationPoint]{Items: page.Points, ItemsCut: len(page.Points) >= pk.MaxContinuationPoints}, nil
		})
	a.Route("POST", points, find, httpx.OpDoc{Summary: "Add a pro or a con of continuing, once the question is asked (members)", Tag: tag,
		Request: pointBody{}, Response: pk.ContinuationPoint{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b pointBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			p, err := h.Evaluations.AddPoint(r.Context(), r.PathValue("pid"), r.PathValue("evid"), pk.PointInput{Side: b.Side, Text: b.Text})
			return api.Created{Value: p}, err
		})
	a.Route("DELETE", points+"/{ptid}", find, httpx.OpDoc{Summary: "Remove a pro or a con (its author or a coordinator; If-Match or ?version= required)",
		Tag: tag, Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Evaluations.DeletePoint(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("ptid"), v)
		})
	items := evaluationPath + "/closure-items"
	a.Route("GET", items, view, httpx.OpDoc{Summary: "The closure plan's items, by due date (at most 200)", Tag: tag, Response: pk.ClosureItem{}, List: true},
		func(r *http.Request) (any, error) {
			page, err := h.Evaluations.Evaluation(r.Context(), r.PathValue("pid"), r.PathValue("evid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.ClosureItem]{Items: page.ClosureItems, ItemsCut: len(page.ClosureItems) >= pk.MaxClosureItems}, nil
		})
	a.Route("POST", items, manage, httpx.OpDoc{Summary: "Add a closure item: resources, contacts, knowledge or local involvement, who answers for it and by when (coordinators)",
		Tag: tag, Request: closureBody{}, Response: pk.ClosureItem{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b closureBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			c, err := h.Evaluations.AddClosureItem(r.Context(), r.PathValue("pid"), r.PathValue("evid"), pk.ClosureItemInput{Kind: b.Kind,
				What: b.What, OrganisationID: b.OrganisationID, PersonID: b.PersonID, Due: b.Due})
			return api.Created{Value: c}, err
		})
	a.Route("DELETE", items+"/{ciid}", manage, httpx.OpDoc{Summary: "Remove a closure item (its task stays; coordinators)", Tag: tag},
		func(r *http.Request) (any, error) {
			return nil, h.Evaluations.DeleteClosureItem(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("ciid"))
		})
	a.Route("POST", items+"/tasks", manage, httpx.OpDoc{Summary: "Turn the closure items without a task into tasks of the closure plan, made the first time (coordinators)",
		Tag: tag, Request: closurePlanBody{}, Response: pk.EvaluationPage{}},
		func(r *http.Request) (any, error) {
			var b closurePlanBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Evaluations.ClosureTasks(r.Context(), r.PathValue("pid"), r.PathValue("evid"), pk.ClosurePlanInput{PlanID: b.PlanID,
				GoalID: b.GoalID, Title: b.Title})
		})
}
