// Package notify says what an event means to a reader: its title and a
// sentence in the reader's language, and the page it links to. Every
// channel (the inbox, mail, webhooks) renders through Render, so that each
// says the same thing. It also keeps the timing rules of the reminders
// (when a deadline is near or passed), pure so that they can be tested
// across time zones.
package notify

import (
	"net/url"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// Text is an event as a reader sees it.
type Text struct {
	// Title is one line: what happened, naming the thing.
	Title string
	// Summary is a sentence of context (the partnership, a date, an
	// outcome).
	Summary string
	// Path is the page of the thing, relative to the instance's address.
	Path string
}

// Render renders ev in l's language. The catalogue keys are event.<kind>
// (the title) and event.<kind>.summary; each receives ev.Data with its keys
// in CamelCase (title → Title, meeting_title → MeetingTitle) and the
// partnership's name as Partnership. Values that are catalogue codes (an
// outcome, a role) are translated first (see codes).
func Render(l *i18n.Localizer, ev pk.Event) Text {
	data := map[string]any{"Partnership": ev.PartnershipName}
	for k, v := range ev.Data {
		if prefix, ok := codes[k]; ok && v != "" {
			v = l.T(prefix + v)
		}
		data[camel(k)] = v
	}
	key := "event." + string(ev.Kind)
	return Text{Title: l.T(key, data), Summary: l.T(key+".summary", data), Path: Path(ev)}
}

// codes names the data keys whose values are codes, with the catalogue
// prefix that translates them.
var codes = map[string]string{
	"outcome": "decision.outcome.",
	"role":    "role.",
}

// Path is the page an event links to (empty for an unknown subject, which
// the inbox then shows without a link).
func Path(ev pk.Event) string {
	p := "/p/" + url.PathEscape(ev.PartnershipID)
	id := url.PathEscape(ev.SubjectID)
	switch ev.SubjectType {
	case "invitation":
		return p + "/invitations"
	case "proposal":
		return p + "/decisions/proposals/" + id
	case "meeting":
		return p + "/meetings/" + id
	case "action_item":
		return p + "/meetings/" + url.PathEscape(ev.Data["meeting_id"])
	case "task": // shown in its plan's list of tasks
		if plan := ev.Data["plan_id"]; plan != "" {
			return p + "/plans/" + url.PathEscape(plan) + "#tasks"
		}
		return p + "/tasks"
	case "plan": // a report due for the plan
		q := url.Values{"plan_id": {ev.SubjectID}, "period": {ev.Data["period"]}}
		return p + "/reports/new?" + q.Encode()
	case "agreement":
		return p + "/agreements/" + id
	case "survey":
		return p + "/surveys/" + id
	case "health_round": // a partner survey's round is rated on its own page
		if ev.Data["kind"] == pk.RoundTrust {
			return p + "/trust"
		}
		return p + "/health/rounds/" + id
	}
	return ""
}

// camel turns snake_case into CamelCase.
func camel(s string) string {
	var b strings.Builder
	for _, part := range strings.Split(s, "_") {
		if part != "" {
			b.WriteString(strings.ToUpper(part[:1]) + part[1:])
		}
	}
	return b.String()
}
