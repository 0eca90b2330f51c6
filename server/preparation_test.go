package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func prepStatus(t *testing.T, what string, res response, want int) {
	t.Helper()
	if res.Status != want {
		t.Fatalf("%s: %d, want %d\n%.600s", what, res.Status, want, res.Body)
	}
}

func prepBody(t *testing.T, what string, res response, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(res.Body, p) {
			t.Fatalf("%s: the answer lacks %q\n%.800s", what, p, res.Body)
		}
	}
}

func TestSelfAnalysisPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/p/" + e.Partnership.ID + "/self-analysis"
	said := e.Params["said"]

	res := e.do(t, "observer", "GET", "/p/"+e.Partnership.ID+"/prepare", nil)
	prepStatus(t, "hub", res, 200)
	prepBody(t, "hub", res, "<h1>Prepare</h1>", base, "/theory-of-change", "/readiness", "/form-choice")
	// People reach their own organisation's private self-analysis from the hub.
	prepBody(t, "member's hub", e.do(t, "member", "GET", "/p/"+e.Partnership.ID+"/prepare", nil), "/organisations/"+e.MemberOrg.ID+"/self-analysis")

	prepStatus(t, "add", e.do(t, "coordinator", "POST", base, url.Values{"section": {"needs"}, "text": {"A room for the youth panel"}}), 303)
	prepStatus(t, "add yes/no", e.do(t, "coordinator", "POST", base, url.Values{"section": {"lived_experience"}, "answer": {"yes"}}), 303)
	res = e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "page", res, 200)
	prepBody(t, "page", res, "A room for the youth panel", e.Coordinator.Name, e.Member.Name, "We know the young newcomers")
	if strings.Contains(res.Body, `action="`+base+`"`) {
		t.Fatal("observers are offered the form")
	}
	// An empty contribution comes back with the message, typed values kept.
	res = e.do(t, "member", "POST", base, url.Values{"section": {"strengths"}, "text": {" "}})
	prepStatus(t, "empty", res, 422)
	prepBody(t, "empty", res, "field-error")
	// Others' contributions are not theirs to change.
	prepStatus(t, "others'", e.do(t, "coordinator", "POST", base+"/"+said, url.Values{"text": {"mine now"}, "version": {"1"}}), 403)
	prepStatus(t, "own", e.do(t, "member", "POST", base+"/"+said, url.Values{"text": {"We know the east side well."}, "version": {"1"}}), 303)
	prepStatus(t, "stale", e.do(t, "member", "POST", base+"/"+said, url.Values{"text": {"again"}, "version": {"1"}}), 409)
	prepStatus(t, "observer", e.do(t, "observer", "POST", base, url.Values{"section": {"needs"}, "text": {"x"}}), 403)
	prepStatus(t, "delete", e.do(t, "member", "POST", base+"/"+said+"/delete", url.Values{"version": {"2"}, "confirm": {"yes"}}), 303)
	if res := e.do(t, "member", "GET", base, nil); strings.Contains(res.Body, "east side") {
		t.Fatal("deleted contribution still shown")
	}

	// The organisation's own self-analysis: its people only.
	obase := "/organisations/" + e.MemberOrg.ID + "/self-analysis"
	prepStatus(t, "org add", e.do(t, "member", "POST", obase, url.Values{"section": {"motivation"}, "text": {"Our members want a voice."}}), 303)
	res = e.do(t, "member", "GET", obase, nil)
	prepStatus(t, "org page", res, 200)
	prepBody(t, "org page", res, "Our members want a voice.", e.MemberOrg.Name)
	prepStatus(t, "org outsider", e.do(t, "coordinator", "GET", obase, nil), 404)
	prepStatus(t, "org outsider post", e.do(t, "coordinator", "POST", obase, url.Values{"section": {"needs"}, "text": {"x"}}), 404)
}

func TestReadinessPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/p/" + e.Partnership.ID + "/readiness"
	form := url.Values{}
	for _, q := range pk.ReadinessQuestionIDs() {
		form.Set("answer_"+q, "yes")
	}
	form.Set("answer_complex_issue", "no")
	form.Set("note_complex_issue", "One organisation could do this")
	prepStatus(t, "coordinator answers", e.do(t, "coordinator", "POST", base, form), 303)
	res := e.do(t, "coordinator", "GET", base, nil)
	prepStatus(t, "page", res, 200)
	prepBody(t, "page", res, "Reconsider", "One organisation could do this", e.Member.Name, `value="no" checked`)
	// Observers see the counts, not who said what.
	res = e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "observer page", res, 200)
	prepBody(t, "observer page", res, "Reconsider", "Members see these questions differently")
	if strings.Contains(res.Body, "One organisation could do this") || strings.Contains(res.Body, e.Member.Name) {
		t.Fatal("observer sees who said what")
	}
	prepStatus(t, "observer answers", e.do(t, "observer", "POST", base, url.Values{}), 403)
	res = e.do(t, "member", "POST", base, url.Values{"answer_service_gap": {"maybe"}})
	prepStatus(t, "bad answer", res, 422)
	prepBody(t, "bad answer", res, "field-error")
}

func TestTheoryOfChangePages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	base := "/p/" + pid + "/theory-of-change"
	stid := e.Params["stid"]
	prepStatus(t, "create", e.do(t, "member", "POST", base, url.Values{"level": {"outcome"}, "if": {"young people speak <up>"},
		"then": {"the council hears them"}, "because": {"it wants evidence"}}), 303)
	res := e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "page", res, 200)
	prepBody(t, "page", res, "<svg", `role="img"`, "the council hears them", "young people speak &lt;up&gt;", "not linked to any other")
	if strings.Contains(res.Body, "<up>") {
		t.Fatal("user text not escaped")
	}
	res = e.do(t, "observer", "GET", base+"/print", nil)
	prepStatus(t, "print", res, 200)
	prepBody(t, "print", res, "<svg", e.Partnership.Name)
	res = e.do(t, "member", "GET", base+"/"+stid, nil)
	prepStatus(t, "edit page", res, 200)
	prepBody(t, "edit page", res, "we run a youth panel", `name="version" value="1"`)
	prepStatus(t, "bad level", e.do(t, "member", "POST", base+"/"+stid, url.Values{"level": {"dream"}, "then": {"x"}, "version": {"1"}}), 422)
	prepStatus(t, "update", e.do(t, "member", "POST", base+"/"+stid, url.Values{"level": {"activity"}, "if": {"we run a youth panel"},
		"then": {"young people are heard"}, "because": {"the council listens"}, "version": {"1"}}), 303)
	prepStatus(t, "stale", e.do(t, "member", "POST", base+"/"+stid, url.Values{"level": {"activity"}, "then": {"x"}, "version": {"1"}}), 409)
	prepStatus(t, "observer", e.do(t, "observer", "POST", base, url.Values{"level": {"goal"}, "then": {"x"}}), 403)
	prepStatus(t, "delete", e.do(t, "coordinator", "POST", base+"/"+stid+"/delete", url.Values{"version": {"2"}, "confirm": {"yes"}}), 303)
	prepStatus(t, "deleted", e.do(t, "coordinator", "GET", base+"/"+stid, nil), 404)
}

func TestFormChoicePage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	base := "/p/" + pid + "/form-choice"
	form := url.Values{"basis": {"issue"}, "structure": {"formal"}, "ctype.purpose": {"campaign"}}
	for _, a := range []string{"purpose", "time_horizon", "vision_values", "decision_making"} {
		form.Set("continuum."+a, "strategic_alliance")
	}
	prepStatus(t, "save", e.do(t, "member", "POST", base, form), 303)
	res := e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "page", res, 200)
	prepBody(t, "page", res, "Best fit", "Strategic alliance", "<meter", `value="strategic_alliance" checked`, "Advantages")
	if strings.Contains(res.Body, "/form-choice/adopt") {
		t.Fatal("observers are offered adoption")
	}
	res = e.do(t, "coordinator", "GET", base, nil)
	prepBody(t, "coordinator page", res, "/form-choice/adopt")
	prepStatus(t, "bad choice", e.do(t, "member", "POST", base, url.Values{"continuum.purpose": {"empire"}}), 422)
	adopt := url.Values{"kind": {"form"}, "value": {"strategic_alliance"}, "version": {strconv.Itoa(e.Partnership.Version)}}
	prepStatus(t, "member adopts", e.do(t, "member", "POST", base+"/adopt", adopt), 403)
	prepStatus(t, "adopt", e.do(t, "coordinator", "POST", base+"/adopt", adopt), 303)
	prepStatus(t, "stale adopt", e.do(t, "coordinator", "POST", base+"/adopt", adopt), 409)
	p, err := e.DB.Partnerships.Partnership(e.Coordinator.Ctx, pid)
	if err != nil || p.Form != "strategic_alliance" {
		t.Fatalf("form not adopted: %+v %v", p, err)
	}
}

func prepJSON(t *testing.T, res response, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(res.Body), v); err != nil {
		t.Fatalf("%v: %.300s", err, res.Body)
	}
}

func TestPreparationAPI(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		base := "/api/v1/partnerships/" + e.Partnership.ID

		// Self-analysis.
		res := e.do(t, "member", "POST", base+"/self-analysis", `{"section":"capacity_time","text":"Four hours a month"}`)
		prepStatus(t, "post", res, 201)
		var entry pk.SelfAnalysisEntry
		prepJSON(t, res, &entry)
		prepStatus(t, "bad section", e.do(t, "member", "POST", base+"/self-analysis", `{"section":"nope","text":"x"}`), 422)
		prepStatus(t, "patch others'", e.do(t, "coordinator", "PATCH", base+"/self-analysis/"+entry.ID, `{"text":"x","version":1}`), 403)
		res = e.do(t, "member", "PATCH", base+"/self-analysis/"+entry.ID, `{"text":"Six hours a month"}`, "If-Match", `"1"`)
		prepStatus(t, "patch", res, 200)
		prepStatus(t, "stale patch", e.do(t, "member", "PATCH", base+"/self-analysis/"+entry.ID, `{"text":"x","version":1}`), 409)
		var sa pk.SelfAnalysis
		res = e.do(t, "observer", "GET", base+"/self-analysis", nil)
		prepStatus(t, "get", res, 200)
		prepJSON(t, res, &sa)
		if len(sa.Sections) != 12 || sa.Sections[6].ID != "capacity_time" || sa.Sections[6].Entries[0].Text != "Six hours a month" {
			t.Fatalf("self-analysis: %+v", sa.Sections[6])
		}
		prepStatus(t, "delete without version", e.do(t, "member", "DELETE", base+"/self-analysis/"+entry.ID, nil), 422)
		prepStatus(t, "delete", e.do(t, "member", "DELETE", base+"/self-analysis/"+entry.ID, `{"version":2}`), 204)
		org := "/api/v1/organisations/" + e.MemberOrg.ID + "/self-analysis"
		prepStatus(t, "org post", e.do(t, "member", "POST", org, `{"section":"strengths","text":"Languages"}`), 201)
		prepStatus(t, "org get", e.do(t, "member", "GET", org, nil), 200)
		prepStatus(t, "org outsider", e.do(t, "coordinator", "GET", org, nil), 404)

		// Readiness.
		res = e.do(t, "coordinator", "POST", base+"/readiness/complex_issue", `{"answer":"not_sure","note":"ask the city"}`)
		prepStatus(t, "answer", res, 200)
		prepStatus(t, "unknown question", e.do(t, "coordinator", "POST", base+"/readiness/nope", `{"answer":"yes"}`), 422)
		var rd pk.Readiness
		res = e.do(t, "member", "GET", base+"/readiness", nil)
		prepStatus(t, "readiness", res, 200)
		prepJSON(t, res, &rd)
		if rd.Status != "find_out" || len(rd.Disagreements) != 1 || len(rd.Questions[0].Answers) != 2 || rd.Questions[0].Mine == nil {
			t.Fatalf("readiness: %+v", rd)
		}
		res = e.do(t, "observer", "GET", base+"/readiness", nil)
		prepJSON(t, res, &rd)
		if rd.NamesShown || len(rd.Questions[0].Answers) != 0 || rd.Questions[0].Tally.NotSure != 1 {
			t.Fatalf("observer readiness: %+v", rd.Questions[0])
		}

		// Theory of change.
		var toc pk.TheoryOfChange
		res = e.do(t, "member", "GET", base+"/theory-of-change", nil)
		prepJSON(t, res, &toc)
		var vision string
		for _, s := range toc.Statements {
			if s.Level == "vision" {
				vision = s.ID
			}
		}
		res = e.do(t, "member", "POST", base+"/theory-of-change", `{"level":"goal","if":"policy changes","then":"newcomers shape services","because":"services follow policy","leads":["`+vision+`"]}`)
		prepStatus(t, "create statement", res, 201)
		var st pk.ChangeStatement
		prepJSON(t, res, &st)
		res = e.do(t, "member", "PATCH", base+"/theory-of-change/"+st.ID, `{"level":"goal","then":"x","leads":["`+st.ID+`"],"version":1}`)
		prepStatus(t, "self link", res, 422)
		prepBody(t, "self link", res, `"leads"`)
		prepStatus(t, "patch statement", e.do(t, "member", "PATCH", base+"/theory-of-change/"+st.ID,
			`{"level":"goal","if":"policy changes","then":"newcomers shape services","because":"","leads":["`+vision+`"],"version":1}`), 200)
		res = e.do(t, "observer", "GET", base+"/theory-of-change", nil)
		prepJSON(t, res, &toc)
		if len(toc.Problems) != 1 || toc.Problems[0].Kind != "incomplete" || toc.Problems[0].StatementID != st.ID {
			t.Fatalf("problems: %+v", toc.Problems)
		}
		res = e.do(t, "observer", "GET", base+"/theory-of-change.svg", nil)
		prepStatus(t, "svg", res, 200)
		if ct := res.Header.Get("Content-Type"); ct != "image/svg+xml" || !strings.Contains(res.Body, "newcomers shape services") || strings.Contains(res.Body, "style=") {
			t.Fatalf("svg: %s %.200s", ct, res.Body)
		}
		prepStatus(t, "delete statement", e.do(t, "member", "DELETE", base+"/theory-of-change/"+st.ID, nil, "If-Match", "2"), 204)

		// Choosing the form.
		res = e.do(t, "observer", "GET", base+"/form-advice", nil)
		prepStatus(t, "advice", res, 200)
		var adv struct {
			pk.FormAdvice
			Attributes []struct {
				ID      string
				Options []struct{ ID string }
			} `json:"attributes"`
			Structures []struct {
				Advantages []string `json:"advantages"`
			} `json:"structures"`
		}
		prepJSON(t, res, &adv)
		if len(adv.Attributes) != 7 || len(adv.Attributes[0].Options) != 5 || len(adv.Structures) != 2 || len(adv.Structures[0].Advantages) == 0 {
			t.Fatalf("advice tables: %+v", adv)
		}
		res = e.do(t, "member", "POST", base+"/form-advice", `{"continuum":{"purpose":"network","time_horizon":"network","relationship":"cooperation"},"coalition_type":{"purpose":"information_network"},"basis":"geography","structure":"informal"}`)
		prepStatus(t, "choose", res, 200)
		var got pk.FormAdvice
		prepJSON(t, res, &got)
		if got.Form.Recommended != "network" || got.CoalitionType.Recommended != "information_network" || len(got.Form.Scores) != 5 || got.Form.Implies == nil {
			t.Fatalf("recommendation: %+v", got.Form)
		}
		prepStatus(t, "bad option", e.do(t, "member", "POST", base+"/form-advice", `{"continuum":{"purpose":"empire"}}`), 422)
		v := strconv.Itoa(got.PartnershipVersion)
		prepStatus(t, "member adopts", e.do(t, "member", "POST", base+"/form-advice/adopt", `{"kind":"form","value":"network","version":`+v+`}`), 403)
		res = e.do(t, "coordinator", "POST", base+"/form-advice/adopt", `{"kind":"basis","value":"issue","version":`+v+`}`)
		prepStatus(t, "adopt", res, 200)
		var p pk.Partnership
		prepJSON(t, res, &p)
		if p.Basis != "issue" || strconv.Itoa(p.Version) == v {
			t.Fatalf("adopted: %+v", p)
		}
		prepStatus(t, "stale adopt", e.do(t, "coordinator", "POST", base+"/form-advice/adopt", `{"kind":"form","value":"network","version":`+v+`}`), 409)
		prepStatus(t, "other partnership", e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+e.Other.ID+"/form-advice", nil), http.StatusNotFound)
	})
}
