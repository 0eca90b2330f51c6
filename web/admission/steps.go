package admission

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// stepped answers a form of the admission's page: back to the page on
// success, the page with the form's messages on a refusal.
func (h *Pages) stepped(w http.ResponseWriter, r *http.Request, which string, err error) error {
	if web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), which, err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/admissions/"+r.PathValue("adid"), "flash.saved")
	return nil
}

func (h *Pages) update(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	_, err := h.Admissions.UpdateAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), detailsInput(r.PostForm))
	return h.stepped(w, r, formDetails, err)
}

// check reads one row per criterion (the form lists their IDs in
// "criterion"); a row with no result chosen is left as it was.
func (h *Pages) check(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	in := pk.AdmissionChecksInput{Version: web.Atoi(f.Get("version"))}
	var sent []string
	for _, id := range f["criterion"] {
		if f.Get("result."+id) == "" {
			continue
		}
		sent = append(sent, id)
		in.Checks = append(in.Checks, pk.AdmissionCheckInput{CriterionID: id, Result: f.Get("result." + id),
			Evidence: f.Get("evidence." + id), EvidenceURL: f.Get("evidence_url." + id)})
	}
	// The row numbers of the messages are those of the rows sent.
	r.PostForm["criterion"] = sent
	_, err := h.Admissions.CheckAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), in)
	return h.stepped(w, r, formChecks, err)
}

func (h *Pages) decide(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	_, err := h.Admissions.DecideAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), pk.AdmissionDecisionInput{
		Outcome: f.Get("outcome"), BodyID: f.Get("body_id"), DecidedOn: f.Get("decided_on"), Note: f.Get("note"), Version: web.Atoi(f.Get("version"))})
	return h.stepped(w, r, formDecision, err)
}

func stepInput(r *http.Request) pk.AdmissionStepInput {
	r.ParseForm()
	f := r.PostForm
	return pk.AdmissionStepInput{On: f.Get("on"), Signatory: f.Get("signatory"), Note: f.Get("note"), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) sign(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Admissions.SignAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), stepInput(r))
	return h.stepped(w, r, formSign, err)
}

func (h *Pages) activate(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Admissions.ActivateAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), stepInput(r))
	return h.stepped(w, r, formActivate, err)
}

func (h *Pages) withdraw(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Admissions.WithdrawAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), stepInput(r))
	return h.stepped(w, r, formWithdraw, err)
}
