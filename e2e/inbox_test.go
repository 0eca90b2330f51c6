package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Amina, a coordinator, gives Jonas a task from the task form; Jonas, on
// his phone, sees the unread count on the envelope in the header, opens
// his inbox, follows the entry to the task, and the count drops by one.
func TestAssignedTaskReachesTheInbox(t *testing.T) {
	in := start(t, "--demo")
	amina := browser(t)
	pid := signInDemo(t, amina, in)
	jonas := browser(t)
	run(t, jonas, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	signInAs(t, jonas, in, "jonas@demo.partnerkit.example")
	unread := func() int {
		run(t, jonas, chromedp.Navigate(in.URL+"/"), chromedp.WaitVisible(chromedp.CSS(`a.inbox`)))
		return get(t, jonas, chromedp.Evaluate[int](`(() => { const c = document.querySelector('a.inbox .count'); return c ? parseInt(c.textContent, 10) : 0; })()`))
	}
	// Jonas starts from a read inbox: the badge stops counting at ten
	// ("9+"), and the count must be free to move.
	run(t, jonas, chromedp.Navigate(in.URL+"/inbox"), chromedp.WaitReady(chromedp.CSS(`main`)))
	if get(t, jonas, chromedp.Evaluate[bool](`!!document.querySelector('form[action="/inbox/read-all"] button')`)) {
		run(t, jonas, chromedp.Click(chromedp.CSS(`form[action="/inbox/read-all"] button`)))
		waitUntil(t, jonas, `document.readyState === 'complete' && !document.querySelector('form[action="/inbox/read-all"]')`)
	}
	before := unread()
	if before >= 9 {
		t.Fatalf("unread count %d after reading everything: it cannot move below the cap", before)
	}

	run(t, amina, chromedp.Navigate(in.URL+"/p/"+pid+"/tasks/new"), chromedp.WaitVisible(chromedp.CSS(`#f-title`)))
	if !get(t, amina, chromedp.Evaluate[bool](`(() => {
		const plan = document.querySelector('#f-plan_id');
		plan.value = plan.options[1].value;
		const who = document.querySelector('#f-assignee_id');
		const jonas = [...who.options].find(o => o.textContent.includes('Jonas'));
		if (!jonas) return false;
		who.value = jonas.value;
		return true;
	})()`)) {
		t.Fatal("Jonas is not offered as an assignee")
	}
	run(t, amina, chromedp.SendKeys(chromedp.CSS(`#f-title`), "Bring the banner to the hearing"))
	run(t, amina, chromedp.Click(chromedp.CSS(`form[action$="/tasks"] button[type=submit]`)))
	waitFlash(t, amina, "flash.task_saved")

	// The derive job runs after the write commits; the count follows.
	for deadline := time.Now().Add(stepTimeout); ; time.Sleep(200 * time.Millisecond) {
		if get(t, jonas, chromedp.Evaluate[bool](`fetch('/api/v1/me/notifications?unread=true&limit=200').then(r => r.json())
			.then(l => l.items.some(n => n.kind === 'task.assigned' && n.title.includes('Bring the banner')))`, chromedp.EvalAwaitPromise)) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("Jonas was not told of the task")
		}
	}
	now := unread()
	if now != before+1 {
		t.Fatalf("unread count %d, was %d", now, before)
	}
	label := get(t, jonas, chromedp.Evaluate[string](`document.querySelector('a.inbox').getAttribute('aria-label')`))
	if label == "" {
		t.Error("the envelope has no label")
	}
	run(t, jonas, chromedp.Click(chromedp.CSS(`a.inbox`)), chromedp.WaitVisible(chromedp.CSS(`ul.inbox`)))
	if wide := get(t, jonas, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); wide > phoneWidth {
		t.Errorf("the inbox is %d px wide on a %d px phone", wide, phoneWidth)
	}
	// Following the entry leads to the task in its plan and reads it.
	if !get(t, jonas, chromedp.Evaluate[bool](`(() => {
		const b = [...document.querySelectorAll('ul.inbox li.unread button.link')].find(b => b.textContent.includes('Bring the banner'));
		if (!b) return false;
		b.click();
		return true;
	})()`)) {
		t.Fatal("no unread entry for the task in the inbox")
	}
	waitUntil(t, jonas, `location.pathname.includes('/plans/') && document.readyState === 'complete' && document.body.textContent.includes('Bring the banner')`)
	if after := unread(); after != now-1 {
		t.Errorf("unread count %d after reading, want %d", after, now-1)
	}
}
