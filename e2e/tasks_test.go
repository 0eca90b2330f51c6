package e2e

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// Leila, who convenes the youth hearings action group (a member, reading
// in Arabic), turns an executive committee's action item into a task of
// her plan from the meeting's page; Jonas, whom the action item names,
// marks the task done from "My tasks" on a 360 px phone, and the plan
// counts it. Leila then writes this month's report on the plan, whose
// figures count the task as done, and Amina, a coordinator, makes the
// executive committee's roll-up of the month (issue 13): the plan's row
// counts the task, and the totals are the sum of the rows.
func TestConvenerTurnsAnActionItemIntoATaskAMemberMarksItDone(t *testing.T) {
	in := start(t, "--demo")
	b := browser(t)
	signInAs(t, b, in, "leila@demo.partnerkit.example")
	ids := get(t, b, chromedp.Evaluate[[]string](`(async () => {
		const pid = (await (await fetch('/api/v1/partnerships')).json()).items[0].id;
		const plans = (await (await fetch('/api/v1/partnerships/' + pid + '/plans')).json()).items;
		const plan = plans.find(p => p.title === 'Spring hearings at the city council');
		for (const m of (await (await fetch('/api/v1/partnerships/' + pid + '/meetings')).json()).items) {
			const items = (await (await fetch('/api/v1/partnerships/' + pid + '/meetings/' + m.id + '/action-items')).json()).items;
			const a = items.find(a => a.what.startsWith('Draft the invitation'));
			if (a) return [pid, plan.id, m.id, a.id];
		}
		return [];
	})()`, chromedp.EvalAwaitPromise))
	if len(ids) != 4 {
		t.Fatalf("demo data: %v", ids)
	}
	pid, plid, mtid, acid := ids[0], ids[1], ids[2], ids[3]

	// From the meeting's page to the task form, filled from the action item.
	run(t, b, chromedp.Navigate(in.URL+"/p/"+pid+"/meetings/"+mtid), chromedp.WaitVisible(chromedp.CSS("#act-h")))
	run(t, b, chromedp.Click(chromedp.CSS(`a[href*="action_item=`+acid+`"]`)))
	waitUntil(t, b, `document.querySelector('form[action$="/tasks"] #f-title') !== null && document.readyState === 'complete'`)
	if title := get(t, b, chromedp.Evaluate[string](`document.querySelector('#f-title').value`)); !strings.HasPrefix(title, "Draft the invitation") {
		t.Fatalf("the form was not filled from the action item: %q", title)
	}
	get(t, b, chromedp.Evaluate[bool](`(() => { document.querySelector('#f-plan_id').value = '`+plid+`'; return true; })()`))
	run(t, b, chromedp.Click(chromedp.CSS(`form[action$="/tasks"] button[type=submit]`)))
	waitFlash(t, b, "flash.task_saved")
	task := get(t, b, chromedp.Evaluate[map[string]any](`(async () => {
		const ts = (await (await fetch('/api/v1/partnerships/`+pid+`/tasks?plan_id=`+plid+`&limit=200')).json()).items;
		return ts.find(t => t.action_item_id === '`+acid+`') || {};
	})()`, chromedp.EvalAwaitPromise))
	if task["id"] == nil || task["assignee_name"] != "Jonas Weber" || task["meeting_id"] != mtid || task["status"] != "todo" {
		t.Fatalf("task: %v", task)
	}
	tid := task["id"].(string)
	before := get(t, b, chromedp.Evaluate[map[string]any](`fetch('/api/v1/partnerships/`+pid+`/plans/`+plid+`').then(r => r.json()).then(p => p.tasks)`,
		chromedp.EvalAwaitPromise))
	// What this month's report would say now, as the report form shows it.
	period, write := runningMonthReport(t, b, in, pid, plid)
	run(t, b, chromedp.Navigate(in.URL+write), chromedp.WaitVisible(chromedp.CSS(`dl.figures`)))
	figsBefore := reportFigures(t, b)

	// Jonas, on his phone, marks it done from "My tasks".
	phone := browser(t)
	run(t, phone, chromedp.EmulateViewport(phoneWidth, phoneHeight))
	signInAs(t, phone, in, "jonas@demo.partnerkit.example")
	run(t, phone, chromedp.Navigate(in.URL+"/tasks"), chromedp.WaitVisible(chromedp.CSS(`form[action$="/tasks/`+tid+`/status"]`)))
	if wide := get(t, phone, chromedp.Evaluate[int](`document.documentElement.scrollWidth`)); wide > phoneWidth {
		t.Errorf("my tasks is %d px wide on a %d px phone", wide, phoneWidth)
	}
	get(t, phone, chromedp.Evaluate[bool](`(() => { document.querySelector('form[action$="/tasks/`+tid+`/status"] select').value = 'done'; return true; })()`))
	run(t, phone, chromedp.Click(chromedp.CSS(`form[action$="/tasks/`+tid+`/status"] button[type=submit]`)))
	waitFlash(t, phone, "flash.task_saved")
	// Done tasks leave "My tasks".
	if n := get(t, phone, chromedp.Evaluate[int](`document.querySelectorAll('form[action$="/tasks/`+tid+`/status"]').length`)); n != 0 {
		t.Error("the done task is still among my open tasks")
	}
	after := get(t, b, chromedp.Evaluate[map[string]any](`fetch('/api/v1/partnerships/`+pid+`/plans/`+plid+`').then(r => r.json()).then(p => p.tasks)`,
		chromedp.EvalAwaitPromise))
	if after["done"].(float64) != before["done"].(float64)+1 || after["todo"].(float64) != before["todo"].(float64)-1 {
		t.Errorf("the plan's counts: before %v, after %v", before, after)
	}

	// Leila writes this month's report from the reports page; its figures,
	// filled from the tasks, count the task as done.
	run(t, b, chromedp.Navigate(in.URL+"/p/"+pid+"/reports"), chromedp.WaitVisible(chromedp.CSS(`#due-h`)))
	run(t, b, chromedp.Click(chromedp.CSS(`a[href="`+write+`"]`)))
	waitUntil(t, b, `document.querySelector('form[action$="/reports"] #f-progress') !== null && document.readyState === 'complete'`)
	if figs := reportFigures(t, b); figs.done != figsBefore.done+1 || figs.open != figsBefore.open-1 {
		t.Errorf("the report form's figures: before the task was done %+v, after %+v", figsBefore, figs)
	}
	run(t, b,
		chromedp.SendKeys(chromedp.CSS(`#f-progress`), "أرسلنا الدعوة إلى الجلسة بثلاث لغات."),
		chromedp.Click(chromedp.CSS(`form[action$="/reports"] button[type=submit]`)))
	waitFlash(t, b, "flash.report_written")
	if figs := reportFigures(t, b); figs.done != figsBefore.done+1 {
		t.Errorf("the written report counts %d tasks done, want %d", figs.done, figsBefore.done+1)
	}

	// Amina writes the month's report of a plan she answers for, so that
	// the roll-up has more than one row to add up, then makes the executive
	// committee's roll-up of the month from the roll-ups page.
	amina := browser(t)
	signInDemo(t, amina, in)
	run(t, amina, chromedp.Navigate(in.URL+"/p/"+pid+"/reports"), chromedp.WaitVisible(chromedp.CSS(`#due-h`)))
	other := get(t, amina, chromedp.Evaluate[string](`(() => {
		const a = document.querySelector('a[href*="/reports/new?plan_id="][href$="&period=`+period+`"]:not([href*="`+plid+`"])');
		return a ? a.getAttribute('href') : '';
	})()`))
	if other == "" {
		t.Fatalf("Amina is offered no other plan's report for %s", period)
	}
	run(t, amina, chromedp.Click(chromedp.CSS(`a[href="`+other+`"]`)))
	waitUntil(t, amina, `document.querySelector('form[action$="/reports"] #f-progress') !== null && document.readyState === 'complete'`)
	run(t, amina,
		chromedp.SendKeys(chromedp.CSS(`#f-progress`), "The homework club met every Thursday."),
		chromedp.Click(chromedp.CSS(`form[action$="/reports"] button[type=submit]`)))
	waitFlash(t, amina, "flash.report_written")

	run(t, amina, chromedp.Navigate(in.URL+"/p/"+pid+"/rollups"), chromedp.WaitVisible(chromedp.CSS(`#f-body_id`)))
	if !get(t, amina, chromedp.Evaluate[bool](`(() => {
		const o = [...document.querySelectorAll('#f-body_id option')].find(o => o.textContent.trim() === 'Executive committee');
		if (o) document.querySelector('#f-body_id').value = o.value;
		return !!o;
	})()`)) {
		t.Fatal("the executive committee is not among the committees to make a roll-up for")
	}
	run(t, amina,
		chromedp.SendKeys(chromedp.CSS(`#f-period`), period),
		chromedp.Click(chromedp.CSS(`form[action$="/rollups"] button[type=submit]`)))
	waitFlash(t, amina, "flash.rollup_made")

	// The roll-up's printable page: the plan's row counts the task, and
	// every total is the sum of its column.
	if h := text(t, amina, "main h1"); !strings.Contains(h, "Executive committee") || !strings.Contains(h, period) {
		t.Errorf("the roll-up's heading: %q", h)
	}
	table := get(t, amina, chromedp.Evaluate[rollupTable](`(() => {
		const cells = tr => [...tr.querySelectorAll('td, th')].map(c => c.textContent.trim());
		return {rows: [...document.querySelectorAll('#totals-h ~ table tbody tr')].map(cells),
			totals: cells(document.querySelector('#totals-h ~ table tfoot tr'))};
	})()`))
	checkRollup(t, table, period, figsBefore.done+1)
}

// runningMonthReport finds, on the reports page, the link that writes a
// plan's report for the running month (the newest month it is offered
// for) and returns the month and the link.
func runningMonthReport(t *testing.T, b context.Context, in *instance, pid, plid string) (string, string) {
	t.Helper()
	run(t, b, chromedp.Navigate(in.URL+"/p/"+pid+"/reports"), chromedp.WaitVisible(chromedp.CSS(`#due-h`)))
	write := get(t, b, chromedp.Evaluate[string](`(() => {
		const ws = [...document.querySelectorAll('a[href^="/p/`+pid+`/reports/new?plan_id=`+plid+`&"]')].map(a => a.getAttribute('href'));
		ws.sort();
		return ws.length ? ws[ws.length - 1] : '';
	})()`))
	u, err := url.Parse(write)
	if err != nil || u.Query().Get("period") == "" {
		t.Fatalf("the reports page offers no report of the plan to write: %q", write)
	}
	return u.Query().Get("period"), write
}

type figures struct{ done, open int }

// reportFigures reads the tasks done and open from the figures on a
// report's page or form (in the order of the report_figures template:
// progress, done, open, …).
func reportFigures(t *testing.T, b context.Context) figures {
	t.Helper()
	dd := get(t, b, chromedp.Evaluate[[]string](`[...document.querySelectorAll('dl.figures dd')].map(d => d.textContent.trim())`))
	if len(dd) < 3 {
		t.Fatalf("report figures: %q", dd)
	}
	return figures{number(t, dd[1]), number(t, dd[2])}
}

// rollupTable is the totals table of a roll-up's page: a row per report
// (period, plan, progress, done, open, overdue, delivered, spent) and the
// totals (a heading over the first three columns, then the same five).
type rollupTable struct {
	Rows   [][]string `json:"rows"`
	Totals []string   `json:"totals"`
}

func checkRollup(t *testing.T, table rollupTable, period string, hearingsDone int) {
	t.Helper()
	const plan = "Spring hearings at the city council"
	var sums [5]int64
	found := false
	for _, row := range table.Rows {
		if len(row) != 8 || row[0] != period {
			t.Fatalf("a row of the roll-up of %s: %q", period, row)
		}
		if row[1] == plan {
			found = true
			if n := number(t, row[3]); n != hearingsDone {
				t.Errorf("the roll-up counts %d tasks of %q done in %s, want %d", n, plan, period, hearingsDone)
			}
		}
		for i := range sums {
			sums[i] += int64(number(t, row[3+i]))
		}
	}
	if !found || len(table.Rows) < 2 {
		t.Fatalf("the roll-up's rows lack the plan or the second report: %q", table.Rows)
	}
	if len(table.Totals) != 6 {
		t.Fatalf("the roll-up's totals: %q", table.Totals)
	}
	for i, sum := range sums {
		if total := int64(number(t, table.Totals[1+i])); total != sum {
			t.Errorf("the roll-up's total %q is not the sum of its rows, %d", table.Totals[1+i], sum)
		}
	}
}

// number reads the digits of a figure as shown ("3", "1 234.00 EUR" as
// the minor units 123400).
func number(t *testing.T, s string) int {
	t.Helper()
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	n, err := strconv.Atoi(digits)
	if err != nil {
		t.Fatalf("not a figure: %q", s)
	}
	return n
}
