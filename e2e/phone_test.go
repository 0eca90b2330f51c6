package e2e

import (
	"context"
	"net/url"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// The phone every page must fit: a small Android in portrait.
const (
	phoneWidth  = 360
	phoneHeight = 780
	// maxHeader is the most of the first screen the header and the
	// partnership's navigation may take together.
	maxHeader = 120
	// maxPages bounds the crawl in each language; the demo has fewer page
	// kinds than this, so reaching it means the crawl went astray.
	maxPages = 200
)

// Every page a coordinator reaches from the demo overview fits a 360 px
// phone in English, Arabic and French: the page never scrolls sideways, no text
// is cut off, the header leaves the first screen to the content, and
// axe-core finds nothing (when PARTNERKIT_AXE_JS names its script).
func TestEveryPageFitsAPhone(t *testing.T) {
	axe := axeScript(t)
	in := start(t, "--demo")
	b := browser(t)
	run(t, b, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	pid := signInDemo(t, b, in)
	for _, lang := range []string{"en", "ar", "fr"} {
		get(t, b, chromedp.Evaluate[int](`fetch('/language', {method: 'POST', body: new URLSearchParams({lang: '`+lang+`', next: '/'})}).then(r => r.status)`, chromedp.EvalAwaitPromise))
		var header, content float64
		pages := crawl(t, b, in.URL, "/p/"+pid, lang, func(path string) {
			m := checkPage(t, b, path, lang, axe)
			header, content = max(header, m.HeaderEnd), max(content, m.ContentTop)
		})
		t.Logf("%s: %d pages checked; the tallest header ends at %v px, the lowest content starts at %v px", lang, pages, header, content)
	}
}

// signInDemo signs the demo coordinator in and returns the ID of the demo
// partnership.
func signInDemo(t *testing.T, b context.Context, in *instance) string {
	t.Helper()
	run(t, b,
		chromedp.Navigate(in.URL+"/signin"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "amina@demo.partnerkit.example"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "partnerkit-demo"),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("ul.cards")),
	)
	return get(t, b, chromedp.Evaluate[string](`fetch('/api/v1/partnerships').then(r => r.json()).then(ps => ps.items[0].id)`, chromedp.EvalAwaitPromise))
}

// On a phone the partnership's sections wait behind one menu button, which
// opens by itself (a <details>, no script involved) and leads to a
// section; on a wide screen they show in a row with no button, even when
// the menu is closed (the stylesheet alone shows them).
func TestPhoneMenu(t *testing.T) {
	in := start(t, "--demo")
	b := browser(t)
	run(t, b, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	pid := signInDemo(t, b, in)
	const members = `document.querySelector('details.menu a[href$="/members"]')`
	shown := func(el string) bool {
		return get(t, b, chromedp.Evaluate[bool](el+`.checkVisibility()`))
	}
	run(t, b, chromedp.Navigate(in.URL+"/p/"+pid+"/maps"), chromedp.WaitVisible(chromedp.CSS("details.menu summary")))
	if shown(members) {
		t.Fatal("phone: the sections show before the menu is opened")
	}
	run(t, b, chromedp.Click(chromedp.CSS("details.menu summary")))
	if !shown(members) {
		t.Fatal("phone: the menu did not open")
	}
	if bottom := get(t, b, chromedp.Evaluate[float64](members+`.getBoundingClientRect().bottom`)); bottom > phoneHeight {
		t.Fatalf("phone: the opened menu reaches %v px, below the first screen", bottom)
	}
	run(t, b, chromedp.Click(chromedp.CSS(`details.menu a[href$="/members"]`)))
	waitUntil(t, b, `location.pathname.endsWith('/members') && document.readyState === 'complete'`)
	if shown(members) {
		t.Fatal("phone: the menu is still open on the next page")
	}

	run(t, b,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Navigate(in.URL+"/p/"+pid+"/maps"),
		chromedp.WaitReady(chromedp.CSS("details.menu")),
	)
	get(t, b, chromedp.Evaluate[bool](`document.querySelector('details.menu').open = false`))
	if !shown(members) {
		t.Fatal("wide screen: the sections are hidden while the menu is closed")
	}
	if shown(`document.querySelector('details.menu summary')`) {
		t.Fatal("wide screen: the menu button shows beside the sections")
	}
}

// crawl visits the pages reachable from start by same-site links, one page
// of each kind (paths with their record IDs and query values blanked out),
// and calls check on each. It follows GET links only, skips downloads and
// the API, and stops at maxPages.
func crawl(t *testing.T, b context.Context, base, start, lang string, check func(path string)) int {
	t.Helper()
	seen := map[string]bool{}
	queue := []string{start}
	visited := 0
	for len(queue) > 0 {
		path := queue[0]
		queue = queue[1:]
		if visited == maxPages {
			t.Fatalf("%s: more than %d kinds of pages; the crawl went astray (next was %s)", lang, maxPages, path)
		}
		visited++
		run(t, b,
			chromedp.Navigate(base+path),
			chromedp.WaitReady(chromedp.CSS("body")),
		)
		if got := get(t, b, chromedp.Evaluate[string](`document.documentElement.lang`)); got != lang {
			t.Fatalf("%s: page is in %q", path, got)
		}
		check(path)
		// Links a person could follow: same origin, not a download, not
		// the API or a static file (a download has no layout to check).
		links := get(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll('a[href]')]
			.filter(a => a.origin === location.origin && !a.hasAttribute('download'))
			.map(a => a.pathname + a.search)`))
		for _, l := range links {
			k := pageKind(l)
			if k == "" || seen[k] {
				continue
			}
			seen[k] = true
			queue = append(queue, l)
		}
	}
	return visited
}

var recordID = regexp.MustCompile(`^[a-z2-7]{20}$`)

// pageKind names the kind of page a link leads to: its path with record
// IDs blanked out and its query's names without their values, so that one
// actor stands for all actors and one sort order for all. It is "" for
// links the crawl must not follow.
func pageKind(link string) string {
	u, err := url.Parse(link)
	if err != nil {
		return ""
	}
	p := u.Path
	if strings.HasPrefix(p, "/api/") || strings.HasPrefix(p, "/static/") || p == "/healthz" ||
		strings.HasPrefix(p, "/invitations/") {
		return ""
	}
	for _, ext := range []string{".csv", ".xlsx", ".json", ".gexf", ".graphml", ".ics", ".svg", ".zip"} {
		if strings.HasSuffix(p, ext) {
			return ""
		}
	}
	segs := strings.Split(p, "/")
	for i, s := range segs {
		if recordID.MatchString(s) {
			segs[i] = "{id}"
		}
	}
	var names []string
	for n := range u.Query() {
		if n == "flash" {
			continue
		}
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(segs, "/") + "?" + strings.Join(names, "&")
}

// checkPage measures the page on the phone. The script names every element
// that sticks out of the page, every element whose text is cut off, and
// where the header ends and the content starts.
func checkPage(t *testing.T, b context.Context, path, lang, axe string) measure {
	t.Helper()
	m := get(t, b, chromedp.Evaluate[measure](measureScript))
	where := lang + " " + path
	if m.Viewport != phoneWidth {
		t.Fatalf("%s: the viewport is %v px wide, want %d", where, m.Viewport, phoneWidth)
	}
	if m.ScrollWidth > m.Viewport {
		t.Errorf("%s: the page is %v px wide on a %v px phone; sticking out: %s", where, m.ScrollWidth, m.Viewport, strings.Join(m.Wide, "; "))
	}
	if len(m.Clipped) > 0 {
		t.Errorf("%s: text cut off in %s", where, strings.Join(m.Clipped, "; "))
	}
	if m.HeaderEnd > maxHeader {
		t.Errorf("%s: the header takes %v px of the phone's first screen, want at most %d", where, m.HeaderEnd, maxHeader)
	}
	if m.ContentTop >= phoneHeight {
		t.Errorf("%s: the content starts %v px down, below the first screen (%d px)", where, m.ContentTop, phoneHeight)
	}
	if axe != "" {
		for _, v := range axeViolations(t, b, axe) {
			t.Errorf("%s: axe-core: %s", where, v)
		}
	}
	return m
}

// measure is what measureScript finds on a page.
type measure struct {
	ScrollWidth float64  `json:"scrollWidth"`
	Viewport    float64  `json:"viewport"`
	Wide        []string `json:"wide"`
	Clipped     []string `json:"clipped"`
	HeaderEnd   float64  `json:"headerEnd"`
	ContentTop  float64  `json:"contentTop"`
}

// measureScript runs in the page. An element "sticks out" when its box
// passes either edge of the viewport while its parent's does not (so only
// the culprit is named) and no ancestor scrolls or clips it. Text is "cut
// off" when an element that hides its overflow holds more text than it
// shows; visually hidden text for screen readers (1 px boxes) is meant to be.
const measureScript = `(() => {
	const vw = document.documentElement.clientWidth;
	const name = el => {
		let s = el.tagName.toLowerCase();
		if (el.id) s += '#' + el.id;
		if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
		const text = (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40);
		return text ? s + ' "' + text + '"' : s;
	};
	// An ancestor that scrolls or clips holds an element in, unless the
	// element is positioned absolutely and that ancestor is not its
	// containing block (nor inside it): such an element widens the page.
	const contained = el => {
		let absolute = getComputedStyle(el).position === 'absolute';
		for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
			const cs = getComputedStyle(a);
			if (absolute) {
				if (cs.position === 'static') continue;
				absolute = false;
			}
			if (cs.overflowX !== 'visible') return true;
		}
		return false;
	};
	const out = el => {
		const r = el.getBoundingClientRect();
		return r.width > 0 && (r.right > vw + 0.5 || r.left < -0.5);
	};
	const wide = [], clipped = [];
	for (const el of document.body.querySelectorAll('*')) {
		const cs = getComputedStyle(el);
		if (cs.position === 'fixed' || el.closest('.skip')) continue;
		if (out(el) && !(el.parentElement && out(el.parentElement)) && !contained(el)) {
			const r = el.getBoundingClientRect();
			wide.push(name(el) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']');
		}
		const hides = cs.overflowX === 'hidden' || cs.overflowX === 'clip' || cs.overflowY === 'hidden' || cs.overflowY === 'clip';
		if (hides && el.clientWidth > 1 && el.clientHeight > 1 && (el.textContent || '').trim() &&
			(el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)) {
			clipped.push(name(el) + ' (' + el.scrollWidth + 'x' + el.scrollHeight + ' in ' + el.clientWidth + 'x' + el.clientHeight + ')');
		}
	}
	const heads = [...document.querySelectorAll('body > header, body > nav')];
	const headerEnd = Math.max(0, ...heads.map(h => h.getBoundingClientRect().bottom + scrollY));
	const main = document.querySelector('main');
	const first = main && (main.querySelector('h1') || main.firstElementChild || main);
	return {
		scrollWidth: document.documentElement.scrollWidth,
		viewport: window.innerWidth,
		wide: wide.slice(0, 8),
		clipped: clipped.slice(0, 8),
		headerEnd: Math.round(headerEnd),
		contentTop: first ? Math.round(first.getBoundingClientRect().top + scrollY) : 0,
	};
})()`

// axeScript reads axe-core's script from the file PARTNERKIT_AXE_JS names
// (.ci/run fetches the pinned release with npm). Without it the
// accessibility check is skipped with a message; a name that does not
// open is a failure, so CI cannot lose the check silently.
func axeScript(t *testing.T) string {
	t.Helper()
	path := os.Getenv("PARTNERKIT_AXE_JS")
	if path == "" {
		t.Log("axe-core check skipped: set PARTNERKIT_AXE_JS to axe.min.js (npm pack axe-core) to run it")
		return ""
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("PARTNERKIT_AXE_JS: %v", err)
	}
	return string(b)
}

// axeViolations injects axe-core into the page (only this test sees it: the
// app never serves it) and runs every rule of its default set, WCAG 2.1 A and
// AA and its best practices.
func axeViolations(t *testing.T, b context.Context, axe string) []string {
	t.Helper()
	if !get(t, b, chromedp.Evaluate[bool](`typeof axe === 'object'`)) {
		get(t, b, chromedp.Evaluate[bool](axe+"\n;true"))
	}
	found := get(t, b, chromedp.Evaluate[[]string](`axe.run(document, {resultTypes: ['violations']}).then(r =>
		r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — ' +
			v.nodes.slice(0, 3).map(n => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\s+/g, ' ').slice(0, 160) + ']' : '')).join('; ')))`,
		chromedp.EvalAwaitPromise))
	slices.Sort(found)
	return found
}
