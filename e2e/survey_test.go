package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The coordinator makes a code for the demo's football survey on a phone;
// someone without an account opens the link on a 360 px phone, in Arabic,
// leaves the required question out and is told so beside it, answers, and
// is thanked; the results page then counts the answer.
func TestSurveyAnsweredWithoutAnAccount(t *testing.T) {
	axe := axeScript(t)
	in := start(t, "--demo")
	b := browser(t)
	run(t, b, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	pid := signInDemo(t, b, in)
	svid := get(t, b, chromedp.Evaluate[string](`fetch('/api/v1/partnerships/`+pid+`/surveys').then(r => r.json())
		.then(ss => ss.items.find(s => s.title.startsWith('Youth football workshop')).id)`, chromedp.EvalAwaitPromise))
	links := "/p/" + pid + "/surveys/" + svid + "/links"
	run(t, b, chromedp.Navigate(in.URL+links))
	waitUntil(t, b, `document.querySelector('#batch-h') !== null && document.readyState === 'complete'`)
	checkPage(t, b, links, "en", axe)
	run(t, b,
		chromedp.SetValue(chromedp.CSS(`#f-count`), "1"),
		chromedp.SetValue(chromedp.CSS(`#f-label`), "Late arrival"),
		chromedp.Submit(chromedp.CSS(`#f-count`)))
	waitUntil(t, b, `document.querySelector('#made-h') !== null && document.readyState === 'complete'`)
	code := strings.TrimSpace(text(t, b, "#made-h ~ table code"))
	if len(code) != 16 {
		t.Fatalf("code %q", code)
	}

	// The respondent: another browser, no account, Arabic.
	r := browser(t)
	run(t, r, chromedp.EmulateViewport(phoneWidth, phoneHeight), chromedp.Navigate(in.URL+"/s/"+code))
	waitUntil(t, r, `document.querySelector('form[action^="/s/"]') !== null && document.readyState === 'complete'`)
	run(t, r, chromedp.Click(chromedp.CSS(`form.lang button[value="ar"]`)))
	waitUntil(t, r, `document.documentElement.dir === 'rtl' && document.readyState === 'complete'`)
	checkPage(t, r, "/s/{code}", "ar", axe)
	run(t, r, chromedp.Click(chromedp.CSS(`form[action^="/s/"] button[type=submit]`)))
	waitUntil(t, r, `document.querySelector('.field-error') !== null && document.readyState === 'complete'`)
	if msg := text(t, r, ".field-error"); !strings.Contains(msg, "يرجى الإجابة") {
		t.Fatalf("refusal: %s", msg)
	}
	run(t, r,
		chromedp.Click(chromedp.CSS(`fieldset.choice input[type=radio][value="5"]`)),
		chromedp.SendKeys(chromedp.CSS(`textarea`), "ملعب أكبر"),
		chromedp.Click(chromedp.CSS(`form[action^="/s/"] button[type=submit]`)))
	waitUntil(t, r, `document.querySelector('main h1') !== null && document.querySelector('form[action^="/s/"]') === null && document.readyState === 'complete'`)
	if h := text(t, r, "main h1"); !strings.Contains(h, "شكرًا") {
		t.Fatalf("after answering: %s", h)
	}

	results := "/p/" + pid + "/surveys/" + svid + "/results"
	run(t, b, chromedp.Navigate(in.URL+results))
	waitUntil(t, b, `document.querySelector('main h2') !== null && document.readyState === 'complete'`)
	if h := text(t, b, "main section h2"); !strings.Contains(h, "24 answers") {
		t.Fatalf("results: %s", h)
	}
	if body := text(t, b, "main"); !strings.Contains(body, "ملعب أكبر") {
		t.Fatalf("the answer's words are not in the results")
	}
	checkPage(t, b, results, "en", axe)
}
