package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// With JavaScript a delete asks once, in the browser's prompt, and goes
// straight through (app.js adds confirm=yes); the actor lands in the bin,
// where the coordinator restores it.
func TestDeleteAsksOnceAndRestoreFromBin(t *testing.T) {
	in := start(t, "--demo")
	b := browser(t)
	run(t, b,
		chromedp.Navigate(in.URL+"/signin"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "amina@demo.partnerkit.example"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "partnerkit-demo"),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("ul.cards")),
	)
	ids := get(t, b, chromedp.Evaluate[[]string](`(async () => {
		const ps = await (await fetch('/api/v1/partnerships')).json();
		const pid = ps.items[0].id;
		const as = await (await fetch('/api/v1/partnerships/' + pid + '/actors?limit=1')).json();
		return [pid, as.items[0].id, as.items[0].name];
	})()`, chromedp.EvalAwaitPromise))
	pid, aid, name := ids[0], ids[1], ids[2]
	run(t, b,
		chromedp.Navigate(in.URL+"/p/"+pid+"/actors/"+aid),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/delete"] button.danger`)),
	)
	// The prompt is the browser's own; answer it yes. Without confirm=yes
	// added by app.js the server would answer with its confirmation page,
	// and no flash would follow.
	get(t, b, chromedp.Evaluate[bool](`(() => { window.confirm = () => true; return true; })()`))
	run(t, b, chromedp.Click(chromedp.CSS(`form[action$="/delete"] button.danger`)))
	waitFlash(t, b, "flash.actor_binned")
	if page := text(t, b, "main"); !strings.Contains(page, "It is in the bin") {
		t.Errorf("after the delete: %s", page)
	}
	run(t, b,
		chromedp.Navigate(in.URL+"/p/"+pid+"/bin"),
		chromedp.WaitVisible(chromedp.CSS("main table")),
	)
	if page := text(t, b, "main"); !strings.Contains(page, name) {
		t.Fatalf("the bin does not list %q: %s", name, page)
	}
	run(t, b,
		chromedp.Click(chromedp.CSS(`main table a`)),
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/restore"] button`)),
		chromedp.Click(chromedp.CSS(`form[action$="/restore"] button`)),
	)
	waitFlash(t, b, "flash.bin_restored")
	if h1 := text(t, b, "main h1"); !strings.Contains(h1, name) {
		t.Errorf("restore leads to %q, want the actor %q", h1, name)
	}
}
