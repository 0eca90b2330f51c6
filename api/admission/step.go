package admission

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type admissionCheckEntry struct {
	CriterionID string `json:"criterion_id" rule:"required,max=64" doc:"The criterion checked (its id in the admission's criteria)." example:"3f1a2b4c5d6e"`
	Result      string `json:"result" rule:"required,enum=check_result" doc:"Met, not met or unclear." example:"met"`
	Evidence    string `json:"evidence" rule:"max=2000" doc:"What the check rests on (this or evidence_url is needed)." example:"Weekly sessions in Grünau since 2024."`
	EvidenceURL string `json:"evidence_url" rule:"format=uri" doc:"A link to the evidence." example:"https://example.org/report"`
}

type admissionChecksBody struct {
	Checks  []admissionCheckEntry `json:"checks" doc:"The checks, one per criterion (at most 50); criteria left out keep their check."`
	Version int                   `json:"version" doc:"The admission's version the checks are based on (or send If-Match)." example:"1"`
}

type admissionDecisionBody struct {
	Outcome   string `json:"outcome" rule:"required,enum=admission_outcome" doc:"Admitted or declined. Admitting needs every criterion checked and none not met." example:"admitted"`
	BodyID    string `json:"body_id" rule:"required,max=100" doc:"The body that decided: the one the charter names for the admission area (an ID)."`
	DecidedOn string `json:"decided_on" rule:"required,format=date" doc:"The date of the decision (YYYY-MM-DD)." example:"2026-03-10"`
	Note      string `json:"note" rule:"max=4000" doc:"The decision as minuted." example:"Consent at the March committee."`
	Version   int    `json:"version" doc:"The admission's version (or send If-Match)." example:"1"`
}

type admissionStepBody struct {
	On        string `json:"on" rule:"format=date" doc:"The date the step happened (YYYY-MM-DD); today when left out." example:"2026-03-20"`
	Signatory string `json:"signatory" rule:"max=200" doc:"For the signature: the person who signed for the candidate."  example:"Sami Haddad"`
	Note      string `json:"note" rule:"max=4000" doc:"A note; activating with no agreement in force needs one saying how the organisation will sign." example:"Signed at the March committee."`
	Version   int    `json:"version" doc:"The admission's version (or send If-Match)." example:"1"`
}

func (b admissionStepBody) input() pk.AdmissionStepInput {
	return pk.AdmissionStepInput{On: b.On, Signatory: b.Signatory, Note: b.Note, Version: b.Version}
}

func (h *Handlers) registerSteps(a *api.API) {
	manage := httpx.RoleFor(pk.ActionManageAdmissions)
	a.Route("POST", admissionPath+"/checks", manage, httpx.OpDoc{Summary: "Check the charter's criteria with evidence (coordinators, before the decision)", Tag: tag,
		Request: admissionChecksBody{}, Response: pk.Admission{}},
		func(r *http.Request) (any, error) {
			var b admissionChecksBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			in := pk.AdmissionChecksInput{Version: b.Version}
			for _, c := range b.Checks {
				in.Checks = append(in.Checks, pk.AdmissionCheckInput{CriterionID: c.CriterionID, Result: c.Result, Evidence: c.Evidence, EvidenceURL: c.EvidenceURL})
			}
			return h.Admissions.CheckAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), in)
		})
	a.Route("POST", admissionPath+"/decision", manage, httpx.OpDoc{Summary: "Record the decision of the body the charter names for admission (coordinators)", Tag: tag,
		Request: admissionDecisionBody{}, Response: pk.Admission{}},
		func(r *http.Request) (any, error) {
			var b admissionDecisionBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Admissions.DecideAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), pk.AdmissionDecisionInput{
				Outcome: b.Outcome, BodyID: b.BodyID, DecidedOn: b.DecidedOn, Note: b.Note, Version: b.Version})
		})
	for _, s := range []struct {
		path, summary string
		do            func(r *http.Request, in pk.AdmissionStepInput) (*pk.Admission, error)
	}{
		{"/signature", "Record the candidate's signature of every agreement in force (coordinators, after admission)", func(r *http.Request, in pk.AdmissionStepInput) (*pk.Admission, error) {
			return h.Admissions.SignAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), in)
		}},
		{"/activate", "Make the organisation an active member (coordinators, once signed, or admitted with no agreement in force and a note)", func(r *http.Request, in pk.AdmissionStepInput) (*pk.Admission, error) {
			return h.Admissions.ActivateAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), in)
		}},
		{"/withdraw", "Withdraw an open admission (coordinators)", func(r *http.Request, in pk.AdmissionStepInput) (*pk.Admission, error) {
			return h.Admissions.WithdrawAdmission(r.Context(), r.PathValue("pid"), r.PathValue("adid"), in)
		}},
	} {
		a.Route("POST", admissionPath+s.path, manage, httpx.OpDoc{Summary: s.summary, Tag: tag, Request: admissionStepBody{}, Response: pk.Admission{}},
			func(r *http.Request) (any, error) {
				var b admissionStepBody
				if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
					return nil, err
				}
				return s.do(r, b.input())
			})
	}
}
