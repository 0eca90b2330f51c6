package admission

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
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

// stepsOpen lists the steps an admission can take from the stage shown,
// as the store's rules decide them (admission.Steps) but without the
// charter, which the page has as the admission's own fields.
func stepsOpen(a *pk.Admission) []string {
	var out []string
	before := a.Stage == pk.StageApplied || a.Stage == pk.StageNominated || a.Stage == pk.StageChecked
	if before && a.CriteriaTotal > 0 {
		out = append(out, formChecks)
	}
	if before {
		out = append(out, formDecision)
	}
	if a.Stage == pk.StageAdmitted && len(a.Agreements) > 0 {
		out = append(out, formSign)
	}
	if a.Stage == pk.StageSigned || (a.Stage == pk.StageAdmitted && len(a.Agreements) == 0) {
		out = append(out, formActivate)
	}
	if a.Stage != pk.StageActive && a.Stage != pk.StageDeclined && a.Stage != pk.StageWithdrawn {
		out = append(out, formWithdraw, formDetails)
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
