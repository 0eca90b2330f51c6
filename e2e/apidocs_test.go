package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// The API reference fits a 360 px phone in English and Arabic, and its
// language switcher works without script.
func TestAPIDocsFitAPhone(t *testing.T) {
	in := start(t)
	b := browser(t)
	run(t, b, chromedp.EmulateViewport(360, 800), chromedp.Navigate(in.URL+"/api/docs"), chromedp.WaitVisible(chromedp.CSS("article.card")))
	fits := func(lang string) {
		t.Helper()
		if w := get(t, b, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); w > 360 {
			t.Errorf("%s: the page is %d px wide on a 360 px phone", lang, w)
		}
	}
	fits("en")
	run(t, b, chromedp.Click(chromedp.CSS(`form.lang button[value=ar]`)), chromedp.WaitVisible(chromedp.CSS(`html[dir=rtl] article.card`)))
	fits("ar")
}
