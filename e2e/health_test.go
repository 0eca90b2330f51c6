package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Jonas (a member, for the City Youth Council) rates the open health check
// on a 360 px phone with a comment, finds his comment among the results
// without his name, then rates Syrian Diaspora Voices in the partner survey
// for his council, and the summary counts one more rater for it.
func TestMemberRatesTheHealthCheckAndPartnersOnAPhone(t *testing.T) {
	in := start(t, "--demo")
	phone := browser(t)
	run(t, phone, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	signInAs(t, phone, in, "jonas@demo.partnerkit.example")
	ids := get(t, phone, chromedp.Evaluate[[]string](`(async () => {
		const pid = (await (await fetch('/api/v1/partnerships')).json()).items[0].id;
		const rounds = (await (await fetch('/api/v1/partnerships/' + pid + '/health/rounds')).json()).items;
		const open = rounds.find(r => r.status === 'open');
		return open ? [pid, open.id] : [];
	})()`, chromedp.EvalAwaitPromise))
	if len(ids) != 2 {
		t.Fatalf("demo data: %v", ids)
	}
	pid, hrid := ids[0], ids[1]
	narrow := func(where string) {
		t.Helper()
		if wide := get(t, phone, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); wide > phoneWidth {
			t.Errorf("%s is %d px wide on a %d px phone", where, wide, phoneWidth)
		}
	}

	// From the health page to the round and its form.
	run(t, phone, chromedp.Navigate(in.URL+"/p/"+pid+"/health"), chromedp.WaitVisible(chromedp.CSS("figure.chart svg")))
	narrow("the health page")
	run(t, phone, chromedp.Click(chromedp.CSS(`a[href$="/health/rounds/`+hrid+`"]`)))
	waitUntil(t, phone, `document.querySelector('a[href$="/rate"]') !== null && document.readyState === 'complete'`)
	narrow("the round's results")
	run(t, phone, chromedp.Click(chromedp.CSS(`a[href$="/rate"]`)))
	waitUntil(t, phone, `document.querySelector('[id="f-ratings.19.score"]') !== null && document.readyState === 'complete'`)
	narrow("the rating form")
	if v := get(t, phone, chromedp.Evaluate[string](`document.querySelector('[id="f-ratings.19.score"]').value`)); v != "3" {
		t.Fatalf("his own earlier rating is not on the form: %q", v)
	}
	set(t, phone, `[id="f-ratings.19.score"]`, "5", `[id="f-ratings.19.comment"]`, "Since the spring we changed the meeting times for students.")
	run(t, phone, chromedp.Click(chromedp.CSS(`form[action$="/rate"] button[type=submit]`)))
	waitFlash(t, phone, "flash.saved")
	main := text(t, phone, "main")
	if !strings.Contains(main, "Since the spring we changed the meeting times for students.") {
		t.Error("his comment is not among the results")
	}
	if strings.Contains(main, "Jonas") {
		t.Error("the results name a rater")
	}

	// The partner survey, for the youth council.
	run(t, phone, chromedp.Navigate(in.URL+"/p/"+pid+"/trust"), chromedp.WaitVisible(chromedp.CSS(`form[action$="/trust"]`)))
	narrow("the partner survey")
	row := get(t, phone, chromedp.Evaluate[string](`(() => {
		const fs = [...document.querySelectorAll('form[action$="/trust"] fieldset')].find(f => f.querySelector('legend').textContent.includes('Syrian Diaspora Voices'));
		return fs ? fs.querySelector('input[type=hidden]').name.split('.')[1] : '';
	})()`))
	if row == "" {
		t.Fatal("no row for Syrian Diaspora Voices")
	}
	for _, item := range []string{"openness", "reliability", "mission", "power", "resources", "involvement"} {
		set(t, phone, `[id="f-ratings.`+row+`.`+item+`"]`, "3")
	}
	set(t, phone, `[id="f-ratings.`+row+`.intensity"]`, "cooperation")
	run(t, phone, chromedp.Click(chromedp.CSS(`form[action$="/trust"] button[type=submit]`)))
	waitFlash(t, phone, "flash.saved")
	run(t, phone, chromedp.Navigate(in.URL+"/p/"+pid+"/trust/summary"), chromedp.WaitVisible(chromedp.CSS("main table")))
	narrow("the survey's results")
	raters := get(t, phone, chromedp.Evaluate[string](`(() => {
		const tr = [...document.querySelectorAll('main table tr')].find(r => r.textContent.includes('Syrian Diaspora Voices'));
		return tr ? tr.querySelector('td').textContent.trim() : '';
	})()`))
	if raters != "3" {
		t.Errorf("Syrian Diaspora Voices rated by %q, want 3", raters)
	}
}
