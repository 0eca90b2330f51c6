package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// chartFacts is what the browser measures on one page's charts.
type chartFacts struct {
	Charts   int      `json:"charts"`
	Labels   int      `json:"labels"`
	Small    []string `json:"small"`    // labels rendered under 12 px: "text (size)"
	Overlaps []string `json:"overlaps"` // pairs of labels whose boxes overlap
	Wide     int      `json:"wide"`     // how far a chart's figure reaches past the viewport
	Unused   []string `json:"unused"`   // charts drawn on less than half of their box
}

// measureCharts reads every text of every chart in the page's main part as
// the reader sees it: the font size times the scale the SVG is drawn at
// (getScreenCTM), and the boxes (getBoundingClientRect) of any two texts
// of one chart that overlap by more than a pixel each way. Texts inside a
// closed <details> or a hidden element are not seen, so not measured.
const measureCharts = `(() => {
	const out = {charts: 0, labels: 0, small: [], overlaps: [], unused: [], wide: 0};
	const vw = document.documentElement.clientWidth;
	for (const svg of document.querySelectorAll('main figure svg')) {
		if (!svg.getClientRects().length) continue;
		out.charts++;
		const fig = svg.closest('figure').getBoundingClientRect();
		out.wide = Math.max(out.wide, Math.round(fig.right - vw), Math.round(-fig.left));
		const box = svg.getBoundingClientRect();
		const drawn = svg.getBBox();
		const m0 = svg.getScreenCTM();
		if (drawn.width * m0.a < box.width / 2) out.unused.push(svg.getAttribute('class') + ' ' + Math.round(drawn.width * m0.a) + '/' + Math.round(box.width));
		const seen = [];
		for (const t of svg.querySelectorAll('text')) {
			const s = t.textContent.trim();
			if (!s || !t.getClientRects().length) continue;
			out.labels++;
			const m = t.getScreenCTM();
			const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
			if (px < 11.95) out.small.push(s + ' (' + px.toFixed(1) + ')');
			const r = t.getBoundingClientRect();
			for (const o of seen) {
				const w = Math.min(r.right, o.r.right) - Math.max(r.left, o.r.left);
				const h = Math.min(r.bottom, o.r.bottom) - Math.max(r.top, o.r.top);
				if (w > 1 && h > 1) out.overlaps.push(o.s + ' / ' + s);
			}
			seen.push({s, r});
		}
	}
	return out;
})()`

// Every chart in the demo — power map, spectrum and its chart over time,
// network, theory of change, the timeline of plans — shows its text at 12 px or more and without
// overlapping labels, on a 360 px phone and a 1280 px desktop, in English
// and in Arabic; a chart's figure never reaches past the viewport (a wide drawing
// scrolls inside its own box).
func TestChartsReadable(t *testing.T) {
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
		const ms = await (await fetch('/api/v1/partnerships/' + pid + '/maps')).json();
		const is = await (await fetch('/api/v1/partnerships/' + pid + '/indicators')).json();
		return [pid, ms.items[0].id, is.items.find(i => i.kind === 'number').id];
	})()`, chromedp.EvalAwaitPromise))
	pid, mid, iid := ids[0], ids[1], ids[2]
	pages := []string{
		"/p/" + pid + "/maps/" + mid + "/powermap",
		"/p/" + pid + "/maps/" + mid + "/spectrum",
		"/p/" + pid + "/network",
		"/p/" + pid + "/theory-of-change",
		"/p/" + pid + "/plans",
		"/p/" + pid + "/indicators/" + iid,
	}
	for _, lang := range []string{"en", "ar"} {
		get(t, b, chromedp.Evaluate[int](`fetch('/language', {method: 'POST', body: new URLSearchParams({lang: '`+lang+`', next: '/'})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
		for _, width := range []int64{360, 1280} {
			run(t, b, chromedp.EmulateViewport(width, 800))
			for _, page := range pages {
				run(t, b,
					chromedp.Navigate(in.URL+page),
					chromedp.WaitVisible(chromedp.CSS(`html[lang="`+lang+`"] main`)),
				)
				f := get(t, b, chromedp.Evaluate[chartFacts](measureCharts))
				where := fmt.Sprintf("%s at %d px, %s", lang, width, page)
				if f.Charts == 0 || f.Labels == 0 {
					t.Errorf("%s: no chart with labels measured (%+v)", where, f)
				}
				if len(f.Small) > 0 {
					t.Errorf("%s: %d of %d labels under 12 px: %s", where, len(f.Small), f.Labels, strings.Join(first(f.Small, 8), "; "))
				}
				if len(f.Overlaps) > 0 {
					t.Errorf("%s: overlapping labels: %s", where, strings.Join(first(f.Overlaps, 8), "; "))
				}
				if f.Wide > 0 {
					t.Errorf("%s: a chart reaches %d px past the viewport", where, f.Wide)
				}
				if len(f.Unused) > 0 {
					t.Errorf("%s: charts drawn on less than half their width: %v", where, f.Unused)
				}
			}
		}
	}
}

func first(s []string, n int) []string { return s[:min(n, len(s))] }
