package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// clickAll ticks every radio button or checkbox matching a CSS selector.
func clickAll(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	return get(t, ctx, chromedp.Evaluate[int](`(() => { let n = 0; for (const e of document.querySelectorAll('`+sel+`')) { e.checked = true; n++; } return n; })()`))
}

// A coordinator works through the Connect stage: the self-analysis, the
// start-up checklist, a theory of change, the form of collaboration, and one
// prospective partner taken to "agreed" and invited.
func TestCoordinatorWorksThroughConnect(t *testing.T) {
	in := start(t)
	b := browser(t)
	run(t, b, chromedp.Navigate(in.URL+"/signup"))
	signUp(t, b, "Rania Haddad", "rania@example.org")
	run(t, b,
		chromedp.Navigate(in.URL+"/p/new"),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Welcome Network"),
		chromedp.Submit(chromedp.CSS("#f-name")),
		chromedp.WaitVisible(chromedp.CSS("ul.stats")),
	)
	base, _, _ := strings.Cut(get(t, b, chromedp.Location()), "?")

	// 1. Self-analysis: one contribution, kept with its author.
	run(t, b,
		chromedp.Navigate(base+"/self-analysis"),
		chromedp.SetValue(chromedp.CSS("#n-motivation"), "Young newcomers want a say in city policy."),
		chromedp.Submit(chromedp.CSS("#n-motivation")),
	)
	waitFlash(t, b, "flash.saved")
	if page := text(t, b, "main"); !strings.Contains(page, "Young newcomers want a say in city policy.") || !strings.Contains(page, "Rania Haddad") {
		t.Fatal("the self-analysis does not show the contribution with its author")
	}

	// 2. Start-up checklist: yes to every question gives "ready".
	run(t, b, chromedp.Navigate(base+"/readiness"), chromedp.WaitVisible(chromedp.CSS("ol.checklist")))
	if n := clickAll(t, b, `input[type=radio][value=yes]`); n != 7 {
		t.Fatalf("%d yes buttons, want one for each of the seven questions", n)
	}
	run(t, b,
		chromedp.Click(chromedp.CSS(`form[action$="/readiness"] button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS("section.verdict.status-ready")),
	)

	// 3. Theory of change: a vision statement.
	run(t, b,
		chromedp.Navigate(base+"/theory-of-change"),
		chromedp.SetValue(chromedp.CSS("#f-level"), "vision"),
		chromedp.SendKeys(chromedp.CSS("#f-then"), "Young newcomers shape the decisions that affect them."),
		chromedp.Submit(chromedp.CSS("#f-then")),
		chromedp.WaitVisible(chromedp.CSS("li.statement")),
	)
	if st := text(t, b, "li.statement"); !strings.Contains(st, "shape the decisions") {
		t.Fatalf("statement shows %q", st)
	}

	// 4. The form: every attribute described as a network; adopt it.
	run(t, b, chromedp.Navigate(base+"/form-choice"), chromedp.WaitVisible(chromedp.CSS(`input[name^="continuum."]`)))
	if n := clickAll(t, b, `input[type=radio][name^="continuum."][value=network]`); n != 7 {
		t.Fatalf("%d network descriptions, want seven", n)
	}
	run(t, b,
		chromedp.Submit(chromedp.CSS(`input[name^="continuum."]`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/form-choice/adopt"] button`)),
		chromedp.Click(chromedp.CSS(`form[action$="/form-choice/adopt"] button`)),
	)
	waitFlash(t, b, "flash.form_adopted")
	run(t, b,
		chromedp.Navigate(base),
		chromedp.WaitVisible(chromedp.CSS("ul.stats")),
	)
	if facts := text(t, b, "main p.muted"); !strings.Contains(facts, "Network") {
		t.Fatalf("after adopting, the overview says %q", facts)
	}

	// 5. A prospect, with the message of what is in it for them, to agreed,
	// and an invitation sent from its page.
	run(t, b, chromedp.Navigate(base+"/prospects/new"), chromedp.WaitVisible(chromedp.CSS("#f-name")))
	get(t, b, chromedp.Evaluate[bool](`(() => { const s = document.querySelector('#f-user_id'); s.selectedIndex = 1; return true; })()`))
	run(t, b,
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Roma Youth Forum"),
		chromedp.SetValue(chromedp.CSS("#f-kind"), "organisation"),
		chromedp.SendKeys(chromedp.CSS("#f-contact_email"), "contact@romayouth.example.org"),
		chromedp.SendKeys(chromedp.CSS("#f-message"), "A seat at the table with the city's youth office."),
		chromedp.SetValue(chromedp.CSS("#f-status"), "identified"),
		chromedp.Submit(chromedp.CSS("#f-name")),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/status"]`)),
		chromedp.SetValue(chromedp.CSS(`form[action$="/status"] #f-status`), "agreed"),
		chromedp.Submit(chromedp.CSS(`form[action$="/status"] #f-status`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/invite"]`)),
	)
	if email := get(t, b, chromedp.Value(chromedp.CSS(`form[action$="/invite"] #f-email`))); email != "contact@romayouth.example.org" {
		t.Fatalf("the invitation form offers %q", email)
	}
	run(t, b, chromedp.Submit(chromedp.CSS(`form[action$="/invite"] #f-email`)))
	waitFlash(t, b, "flash.invitation_sent")
	if link := invitationLink(t, in, "contact@romayouth.example.org"); !strings.Contains(link, "/invitations/") {
		t.Fatalf("no invitation mail: %q", link)
	}
	if page := text(t, b, "main"); !strings.Contains(page, "contact@romayouth.example.org") {
		t.Fatal("the prospect page does not show the invitation")
	}
}
