package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// On a phone, the coordinator opens the action group's meeting in
// progress, sees the open proposal on its agenda, and records the vote
// taken in the room: three hands with two present is refused beside the
// form; two yes is recorded, the outcome computed, and the decision listed
// among those taken at the meeting, linking to the decision's page, which
// names the meeting.
func TestRoomVoteOnAPhone(t *testing.T) {
	axe := axeScript(t)
	in := start(t, "--demo")
	b := browser(t)
	run(t, b, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	pid := signInDemo(t, b, in)
	mid := get(t, b, chromedp.Evaluate[string](`fetch('/api/v1/partnerships/`+pid+`/meetings').then(r => r.json())
		.then(ms => ms.items.find(m => m.title === 'Action group: getting to the hearing').id)`, chromedp.EvalAwaitPromise))
	page := "/p/" + pid + "/meetings/" + mid
	run(t, b, chromedp.Navigate(in.URL+page))
	waitUntil(t, b, `document.querySelector('#room-h') !== null && document.readyState === 'complete'`)
	if agenda := text(t, b, "ol.agenda"); !strings.Contains(agenda, "A welcome team of four at the door") || !strings.Contains(agenda, "passed") {
		t.Fatalf("agenda: %s", agenda)
	}
	get(t, b, chromedp.Evaluate[bool](`(() => {
		const f = document.querySelector('form[action$="/decisions"]');
		f.closest('details').open = true;
		f.querySelector('input[name="counts.yes"]').value = '3';
		return true;
	})()`))
	checkPage(t, b, page, "en", axe)
	run(t, b, chromedp.Click(chromedp.CSS(`form[action$="/decisions"] button[type=submit]`)))
	waitUntil(t, b, `document.querySelector('.field-error') !== null && document.readyState === 'complete'`)
	if msg := text(t, b, "details[open] .field-error"); !strings.Contains(msg, "3 hands counted, but only 2") {
		t.Fatalf("refusal: %s", msg)
	}
	get(t, b, chromedp.Evaluate[bool](`(() => {
		const f = document.querySelector('form[action$="/decisions"]');
		f.querySelector('input[name="counts.yes"]').value = '2';
		return true;
	})()`))
	run(t, b, chromedp.Click(chromedp.CSS(`form[action$="/decisions"] button[type=submit]`)))
	waitFlash(t, b, "flash.saved")
	taken := text(t, b, "#taken-h + ul")
	if !strings.Contains(taken, "A welcome team of four at the door") || !strings.Contains(taken, "show of hands in the room") {
		t.Fatalf("decisions taken: %s", taken)
	}
	get(t, b, chromedp.Evaluate[bool](`(() => { [...document.querySelectorAll('#taken-h + ul a')].find(a => a.textContent.includes('welcome team')).click(); return true; })()`))
	waitUntil(t, b, `location.pathname.includes('/decisions/log/') && document.readyState === 'complete'`)
	if facts := text(t, b, "dl.facts"); !strings.Contains(facts, "Action group: getting to the hearing") || !strings.Contains(facts, "passed") {
		t.Fatalf("decision page: %s", facts)
	}
}
