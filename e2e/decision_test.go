package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Three members of the action group vote on the open Gradients of
// Agreement proposal, each in a browser of their own (in Arabic, English
// and French); the coordinator closes voting and sees the outcome the
// rules computed, with the distribution of the gradients.
func TestThreeMembersVoteAndTheCoordinatorSeesTheOutcome(t *testing.T) {
	in := start(t, "--demo")
	amina := browser(t)
	pid := signInDemo(t, amina, in)
	prid := get(t, amina, chromedp.Evaluate[string](`fetch('/api/v1/partnerships/`+pid+`/proposals').then(r => r.json())
		.then(l => l.items.find(p => p.status === 'open' && p.method === 'gradients').id)`, chromedp.EvalAwaitPromise))
	page := in.URL + "/p/" + pid + "/decisions/proposals/" + prid
	for _, v := range []struct{ email, choice string }{
		{"leila@demo.partnerkit.example", "endorse"},
		{"jonas@demo.partnerkit.example", "agree_minor"},
		{"chloe@demo.partnerkit.example", "support_reservations"},
	} {
		b := browser(t)
		signInAs(t, b, in, v.email)
		run(t, b,
			chromedp.Navigate(page),
			chromedp.WaitVisible(chromedp.CSS(`form[action$="/ballots"]`)),
			chromedp.Click(chromedp.CSS(`input[name=choice][value=`+v.choice+`]`)),
			chromedp.Click(chromedp.CSS(`form[action$="/ballots"] button[type=submit]`)),
			chromedp.WaitVisible(chromedp.CSS(`#voted`)),
		)
		// Results come after close: a voter sees none yet.
		if got := text(t, b, "#results"); strings.Contains(got, "3") && strings.Contains(got, "/") {
			t.Fatalf("%s sees results before close: %q", v.email, got)
		}
	}
	run(t, amina, chromedp.Navigate(page), chromedp.WaitVisible(chromedp.CSS(`#ballots-cast`)))
	if got := text(t, amina, "#ballots-cast"); !strings.HasPrefix(strings.TrimSpace(got), "3 / 3") {
		t.Fatalf("ballots cast: %q", got)
	}
	run(t, amina,
		chromedp.Click(chromedp.CSS(`form[action$="/close"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#status .badge`)),
	)
	if got := text(t, amina, "#status"); !strings.Contains(got, "passed") {
		t.Fatalf("outcome: %q", got)
	}
	if got := text(t, amina, "#results"); !strings.Contains(got, "Whole-hearted endorsement") || !strings.Contains(got, "3 of 3 voted") {
		t.Fatalf("tally: %q", got)
	}
	// The decision is in the log.
	run(t, amina, chromedp.Navigate(in.URL+"/p/"+pid+"/decisions/log"), chromedp.WaitVisible(chromedp.CSS("table")))
	if got := text(t, amina, "main"); !strings.Contains(got, "Our five demands for the spring youth hearing") {
		t.Fatal("the decision log does not list the decision")
	}
}
