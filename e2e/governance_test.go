package e2e

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// choose picks the option of a select by the text a person reads (names of
// bodies and organisations; their IDs are the server's business).
func choose(t *testing.T, b context.Context, sel, option string) {
	t.Helper()
	s, _ := json.Marshal(sel)
	o, _ := json.Marshal(option)
	ok := get(t, b, chromedp.Evaluate[bool](`(() => { const s = document.querySelector(`+string(s)+`);
		const o = s && [...s.options].find(o => o.text.trim() === `+string(o)+`);
		if (!o) return false; s.value = o.value; return true; })()`))
	if !ok {
		t.Fatalf("no option %q in %s", option, sel)
	}
}

// set gives form controls their values, by selector.
func set(t *testing.T, b context.Context, pairs ...string) {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		s, _ := json.Marshal(pairs[i])
		v, _ := json.Marshal(pairs[i+1])
		if !get(t, b, chromedp.Evaluate[bool](`(() => { const e = document.querySelector(`+string(s)+`); if (!e) return false; e.value = `+string(v)+`; return e.value === `+string(v)+`; })()`)) {
			t.Fatalf("cannot set %s to %s", pairs[i], pairs[i+1])
		}
	}
}

// byID selects an element by an ID holding dots (the charter form's rows).
func byID(id string) string { return `[id="` + id + `"]` }

// addBody adds a body from the governance page and returns its ID.
func addBody(t *testing.T, b context.Context, base, name, kind, parent, reportsTo string) string {
	t.Helper()
	run(t, b, chromedp.Navigate(base+"/governance"), chromedp.WaitVisible(chromedp.CSS("#f-name")))
	run(t, b,
		chromedp.SendKeys(chromedp.CSS("#f-name"), name),
		chromedp.SetValue(chromedp.CSS("#f-kind"), kind),
		chromedp.SendKeys(chromedp.CSS("#f-quorum"), "0.5"),
		chromedp.SendKeys(chromedp.CSS("#f-reporting_cadence"), "monthly"),
	)
	choose(t, b, "#f-parent_id", parent)
	choose(t, b, "#f-reports_to_id", reportsTo)
	run(t, b, chromedp.Submit(chromedp.CSS("#f-name")))
	waitFlash(t, b, "flash.saved")
	if h := text(t, b, "main h1"); h != name {
		t.Fatalf("the new body's page says %q", h)
	}
	path := get(t, b, chromedp.Evaluate[string](`location.pathname`))
	return path[strings.LastIndex(path, "/")+1:]
}

// A coordinator gives the demonstration coalition two new bodies and a new
// charter version through the form (one refusal on the way), drafts and
// circulates a new agreement, and two representatives of different member
// organisations sign it, each in their own browser. The agreement page then
// says who signed and who is still to sign, to the coordinator in English
// and to a signer whose profile is in Arabic.
func TestGovernanceJourney(t *testing.T) {
	in := start(t, "--demo")
	amina := browser(t)
	pid := signInDemo(t, amina, in)
	base := in.URL + "/p/" + pid

	// Two bodies, nested and with their reporting lines.
	finance := addBody(t, amina, base, "Finance working group", "action_group", "Executive committee", "Executive committee")
	addBody(t, amina, base, "Safe-space contact group", "monitoring_group", "Strategic committee", "Strategic committee")
	if page := text(t, amina, "main"); !strings.Contains(page, "Strategic committee") || !strings.Contains(page, "monthly") {
		t.Fatalf("the body page lacks its parent or reporting line:\n%s", page)
	}

	// The charter: the form starts from the version in force.
	run(t, amina, chromedp.Navigate(base+"/governance/charter/edit"), chromedp.WaitVisible(chromedp.CSS("#f-adopted_on")))
	set(t, amina, byID("f-rule."+finance+".method"), "consent", byID("f-rule."+finance+".quorum"), "0.5",
		byID("f-rule."+finance+".unit"), "person", byID("f-area.0.method"), "", byID("f-area.0.quorum"), "", byID("f-area.0.unit"), "")
	choose(t, amina, byID("f-area.0.body_id"), "Finance working group")
	// An area of the coalition's own, in the first empty row.
	row := get(t, amina, chromedp.Evaluate[string](`[...document.querySelectorAll('input[id^="f-area."][id$=".area"][type=text]')]
		.find(e => e.value === '').id.slice(2, -5)`))
	set(t, amina, byID("f-"+row+".area"), "safe_space_reports", byID("f-"+row+".method"), "chair", byID("f-"+row+".unit"), "person")
	choose(t, amina, byID("f-"+row+".body_id"), "Safe-space contact group")
	choose(t, amina, "#f-adopted_by_body_id", "Strategic committee")
	set(t, amina, "#f-safe_space", "Report discrimination to the safe-space contact group; only its two members read reports.")
	run(t, amina,
		chromedp.Submit(chromedp.CSS("#f-adopted_on")),
		chromedp.WaitVisible(chromedp.CSS("#adopted_on-error")),
	)
	// Refused for the missing date, with everything typed still there.
	if v := get(t, amina, chromedp.Value(chromedp.CSS(byID("f-"+row+".area")))); v != "safe_space_reports" {
		t.Fatalf("the typed area was lost: %q", v)
	}
	set(t, amina, "#f-adopted_on", "2026-11-20")
	run(t, amina, chromedp.Submit(chromedp.CSS("#f-adopted_on")))
	waitFlash(t, amina, "flash.saved")
	charter := text(t, amina, "main")
	for _, want := range []string{"in force", "What changed since version", "Who decides which area", "Finance working group",
		"safe_space_reports", "Safe-space contact group", "only its two members read reports"} {
		if !strings.Contains(charter, want) {
			t.Fatalf("the charter page lacks %q:\n%s", want, charter)
		}
	}

	// A new agreement, drafted and circulated.
	run(t, amina,
		chromedp.Navigate(base+"/agreements"),
		chromedp.WaitVisible(chromedp.CSS("#f-title")),
		chromedp.SetValue(chromedp.CSS("#f-kind"), "terms_of_reference"),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Terms of reference of the finance working group"),
		chromedp.Submit(chromedp.CSS("#f-title")),
	)
	waitFlash(t, amina, "flash.created")
	agreement, _, _ := strings.Cut(get(t, amina, chromedp.Location()), "?")
	run(t, amina, chromedp.Click(chromedp.CSS(`form[action$="/status"] button`)))
	waitUntil(t, amina, `!!document.querySelector('.badge.status-circulated')`)

	// Two representatives sign, each for their organisation.
	for _, s := range []struct{ email, name, org string }{
		{"yusuf@demo.partnerkit.example", "Yusuf Darwish", "Syrian Diaspora Voices"},
		{"jonas@demo.partnerkit.example", "Jonas Weber", "City Youth Council"},
	} {
		b := browser(t)
		signInAs(t, b, in, s.email)
		run(t, b, chromedp.Navigate(agreement), chromedp.WaitVisible(chromedp.CSS("#f-typed_name")))
		choose(t, b, "#f-organisation_id", s.org)
		run(t, b,
			chromedp.SetValue(chromedp.CSS("#f-typed_name"), s.name),
			chromedp.Submit(chromedp.CSS("#f-typed_name")),
		)
		waitFlash(t, b, "flash.saved")
		if signed := text(t, b, "#signed-h + ul"); !strings.Contains(signed, s.org) {
			t.Fatalf("%s's signature is not shown: %q", s.name, signed)
		}
	}

	// Who signed and who has not, in English and in Arabic.
	yusuf := browser(t)
	signInAs(t, yusuf, in, "yusuf@demo.partnerkit.example")
	for _, c := range []struct {
		who              context.Context
		lang, signedHead string
	}{{amina, "en", "Signed this version"}, {yusuf, "ar", "وقّعت هذه النسخة"}} {
		run(t, c.who, chromedp.Navigate(agreement), chromedp.WaitVisible(chromedp.CSS("#missing-h")))
		if lang := get(t, c.who, chromedp.Evaluate[string](`document.documentElement.lang`)); lang != c.lang {
			t.Fatalf("the page is in %q, want %q", lang, c.lang)
		}
		if h := text(t, c.who, "#signed-h"); h != c.signedHead {
			t.Fatalf("%s: the signed list is headed %q", c.lang, h)
		}
		signed, missing := text(t, c.who, "#signed-h + ul"), text(t, c.who, "#missing-h + ul")
		for _, org := range []string{"Syrian Diaspora Voices", "City Youth Council"} {
			if !strings.Contains(signed, org) || strings.Contains(missing, org) {
				t.Fatalf("%s: %s should be among those who signed:\nsigned: %s\nmissing: %s", c.lang, org, signed, missing)
			}
		}
		for _, org := range []string{"Bridges Refugee Youth Network", "Neighbourhood Welcome Centre", "Open Doors Foundation"} {
			if !strings.Contains(missing, org) || strings.Contains(signed, org) {
				t.Fatalf("%s: %s should be still to sign:\nsigned: %s\nmissing: %s", c.lang, org, signed, missing)
			}
		}
		if c.lang == "ar" {
			if dir := get(t, c.who, chromedp.Evaluate[string](`getComputedStyle(document.body).direction`)); dir != "rtl" {
				t.Fatalf("the Arabic page runs %s", dir)
			}
		}
	}
}
