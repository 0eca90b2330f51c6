package server_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A person without an account answers through a link with a plain form
// post (no JavaScript): a refused answer comes back with the message beside
// the question and nothing kept; a good one is thanked, and the link is
// spent.
func TestSurveyAnswerWithoutAnAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	f := e.Surveys()
	items := f.Satisfaction.Items
	page := e.do(t, "", "GET", "/s/"+f.Code, nil, "Accept-Language", "ar")
	if page.Status != 200 || !strings.Contains(page.Body, `dir="rtl"`) || !strings.Contains(page.Body, items[0].Prompt) {
		t.Fatalf("answer page: %d %.300s", page.Status, page.Body)
	}
	if cc := page.Header.Get("Cache-Control"); !strings.Contains(cc, "private") && cc != "no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
	bad := url.Values{pk.SurveyItemField(items[5].ID, -1): {"lots"}}
	res := e.do(t, "", "POST", "/s/"+f.Code, bad)
	if res.Status != 422 || !strings.Contains(res.Body, "Please answer this question.") || !strings.Contains(res.Body, `value="lots"`) {
		t.Fatalf("refused answer: %d %.500s", res.Status, res.Body)
	}
	good := url.Values{pk.SurveyItemField(items[0].ID, -1): {"5"}, pk.SurveyItemField(items[6].ID, -1): {"<script>alert(1)</script>"}}
	if res := e.do(t, "", "POST", "/s/"+f.Code, good); res.Status != 200 || !strings.Contains(res.Body, "Thank you") {
		t.Fatalf("answer: %d %.300s", res.Status, res.Body)
	}
	if res := e.do(t, "", "POST", "/s/"+f.Code, good); res.Status != 409 {
		t.Fatalf("second answer: %d", res.Status)
	}
	if res := e.do(t, "", "GET", "/s/"+f.Code, nil); !strings.Contains(res.Body, "used already") {
		t.Fatalf("used link: %.300s", res.Body)
	}
	// A typed code finds its survey.
	if res := e.do(t, "", "GET", "/s?code="+strings.ToUpper(f.Code[:8])+"-"+f.Code[8:], nil); res.Status != 303 || res.Header.Get("Location") != "/s/"+f.Code {
		t.Fatalf("code typed: %d %q", res.Status, res.Header.Get("Location"))
	}
	if res := e.do(t, "", "GET", "/s/abcdefghijklmnop", nil); res.Status != 404 {
		t.Fatalf("unknown code: %d", res.Status)
	}
	// A post from another site is refused (cross-origin protection).
	if res := e.do(t, "", "POST", "/s/"+f.Code, good, "Sec-Fetch-Site", "cross-site"); res.Status != 403 {
		t.Fatalf("cross-site post: %d", res.Status)
	}
}

// No route, export or audit entry links an anonymous answer to the person
// who got the link: links are made by name (labels), answered, and then
// every API answer, page and export a coordinator can read is searched for
// the link's ID, its label, the time of use, and the answering person's
// account, beside the answer's own words.
func TestNoAnonymousAnswerLeadsToItsAuthor(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid, s := e.Partnership.ID, e.Surveys().Satisfaction
	c := e.Coordinator.Ctx
	links, err := e.DB.Surveys.CreateSurveyLinks(c, pid, s.ID, pk.SurveyLinksInput{Count: 6, Label: "Amina Haddad"})
	if err != nil {
		t.Fatal(err)
	}
	secret := map[int]string{}
	for i, l := range links {
		secret[i] = "distinct-words-" + strconv.Itoa(i*7919)
		form := url.Values{pk.SurveyItemField(s.Items[0].ID, -1): {strconv.Itoa(i%5 + 1)}, pk.SurveyItemField(s.Items[6].ID, -1): {secret[i]}}
		// The member answers signed in: their account must not stick either.
		if res := e.do(t, "member", "POST", "/s/"+l.Code, form); res.Status != 200 {
			t.Fatalf("answer %d: %d", i, res.Status)
		}
	}
	var seen []string
	for _, p := range []string{
		"/api/v1/partnerships/" + pid + "/surveys",
		"/api/v1/partnerships/" + pid + "/surveys/" + s.ID,
		"/api/v1/partnerships/" + pid + "/surveys/" + s.ID + "/links",
		"/api/v1/partnerships/" + pid + "/surveys/" + s.ID + "/results",
		"/api/v1/partnerships/" + pid + "/surveys/" + s.ID + "/answers.csv",
		"/api/v1/partnerships/" + pid + "/audit",
		"/api/v1/partnerships/" + pid + "/activity",
		"/p/" + pid + "/surveys/" + s.ID + "/links",
		"/p/" + pid + "/surveys/" + s.ID + "/results",
		"/p/" + pid + "/audit",
	} {
		res := e.do(t, "coordinator", "GET", p, nil)
		if res.Status != 200 {
			if res.Status == 404 {
				continue // a route this installation does not have
			}
			t.Fatalf("%s: %d", p, res.Status)
		}
		seen = append(seen, p+"\n"+res.Body)
	}
	all := strings.Join(seen, "\n")
	if !strings.Contains(all, secret[0]) {
		t.Fatal("the answers' words are nowhere: the test searches the wrong places")
	}
	for _, part := range seen {
		path, body, _ := strings.Cut(part, "\n")
		for i, l := range links {
			// The answer's words appear (results, export); nothing near
			// them may name their link.
			if strings.Contains(body, secret[i]) && (strings.Contains(body, l.ID) || strings.Contains(body, l.Label)) && !strings.Contains(path, "/links") {
				t.Errorf("%s: answer %d shown with its link", path, i)
			}
		}
		if strings.Contains(path, "/links") && strings.Contains(body, `"used":true`) {
			t.Errorf("%s: an anonymous survey's link says it was used", path)
		}
		if strings.Contains(path, "/audit") && strings.Contains(body, e.Member.ID) && strings.Contains(body, "survey.answer") {
			// The member's own other entries may name them; an answer's may not.
			for _, line := range strings.Split(body, "},{") {
				if strings.Contains(line, "survey.answer") && strings.Contains(line, e.Member.ID) {
					t.Errorf("%s: an anonymous answer's audit entry names its author: %s", path, line)
				}
			}
		}
	}
}
