package admission

import (
	"net/http"
	"net/url"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// detailsInput reads the candidate's details from a form.
func detailsInput(f url.Values) pk.AdmissionInput {
	return pk.AdmissionInput{CandidateName: f.Get("candidate_name"), OrganisationID: f.Get("organisation_id"),
		ContactName: f.Get("contact_name"), ContactEmail: f.Get("contact_email"), ContactPhone: f.Get("contact_phone"),
		Motivation: f.Get("motivation"), Source: f.Get("source"), NominatedByID: f.Get("nominated_by_id"),
		ProspectID: f.Get("prospect_id"), Version: web.Atoi(f.Get("version"))}
}

type newData struct {
	Choices *pk.AdmissionChoices
	Sources []string
}

func (h *Pages) newPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderNew(w, r, http.StatusOK, nil)
}

// renderNew shows the proposal form; ?prospect= fills it from an outreach
// prospect (its name, contact and organisation).
func (h *Pages) renderNew(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionProposeAdmissions, "admission.new", "admissions")
	if err != nil {
		return err
	}
	d := &newData{Sources: pk.AdmissionSources}
	if d.Choices, err = h.Admissions.AdmissionChoices(r.Context(), v.P.ID); err != nil {
		return err
	}
	v.Form.Values.Set("source", pk.SourceApplication)
	if prid := r.URL.Query().Get("prospect"); prid != "" && formErr == nil {
		p, err := h.Prospects.Prospect(r.Context(), v.P.ID, prid)
		if err != nil {
			return err
		}
		for k, s := range map[string]string{"source": pk.SourceProspect, "prospect_id": p.ID, "candidate_name": p.Name,
			"organisation_id": p.OrganisationID, "contact_name": p.ContactName, "contact_email": p.ContactEmail, "contact_phone": p.ContactPhone} {
			v.Form.Values.Set(k, s)
		}
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "admission_new", v)
	return nil
}

func (h *Pages) create(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	a, err := h.Admissions.CreateAdmission(r.Context(), r.PathValue("pid"), detailsInput(r.PostForm))
	if web.IsFormError(err) {
		return h.renderNew(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/admissions/"+a.ID, "flash.created")
	return nil
}
