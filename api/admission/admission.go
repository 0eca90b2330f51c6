// Package admission answers the API calls of the admission of new members:
// the pipeline, one admission, its history, and a sub-resource per step
// (criteria checks, the decision, the signature, activation, withdrawal).
// The path names an admission {adid}.
package admission

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the admission API calls.
type Handlers struct {
	Admissions pk.AdmissionService
}

const (
	tag            = "admissions"
	admissionsPath = "/partnerships/{pid}/admissions"
	admissionPath  = admissionsPath + "/{adid}"
)

// Register adds the admission routes.
func (h *Handlers) Register(a *api.API) {
	h.registerAdmissions(a)
	h.registerSteps(a)
}

type admissionBody struct {
	CandidateName  string `json:"candidate_name" rule:"required,max=200" doc:"How the partnership calls the candidate." example:"Youth Sports Leipzig"`
	OrganisationID string `json:"organisation_id" rule:"max=100" doc:"The candidate's organisation on the platform (an ID), once it has one; it is who joins."`
	ContactName    string `json:"contact_name" rule:"max=200" doc:"The candidate's contact person (members and coordinators see it)." example:"Sami Haddad"`
	ContactEmail   string `json:"contact_email" rule:"format=email" doc:"The contact's email address." example:"sami@example.org"`
	ContactPhone   string `json:"contact_phone" rule:"max=50" doc:"The contact's phone number." example:"+49 341 000000"`
	Motivation     string `json:"motivation" rule:"max=4000" doc:"Why the candidate wants to join, or why it is nominated." example:"Runs football for newly arrived teenagers."`
	Source         string `json:"source" rule:"required,enum=admission_source" doc:"How the candidate came: it applied, a member organisation nominated it, or an outreach prospect is proposed. Kept as recorded on PATCH." example:"application"`
	NominatedByID  string `json:"nominated_by_id" rule:"max=100" doc:"For a nomination: the active member organisation that nominates (an ID)."`
	ProspectID     string `json:"prospect_id" rule:"max=100" doc:"For a prospect: the outreach prospect proposed (an ID)."`
	Version        int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b admissionBody) input() pk.AdmissionInput {
	return pk.AdmissionInput{CandidateName: b.CandidateName, OrganisationID: b.OrganisationID, ContactName: b.ContactName,
		ContactEmail: b.ContactEmail, ContactPhone: b.ContactPhone, Motivation: b.Motivation, Source: b.Source,
		NominatedByID: b.NominatedByID, ProspectID: b.ProspectID, Version: b.Version}
}

func (h *Handlers) registerAdmissions(a *api.API) {
	view := httpx.RoleFor(pk.ActionViewAdmissions)
	propose, manage := httpx.RoleFor(pk.ActionProposeAdmissions), httpx.RoleFor(pk.ActionManageAdmissions)
	a.Route("GET", admissionsPath, view, httpx.OpDoc{Summary: "The admission pipeline, newest first (at most 300); contact details for members and coordinators only", Tag: tag,
		Response: pk.Admission{}, List: true},
		func(r *http.Request) (any, error) {
			l, err := h.Admissions.Admissions(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.Admission]{Items: api.NonNil(l.Items), ItemsCut: l.Cut}, nil
		})
	a.Route("POST", admissionsPath, propose, httpx.OpDoc{Summary: "Propose a candidate: an application, a nomination or an outreach prospect (members)", Tag: tag,
		Request: admissionBody{}, Response: pk.Admission{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b admissionBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Admissions.CreateAdmission(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", admissionPath, view, httpx.OpDoc{Summary: "An admission with the charter's criteria and their checks, the body that decides and the agreements in force", Tag: tag,
		Response: pk.Admission{}},
		func(r *http.Request) (any, error) {
			return h.Admissions.Admission(r.Context(), r.PathValue("pid"), r.PathValue("adid"))
		})
	a.Route("PATCH", admissionPath, manage, httpx.OpDoc{Summary: "Change the candidate's details or link it to an organisation on the platform (coordinators; fields sent)", Tag: tag,
		Request: admissionBody{}, Response: pk.Admission{}},
		func(r *http.Request) (any, error) {
			pid, id := r.PathValue("pid"), r.PathValue("adid")
			cur, err := h.Admissions.Admission(r.Context(), pid, id)
			if err != nil {
				return nil, err
			}
			current := admissionBody{CandidateName: cur.CandidateName, OrganisationID: cur.OrganisationID, ContactName: cur.ContactName,
				ContactEmail: cur.ContactEmail, ContactPhone: cur.ContactPhone, Motivation: cur.Motivation, Source: cur.Source,
				NominatedByID: cur.NominatedByID, ProspectID: cur.ProspectID}
			var b admissionBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Admissions.UpdateAdmission(r.Context(), pid, id, b.input())
		})
	a.Route("GET", admissionPath+"/steps", view, httpx.OpDoc{Summary: "An admission's dated history, oldest first (at most 200); notes for members and coordinators", Tag: tag,
		Response: pk.AdmissionStep{}, List: true},
		func(r *http.Request) (any, error) {
			l, err := h.Admissions.AdmissionSteps(r.Context(), r.PathValue("pid"), r.PathValue("adid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.AdmissionStep]{Items: api.NonNil(l.Items), ItemsCut: l.Cut}, nil
		})
}
