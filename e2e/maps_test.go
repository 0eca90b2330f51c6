package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// A coordinator places a new actor on a power map with the form (no
// dragging needed), then finds it on the power map and in the Spectrum of
// Allies — once in English and once in Arabic.
func TestPlaceActorOnMaps(t *testing.T) {
	in := start(t, "--demo")
	b := browser(t)
	run(t, b,
		chromedp.Navigate(in.URL+"/signin"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "amina@demo.partnerkit.example"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "partnerkit-demo"),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("ul.cards")),
	)
	// Look up the partnership and a map with the page's own session.
	ids := get(t, b, chromedp.Evaluate[[]string](`(async () => {
		const ps = await (await fetch('/api/v1/partnerships')).json();
		const pid = ps.items[0].id;
		const ms = await (await fetch('/api/v1/partnerships/' + pid + '/maps')).json();
		return [pid, ms.items[0].id];
	})()`, chromedp.EvalAwaitPromise))
	pid, mid := ids[0], ids[1]
	for _, c := range []struct{ lang, name, wantDir string }{
		{"en", "Youth Parliament Speaker", "ltr"},
		{"ar", "مجلس الشباب العربي", "rtl"},
	} {
		// The language switcher's form, posted by the page itself.
		get(t, b, chromedp.Evaluate[int](`fetch('/language', {method: 'POST', body: new URLSearchParams({lang: '`+c.lang+`', next: '/'})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
		run(t, b,
			// A new actor in the register, through its form.
			chromedp.Navigate(in.URL+"/p/"+pid+"/actors/new"),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="`+c.lang+`"]`)),
			chromedp.SendKeys(chromedp.CSS("#f-name"), c.name),
			chromedp.SetValue(chromedp.CSS("#f-kind"), "individual"),
			chromedp.Submit(chromedp.CSS("#f-name")),
		)
		waitFlash(t, b, "flash.created")
		aid := strings.TrimPrefix(strings.SplitN(get(t, b, chromedp.Location()), "?", 2)[0], in.URL+"/p/"+pid+"/actors/")
		if aid == "" || strings.Contains(aid, "/") {
			t.Fatalf("%s: no actor page after creating the actor (%s)", c.lang, aid)
		}
		// Place it: a passive ally with high influence is a partner.
		run(t, b,
			chromedp.Navigate(in.URL+"/p/"+pid+"/maps/"+mid+"/powermap"),
			chromedp.WaitVisible(chromedp.CSS("#f-actor")),
			chromedp.SetValue(chromedp.CSS("#f-actor"), aid),
			chromedp.SetValue(chromedp.CSS("#f-support"), "1"),
			chromedp.SetValue(chromedp.CSS("#f-influence"), "4"),
			chromedp.Submit(chromedp.CSS("#f-actor")),
			chromedp.WaitVisible(chromedp.CSS(`g.actor[data-id="`+aid+`"]`)),
		)
		if dir := get(t, b, chromedp.AttributeValue(chromedp.CSS("html"), "dir")).Value; dir != c.wantDir {
			t.Fatalf("%s: dir %q", c.lang, dir)
		}
		point := get(t, b, chromedp.Attributes(chromedp.CSS(`g.actor[data-id="`+aid+`"]`)))
		if point["data-support"] != "1" || point["data-influence"] != "4" {
			t.Fatalf("%s: the point sits at %v", c.lang, point)
		}
		// Its row in the table names the strategy.
		row := get(t, b, chromedp.Evaluate[string](`[...document.querySelectorAll('main table tr')].map(r => r.innerText).find(t => t.includes(`+"`"+c.name+"`"+`)) || ''`))
		if row == "" {
			t.Fatalf("%s: the actor is not in the power map table", c.lang)
		}
		if c.lang == "en" && !strings.Contains(row, "Partner") {
			t.Fatalf("en: the table row says %q, want the Partner strategy", row)
		}
		// The spectrum shows it among the passive allies.
		run(t, b,
			chromedp.Navigate(in.URL+"/p/"+pid+"/maps/"+mid+"/spectrum"),
			chromedp.WaitVisible(chromedp.CSS("main svg")),
		)
		links := get(t, b, chromedp.Evaluate[string](`document.querySelector('main').innerText`))
		if !strings.Contains(links, c.name) {
			t.Fatalf("%s: %q is not on the spectrum page", c.lang, c.name)
		}
		// The picture may fold a crowded wedge into "+N more"; the page's
		// own list of passive allies must name it.
		segment := get(t, b, chromedp.Evaluate[string](`(() => {
			for (const h of document.querySelectorAll('main h3, main h2')) {
				const list = h.nextElementSibling && h.nextElementSibling.nextElementSibling;
				if (list && list.innerText.includes(`+"`"+c.name+"`"+`)) return h.innerText;
			}
			return '';
		})()`))
		if c.lang == "en" && !strings.HasPrefix(segment, "Passive allies") {
			t.Fatalf("en: the actor is listed under %q, want Passive allies", segment)
		}
	}
}

// With JavaScript, dragging an actor's point to another cell of the power
// map records a new assessment there.
func TestDragActorOnPowerMap(t *testing.T) {
	in := start(t, "--demo")
	b := browser(t)
	run(t, b,
		chromedp.Navigate(in.URL+"/signin"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "amina@demo.partnerkit.example"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "partnerkit-demo"),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("ul.cards")),
		chromedp.EmulateViewport(1200, 2400),
	)
	ids := get(t, b, chromedp.Evaluate[[]string](`(async () => {
		const ps = await (await fetch('/api/v1/partnerships')).json();
		const pid = ps.items[0].id;
		const ms = await (await fetch('/api/v1/partnerships/' + pid + '/maps')).json();
		return [pid, ms.items[0].id];
	})()`, chromedp.EvalAwaitPromise))
	pid, mid := ids[0], ids[1]
	run(t, b,
		chromedp.Navigate(in.URL+"/p/"+pid+"/maps/"+mid+"/powermap"),
		chromedp.WaitVisible(chromedp.CSS("figure.powermap.draggable svg g.actor")),
	)
	// Take the first actor and drop it on an empty-looking cell far from it:
	// the opposite corner of the map.
	move := get(t, b, chromedp.Evaluate[[]float64](`(() => {
		const g = document.querySelector('figure.powermap g.actor');
		g.closest('figure').scrollIntoView({block: 'start'});
		const s = +g.dataset.support, i = +g.dataset.influence;
		const ts = s > 0 ? -2 : 2, ti = i > 2 ? 1 : 5;
		const cell = document.querySelector('rect.cell[data-support="' + ts + '"][data-influence="' + ti + '"]');
		const a = g.querySelector('circle').getBoundingClientRect(), c = cell.getBoundingClientRect();
		return [a.x + a.width / 2, a.y + a.height / 2, c.x + c.width / 2, c.y + c.height / 2, ts, ti];
	})()`))
	aid := get(t, b, chromedp.AttributeValue(chromedp.CSS("figure.powermap g.actor"), "data-id")).Value
	// Press, move in steps and release, as a mouse (pointer events) would.
	steps := []chromedp.Action[chromedp.Void]{chromedp.MouseEvent(chromedp.MousePressed, move[0], move[1], chromedp.ButtonLeft, chromedp.ClickCount(1))}
	for i := 1; i <= 10; i++ {
		f := float64(i) / 10
		steps = append(steps, chromedp.MouseEvent(chromedp.MouseMoved, move[0]+(move[2]-move[0])*f, move[1]+(move[3]-move[1])*f, chromedp.ButtonLeft))
	}
	steps = append(steps, chromedp.MouseEvent(chromedp.MouseReleased, move[2], move[3], chromedp.ButtonLeft, chromedp.ClickCount(1)))
	run(t, b, steps...)
	// The page reloads after saving; the actor then sits in the new cell.
	want := `g.actor[data-id="` + aid + `"][data-support="` + itoa(int(move[4])) + `"][data-influence="` + itoa(int(move[5])) + `"]`
	run(t, b, chromedp.WaitVisible(chromedp.CSS(want)))
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	return string(rune('0' + n))
}
