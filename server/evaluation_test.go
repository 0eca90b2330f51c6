package server_test

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The evaluation pages: the list and an evaluation in every role and in
// Arabic, a refused form answered with its message beside the field, a
// finding written by a member, the continuation question brought to a
// decision and the closure items turned into tasks.
func TestEvaluationPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Evaluations()
	pid := e.Partnership.ID
	list, one := "/p/"+pid+"/evaluations", "/p/"+pid+"/evaluations/"+f.Evaluation.ID
	for _, role := range []string{"observer", "member", "coordinator"} {
		res := e.do(t, role, "GET", one, nil)
		prepStatus(t, role, res, 200)
		prepBody(t, role, res, "Mid-year review", "What did our work achieve for the people it serves?", "Forty families reached",
			"We reach families no member reaches alone.", "The laptops go to the homework club.")
		if role == "observer" && (strings.Contains(res.Body, "/finding\"") || strings.Contains(res.Body, "/closure/tasks")) {
			t.Error("an observer is offered forms")
		}
		if role == "member" && strings.Contains(res.Body, "/closure\"") {
			t.Error("a member is offered the closure plan's form")
		}
	}
	res := e.do(t, "observer", "GET", one, nil, "Cookie", "lang=ar")
	prepBody(t, "arabic", res, `dir="rtl"`, "ماذا حقّق عملنا للناس الذين يخدمهم؟")
	prepBody(t, "list", e.do(t, "member", "GET", list, nil), "Mid-year review", "Founding year")

	// A refused form keeps what was typed and names the field.
	form := url.Values{"title": {"Autumn check"}, "kind": {"formative"}, "period_from": {"2026-09-01"}, "period_to": {"2026-08-01"},
		"evaluators": {"Amina"}, "default_questions": {"on"}}
	res = e.do(t, "coordinator", "POST", list, form)
	prepStatus(t, "refused", res, 422)
	prepBody(t, "refused", res, "The period cannot end before it starts.", `value="Autumn check"`)
	form.Set("period_to", "2026-11-30")
	res = e.do(t, "coordinator", "POST", list, form)
	prepStatus(t, "created", res, 303)
	prepStatus(t, "member may not create", e.do(t, "member", "POST", list, form), 403)

	// A member writes a finding; a bad link is refused beside the field.
	q := f.Question
	res = e.do(t, "member", "POST", one+"/questions/"+q.ID+"/finding", url.Values{"finding": {"Fewer came in winter."},
		"evidence": {"ftp://example.org/x"}, "version": {strconv.Itoa(q.Version)}})
	prepStatus(t, "bad evidence", res, 422)
	prepBody(t, "bad evidence", res, "is not an address")
	res = e.do(t, "member", "POST", one+"/questions/"+q.ID+"/finding", url.Values{"finding": {"Fewer came in winter."},
		"evidence": {"https://example.org/winter\n/p/" + pid + "/plans"}, "version": {strconv.Itoa(q.Version)}})
	prepStatus(t, "finding", res, 303)
	prepBody(t, "finding shown", e.do(t, "observer", "GET", one, nil), "Fewer came in winter.", "https://example.org/winter")

	// A delete asks first.
	res = e.do(t, "coordinator", "POST", one+"/changes/"+f.Change.ID+"/delete", url.Values{})
	prepStatus(t, "confirm", res, 200)
	prepBody(t, "confirm", res, `name="confirm"`)

	// The continuation question goes to a decision; the proposal page is next.
	res = e.do(t, "coordinator", "POST", one+"/continuation/proposal", url.Values{"direction": {"change"}, "title": {"Continue with a smaller core"},
		"text": {"Three members carry the welcome desk."}, "closes_at": {e.Clock.Now().Add(48 * time.Hour).Format("2006-01-02T15:04")}})
	prepStatus(t, "proposed", res, 303)
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, "/p/"+pid+"/decisions/proposals/") {
		t.Fatalf("proposed: went to %s", loc)
	}
	prepBody(t, "proposal listed", e.do(t, "observer", "GET", one, nil), "Continue with a smaller core", "A proposal is before the body.")

	// The closure items become tasks of a new closure plan.
	res = e.do(t, "coordinator", "POST", one+"/closure/tasks", url.Values{"title": {"Closing well"}})
	prepStatus(t, "tasks", res, 303)
	page, err := e.DB.Evaluations.Evaluation(e.Coordinator.Ctx, pid, f.Evaluation.ID)
	if err != nil || page.Evaluation.ClosurePlanID == "" || page.ClosureItems[0].TaskID == "" {
		t.Fatalf("closure tasks: %v %+v", err, page)
	}
	prepBody(t, "plan linked", e.do(t, "member", "GET", one, nil), "/plans/"+page.Evaluation.ClosurePlanID, "To do")
}

// The evaluation API: create with the default questions (answered in the
// asker's language), patch, findings, pros and cons, the continuation
// proposal, closure items and their tasks; refused bodies name the field.
func TestEvaluationAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	base := "/api/v1/partnerships/" + pid + "/evaluations"

	res := e.do(t, "coordinator", "POST", base, `{"title":"Year two","kind":"summative","period_from":"2026-01-01","period_to":"2026-12-31",
		"body_id":"`+e.Governance().Committee.ID+`","default_questions":true}`)
	prepStatus(t, "create", res, 201)
	var ev pk.Evaluation
	json.Unmarshal([]byte(res.Body), &ev)
	prepStatus(t, "unknown field", e.do(t, "coordinator", "POST", base, `{"title":"x","colour":"red"}`), 422)
	res = e.do(t, "coordinator", "POST", base, `{"title":"x","kind":"final","period_from":"2026-01-01","period_to":"2026-12-31","evaluators":"A"}`)
	prepStatus(t, "bad kind", res, 422)
	prepBody(t, "bad kind", res, `"field":"kind"`)
	prepStatus(t, "observer creates", e.do(t, "observer", "POST", base, `{}`), 403)

	one := base + "/" + ev.ID
	res = e.do(t, "observer", "GET", one, nil, "Accept-Language", "fr")
	prepStatus(t, "get", res, 200)
	prepBody(t, "get", res, `"text":"Qu'a apporté notre travail aux personnes qu'il sert ?"`, `"default":true`)
	if strings.Contains(res.Body, "evaluation.question.") {
		t.Error("a question answered as its catalogue key")
	}
	var page pk.EvaluationPage
	json.Unmarshal([]byte(res.Body), &page)

	res = e.do(t, "coordinator", "PATCH", one, `{"status":"in_progress"}`, "If-Match", strconv.Itoa(ev.Version))
	prepStatus(t, "patch", res, 200)
	prepBody(t, "patch", res, `"status":"in_progress"`, `"title":"Year two"`)
	prepStatus(t, "stale patch", e.do(t, "coordinator", "PATCH", one, `{"status":"done"}`, "If-Match", strconv.Itoa(ev.Version)), 409)

	q := page.Questions[0]
	res = e.do(t, "member", "PUT", one+"/questions/"+q.ID+"/finding", `{"finding":"Sixty families","evidence":["https://example.org/r"]}`,
		"If-Match", strconv.Itoa(q.Version))
	prepStatus(t, "finding", res, 200)
	prepBody(t, "finding", res, `"finding":"Sixty families"`)

	prepStatus(t, "point before question", e.do(t, "member", "POST", one+"/points", `{"side":"pro","text":"Good"}`), 409)
	prepStatus(t, "ask", e.do(t, "coordinator", "POST", one+"/continuation", `{}`), 200)
	res = e.do(t, "member", "POST", one+"/points", `{"side":"con","text":"Funding ends"}`)
	prepStatus(t, "point", res, 201)
	prepBody(t, "points", e.do(t, "observer", "GET", one+"/points", nil), `"text":"Funding ends"`)

	closes := e.Clock.Now().Add(48 * time.Hour).UTC().Format(time.RFC3339)
	res = e.do(t, "coordinator", "POST", one+"/continuation/proposal", `{"direction":"continue","title":"Go on","text":"We go on.","closes_at":"`+closes+`"}`)
	prepStatus(t, "propose", res, 201)
	prepBody(t, "propose", res, `"area":"agreement_changes"`, `"method":"two_thirds"`, "− Funding ends")

	res = e.do(t, "coordinator", "POST", one+"/closure-items", `{"kind":"knowledge","what":"The archive goes to the library","organisation_id":"`+
		e.MemberOrg.ID+`","due":"2026-12-01"}`)
	prepStatus(t, "closure item", res, 201)
	res = e.do(t, "coordinator", "POST", one+"/closure-items", `{"kind":"knowledge","what":"x","due":"2026-12-01"}`)
	prepStatus(t, "no one responsible", res, 422)
	prepBody(t, "no one responsible", res, `"field":"organisation_id"`)
	res = e.do(t, "coordinator", "POST", one+"/closure-items/tasks", `{"title":"Closing well"}`)
	prepStatus(t, "tasks", res, 200)
	prepBody(t, "tasks", res, `"task_status":"todo"`, `"closure_plan_id":"`)
	prepBody(t, "items", e.do(t, "observer", "GET", one+"/closure-items", nil), `"what":"The archive goes to the library"`)

	prepStatus(t, "delete without version", e.do(t, "coordinator", "DELETE", one, nil), 422)
	res = e.do(t, "coordinator", "GET", one, nil)
	json.Unmarshal([]byte(res.Body), &page)
	prepStatus(t, "delete", e.do(t, "coordinator", "DELETE", one+"?version="+strconv.Itoa(page.Evaluation.Version), nil), 204)
	prepStatus(t, "gone", e.do(t, "coordinator", "GET", one, nil), 404)
}
