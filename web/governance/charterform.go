package governance

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// The charter form writes a whole new version. Its fields are named for
// what a person sees: a row per body ("rule.<body ID>.method") and a row
// per decision area ("area.<row>.body_id"); the charter's validation
// names list positions ("rules.0.method", "areas.2.body_id"), which the
// handler turns back into the form's names so each message sits beside
// its field.

// blankAreaRows are the empty rows offered for the partnership's own areas.
const blankAreaRows = 3

// charterTexts are the charter's free texts and short fields, read and
// written by name (the numbers and the check box are handled apart).
var charterTexts = []string{"meeting_frequency", "escalation_discussion", "escalation_mediator", "escalation_arbiter",
	"admission_criteria", "leaving", "exclusion", "code_of_conduct", "safe_space", "information_sharing"}

// charterInts are the charter's whole numbers.
var charterInts = []string{"meeting_max_minutes", "meeting_min_participants", "agenda_days_ahead", "reopen_organisations", "reopen_after_months",
	"max_proxies_per_holder"}

// textField points at a free text of the charter by its form name.
func textField(t *pk.CharterText, name string) *string {
	return map[string]*string{"meeting_frequency": &t.MeetingFrequency, "escalation_discussion": &t.EscalationDiscussion,
		"escalation_mediator": &t.EscalationMediator, "escalation_arbiter": &t.EscalationArbiter,
		"admission_criteria": &t.AdmissionCriteria, "leaving": &t.Leaving, "exclusion": &t.Exclusion,
		"code_of_conduct": &t.CodeOfConduct, "safe_space": &t.SafeSpace, "information_sharing": &t.InformationSharing}[name]
}

// intField points at a whole number of the charter by its form name.
func intField(t *pk.CharterText, name string) *int {
	return map[string]*int{"meeting_max_minutes": &t.MeetingMaxMinutes, "meeting_min_participants": &t.MeetingMinParticipants,
		"agenda_days_ahead": &t.AgendaDaysAhead, "reopen_organisations": &t.ReopenOrganisations,
		"reopen_after_months": &t.ReopenAfterMonths, "max_proxies_per_holder": &t.MaxProxiesPerHolder}[name]
}

// formInt reads a whole number; empty is 0, and anything unreadable -1,
// which the charter's ranges refuse naming the field.
func formInt(s string) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// charterForm reads the form into a new version, and says for each list
// position of the input which form row it came from.
func charterForm(r *http.Request, bodies []*pk.Body) (pk.CharterInput, map[string]string) {
	r.ParseForm()
	f := r.PostForm
	in := pk.CharterInput{Version: web.Atoi(f.Get("version")), AdoptedOn: f.Get("adopted_on"),
		AdoptedByBody: f.Get("adopted_by_body_id"), AdoptionNote: f.Get("adoption_note")}
	rows := map[string]string{}
	for _, b := range bodies {
		p := "rule." + b.ID + "."
		method, quorum, unit := f.Get(p+"method"), f.Get(p+"quorum"), f.Get(p+"unit")
		if method == "" && strings.TrimSpace(quorum) == "" && unit == "" {
			continue // this body has no rule of its own
		}
		rows["rules."+strconv.Itoa(len(in.Rules))+"."] = p
		in.Rules = append(in.Rules, pk.BodyRule{BodyID: b.ID, Method: method, Quorum: formShare(quorum), Unit: unit})
	}
	for i := range areaRowsIn(f) {
		p := "area." + strconv.Itoa(i) + "."
		a := pk.AreaRule{Area: strings.TrimSpace(f.Get(p + "area")), BodyID: f.Get(p + "body_id"), Method: f.Get(p + "method"),
			Quorum: formShare(f.Get(p + "quorum")), Unit: f.Get(p + "unit")}
		if i >= len(pk.StandardAreas) && a.Area == "" && a.BodyID == "" && a.Method == "" && a.Unit == "" && a.Quorum == 0 {
			continue // a blank row left for an area of the partnership's own
		}
		rows["areas."+strconv.Itoa(len(in.Areas))+"."] = p
		in.Areas = append(in.Areas, a)
	}
	t := &in.CharterText
	for _, name := range charterTexts {
		*textField(t, name) = f.Get(name)
	}
	for _, name := range charterInts {
		*intField(t, name) = formInt(f.Get(name))
	}
	t.ReopenOnNewInformation = f.Get("reopen_on_new_information") == "on"
	t.ProxiesAllowed = f.Get("proxies_allowed") == "on"
	t.ReopenShare = formShare(f.Get("reopen_share"))
	return in, rows
}

// areaRowsIn counts the area rows a posted form holds (the highest row
// named, bounded so a forged form cannot make the page enormous).
func areaRowsIn(f url.Values) int {
	n := len(pk.StandardAreas)
	for i := n; i < pk.MaxCharterAreas+blankAreaRows; i++ {
		p := "area." + strconv.Itoa(i) + "."
		if _, ok := f[p+"area"]; ok {
			n = i + 1
		} else if _, ok := f[p+"body_id"]; ok {
			n = i + 1
		}
	}
	return n
}

// toFormFields renames the charter's list positions in err's messages to
// the form's rows; a message about a body rule's body goes beside its
// method, the one field of the row that says the body has a rule.
func toFormFields(err error, rows map[string]string) error {
	e, ok := pk.AsError(err)
	if !ok {
		return err
	}
	for i, fe := range e.Fields {
		for from, to := range rows {
			if rest, ok := strings.CutPrefix(fe.Field, from); ok {
				if strings.HasPrefix(from, "rules.") && rest == "body_id" {
					rest = "method"
				}
				e.Fields[i].Field = to + rest
			}
		}
	}
	return err
}

// charterValues is a version as the form's values, for the prefilled form;
// the areas of the partnership's own come after the standard ones.
func charterValues(c *pk.Charter) (url.Values, int) {
	v := url.Values{"version": {strconv.Itoa(c.Version)}, "adopted_by_body_id": {c.AdoptedByBody}}
	for _, r := range c.Rules {
		p := "rule." + r.BodyID + "."
		v.Set(p+"method", r.Method)
		v.Set(p+"quorum", fmtShare(r.Quorum))
		v.Set(p+"unit", r.Unit)
	}
	own := len(pk.StandardAreas)
	for _, a := range c.Areas {
		i := slices.Index(pk.StandardAreas, a.Area)
		if i < 0 {
			i, own = own, own+1
		}
		p := "area." + strconv.Itoa(i) + "."
		v.Set(p+"area", a.Area)
		v.Set(p+"body_id", a.BodyID)
		v.Set(p+"method", a.Method)
		if a.Method != "" {
			v.Set(p+"quorum", fmtShare(a.Quorum))
		}
		v.Set(p+"unit", a.Unit)
	}
	t := c.CharterText
	for _, name := range charterTexts {
		v.Set(name, *textField(&t, name))
	}
	for _, name := range charterInts {
		if n := *intField(&t, name); n != 0 {
			v.Set(name, strconv.Itoa(n))
		}
	}
	if t.ReopenOnNewInformation {
		v.Set("reopen_on_new_information", "on")
	}
	if t.ProxiesAllowed {
		v.Set("proxies_allowed", "on")
	}
	if t.ReopenShare != 0 {
		v.Set("reopen_share", fmtShare(t.ReopenShare))
	}
	return v, own
}

// ruleRow is one body's row of the form; areaRow one decision area's,
// Standard naming the area when it is one every charter has.
type (
	ruleRow struct {
		Body   bodyOption
		Prefix string
	}
	areaRow struct {
		Prefix, Standard string
	}
)

type charterFormData struct {
	Bodies  []bodyOption
	Rules   []ruleRow
	Areas   []areaRow
	Methods []string
	Units   []string
	// InForce is the version the new one replaces (0 before the first).
	InForce int
}

func (h *Pages) charterEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderCharterEdit(w, r, http.StatusOK, nil)
}

// renderCharterEdit shows the form, prefilled from the version in force
// (a new version is written whole) or, after a refusal, with what was typed
// and each message beside its field.
func (h *Pages) renderCharterEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditGovernance, "governance.charter.edit", "governance")
	if err != nil {
		return err
	}
	bodies, _, err := h.Bodies.Bodies(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &charterFormData{Bodies: bodyOptions(bodies, ""), Methods: pk.DecisionMethods, Units: pk.VotingUnits}
	c, err := h.Charter.Charter(r.Context(), v.P.ID)
	switch {
	case err == nil:
		d.InForce = c.Version
	case pk.ErrorCode(err) == pk.ENOTFOUND:
		c = &pk.Charter{} // the first charter: an empty form
	default:
		return err
	}
	values, rows := charterValues(c)
	v.Form.Values = values
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		rows = areaRowsIn(r.PostForm)
	} else {
		rows += blankAreaRows
	}
	for _, b := range d.Bodies {
		d.Rules = append(d.Rules, ruleRow{Body: b, Prefix: "rule." + b.ID + "."})
	}
	for i := range min(rows, pk.MaxCharterAreas+blankAreaRows) {
		row := areaRow{Prefix: "area." + strconv.Itoa(i) + "."}
		if i < len(pk.StandardAreas) {
			row.Standard = pk.StandardAreas[i]
		}
		d.Areas = append(d.Areas, row)
	}
	v.Data = d
	h.Render(w, r, status, templates, "charter_edit", v)
	return nil
}

// charterSave records the new version; a refusal (a field, an area with
// no body or two claims on one area, a version adopted meanwhile) shows
// the form again with what was typed.
func (h *Pages) charterSave(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	bodies, _, err := h.Bodies.Bodies(r.Context(), pid)
	if err != nil {
		return err
	}
	in, rows := charterForm(r, bodies)
	_, err = h.Charter.AdoptCharter(r.Context(), pid, in)
	if web.IsFormError(err) {
		return h.renderCharterEdit(w, r, httpx.Status(err), toFormFields(err, rows))
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/governance/charter", "flash.saved")
	return nil
}
