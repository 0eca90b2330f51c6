package admission

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/admission"
	"github.com/partnerkit/partnerkit/web"
)

// The forms of an admission's page; a refused one is shown again with its
// messages, the others as they were.
const (
	formDetails  = "details"
	formChecks   = "checks"
	formDecision = "decision"
	formSign     = "sign"
	formActivate = "activate"
	formWithdraw = "withdraw"
)

type showData struct {
	A     *pk.Admission
	Steps *pk.AdmissionStepList
	// Can lists the steps this admission can take now (for coordinators).
	Can     map[string]bool
	Manage  bool
	Forms   map[string]*web.Form
	Results []string
	Outcome []string
	// Organisations on the platform whose name is like the candidate's,
	// to link it to (the one linked first).
	Organisations []pk.Choice
	Bodies        []pk.Choice
}

func (h *Pages) showPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, http.StatusOK, "", nil)
}

// renderShow draws the admission; which names the form formErr belongs to.
func (h *Pages) renderShow(w http.ResponseWriter, r *http.Request, status int, which string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewAdmissions, "admission.one", "admissions")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	a, err := h.Admissions.Admission(ctx, pid, r.PathValue("adid"))
	if err != nil {
		return err
	}
	d := &showData{A: a, Manage: pk.Can(v.P.MyRole, pk.ActionManageAdmissions), Results: pk.CheckResults, Outcome: pk.AdmissionOutcomes,
		Forms: map[string]*web.Form{}, Can: map[string]bool{}}
	if d.Steps, err = h.Admissions.AdmissionSteps(ctx, pid, a.ID); err != nil {
		return err
	}
	ver := strconv.Itoa(a.Version)
	for _, name := range []string{formDetails, formChecks, formDecision, formSign, formActivate, formWithdraw} {
		d.Forms[name] = &web.Form{Values: url.Values{"version": {ver}}}
	}
	if d.Manage {
		h.fillManage(r, pid, d)
	}
	if formErr != nil {
		f := h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		if which == formChecks {
			f.Errors = checkErrors(f.Errors, r.PostForm["criterion"])
		}
		d.Forms[which] = f
		v.Form.Error = f.Error
	}
	v.Data = d
	h.Render(w, r, status, templates, "admission", v)
	return nil
}

// fillManage prepares the coordinator's forms: the steps open now, the
// details as stored, each criterion's check, the decision preset to the
// body the charter names, and the organisations to link the candidate to.
func (h *Pages) fillManage(r *http.Request, pid string, d *showData) {
	a := d.A
	for _, s := range stepsOpen(a) {
		d.Can[s] = true
	}
	det := d.Forms[formDetails].Values
	for k, s := range map[string]string{"candidate_name": a.CandidateName, "organisation_id": a.OrganisationID, "contact_name": a.ContactName,
		"contact_email": a.ContactEmail, "contact_phone": a.ContactPhone, "motivation": a.Motivation} {
		det.Set(k, s)
	}
	chk := d.Forms[formChecks].Values
	for _, c := range a.Criteria {
		if c.Check != nil {
			chk.Set("result."+c.ID, c.Check.Result)
			chk.Set("evidence."+c.ID, c.Check.Evidence)
			chk.Set("evidence_url."+c.ID, c.Check.EvidenceURL)
		}
	}
	dec := d.Forms[formDecision].Values
	if a.DecidingBody != nil {
		dec.Set("body_id", a.DecidingBody.ID)
		d.Bodies = []pk.Choice{*a.DecidingBody}
	}
	dec.Set("outcome", pk.OutcomeAdmitted)
	if a.OrganisationID != "" {
		d.Organisations = append(d.Organisations, pk.Choice{ID: a.OrganisationID, Name: a.OrganisationName})
	}
	if found, err := h.Organisations.OrganisationDirectory(r.Context(), a.CandidateName, 20); err == nil {
		for _, o := range found {
			if o.ID != a.OrganisationID {
				d.Organisations = append(d.Organisations, pk.Choice{ID: o.ID, Name: o.Name})
			}
		}
	}
}

// stepsOpen lists the forms for the steps the admission can take now, as
// the pipeline's rules say (admission.Steps, from the stage shown).
func stepsOpen(a *pk.Admission) []string {
	st := rules.State{Stage: a.Stage, Criteria: a.CriteriaTotal, Checked: a.CriteriaChecked, OrganisationID: a.OrganisationID}
	for _, x := range a.Agreements {
		st.Agreements = append(st.Agreements, *x)
	}
	form := map[string]string{"check": formChecks, "decide": formDecision, "sign": formSign, "activate": formActivate,
		"withdraw": formWithdraw, "edit": formDetails}
	var out []string
	for _, s := range rules.Steps(st) {
		out = append(out, form[s])
	}
	return out
}

// checkErrors moves the messages of row N ("checks.N.result") to the
// fields of that row's criterion ("result.<id>"), so each shows beside
// its criterion.
func checkErrors(errs map[string][]string, criteria []string) map[string][]string {
	out := map[string][]string{}
	for k, msgs := range errs {
		rest, ok := strings.CutPrefix(k, "checks.")
		if n, field, found := strings.Cut(rest, "."); ok && found {
			if i, err := strconv.Atoi(n); err == nil && i >= 0 && i < len(criteria) {
				k = field + "." + criteria[i]
			}
		}
		out[k] = append(out[k], msgs...)
	}
	return out
}
