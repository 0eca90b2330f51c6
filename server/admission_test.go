package server_test

import (
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The admission pages: the pipeline counts each stage; observers follow it
// without contact details; a coordinator checks the last criterion from the
// checklist form (a check without evidence comes back naming its row), the
// committee's decision is recorded, and with no agreement in force the
// organisation becomes a member with a note.
func TestAdmissionPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	a, g := e.Admission().Admission, e.Governance()
	base := "/p/" + e.Partnership.ID + "/admissions"
	res := e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "pipeline", res, 200)
	prepBody(t, "pipeline", res, "Youth Sports Leipzig", "Criteria checked: 2 of 3", "Nominated")
	res = e.do(t, "observer", "GET", base+"/"+a.ID, nil)
	prepStatus(t, "observer page", res, 200)
	if strings.Contains(res.Body, "sami@example.org") || strings.Contains(res.Body, "Grünau") {
		t.Fatal("observers see contact details or evidence")
	}
	prepBody(t, "member page", e.do(t, "member", "GET", base+"/"+a.ID, nil), "sami@example.org", "Grünau")
	res = e.do(t, "coordinator", "GET", base+"/"+a.ID, nil)
	prepBody(t, "coordinator page", res, `action="`+base+"/"+a.ID+`/checks"`, `action="`+base+"/"+a.ID+`/decision"`, g.Committee.Name)
	last := a.Criteria[2].ID
	form := url.Values{"version": {strconv.Itoa(a.Version)}, "criterion": {a.Criteria[0].ID, a.Criteria[1].ID, last}, "result." + last: {"met"}}
	res = e.do(t, "coordinator", "POST", base+"/"+a.ID+"/checks", form)
	prepStatus(t, "no evidence", res, 422)
	prepBody(t, "no evidence", res, "field-error", "Say what the check rests on")
	form.Set("evidence."+last, "Lina, 19, represents them.")
	prepStatus(t, "checked", e.do(t, "coordinator", "POST", base+"/"+a.ID+"/checks", form), 303)
	prepBody(t, "checked", e.do(t, "observer", "GET", base, nil), "Criteria checked: 3 of 3")
	prepStatus(t, "member decides", e.do(t, "member", "POST", base+"/"+a.ID+"/decision", url.Values{"outcome": {"admitted"}}), 403)
	dec := url.Values{"version": {strconv.Itoa(a.Version + 1)}, "outcome": {"admitted"}, "body_id": {g.Group.ID}, "decided_on": {"2026-03-10"}}
	res = e.do(t, "coordinator", "POST", base+"/"+a.ID+"/decision", dec)
	prepStatus(t, "wrong body", res, 422)
	prepBody(t, "wrong body", res, "The charter names another body for admission.")
	dec.Set("body_id", g.Committee.ID)
	prepStatus(t, "decided", e.do(t, "coordinator", "POST", base+"/"+a.ID+"/decision", dec), 303)
	res = e.do(t, "coordinator", "POST", base+"/"+a.ID+"/activate", url.Values{"version": {strconv.Itoa(a.Version + 2)}})
	prepStatus(t, "activate without a note", res, 422)
	prepBody(t, "activate without a note", res, "say in the note")
	prepStatus(t, "activated", e.do(t, "coordinator", "POST", base+"/"+a.ID+"/activate",
		url.Values{"version": {strconv.Itoa(a.Version + 2)}, "note": {"Signs the new MoU in May."}}), 303)
	prepBody(t, "member now", e.do(t, "observer", "GET", "/p/"+e.Partnership.ID+"/members", nil), "Youth Sports Leipzig")
	prepBody(t, "history", e.do(t, "member", "GET", base+"/"+a.ID, nil), "Active member", "Signs the new MoU in May.", "2026-03-10")
	// Proposing from a prospect fills the form; members may propose.
	p := e.Playbook().Prospect
	prepBody(t, "from a prospect", e.do(t, "member", "GET", base+"/new?prospect="+p.ID, nil), `value="`+p.Name+`"`)
	prepStatus(t, "observer proposes", e.do(t, "observer", "GET", base+"/new", nil), 403)
	res = e.do(t, "member", "POST", base, url.Values{"source": {"nomination"}, "candidate_name": {"Open Kitchen"}})
	prepStatus(t, "nomination without nominator", res, 422)
	prepStatus(t, "application", e.do(t, "member", "POST", base, url.Values{"source": {"application"}, "candidate_name": {"Open Kitchen"}}), 303)
}

// The API: the list, a decision refused naming the field, a stale version,
// and the checks and decision as sub-resources.
func TestAdmissionAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	a, g := e.Admission().Admission, e.Governance()
	base := "/api/v1/partnerships/" + e.Partnership.ID + "/admissions"
	res := e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "list", res, 200)
	var list struct {
		Items []struct {
			Name            string `json:"candidate_name"`
			ContactEmail    string `json:"contact_email"`
			CriteriaChecked int    `json:"criteria_checked"`
		} `json:"items"`
	}
	json.Unmarshal([]byte(res.Body), &list)
	if len(list.Items) != 1 || list.Items[0].Name != "Youth Sports Leipzig" || list.Items[0].ContactEmail != "" || list.Items[0].CriteriaChecked != 2 {
		t.Fatalf("list: %s", res.Body)
	}
	v := strconv.Itoa(a.Version)
	res = e.do(t, "coordinator", "POST", base+"/"+a.ID+"/decision", `{"outcome":"admitted","body_id":"`+g.Committee.ID+`","decided_on":"2026-03-10","version":`+v+`}`)
	prepStatus(t, "unchecked", res, 422)
	prepBody(t, "unchecked", res, `"field":"outcome"`)
	res = e.do(t, "coordinator", "POST", base+"/"+a.ID+"/checks", `{"checks":[{"criterion_id":"`+a.Criteria[2].ID+`","result":"met","evidence":"seen"}],"version":1}`)
	prepStatus(t, "stale", res, 409)
	res = e.do(t, "coordinator", "POST", base+"/"+a.ID+"/checks", `{"checks":[{"criterion_id":"`+a.Criteria[2].ID+`","result":"met","evidence":"seen"}],"version":`+v+`}`)
	prepStatus(t, "checks", res, 200)
	prepBody(t, "checks", res, `"stage":"checked"`)
	res = e.do(t, "coordinator", "POST", base+"/"+a.ID+"/decision", `{"outcome":"declined","body_id":"`+g.Committee.ID+`","decided_on":"2026-03-10"}`, "If-Match", strconv.Itoa(a.Version+1))
	prepStatus(t, "declined", res, 200)
	prepBody(t, "declined", res, `"stage":"declined"`, `"decision_body_name":"`+g.Committee.Name+`"`)
	res = e.do(t, "coordinator", "GET", base+"/"+a.ID+"/steps", nil)
	prepBody(t, "steps", res, `"to":"nominated"`, `"to":"checked"`, `"to":"declined"`)
	prepStatus(t, "not json", e.do(t, "coordinator", "POST", base, `{"candidate_name":`), 400)
	res = e.do(t, "member", "POST", base, `{"candidate_name":"Open Kitchen","source":"application","contact_email":"not an address"}`)
	prepStatus(t, "bad email", res, 422)
	prepBody(t, "bad email", res, `"field":"contact_email"`)
}

// Members see the contact details the observers do not.
func TestAdmissionAPIDetailsForMembers(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	res := e.do(t, "member", "GET", "/api/v1/partnerships/"+e.Partnership.ID+"/admissions/"+e.Admission().Admission.ID, nil)
	prepStatus(t, "member", res, 200)
	prepBody(t, "member", res, `"contact_email":"sami@example.org"`, `"evidence":"Weekly sessions in Grünau since 2024."`)
}
