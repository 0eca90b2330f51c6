package server_test

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func pbDecode(t *testing.T, res response, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(res.Body), v); err != nil {
		t.Fatalf("%d %s: %v", res.Status, res.Body, err)
	}
}

func pbStatus(t *testing.T, res response, status int) {
	t.Helper()
	if res.Status != status {
		t.Fatalf("status %d, want %d: %s", res.Status, status, res.Body)
	}
}

// problemFields lists the fields a problem document names.
func pbFields(t *testing.T, res response) map[string]bool {
	t.Helper()
	var p struct {
		Errors []struct{ Field, Message string } `json:"errors"`
	}
	pbDecode(t, res, &p)
	out := map[string]bool{}
	for _, e := range p.Errors {
		if e.Message == "" || strings.HasPrefix(e.Message, "outreach.") {
			t.Errorf("untranslated field message %+v", e)
		}
		out[e.Field] = true
	}
	return out
}

func TestPlaybookAPI(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		base := "/api/v1/partnerships/" + e.Partnership.ID
		var v pk.PlaybookView
		res := e.do(t, "observer", "GET", base+"/playbook", nil)
		pbStatus(t, res, 200)
		pbDecode(t, res, &v)
		if v.Playbook != "action_plan" || v.Current != "connect" || len(v.Stages) != 4 || len(v.Next) == 0 {
			t.Fatalf("playbook %+v", v)
		}
		s := v.Step(sqldbtest.PlaybookStep)
		if !s.Done || s.DoneBy == "" || s.Link != "/p/"+e.Partnership.ID+"/readiness" || len(s.Questions[0].Answers) != 1 {
			t.Fatalf("step %+v", s)
		}
		// Pages of modules not built yet are not linked.
		if g := v.Step("begin.governance"); g.Page != "governance" || g.Link != "" {
			t.Errorf("governance step links %q", g.Link)
		}
		var list struct{ Items []pk.PlaybookSummary }
		pbDecode(t, e.do(t, "observer", "GET", base+"/playbooks", nil), &list)
		if len(list.Items) != 5 || !list.Items[0].Current {
			t.Errorf("playbooks %+v", list.Items)
		}
		// Ticking, answering, switching, advancing.
		pbStatus(t, e.do(t, "observer", "POST", base+"/playbook/steps/connect.capacity", `{"done":true}`), 403)
		pbStatus(t, e.do(t, "member", "POST", base+"/playbook/steps/connect.nope", `{"done":true}`), 404)
		res = e.do(t, "member", "POST", base+"/playbook/steps/connect.capacity", `{"done":true}`)
		pbStatus(t, res, 200)
		pbDecode(t, res, &v)
		if !v.Step("connect.capacity").Done || v.StepsDone != 2 {
			t.Fatalf("not ticked: %d", v.StepsDone)
		}
		res = e.do(t, "member", "POST", base+"/playbook/questions/connect.capacity.q1", `{"answer":""}`)
		pbStatus(t, res, 422)
		if !pbFields(t, res)["answer"] {
			t.Errorf("no field error on answer: %s", res.Body)
		}
		res = e.do(t, "member", "POST", base+"/playbook/questions/connect.capacity.q1", `{"answer":"Two evenings a month"}`)
		pbStatus(t, res, 200)
		var a pk.PlaybookAnswer
		pbDecode(t, res, &a)
		pbStatus(t, e.do(t, "member", "POST", base+"/playbook/questions/connect.capacity.q1", `{"answer":"Three","version":9}`), 409)
		pbStatus(t, e.do(t, "member", "POST", base+"/playbook/questions/connect.capacity.q1", `{"answer":"Three"}`, "If-Match", `"1"`), 200)
		pbStatus(t, e.do(t, "member", "PUT", base+"/playbook", `{"playbook":"coalition_stages"}`), 403)
		res = e.do(t, "coordinator", "PUT", base+"/playbook", `{"playbook":"nope"}`)
		pbStatus(t, res, 422)
		if !pbFields(t, res)["playbook"] {
			t.Errorf("no field error on playbook")
		}
		res = e.do(t, "coordinator", "POST", base+"/playbook", `{"playbook":"coalition_stages"}`)
		pbStatus(t, res, 200)
		pbDecode(t, res, &v)
		if v.Playbook != "coalition_stages" || v.StepsDone != 0 {
			t.Fatalf("switched: %s %d", v.Playbook, v.StepsDone)
		}
		res = e.do(t, "coordinator", "PUT", base+"/playbook", `{"playbook":"action_plan"}`)
		pbDecode(t, res, &v)
		if v.StepsDone != 2 || v.Step("connect.capacity").Questions[0].Answers[0].Text != "Three" {
			t.Fatalf("switching back lost work: %d", v.StepsDone)
		}
		pbStatus(t, e.do(t, "member", "POST", base+"/playbook/advance", nil), 403)
		res = e.do(t, "coordinator", "POST", base+"/playbook/advance", nil)
		pbStatus(t, res, 200)
		pbDecode(t, res, &v)
		if v.Current != "begin" || len(v.History) != 1 {
			t.Fatalf("advance: %s %+v", v.Current, v.History)
		}
		pbStatus(t, e.do(t, "coordinator", "POST", base+"/playbook/advance", `{"from":"connect"}`), 409)
		pbStatus(t, e.do(t, "outsider", "GET", base+"/playbook", nil), 404)
	})
}

func TestProspectsAPI(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		base := "/api/v1/partnerships/" + e.Partnership.ID + "/prospects"
		f := e.Playbook()
		pbStatus(t, e.do(t, "observer", "GET", base, nil), 403)
		var list struct {
			Items      []pk.Prospect
			NextCursor string `json:"next_cursor"`
		}
		pbDecode(t, e.do(t, "member", "GET", base+"?status=agreed", nil), &list)
		if len(list.Items) != 1 || list.Items[0].ID != f.Prospect.ID {
			t.Fatalf("agreed: %+v", list.Items)
		}
		res := e.do(t, "member", "GET", base+"?status=won", nil)
		pbStatus(t, res, 422)
		// Create: the message is required to start as approached.
		res = e.do(t, "member", "POST", base, `{"name":"Afghan Students Union","kind":"organisation","user_id":"`+e.Member.ID+`","status":"approached"}`)
		pbStatus(t, res, 422)
		if !pbFields(t, res)["message"] {
			t.Fatalf("no error on message: %s", res.Body)
		}
		res = e.do(t, "member", "POST", base, `{"name":"Afghan Students Union","kind":"organisation","user_id":"`+e.Member.ID+`","next_step_due":"2026-03-01"}`)
		pbStatus(t, res, 201)
		var x pk.Prospect
		pbDecode(t, res, &x)
		if x.Status != "identified" || !x.Overdue || x.Version != 1 {
			t.Fatalf("created %+v", x)
		}
		p := base + "/" + x.ID
		res = e.do(t, "member", "POST", p+"/status", `{"status":"approached","note":"called","version":1}`)
		pbStatus(t, res, 422)
		if !pbFields(t, res)["message"] {
			t.Fatalf("no error on message: %s", res.Body)
		}
		// PATCH changes only what is sent; the status has its own route.
		pbStatus(t, e.do(t, "member", "PATCH", p, `{"status":"agreed","version":1}`), 422)
		pbStatus(t, e.do(t, "member", "PATCH", p, `{"message":"Study rooms and a say in the youth panel.","version":5}`), 409)
		res = e.do(t, "member", "PATCH", p, `{"message":"Study rooms and a say in the youth panel."}`, "If-Match", "1")
		pbStatus(t, res, 200)
		pbDecode(t, res, &x)
		if x.Name != "Afghan Students Union" || x.Message == "" || x.Version != 2 {
			t.Fatalf("patched %+v", x)
		}
		res = e.do(t, "member", "POST", p+"/status", `{"status":"approached","note":"called Farid","version":2}`)
		pbStatus(t, res, 200)
		var h struct{ Items []pk.ProspectStatusChange }
		pbDecode(t, e.do(t, "member", "GET", p+"/history", nil), &h)
		if len(h.Items) != 2 || h.Items[1].From != "identified" || h.Items[1].To != "approached" || h.Items[1].Note != "called Farid" || h.Items[1].UserName != e.Member.Name {
			t.Fatalf("history %+v", h.Items)
		}
		// Inviting: coordinators, agreed prospects only.
		inv := base + "/" + f.Prospect.ID + "/invite"
		pbStatus(t, e.do(t, "member", "POST", inv, `{"role":"member"}`), 403)
		res = e.do(t, "coordinator", "POST", p+"/invite", `{"role":"member"}`)
		pbStatus(t, res, 422)
		if !pbFields(t, res)["status"] {
			t.Errorf("invite before agreement: %s", res.Body)
		}
		res = e.do(t, "coordinator", "POST", inv, `{"role":"member"}`)
		pbStatus(t, res, 201)
		var invitation pk.Invitation
		pbDecode(t, res, &invitation)
		if invitation.Email != "dana@roma-youth.example.org" {
			t.Errorf("invited %s", invitation.Email)
		}
		var got pk.Prospect
		pbDecode(t, e.do(t, "member", "GET", base+"/"+f.Prospect.ID, nil), &got)
		if got.Invitation == nil || got.Invitation.ID != invitation.ID {
			t.Errorf("invitation not recorded: %+v", got.Invitation)
		}
		// Delete with a version.
		pbStatus(t, e.do(t, "member", "DELETE", p, nil), 422)
		pbStatus(t, e.do(t, "member", "DELETE", p+"?version=1", nil), 409)
		pbStatus(t, e.do(t, "member", "DELETE", p, `{"version":3}`), 204)
		pbStatus(t, e.do(t, "member", "GET", p, nil), 404)
		pbStatus(t, e.do(t, "outsider", "GET", base+"/"+f.Prospect.ID, nil), 404)
	})
}

func TestPlaybookPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	p := "/p/" + pid + "/playbook"
	res := e.do(t, "observer", "GET", p, nil)
	pbStatus(t, res, 200)
	if !strings.Contains(res.Body, "Partnership action plan") || strings.Contains(res.Body, `action="`+p+`/steps/`) || strings.Contains(res.Body, `action="`+p+`"`) {
		t.Error("observer page: wrong playbook or forms shown")
	}
	if !strings.Contains(res.Body, `href="/p/`+pid+`/readiness"`) {
		t.Error("the readiness step does not link to its page")
	}
	res = e.do(t, "member", "GET", p, nil)
	if !strings.Contains(res.Body, `action="`+p+`/steps/connect.capacity"`) || strings.Contains(res.Body, `action="`+p+`/advance"`) {
		t.Error("member page: tick forms missing or advance shown")
	}
	res = e.do(t, "member", "POST", p+"/steps/connect.capacity", url.Values{"done": {"1"}, "back": {"https://evil.example/"}})
	pbStatus(t, res, 303)
	if loc := res.Header.Get("Location"); !strings.HasPrefix(loc, p+"?") {
		t.Errorf("tick went to %s", loc)
	}
	res = e.do(t, "member", "POST", p+"/steps/connect.capacity", url.Values{"done": {"1"}, "back": {p + "#stage-connect"}})
	if loc := res.Header.Get("Location"); loc != p+"?flash=flash.saved#stage-connect" {
		t.Errorf("tick from a stage went to %s", loc)
	}
	res = e.do(t, "member", "GET", p+"/steps/connect.capacity", nil)
	pbStatus(t, res, 200)
	if !strings.Contains(res.Body, "Done by "+e.Member.Name) {
		t.Error("the step page does not say who ticked it")
	}
	pbStatus(t, e.do(t, "member", "GET", p+"/steps/connect.nope", nil), 404)
	res = e.do(t, "member", "POST", p+"/questions/connect.capacity.q1", url.Values{"answer": {" "}})
	pbStatus(t, res, 422)
	if !strings.Contains(res.Body, "This field is required.") {
		t.Error("no message next to the empty answer")
	}
	res = e.do(t, "member", "POST", p+"/questions/connect.capacity.q1", url.Values{"answer": {"Two evenings a month <b>"}})
	pbStatus(t, res, 303)
	res = e.do(t, "observer", "GET", p+"/steps/connect.capacity", nil)
	if !strings.Contains(res.Body, "Two evenings a month &lt;b&gt;") {
		t.Error("the answer is not shown (escaped)")
	}
	pbStatus(t, e.do(t, "observer", "GET", p+"/next", nil), 200)
	res = e.do(t, "coordinator", "POST", p, url.Values{"playbook": {"nope"}})
	pbStatus(t, res, 422)
	pbStatus(t, e.do(t, "coordinator", "POST", p, url.Values{"playbook": {"coalition_stages"}}), 303)
	pbStatus(t, e.do(t, "coordinator", "POST", p, url.Values{"playbook": {"action_plan"}}), 303)
	res = e.do(t, "coordinator", "GET", p+"/steps/connect.capacity", nil)
	if !strings.Contains(res.Body, "Two evenings a month") {
		t.Error("switching playbooks lost an answer")
	}
	pbStatus(t, e.do(t, "coordinator", "POST", p+"/advance", url.Values{"from": {"connect"}}), 303)
	pbStatus(t, e.do(t, "coordinator", "POST", p+"/advance", url.Values{"from": {"connect"}}), 409)
	res = e.do(t, "coordinator", "GET", p, nil)
	if !strings.Contains(res.Body, "Stages so far") {
		t.Error("no stage history shown")
	}
}

func TestProspectPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid, f := e.Partnership.ID, e.Playbook()
	p := "/p/" + pid + "/prospects"
	pbStatus(t, e.do(t, "observer", "GET", p, nil), 403)
	res := e.do(t, "member", "GET", p, nil)
	pbStatus(t, res, 200)
	if !strings.Contains(res.Body, "Mosque Community East") || !strings.Contains(res.Body, "card prospect overdue") {
		t.Error("pipeline misses the overdue prospect")
	}
	pbStatus(t, e.do(t, "member", "GET", p+"/new", nil), 200)
	res = e.do(t, "member", "POST", p, url.Values{"name": {""}, "kind": {"person"}, "user_id": {e.Member.ID}, "contact_role": {"Imam"}, "status": {"identified"}})
	pbStatus(t, res, 422)
	if !strings.Contains(res.Body, `value="Imam"`) {
		t.Error("the form lost what was typed")
	}
	res = e.do(t, "member", "POST", p, url.Values{"name": {"Eritrean Parents Group"}, "kind": {"organisation"}, "user_id": {e.Member.ID}, "status": {"identified"}})
	pbStatus(t, res, 303)
	loc := res.Header.Get("Location")
	if !strings.HasPrefix(loc, p+"/") {
		t.Fatalf("created → %s", loc)
	}
	x := strings.TrimPrefix(strings.Split(loc, "?")[0], p+"/")
	pbStatus(t, e.do(t, "member", "GET", p+"/"+x, nil), 200)
	pbStatus(t, e.do(t, "member", "GET", p+"/"+x+"/edit", nil), 200)
	res = e.do(t, "member", "POST", p+"/"+x+"/status", url.Values{"status": {"approached"}, "version": {"1"}})
	pbStatus(t, res, 422)
	if !strings.Contains(res.Body, "Write what the partnership offers them") {
		t.Error("no message about the missing offer")
	}
	pbStatus(t, e.do(t, "member", "POST", p+"/"+x, url.Values{"name": {"Eritrean Parents Group"}, "kind": {"organisation"}, "user_id": {e.Member.ID},
		"message": {"Homework help for their children."}, "version": {"9"}}), 409)
	pbStatus(t, e.do(t, "member", "POST", p+"/"+x, url.Values{"name": {"Eritrean Parents Group"}, "kind": {"organisation"}, "user_id": {e.Member.ID},
		"message": {"Homework help for their children."}, "version": {"1"}}), 303)
	pbStatus(t, e.do(t, "member", "POST", p+"/"+x+"/status", url.Values{"status": {"approached"}, "note": {"Met at the fair"}, "version": {"2"}}), 303)
	res = e.do(t, "member", "GET", p+"/"+x, nil)
	if !strings.Contains(res.Body, "Met at the fair") || !strings.Contains(res.Body, "Approached") {
		t.Error("history not shown")
	}
	// The agreed fixture offers the invitation to coordinators only.
	agreed := p + "/" + f.Prospect.ID
	if res := e.do(t, "member", "GET", agreed, nil); strings.Contains(res.Body, agreed+"/invite") {
		t.Error("members see the invitation form")
	}
	res = e.do(t, "coordinator", "GET", agreed, nil)
	if !strings.Contains(res.Body, agreed+"/invite") || !strings.Contains(res.Body, `value="dana@roma-youth.example.org"`) {
		t.Error("no prefilled invitation form for the coordinator")
	}
	pbStatus(t, e.do(t, "member", "POST", agreed+"/invite", url.Values{"role": {"member"}, "email": {"dana@roma-youth.example.org"}}), 403)
	pbStatus(t, e.do(t, "coordinator", "POST", agreed+"/invite", url.Values{"role": {"member"}, "email": {"dana@roma-youth.example.org"}}), 303)
	if res := e.do(t, "coordinator", "GET", agreed, nil); !strings.Contains(res.Body, "Invitation sent to dana@roma-youth.example.org") {
		t.Error("the invitation is not recorded on the page")
	}
	pbStatus(t, e.do(t, "member", "POST", p+"/"+x+"/delete", url.Values{"version": {"1"}, "confirm": {"yes"}}), 409)
	pbStatus(t, e.do(t, "member", "POST", p+"/"+x+"/delete", url.Values{"version": {"3"}, "confirm": {"yes"}}), 303)
	pbStatus(t, e.do(t, "member", "GET", p+"/"+x, nil), 404)
}

func TestProfilePage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	res := e.do(t, "observer", "GET", "/p/"+pid+"/profile", nil)
	pbStatus(t, res, 200)
	if !strings.Contains(res.Body, "Young newcomers have a say.") || !strings.Contains(res.Body, "Progress in the playbook") {
		t.Error("the profile misses its purpose or playbook progress")
	}
	if strings.Contains(res.Body, "Roma Youth Leipzig") || strings.Contains(res.Body, "Prospective partners by status") {
		t.Error("observers see prospects in the profile")
	}
	res = e.do(t, "member", "GET", "/p/"+pid+"/profile", nil)
	if !strings.Contains(res.Body, "Roma Youth Leipzig") {
		t.Error("members miss the prospects")
	}
	var prof struct {
		Partnership struct{ Name string }
		Playbook    struct{ Playbook string }
		Prospects   []pk.ProspectColumn
	}
	pbDecode(t, e.do(t, "observer", "GET", "/api/v1/partnerships/"+pid+"/profile", nil), &prof)
	if prof.Partnership.Name != "Welcome City" || prof.Playbook.Playbook != "action_plan" || prof.Prospects != nil {
		t.Errorf("observer profile JSON %+v", prof)
	}
	pbDecode(t, e.do(t, "member", "GET", "/api/v1/partnerships/"+pid+"/profile", nil), &prof)
	if len(prof.Prospects) != len(pk.ProspectStatuses) {
		t.Errorf("member profile has %d status columns", len(prof.Prospects))
	}
	pbStatus(t, e.do(t, "outsider", "GET", "/p/"+pid+"/profile", nil), 404)
}
