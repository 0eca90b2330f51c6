package indicator

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// formNumber reads a number typed as 12.5 or 12,5; nil when empty, NaN
// (which the validation refuses, naming the field) when not a number.
func formNumber(s string) *float64 {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	if s == "" {
		return nil
	}
	x, err := strconv.ParseFloat(s, 64)
	if err != nil {
		x = math.NaN()
	}
	return &x
}

func fmtNumber(x *float64) string {
	if x == nil {
		return ""
	}
	return strconv.FormatFloat(*x, 'f', -1, 64)
}

// lines splits a textarea into its non-empty lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// parseTargets reads the targets textarea: one target a line, "due value
// label" (the label may hold spaces). A line that cannot be read keeps its
// date as typed and a NaN value, so the validation names the line.
func parseTargets(s string) []pk.IndicatorTarget {
	var out []pk.IndicatorTarget
	for _, l := range lines(s) {
		f := strings.Fields(l)
		t := pk.IndicatorTarget{Due: f[0], Value: math.NaN()}
		if len(f) > 1 {
			if x := formNumber(f[1]); x != nil {
				t.Value = *x
			}
		}
		if len(f) > 2 {
			t.Label = strings.Join(f[2:], " ")
		}
		out = append(out, t)
	}
	return out
}

// targetsText writes targets back as the textarea holds them.
func targetsText(ts []pk.IndicatorTarget) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%s %s", t.Due, strconv.FormatFloat(t.Value, 'f', -1, 64))
		if t.Label != "" {
			b.WriteString(" " + t.Label)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// indicatorForm reads the form that defines or changes an indicator. The
// owner field holds "goal:ID" or "plan:ID".
func indicatorForm(r *http.Request) pk.IndicatorInput {
	r.ParseForm()
	f := r.PostForm
	in := pk.IndicatorInput{Name: f.Get("name"), Unit: f.Get("unit"), Kind: f.Get("kind"), Direction: f.Get("direction"),
		Baseline: formNumber(f.Get("baseline")), BaselineDate: strings.TrimSpace(f.Get("baseline_date")),
		LifeTarget: formNumber(f.Get("life_target")), Targets: parseTargets(f.Get("targets")),
		Frequency: f.Get("frequency"), Source: f.Get("source"), ResponsibleID: f.Get("responsible_id"),
		Categories: lines(f.Get("categories")), Version: web.Atoi(f.Get("version"))}
	kind, id, _ := strings.Cut(f.Get("owner"), ":")
	switch kind {
	case "goal":
		in.GoalID = id
	case "plan":
		in.PlanID = id
	}
	return in
}

// indicatorValues is an indicator as its form's values, to prefill the
// edit page.
func indicatorValues(ind *pk.Indicator) url.Values {
	owner := "goal:" + ind.GoalID
	if ind.PlanID != "" {
		owner = "plan:" + ind.PlanID
	}
	return url.Values{"owner": {owner}, "name": {ind.Name}, "unit": {ind.Unit}, "kind": {ind.Kind}, "direction": {ind.Direction},
		"baseline": {fmtNumber(ind.Baseline)}, "baseline_date": {ind.BaselineDate}, "life_target": {fmtNumber(ind.LifeTarget)},
		"targets": {targetsText(ind.Targets)}, "frequency": {ind.Frequency}, "source": {ind.Source},
		"responsible_id": {ind.ResponsibleID}, "categories": {strings.Join(ind.Categories, "\n")},
		"version": {strconv.Itoa(ind.Version)}}
}

// foldRows moves the errors of a list's rows ("targets.2.value") onto the
// field that holds the list, naming the line, so a textarea shows them.
// The owner's errors (goal_id, plan_id) go to the owner field.
func foldRows(err error) error {
	e, ok := pk.AsError(err)
	if !ok || len(e.Fields) == 0 {
		return err
	}
	out := *e
	out.Fields = nil
	for _, fe := range e.Fields {
		name, rest, found := strings.Cut(fe.Field, ".")
		switch {
		case fe.Field == "goal_id" || fe.Field == "plan_id":
			fe.Field = "owner"
		case found && (name == "targets" || name == "categories"):
			n, _, _ := strings.Cut(rest, ".")
			line, _ := strconv.Atoi(n)
			out.Fields = append(out.Fields, pk.FieldError{Field: name, Key: "indicator.form.line", Data: map[string]any{"Line": line + 1}})
			fe.Field = name
		}
		out.Fields = append(out.Fields, fe)
	}
	return &out
}

// ownerOption is a goal or a plan an indicator may measure.
type ownerOption struct{ Value, Name string }

// ownerOptions lists the goals and the plans, plans under their goal.
func (h *Pages) ownerOptions(r *http.Request, pid string) ([]ownerOption, bool, error) {
	goals, gcut, err := h.Goals.Goals(r.Context(), pid)
	if err != nil {
		return nil, false, err
	}
	plans, pcut, err := h.Plans.Plans(r.Context(), pid, "")
	if err != nil {
		return nil, false, err
	}
	var out []ownerOption
	for _, g := range goals {
		out = append(out, ownerOption{"goal:" + g.ID, g.Title})
		for _, p := range plans {
			if p.GoalID == g.ID {
				out = append(out, ownerOption{"plan:" + p.ID, "— " + p.Title})
			}
		}
	}
	return out, gcut || pcut, nil
}

// personOption is someone in the partnership who may report results.
type personOption struct{ ID, Name string }

func (h *Pages) personOptions(r *http.Request, pid string) ([]personOption, error) {
	m, err := h.Members.Members(r.Context(), pid)
	if err != nil {
		return nil, err
	}
	out := make([]personOption, 0, len(m.People))
	for _, p := range m.People {
		out = append(out, personOption{p.UserID, p.Name})
	}
	return out, nil
}

// measurementForm reads the form that records a result; the values per
// category come as breakdown.N.value, N the category's place in the
// indicator's list. Only the categories given a value are sent; fields
// maps each one's place in the input back to N, for the messages.
func measurementForm(r *http.Request, ind *pk.Indicator) (in pk.MeasurementInput, fields []int) {
	r.ParseForm()
	f := r.PostForm
	in = pk.MeasurementInput{Date: strings.TrimSpace(f.Get("date")), Evidence: strings.TrimSpace(f.Get("evidence")), Note: f.Get("note")}
	if ind.Kind == "yes_no" {
		switch f.Get("value") {
		case "yes":
			in.Value = ptr(1)
		case "no":
			in.Value = ptr(0)
		}
	} else {
		in.Value = formNumber(f.Get("value"))
	}
	for i, c := range ind.Categories {
		if x := formNumber(f.Get("breakdown." + strconv.Itoa(i) + ".value")); x != nil {
			in.Breakdown = append(in.Breakdown, pk.CategoryValue{Category: c, Value: *x})
			fields = append(fields, i)
		}
	}
	return in, fields
}

// breakdownFields renames the errors of the input's breakdown rows to the
// form's fields (breakdown.N.value, N the category's place).
func breakdownFields(err error, fields []int) error {
	e, ok := pk.AsError(err)
	if !ok {
		return err
	}
	out := *e
	out.Fields = make([]pk.FieldError, len(e.Fields))
	for k, fe := range e.Fields {
		if rest, found := strings.CutPrefix(fe.Field, "breakdown."); found {
			n, _, _ := strings.Cut(rest, ".")
			if i, err := strconv.Atoi(n); err == nil && i < len(fields) {
				fe.Field = "breakdown." + strconv.Itoa(fields[i]) + ".value"
			}
		}
		out.Fields[k] = fe
	}
	return &out
}

func ptr(x float64) *float64 { return &x }
