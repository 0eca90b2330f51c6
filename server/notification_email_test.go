package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/mail"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A person chooses weekly mail, one partnership at once, a kind off, and
// their time zone on the page; the page shows it after the reload, and the
// API reads and patches the same settings.
func TestNotificationSettingsPageAndAPI(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		pid := e.Partnership.ID
		if page := e.do(t, "member", "GET", "/account", nil); !strings.Contains(page.Body, `href="/account/notifications"`) {
			t.Error("the account page does not link the settings")
		}
		page := e.do(t, "member", "GET", "/account/notifications", nil)
		if page.Status != 200 || !strings.Contains(page.Body, `name="partnerships.`+pid+`"`) || !strings.Contains(page.Body, e.Partnership.Name) ||
			!strings.Contains(page.Body, `value="task.overdue" type="checkbox" checked`) {
			t.Fatalf("settings page %d: %.2000s", page.Status, page.Body)
		}
		form := url.Values{"frequency": {"weekly"}, "time_zone": {"Asia/Beirut"}, "version": {"1"}, "partnerships." + pid: {"immediately"}}
		for _, k := range pk.EventKinds {
			if k != "task.overdue" {
				form.Add("kind", k)
			}
		}
		if res := e.do(t, "member", "POST", "/account/notifications", form); res.Status != http.StatusSeeOther {
			t.Fatalf("save: %d %.1000s", res.Status, res.Body)
		}
		page = e.do(t, "member", "GET", "/account/notifications", nil)
		for _, want := range []string{`<option value="weekly" selected>`, `value="Asia/Beirut"`, `<option value="immediately" selected>`,
			`value="task.overdue" type="checkbox">`, `value="task.assigned" type="checkbox" checked>`} {
			if !strings.Contains(page.Body, want) {
				t.Errorf("after saving, the page lacks %s", want)
			}
		}
		// A time zone nobody knows is refused beside its field; nothing changes.
		form.Set("time_zone", "Atlantis/Capital")
		form.Set("version", "2")
		res := e.do(t, "member", "POST", "/account/notifications", form)
		if res.Status != 422 || !strings.Contains(res.Body, `id="time_zone-error"`) {
			t.Errorf("bad zone: %d", res.Status)
		}

		// The API reads the same settings.
		var s pk.NotificationSettings
		res = e.do(t, "member", "GET", "/api/v1/me/notification-settings", nil)
		if err := json.Unmarshal([]byte(res.Body), &s); err != nil || s.Frequency != "weekly" || s.TimeZone != "Asia/Beirut" ||
			!slices.Equal(s.KindsOff, []string{"task.overdue"}) || s.Version != 2 {
			t.Fatalf("API settings %+v %v", s, err)
		}
		// PATCH keeps what it leaves out.
		res = e.do(t, "member", "PATCH", "/api/v1/me/notification-settings", `{"frequency":"daily"}`, "If-Match", "2")
		if err := json.Unmarshal([]byte(res.Body), &s); res.Status != 200 || err != nil || s.Frequency != "daily" || s.TimeZone != "Asia/Beirut" ||
			len(s.KindsOff) != 1 || s.Partnerships[0].Frequency != "immediately" {
			t.Fatalf("patch: %d %s", res.Status, res.Body)
		}
		for body, field := range map[string]string{
			`{"frequency":"hourly"}`:                          "frequency",
			`{"time_zone":"Atlantis/Capital"}`:                "time_zone",
			`{"kinds_off":["weather"]}`:                       "kinds_off",
			`{"partnerships":{"` + e.Other.ID + `":"daily"}}`: "partnerships." + e.Other.ID,
			`{"partnerships":{"` + pid + `":"fortnightly"}}`:  "partnerships." + pid,
		} {
			res := e.do(t, "member", "PATCH", "/api/v1/me/notification-settings", body, "If-Match", "3")
			if res.Status != 422 || !strings.Contains(res.Body, `"field":"`+field+`"`) {
				t.Errorf("%s: %d %s, want 422 naming %s", body, res.Status, res.Body, field)
			}
		}
		if res := e.do(t, "member", "PATCH", "/api/v1/me/notification-settings", `{"frequency":"off"}`, "If-Match", "1"); res.Status != 409 {
			t.Errorf("stale: %d", res.Status)
		}
		// null returns a partnership to the default.
		res = e.do(t, "member", "PATCH", "/api/v1/me/notification-settings", `{"partnerships":{"`+pid+`":null}}`, "If-Match", "3")
		if err := json.Unmarshal([]byte(res.Body), &s); err != nil || s.Partnerships[0].Frequency != "" || s.Frequency != "daily" {
			t.Errorf("null override: %d %s", res.Status, res.Body)
		}
		// Someone else's settings did not move.
		res = e.do(t, "observer", "GET", "/api/v1/me/notification-settings", nil)
		if err := json.Unmarshal([]byte(res.Body), &s); err != nil || s.Version != 1 || s.Frequency != "daily" {
			t.Errorf("the observer's settings: %s", res.Body)
		}
	})
}

// sentMail keeps what the mail jobs send.
type sentMail struct {
	mu   sync.Mutex
	sent []mail.Message
}

func (s *sentMail) Send(_ context.Context, m mail.Message) error {
	s.mu.Lock()
	s.sent = append(s.sent, m)
	s.mu.Unlock()
	return nil
}

// mailedLink runs the jobs and returns the path of the unsubscribe link of
// the last mail sent to who.
func mailedLink(t *testing.T, e *env, who *sqldbtest.Person) string {
	t.Helper()
	var out sentMail
	h := mail.NotificationHandlers(e.DB.Mail, bundle, "https://pk.example.org", &out)
	h[sqldb.EventsDerivedJob] = e.DB.Events.Derive
	for e.DB.Jobs.RunDueJobs(context.Background(), h, nil) > 0 {
	}
	link := ""
	for _, m := range out.sent {
		for _, hd := range m.Headers {
			if m.To == who.Email && hd.Name == "List-Unsubscribe" {
				link = strings.TrimSuffix(strings.TrimPrefix(hd.Value, "<https://pk.example.org"), ">")
			}
		}
	}
	if !strings.HasPrefix(link, "/unsubscribe/") {
		t.Fatalf("no unsubscribe link mailed to %s", who.Email)
	}
	return link
}

// The link in a mail stops that kind without signing in: shown first with
// a button, done by a one-click POST from another site (RFC 8058), again
// harmlessly; a forged link is not found, and the link acts for its own
// person only, whoever follows it.
func TestUnsubscribeLink(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		w.Clock.Set(time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC))
		if res := e.do(t, "observer", "PATCH", "/api/v1/me/notification-settings", `{"frequency":"immediately"}`, "If-Match", "1"); res.Status != 200 {
			t.Fatal(res.Body)
		}
		if _, err := w.DB.Tasks.CreateTask(w.Coordinator.Ctx, w.Partnership.ID, pk.TaskInput{PlanID: w.Plans().Plan.ID,
			Title: "Lock the hall", AssigneeID: w.Observer.ID}); err != nil {
			t.Fatal(err)
		}
		link := mailedLink(t, e, w.Observer)
		page := e.do(t, "", "GET", link, nil)
		if page.Status != 200 || !strings.Contains(page.Body, "Tasks for you") || !strings.Contains(page.Body, `action="`+link+`"`) ||
			page.Header.Get("Referrer-Policy") != "no-referrer" {
			t.Fatalf("unsubscribe page %d: %.1500s", page.Status, page.Body)
		}
		oneClick := url.Values{"List-Unsubscribe": {"One-Click"}}
		for range 2 {
			res := e.do(t, "", "POST", link, oneClick, "Sec-Fetch-Site", "cross-site", "Origin", "https://mail.example.net")
			if res.Status != 200 || !strings.Contains(res.Body, "no more emails about") {
				t.Fatalf("one-click: %d %.500s", res.Status, res.Body)
			}
		}
		var s pk.NotificationSettings
		json.Unmarshal([]byte(e.do(t, "observer", "GET", "/api/v1/me/notification-settings", nil).Body), &s)
		if !slices.Equal(s.KindsOff, []string{"task.assigned"}) || s.Frequency != "immediately" {
			t.Errorf("after unsubscribing: %+v", s)
		}
		// Followed by someone signed in as another person, it still acts
		// for its own person: the member's settings stay as they were.
		if res := e.do(t, "member", "POST", link, oneClick); res.Status != 200 {
			t.Errorf("signed in as another: %d", res.Status)
		}
		json.Unmarshal([]byte(e.do(t, "member", "GET", "/api/v1/me/notification-settings", nil).Body), &s)
		if len(s.KindsOff) != 0 || s.Version != 1 {
			t.Errorf("the member's settings changed: %+v", s)
		}
		token := strings.TrimPrefix(link, "/unsubscribe/")
		payload, sig, _ := strings.Cut(token, ".")
		other := "A"
		if sig[0] == 'A' {
			other = "B"
		}
		for _, forged := range []string{payload + "." + other + sig[1:], "bm9ib2R5fGQ." + sig, "nothing"} {
			for _, method := range []string{"GET", "POST"} {
				if res := e.do(t, "", method, "/unsubscribe/"+forged, oneClick); res.Status != 404 {
					t.Errorf("%s forged %s: %d", method, forged, res.Status)
				}
			}
		}
		// The bypass of cross-site protection is this route's alone.
		res := e.do(t, "member", "POST", "/account/notifications", url.Values{"frequency": {"off"}, "time_zone": {"UTC"}, "version": {strconv.Itoa(s.Version)}},
			"Sec-Fetch-Site", "cross-site")
		if res.Status != 403 {
			t.Errorf("a cross-site post of the settings: %d, want 403", res.Status)
		}
	})
}
