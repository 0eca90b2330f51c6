package server_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// A coordinator changes a body from its page: prefilled, a loop refused
// beside the parent field, a stale version refused, members not admitted.
func TestGovernanceBodyEditPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	g := e.Governance()
	page := "/p/" + e.Partnership.ID + "/governance/bodies/" + g.Committee.ID
	res := e.do(t, "coordinator", "GET", page+"/edit", nil)
	prepStatus(t, "edit", res, 200)
	prepBody(t, "edit", res, `value="Strategic committee"`, `name="parent_id"`, `name="reports_to_id"`, `name="reporting_cadence"`, `name="version" value="1"`)
	if strings.Contains(res.Body, `<option value="`+g.Committee.ID+`"`) {
		t.Error("the body is offered as its own parent")
	}
	form := url.Values{"name": {"Steering committee"}, "kind": {"strategic_committee"}, "quorum": {"0,6"}, "parent_id": {g.Group.ID}, "version": {"1"}}
	res = e.do(t, "coordinator", "POST", page, form)
	prepStatus(t, "loop", res, 422)
	prepBody(t, "loop", res, `id="parent_id-error"`, `value="Steering committee"`)
	form.Set("parent_id", "")
	form.Set("reporting_cadence", "every quarter")
	prepStatus(t, "save", e.do(t, "coordinator", "POST", page, form), 303)
	prepBody(t, "saved", e.do(t, "observer", "GET", page, nil), "Steering committee", "0.6")
	prepStatus(t, "stale", e.do(t, "coordinator", "POST", page, form), 409)
	prepStatus(t, "member", e.do(t, "member", "GET", page+"/edit", nil), 403)
	prepStatus(t, "member saves", e.do(t, "member", "POST", page, form), 403)
	// The add form offers a parent and a reporting line too.
	prepBody(t, "add form", e.do(t, "coordinator", "GET", "/p/"+e.Partnership.ID+"/governance", nil), `name="parent_id"`, `name="reports_to_id"`)
}

// Seats: change and end one; ended seats stand apart on the body's page;
// an overlapping seat is refused beside its start date, and a person from
// outside beside the holder choice.
func TestGovernanceSeatEditPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	g := e.Governance()
	body := "/p/" + e.Partnership.ID + "/governance/bodies/" + g.Committee.ID
	res := e.do(t, "observer", "GET", body, nil)
	prepBody(t, "body", res, "Seats held", "Ended seats", g.Ended.Until)
	if strings.Contains(res.Body, "/seats/"+g.Seat.ID+"/edit") {
		t.Error("observers are offered to change seats")
	}
	edit := body + "/seats/" + g.Seat.ID
	res = e.do(t, "coordinator", "GET", edit+"/edit", nil)
	prepStatus(t, "seat form", res, 200)
	prepBody(t, "seat form", res, e.Member.Name, `value="2026-01-01"`, `name="until"`)
	res = e.do(t, "coordinator", "POST", edit, url.Values{"position": {"chair"}, "from": {"2026-01-01"}, "until": {"2025-12-01"}, "version": {"1"}})
	prepStatus(t, "until before from", res, 422)
	prepBody(t, "until before from", res, `id="until-error"`)
	prepStatus(t, "end", e.do(t, "coordinator", "POST", edit, url.Values{"position": {"vice_chair"}, "from": {"2026-01-01"}, "until": {"2026-03-31"}, "version": {"1"}}), 303)
	res = e.do(t, "observer", "GET", body, nil)
	ended := res.Body[strings.Index(res.Body, "Ended seats"):]
	if !strings.Contains(ended, "2026-03-31") || !strings.Contains(ended, "Vice-chair") {
		t.Errorf("the ended seat is not among the ended ones:\n%s", ended)
	}
	// The organisation's seat runs from 2026-01-01: a second one overlaps.
	res = e.do(t, "coordinator", "POST", body+"/seats", url.Values{"holder": {"o:" + e.MemberOrg.ID}, "position": {"member"}, "from": {"2026-06-01"}})
	prepStatus(t, "overlap", res, 422)
	prepBody(t, "overlap", res, `id="from-error"`, "already has a seat")
	res = e.do(t, "coordinator", "POST", body+"/seats", url.Values{"holder": {"u:" + e.Outsider.ID}, "position": {"member"}, "from": {"2026-06-01"}})
	prepStatus(t, "outsider", res, 422)
	prepBody(t, "outsider", res, `id="holder-error"`)
	prepStatus(t, "another body's seat", e.do(t, "coordinator", "GET", "/p/"+e.Partnership.ID+"/governance/bodies/"+g.Group.ID+"/seats/"+g.Seat.ID+"/edit", nil), 404)
	prepStatus(t, "member", e.do(t, "member", "POST", edit, url.Values{"position": {"chair"}, "from": {"2026-01-01"}, "version": {"2"}}), 403)
}

// charterForm is the world's charter as the form posts it, changed: a
// consent rule for the committee, the standard areas with the committee,
// an area of the partnership's own for the action group.
func charterForm(e *env) url.Values {
	g := e.Governance()
	c, a := g.Committee.ID, g.Group.ID
	return url.Values{
		"version": {"1"}, "adopted_on": {"2026-03-01"}, "adopted_by_body_id": {c}, "adoption_note": {"Second general meeting"},
		"rule." + c + ".method": {"consent"}, "rule." + c + ".quorum": {"0,5"}, "rule." + c + ".unit": {"organisation"},
		"area.0.area": {"budget"}, "area.0.body_id": {c},
		"area.1.area": {"admission"}, "area.1.body_id": {c},
		"area.2.area": {"external_statements"}, "area.2.body_id": {a}, "area.2.method": {"chair"}, "area.2.unit": {"person"},
		"area.3.area": {"agreement_changes"}, "area.3.body_id": {c},
		"area.4.area": {"hearing_demands"}, "area.4.body_id": {a}, "area.4.method": {"majority"}, "area.4.quorum": {"0.5"}, "area.4.unit": {"person"},
		"area.5.area": {""}, "area.5.body_id": {""},
		"safe_space": {"Write to Amal, our trusted person; nobody else reads it."}, "meeting_max_minutes": {"90"},
		"reopen_on_new_information": {"on"},
	}
}

// The charter form: prefilled from the version in force; each refusal
// beside its row (an area without a body, two claims on one area, a quorum
// above 1, a number that is none); a stale version refused; the new
// version in force with what it changed, the old one still readable.
func TestGovernanceCharterFormPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	g := e.Governance()
	base := "/p/" + e.Partnership.ID + "/governance/charter"
	res := e.do(t, "coordinator", "GET", base+"/edit", nil)
	prepStatus(t, "form", res, 200)
	prepBody(t, "form", res, "Tell the trusted person, Amal, in confidence.", `name="version" value="1"`,
		`name="rule.`+g.Committee.ID+`.quorum" type="text" value="0.5"`, `name="area.3.area" value="agreement_changes"`, `name="area.4.area"`)
	for _, c := range []struct {
		name, field string
		change      func(url.Values)
	}{
		{"area without a body", "area.1.body_id", func(f url.Values) { f.Set("area.1.body_id", "") }},
		{"two bodies for one area", "area.4.area", func(f url.Values) { f.Set("area.4.area", "budget") }},
		{"quorum above 1", "rule." + g.Committee.ID + ".quorum", func(f url.Values) { f.Set("rule."+g.Committee.ID+".quorum", "1.5") }},
		{"area quorum", "area.4.quorum", func(f url.Values) { f.Set("area.4.quorum", "half") }},
		{"not a number", "meeting_max_minutes", func(f url.Values) { f.Set("meeting_max_minutes", "an hour") }},
		{"no date", "adopted_on", func(f url.Values) { f.Del("adopted_on") }},
	} {
		f := charterForm(e)
		c.change(f)
		res := e.do(t, "coordinator", "POST", base, f)
		prepStatus(t, c.name, res, 422)
		prepBody(t, c.name, res, `id="`+c.field+`-error"`, "Second general meeting")
	}
	prepStatus(t, "save", e.do(t, "coordinator", "POST", base, charterForm(e)), 303)
	res = e.do(t, "observer", "GET", base, nil)
	prepBody(t, "in force", res, "Version 2", "in force", "What changed since version 1", "Who decides which area", "How each body decides",
		"Code of conduct", "Safe space", "hearing_demands", "Write to Amal", "at most 90 minutes", "When new information comes to light.")
	if strings.Contains(res.Body, "Code of conduct</li>") || !strings.Contains(res.Body, "Safe space: reporting discrimination, to whom, in confidence</li>") {
		t.Errorf("the changes list is wrong:\n%s", res.Body)
	}
	res = e.do(t, "observer", "GET", base+"?version=1", nil)
	prepStatus(t, "version 1", res, 200)
	prepBody(t, "version 1", res, "Version 1", "see the version in force", "Tell the trusted person")
	prepStatus(t, "no such version", e.do(t, "observer", "GET", base+"?version=9", nil), 404)
	res = e.do(t, "coordinator", "POST", base, charterForm(e))
	prepStatus(t, "stale", res, 409)
	prepBody(t, "stale", res, "Someone changed this record", "Second general meeting")
	prepStatus(t, "member", e.do(t, "member", "GET", base+"/edit", nil), 403)
	prepStatus(t, "member saves", e.do(t, "member", "POST", base, charterForm(e)), 403)
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", base+"/edit", nil), 404)
}
