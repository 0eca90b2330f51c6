package server_test

import (
	"fmt"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/demo"
)

// The tasks page of a coalition with hundreds of people and tasks shows one
// page of tasks that says more follow and links to them with its filter,
// and offers a bounded list of people that says so; a name search reaches
// the others, and a person chosen beyond the bound stays chosen.
func TestTasksPageIsBoundedAndReachesTheRest(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a seeded coalition")
	}
	q := newQueryWorld(t, demo.Large.Divide(10))
	pid := q.Partnership.ID
	page := "/p/" + pid + "/tasks"
	cards := regexp.MustCompile(`action="/p/` + pid + `/tasks/([a-z0-9]+)/status"`)
	ids := func(body string) []string {
		var out []string
		for _, m := range cards.FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}

	res := q.do(t, "coordinator", "GET", page+"?status=todo", nil)
	first := ids(res.Body)
	if res.Status != 200 || len(first) != pk.DefaultPageSize {
		t.Fatalf("%d: %d tasks on the first page, want %d", res.Status, len(first), pk.DefaultPageSize)
	}
	if !strings.Contains(res.Body, fmt.Sprintf("%d tasks are shown here; the next page holds more.", pk.DefaultPageSize)) {
		t.Error("the page does not say that more tasks follow")
	}
	next := regexp.MustCompile(`href="\?([^"]*)" rel="next"`).FindStringSubmatch(res.Body)
	if next == nil {
		t.Fatal("no link to the next page")
	}
	link, err := url.ParseQuery(html.UnescapeString(next[1]))
	if err != nil || link.Get("status") != "todo" || link.Get("cursor") == "" {
		t.Fatalf("the next page's link %q does not keep the filter (%v)", next[1], err)
	}
	res = q.do(t, "coordinator", "GET", page+"?"+link.Encode(), nil)
	second := ids(res.Body)
	if res.Status != 200 || len(second) == 0 || slices.Contains(first, second[0]) {
		t.Errorf("%d: the next page shows %d tasks, the first %v", res.Status, len(second), second[:min(1, len(second))])
	}
	if strings.Contains(res.Body, `selected>Done</option>`) {
		t.Error("the next page lost the status filter")
	}

	members, err := q.DB.Members.Members(q.Coordinator.Ctx, pid)
	if err != nil || len(members.People) <= pk.MaxMemberChoices {
		t.Fatalf("the coalition has %d people (%v); the test needs more than %d", len(members.People), err, pk.MaxMemberChoices)
	}
	res = q.do(t, "coordinator", "GET", page, nil)
	if got := len(selectOptions(t, res.Body, "q-person")); got != pk.MaxMemberChoices {
		t.Errorf("the filter offers %d people, want %d", got, pk.MaxMemberChoices)
	}
	if !strings.Contains(res.Body, fmt.Sprintf("offer the first %d people and organisations", pk.MaxMemberChoices)) {
		t.Error("the page does not say its people are cut")
	}
	last := members.People[len(members.People)-1]
	res = q.do(t, "coordinator", "GET", page+"?find="+url.QueryEscape(last.Name), nil)
	if opts := selectOptions(t, res.Body, "q-person"); !slices.Contains(opts, last.UserID) || len(opts) > 10 {
		t.Errorf("searching %q offers %d people, %s among them: %v", last.Name, len(opts), last.UserID, slices.Contains(opts, last.UserID))
	}
	res = q.do(t, "coordinator", "GET", page+"?assignee_id="+last.UserID, nil)
	if !strings.Contains(res.Body, `<option value="`+last.UserID+`" selected>`) {
		t.Errorf("%s, chosen beyond the first %d, is not shown chosen", last.Name, pk.MaxMemberChoices)
	}
	for _, id := range ids(res.Body) {
		task, err := q.DB.Tasks.Task(q.Coordinator.Ctx, pid, id)
		if err != nil || task.AssigneeID != last.UserID {
			t.Errorf("task %s of someone else in %s's list (%v)", id, last.Name, err)
		}
	}
}
