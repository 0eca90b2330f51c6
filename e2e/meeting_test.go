package e2e

import (
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/chromedp/chromedp"
)

// A coordinator opens the next strategic committee from the meetings
// page, sees its agenda, records which member organisations came and sees
// the quorum reached, then downloads the meeting's .ics file, which a real
// iCalendar parser reads back with the agenda and the call link.
func TestMeetingAgendaAttendanceAndCalendar(t *testing.T) {
	in := start(t, "--demo")
	b := browser(t)
	run(t, b,
		chromedp.Navigate(in.URL+"/signin"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "amina@demo.partnerkit.example"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "partnerkit-demo"),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("ul.cards")),
	)
	pid := get(t, b, chromedp.Evaluate[string](`(async () => (await (await fetch('/api/v1/partnerships')).json()).items[0].id)()`,
		chromedp.EvalAwaitPromise))
	run(t, b,
		chromedp.Navigate(in.URL+"/p/"+pid+"/meetings"),
		chromedp.WaitVisible(chromedp.CSS("main ul.cards")),
	)
	get(t, b, chromedp.Evaluate[bool](`(() => { [...document.querySelectorAll('main ul.cards a')].find(a => a.textContent.includes('Strategic committee, spring')).click(); return true; })()`))
	waitUntil(t, b, `document.querySelector('#agenda-h') !== null && document.readyState === 'complete'`)
	if agenda := text(t, b, "ol.agenda"); !strings.Contains(agenda, "Admission of the Afghan Women's Circle") || !strings.Contains(agenda, "Jonas Weber") {
		t.Fatalf("agenda: %s", agenda)
	}
	if q := text(t, b, "#quorum"); !strings.Contains(q, "No quorum yet") || !strings.Contains(q, "0 of 5 organisations") {
		t.Fatalf("quorum before: %s", q)
	}
	// Three of the five member organisations came: 0.6 of five is three.
	get(t, b, chromedp.Evaluate[bool](`(() => {
		const rows = [...document.querySelectorAll('select[name^="status.o:"]')];
		rows.slice(0, 3).forEach(s => s.value = 'present');
		rows[3].value = 'apologies';
		return true;
	})()`))
	run(t, b, chromedp.Click(chromedp.CSS(`form[action$="/attendance"] button[type=submit]`)))
	waitFlash(t, b, "flash.saved")
	if q := text(t, b, "#quorum"); !strings.Contains(q, "Quorum reached") || !strings.Contains(q, "3 of 5 organisations") {
		t.Fatalf("quorum after: %s", q)
	}

	// The page's .ics link, fetched by the browser with its session: the
	// same bytes a click saves. A real iCalendar parser reads them.
	body := get(t, b, chromedp.Evaluate[string](`(async () => {
		const a = document.querySelector('a[download][href$=".ics"]');
		const res = await fetch(a.href);
		if (!res.headers.get('Content-Type').startsWith('text/calendar')) return 'wrong type ' + res.headers.get('Content-Type');
		return await res.text();
	})()`, chromedp.EvalAwaitPromise))
	cal, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatalf("%v: %.200s", err, body)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events", len(events))
	}
	desc := events[0].GetProperty(ics.ComponentPropertyDescription).Value
	for _, want := range []string{"Demands for the spring hearings", "https://meet.example.org/coalition-strategy", "(Europe/Berlin)"} {
		if !strings.Contains(desc, want) {
			t.Errorf("the description lacks %q: %s", want, desc)
		}
	}
	start, err := events[0].GetStartAt()
	if err != nil || start.In(mustZone(t, "Europe/Berlin")).Hour() != 10 {
		t.Errorf("starts %v (%v), want 10:00 in Berlin", start, err)
	}
}

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
