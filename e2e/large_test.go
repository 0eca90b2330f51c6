package e2e

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// On the large demonstration the lists that would run to thousands come a
// part at a time, and the pages that cut them still fit a 360 px phone in
// English and Arabic: the tasks (50 a page, the filter's first 100 people
// and organisations with a name search), a meeting (its forms' bounded
// choices), the power map and spectrum of 500 actors, the new tactic's page
// and the network's picture of the 300 most connected.
func TestLargeCoalitionFitsAPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the large demonstration")
	}
	// Loaded first, without start's time limit, into the folder the
	// server then serves.
	data := t.TempDir()
	if out, err := exec.Command(binary, "demo", "--size", "large", "--data", data).CombinedOutput(); err != nil {
		t.Fatalf("demo --size large: %v\n%s", err, out)
	}
	in := start(t, "--data", data)
	b := browser(t)
	run(t, b, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	pid := signInDemo(t, b, in)
	api := "/api/v1/partnerships/" + pid
	first := func(list string) string {
		return get(t, b, chromedp.Evaluate[string](`fetch('`+api+list+`').then(r => r.json()).then(l => l.items[0].id)`, chromedp.EvalAwaitPromise))
	}
	meeting, mapID := first("/meetings"), first("/maps")
	text := func() string { return get(t, b, chromedp.Evaluate[string](`document.querySelector('main').innerText`)) }
	for _, lang := range []string{"en", "ar"} {
		get(t, b, chromedp.Evaluate[int](`fetch('/language', {method: 'POST', body: new URLSearchParams({lang: '`+lang+`', next: '/'})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
		for _, path := range []string{"/p/" + pid + "/tasks", "/p/" + pid + "/meetings/" + meeting, "/p/" + pid + "/maps/" + mapID + "/powermap",
			"/p/" + pid + "/maps/" + mapID + "/spectrum", "/p/" + pid + "/maps/" + mapID + "/tactics/new", "/p/" + pid + "/network"} {
			run(t, b, chromedp.Navigate(in.URL+path), chromedp.WaitVisible(chromedp.CSS("main")))
			checkPage(t, b, path, lang, "")
			if strings.HasSuffix(path, "/tasks") {
				// A page of tasks, its link to the next, and a name search
				// beside the cut choices of people and organisations.
				count := func(css string) int {
					return get(t, b, chromedp.Evaluate[int](`document.querySelectorAll('`+css+`').length`))
				}
				cards, next, find := count("ul.cards > li"), count("a[rel=next]"), count("input#q-find")
				if cards != 50 || next != 1 || find != 1 {
					t.Errorf("%s %s: %d tasks, %d next links, %d name searches; want 50, 1, 1", lang, path, cards, next, find)
				}
			}
			if strings.HasSuffix(path, "/network") && lang == "en" && !strings.Contains(text(), "300") {
				t.Errorf("the network page does not say it draws the 300 most connected: %.300s", text())
			}
		}
	}
}
