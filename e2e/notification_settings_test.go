package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Jonas, on his phone, goes from his account page to his email settings,
// switches to a weekly digest and turns the overdue tasks off; after a
// reload the page shows his choice, in English and then in Arabic.
func TestPersonSwitchesToWeeklyAndTurnsAKindOff(t *testing.T) {
	in := start(t, "--demo")
	phone := browser(t)
	run(t, phone, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	signInAs(t, phone, in, "jonas@demo.partnerkit.example")
	run(t, phone, chromedp.Navigate(in.URL+"/account"), chromedp.WaitVisible(chromedp.CSS(`a[href="/account/notifications"]`)))
	run(t, phone, chromedp.Click(chromedp.CSS(`a[href="/account/notifications"]`)))
	waitUntil(t, phone, `document.querySelector('#f-frequency') !== null && document.readyState === 'complete'`)
	if v := get(t, phone, chromedp.Evaluate[string](`document.querySelector('#f-frequency').value`)); v != "daily" {
		t.Fatalf("the default is %q, want the daily digest", v)
	}
	set(t, phone, "#f-frequency", "weekly")
	overdue := `input[name="kind"][value="task.overdue"]`
	run(t, phone, chromedp.Click(chromedp.CSS(overdue)))
	run(t, phone, chromedp.Click(chromedp.CSS(`form[action="/account/notifications"] button[type=submit]`)))
	waitFlash(t, phone, "flash.saved")

	check := func(lang string) {
		t.Helper()
		run(t, phone, chromedp.Reload())
		waitUntil(t, phone, `document.querySelector('#f-frequency') !== null && document.readyState === 'complete'`)
		if v := get(t, phone, chromedp.Evaluate[string](`document.querySelector('#f-frequency').value`)); v != "weekly" {
			t.Errorf("%s: after reloading the frequency is %q", lang, v)
		}
		if get(t, phone, chromedp.Evaluate[bool](`document.querySelector('`+overdue+`').checked`)) {
			t.Errorf("%s: overdue tasks are still ticked", lang)
		}
		if !get(t, phone, chromedp.Evaluate[bool](`document.querySelector('input[name="kind"][value="task.assigned"]').checked`)) {
			t.Errorf("%s: tasks assigned were turned off too", lang)
		}
		if wide := get(t, phone, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); wide > phoneWidth {
			t.Errorf("%s: the settings are %d px wide on a %d px phone", lang, wide, phoneWidth)
		}
	}
	check("en")

	get(t, phone, chromedp.Evaluate[int](`fetch('/language', {method: 'POST', body: new URLSearchParams({lang: 'ar', next: '/'})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
	check("ar")
	if dir := get(t, phone, chromedp.Evaluate[string](`document.documentElement.dir`)); dir != "rtl" {
		t.Errorf("the Arabic page is %q", dir)
	}
	if h := text(t, phone, "main h1"); !strings.Contains(h, "إشعارات") {
		t.Errorf("the Arabic heading is %q", h)
	}
	if o := get(t, phone, chromedp.Evaluate[string](`document.querySelector('#f-frequency option[value="weekly"]').textContent`)); !strings.Contains(o, "أسبوعي") {
		t.Errorf("the weekly choice reads %q in Arabic", o)
	}
}
