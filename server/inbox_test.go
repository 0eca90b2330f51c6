package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// notificationJSON is an item of /api/v1/me/notifications.
type notificationJSON struct {
	ID, Kind, Title, Summary, Path string
	PartnershipID                  string  `json:"partnership_id"`
	ReadAt                         *string `json:"read_at"`
	Version                        int
}

func myNotifications(t *testing.T, e *env, role, query string) []notificationJSON {
	t.Helper()
	res := e.do(t, role, "GET", "/api/v1/me/notifications"+query, nil)
	if res.Status != http.StatusOK {
		t.Fatalf("list: %d %s", res.Status, res.Body)
	}
	var l struct {
		Items []notificationJSON
	}
	if err := json.Unmarshal([]byte(res.Body), &l); err != nil {
		t.Fatal(err)
	}
	return l.Items
}

// The inbox page: the unread count in the header, the entries in the
// reader's language, opening one goes to its thing and marks it read,
// and marking all read empties the count.
func TestInboxPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	ctx := context.Background()
	task, err := e.DB.Tasks.CreateTask(e.Coordinator.Ctx, e.Partnership.ID, pk.TaskInput{PlanID: e.Plans().Plan.ID,
		Title: "Ring the youth council", AssigneeID: e.Observer.ID, Due: "2026-04-01"})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.DB.Events.Derive(ctx, nil); err != nil {
		t.Fatal(err)
	}
	unread, err := e.DB.Notifications.UnreadCount(e.Observer.Ctx)
	if err != nil || unread == 0 {
		t.Fatalf("unread %d %v", unread, err)
	}
	badge := strconv.Itoa(unread)
	if unread >= pk.MaxUnreadCounted {
		// The count stopped: the badge says so.
		badge = strconv.Itoa(pk.MaxUnreadCounted-1) + "+"
	}
	home := e.do(t, "observer", "GET", "/", nil) // html/template writes + as &#43;
	if !strings.Contains(home.Body, `href="/inbox"`) || !strings.Contains(home.Body, `<span class="count">`+strings.ReplaceAll(badge, "+", "&#43;")+`</span>`) {
		t.Errorf("the header shows no unread count %s", badge)
	}
	if anon := e.do(t, "", "GET", "/signin", nil); strings.Contains(anon.Body, `href="/inbox"`) {
		t.Error("an inbox link for nobody")
	}
	e.DB.Accounts.SetLanguage(e.Observer.Ctx, "fr")
	page := e.do(t, "observer", "GET", "/inbox", nil)
	if page.Status != http.StatusOK || !strings.Contains(page.Body, "Tâche pour vous : Ring the youth council") {
		t.Fatalf("inbox in French: %d %s", page.Status, page.Body)
	}
	// Someone else's page of the inbox shows none of it.
	if other := e.do(t, "member", "GET", "/inbox", nil); strings.Contains(other.Body, "Ring the youth council") {
		t.Error("the member sees the observer's task")
	}
	var nid string
	for _, n := range myNotifications(t, e, "observer", "") {
		if n.Kind == string(pk.EventTaskAssigned) && strings.Contains(n.Title, task.Title) {
			nid = n.ID
		}
	}
	if nid == "" {
		t.Fatal("no task.assigned in the API")
	}
	// Another person cannot open it.
	if res := e.do(t, "member", "POST", "/inbox/"+nid+"/open", url.Values{}); res.Status != http.StatusNotFound {
		t.Errorf("opening another's: %d", res.Status)
	}
	res := e.do(t, "observer", "POST", "/inbox/"+nid+"/open", url.Values{})
	if res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/p/"+e.Partnership.ID+"/plans/"+task.PlanID+"#tasks" {
		t.Fatalf("open: %d %s", res.Status, res.Header.Get("Location"))
	}
	if n, _ := e.DB.Notifications.UnreadCount(e.Observer.Ctx); n != unread-1 {
		t.Errorf("unread after opening %d, want %d", n, unread-1)
	}
	if res := e.do(t, "observer", "POST", "/inbox/read-all", url.Values{}); res.Status != http.StatusSeeOther {
		t.Fatalf("read all: %d", res.Status)
	}
	if n, _ := e.DB.Notifications.UnreadCount(e.Observer.Ctx); n != 0 {
		t.Errorf("unread after reading all %d", n)
	}
	if home := e.do(t, "observer", "GET", "/inbox?unread=1", nil); strings.Contains(home.Body, `<span class="count">`) {
		t.Error("a count shown with nothing unread")
	}
}

// The API: the list in the asker's language with the unread filter, PATCH
// with its version (stale: 409; none: 422), read-all, and another
// person's notification not found.
func TestNotificationsAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	e.DB.Accounts.SetLanguage(e.Member.Ctx, "ar")
	all := myNotifications(t, e, "member", "")
	unread := myNotifications(t, e, "member", "?unread=true")
	if len(all) == 0 || len(unread) != len(all) {
		t.Fatalf("all %d unread %d", len(all), len(unread))
	}
	n := all[0]
	if n.Title == "" || strings.HasPrefix(n.Title, "event.") || n.PartnershipID != e.Partnership.ID || !strings.HasPrefix(n.Path, "/p/") {
		t.Errorf("item %+v", n)
	}
	// Every entry links to a page its reader may open.
	for _, x := range all {
		page, _, _ := strings.Cut(x.Path, "#")
		if res := e.do(t, "member", "GET", page, nil); res.Status != http.StatusOK {
			t.Errorf("%s links to %s: %d", x.Kind, x.Path, res.Status)
		}
	}
	if res := e.do(t, "member", "GET", "/api/v1/me/notifications?unread=maybe", nil); res.Status != http.StatusUnprocessableEntity || !hasField(problem(t, res), "unread") {
		t.Errorf("a bad filter: %d %s", res.Status, res.Body)
	}
	path := "/api/v1/me/notifications/" + n.ID
	if res := e.do(t, "member", "PATCH", path, `{"read":true}`); res.Status != http.StatusUnprocessableEntity || !hasField(problem(t, res), "version") {
		t.Errorf("no version: %d %s", res.Status, res.Body)
	}
	if res := e.do(t, "observer", "PATCH", path, `{"read":true,"version":1}`); res.Status != http.StatusNotFound {
		t.Errorf("another's: %d", res.Status)
	}
	if res := e.do(t, "member", "PATCH", path, `{"read":`); res.Status != http.StatusBadRequest {
		t.Errorf("unparseable: %d", res.Status)
	}
	var got notificationJSON
	patchJSON(t, e, "member", path, `{"read":true,"version":`+strconv.Itoa(n.Version)+`}`, &got)
	if got.ReadAt == nil || got.Version != n.Version+1 {
		t.Errorf("after read: %+v", got)
	}
	if res := e.do(t, "member", "PATCH", path, `{"read":false,"version":`+strconv.Itoa(n.Version)+`}`); res.Status != http.StatusConflict {
		t.Errorf("stale: %d %s", res.Status, res.Body)
	}
	// Left out, read stays as it is.
	if res := e.do(t, "member", "PATCH", path, `{}`, "If-Match", strconv.Itoa(got.Version)); res.Status != http.StatusOK || !strings.Contains(res.Body, `"read_at":"`) {
		t.Errorf("an empty patch: %d %s", res.Status, res.Body)
	}
	if left := myNotifications(t, e, "member", "?unread=true"); len(left) != len(all)-1 {
		t.Errorf("unread after one read: %d of %d", len(left), len(all))
	}
	res := e.do(t, "member", "POST", "/api/v1/me/notifications/read-all", nil)
	if res.Status != http.StatusOK || !strings.Contains(res.Body, `"marked":`+strconv.Itoa(len(all)-1)) {
		t.Errorf("read all: %d %s", res.Status, res.Body)
	}
	if left := myNotifications(t, e, "member", "?unread=true"); len(left) != 0 {
		t.Errorf("%d unread after reading all", len(left))
	}
	if res := e.do(t, "", "GET", "/api/v1/me/notifications", nil); res.Status != http.StatusUnauthorized {
		t.Errorf("nobody: %d", res.Status)
	}
}
