package plan

import (
	"html/template"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// A page of tasks is fifty cards, each with its status form; through
// html/template every value and translated label costs a call by
// reflection, most of the page's time. taskCardsHTML writes the cards as
// the "task_card" template does (_fields.html), byte for byte, escaping
// every value itself (TestTaskCardsAsTemplate compares the two).

// pathPart is an ID in an address's path, escaped for an attribute.
func pathPart(s string) string { return web.EscapeHTML(url.PathEscape(s)) }

// taskCards holds the texts every card repeats, translated once.
type taskCards struct {
	t                                                    func(string, ...any) string
	overdue, due, fromMeeting, tactic, statusLabel, save string
	status                                               map[string]string // by status, kept as first asked
}

func newTaskCards(t func(string, ...any) string) *taskCards {
	c := &taskCards{overdue: web.EscapeHTML(t("plans.task.overdue")), due: web.EscapeHTML(t("plans.field.due")),
		fromMeeting: web.EscapeHTML(t("plans.task.from_meeting")), tactic: web.EscapeHTML(t("plans.task.tactic")),
		statusLabel: web.EscapeHTML(t("plans.field.status")), save: web.EscapeHTML(t("form.save")), status: map[string]string{}, t: t}
	return c
}

// taskCardsHTML is the cards of a list of tasks without their
// partnership's name or an edit link: may says whose status the asker may
// change, with a form offering statuses.
func taskCardsHTML(t func(string, ...any) string, tasks []*pk.Task, may map[string]bool, statuses []string, from string) template.HTML {
	c := newTaskCards(t)
	var b strings.Builder
	b.Grow(len(tasks) * 1200)
	for _, x := range tasks {
		c.write(&b, x, may[x.ID], statuses, from)
	}
	return template.HTML(b.String())
}

func (c *taskCards) statusText(s string) string {
	v, ok := c.status[s]
	if !ok {
		v = web.EscapeHTML(c.t("plans.task.status." + s))
		c.status[s] = v
	}
	return v
}

func (c *taskCards) write(b *strings.Builder, x *pk.Task, status bool, statuses []string, from string) {
	pid, title := pathPart(x.PartnershipID), web.EscapeHTML(x.Title)
	b.WriteString("\n<li class=\"card\"><strong>" + title + "</strong>")
	if x.Overdue {
		b.WriteString(` <span class="badge overdue">` + c.overdue + `</span>`)
	}
	b.WriteString("<br>\n<span class=\"muted\"><a href=\"/p/" + pid + "/plans/" + pathPart(x.PlanID) + `">` + web.EscapeHTML(x.PlanTitle) + "</a></span><br>\n")
	if x.AssigneeName != "" {
		b.WriteString(`<span class="muted">` + web.EscapeHTML(x.AssigneeName) + `</span>`)
		if x.OrganisationName != "" {
			b.WriteString(" · ")
		}
	}
	if x.OrganisationName != "" {
		b.WriteString(`<span class="muted">` + web.EscapeHTML(x.OrganisationName) + `</span>`)
	}
	if x.AssigneeName != "" || x.OrganisationName != "" {
		b.WriteString("<br>")
	}
	b.WriteString("\n")
	if x.Due != "" {
		b.WriteString(`<span class="muted">` + c.due + `: <span dir="ltr">` + web.EscapeHTML(x.Due) + `</span></span><br>`)
	}
	b.WriteString("\n")
	if x.MeetingID != "" {
		b.WriteString(`<span class="muted"><a href="/p/` + pid + `/meetings/` + pathPart(x.MeetingID) + `">` + c.fromMeeting + `</a></span><br>`)
	}
	b.WriteString("\n")
	if x.TacticTitle != "" {
		b.WriteString(`<span class="muted">` + c.tactic + `: ` + web.EscapeHTML(x.TacticTitle) + `</span><br>`)
	}
	b.WriteString("\n<span class=\"badge\">" + c.statusText(x.Status) + "</span>\n")
	if status {
		b.WriteString("\n<form method=\"post\" action=\"/p/" + pid + "/tasks/" + pathPart(x.ID) + "/status\" class=\"inline-form no-print\">\n" +
			`<input type="hidden" name="version" value="` + strconv.Itoa(x.Version) + `"><input type="hidden" name="from" value="` + web.EscapeHTML(from) + "\">\n" +
			`<select name="status" aria-label="` + c.statusLabel + `: ` + title + `">`)
		for _, s := range statuses {
			b.WriteString(`<option value="` + web.EscapeHTML(s) + `"`)
			if s == x.Status {
				b.WriteString(" selected")
			}
			b.WriteString(">" + c.statusText(s) + "</option>")
		}
		b.WriteString("</select>\n<button type=\"submit\" class=\"secondary\" aria-label=\"" + c.save + `: ` + title + `">` + c.save + "</button>\n</form>")
	}
	b.WriteString("\n\n</li>")
}
