// Package agreement answers the API calls of the partnership agreement:
// agreements, the versions of their text, the signatures of the member
// organisations, comments on sections, and the Markdown and Word exports.
package agreement

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the agreements' API calls.
type Handlers struct {
	Agreements pk.AgreementService
	api        *api.API
}

// Register adds the agreements' routes.
func (h *Handlers) Register(a *api.API) {
	h.api = a
	h.registerAgreements(a)
	h.registerComments(a)
	h.registerExports(a)
	h.registerRedraft(a)
}

type agreementBody struct {
	Kind     string          `json:"kind" rule:"required,enum=agreement_kind" doc:"A memorandum of understanding, a partnering agreement or terms of reference." example:"mou"`
	Title    string          `json:"title" rule:"required,max=200" doc:"The agreement's title." example:"Memorandum of understanding of the Welcome City Coalition"`
	Sections []rules.Section `json:"sections,omitempty" doc:"The text, section by section (id one of partners, purpose, objectives, values, expectations, roles, activities, resources, decisions, information, budget, indicators, duration; body in Markdown). Left out: a first draft from the partnership's members, theory of change and self-analysis, in the asker's language."`
}

type textBody struct {
	Sections []rules.Section `json:"sections" doc:"The whole new text, section by section (Markdown bodies)."`
	Note     string          `json:"note,omitempty" rule:"max=1000" doc:"What changed and why, for the version history."`
	Version  int             `json:"version" doc:"The agreement's version the change is based on (or send If-Match)." example:"1"`
}

type statusBody struct {
	Status  string `json:"status" rule:"required,enum=agreement_status_move" doc:"circulated (a draft goes out for signature) or superseded." example:"circulated"`
	Version int    `json:"version" doc:"The agreement's version the change is based on (or send If-Match)." example:"1"`
}

type checklistBody struct {
	Answers []pk.AgreementChecklistEntry `json:"answers" doc:"Items answered: item (an ID of the checklist), answer (not_relevant, not_in_place, partly, in_place; empty clears it), note."`
}

type signBody struct {
	OrganisationID string `json:"organisation_id" rule:"required,max=100" doc:"The member organisation signed for: one the asker belongs to and represents in the partnership." example:"o1p2q3r4s5t6u7v8w9x0"`
	TypedName      string `json:"typed_name" rule:"required,max=200" doc:"The signer's name, as they type it." example:"Amina Yusuf"`
	TextSHA256     string `json:"text_sha256,omitempty" rule:"max=64" doc:"The SHA-256 of the text read; when it is no longer the current text's, the signature is refused."`
}

func (h *Handlers) registerAgreements(a *api.API) {
	const tag = "agreements"
	view, edit, sign := httpx.RoleFor(pk.ActionViewAgreements), httpx.RoleFor(pk.ActionEditAgreements), httpx.RoleFor(pk.ActionSignAgreements)
	a.Route("GET", "/partnerships/{pid}/agreements", view, httpx.OpDoc{Summary: "The partnership's agreements, newest first", Tag: tag,
		Response: pk.AgreementList{}},
		func(r *http.Request) (any, error) {
			return h.Agreements.Agreements(r.Context(), r.PathValue("pid"))
		})
	a.Route("POST", "/partnerships/{pid}/agreements", edit, httpx.OpDoc{Summary: "Start an agreement as a draft (without sections: drafted from what the partnership knows)", Tag: tag,
		Request: agreementBody{}, Response: pk.Agreement{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b agreementBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			pid := r.PathValue("pid")
			in := pk.AgreementInput{Kind: b.Kind, Title: b.Title, Sections: b.Sections}
			if len(in.Sections) == 0 {
				// AgreementFacts asks who may draft before anything is checked.
				facts, err := h.Agreements.AgreementFacts(r.Context(), pid)
				if err != nil {
					return nil, err
				}
				if err := in.Validate(); err != nil {
					return nil, err
				}
				T := h.api.T(r)
				in.Sections = rules.Draft(b.Kind, *facts, T)
			}
			x, err := h.Agreements.CreateAgreement(r.Context(), pid, in)
			return api.Created{Value: x}, err
		})
	a.Route("GET", "/partnerships/{pid}/agreements/{agid}", view, httpx.OpDoc{Summary: "An agreement: its current text, text_sha256, signed_by and missing organisations", Tag: tag,
		Response: pk.Agreement{}},
		func(r *http.Request) (any, error) {
			return h.Agreements.Agreement(r.Context(), r.PathValue("pid"), r.PathValue("agid"))
		})
	a.Route("GET", "/partnerships/{pid}/agreements/{agid}/versions", view, httpx.OpDoc{Summary: "The versions of an agreement's text, newest first", Tag: tag,
		Response: pk.AgreementVersionList{}},
		func(r *http.Request) (any, error) {
			return h.Agreements.AgreementVersions(r.Context(), r.PathValue("pid"), r.PathValue("agid"))
		})
	a.Route("POST", "/partnerships/{pid}/agreements/{agid}/versions", edit, httpx.OpDoc{Summary: "Change the text (a draft in place; once circulated a new version, which every organisation signs again)", Tag: tag,
		Request: textBody{}, Response: pk.Agreement{}},
		func(r *http.Request) (any, error) {
			var b textBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Agreements.UpdateAgreementText(r.Context(), r.PathValue("pid"), r.PathValue("agid"), pk.AgreementTextInput{Version: b.Version, Sections: b.Sections, Note: b.Note})
		})
	a.Route("POST", "/partnerships/{pid}/agreements/{agid}/status", edit, httpx.OpDoc{Summary: "Circulate a draft, or mark an agreement superseded", Tag: tag,
		Request: statusBody{}, Response: pk.Agreement{}},
		func(r *http.Request) (any, error) {
			var b statusBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Agreements.SetAgreementStatus(r.Context(), r.PathValue("pid"), r.PathValue("agid"), pk.AgreementStatusInput{Version: b.Version, Status: b.Status})
		})
	a.Route("GET", "/partnerships/{pid}/agreements/{agid}/checklist", view, httpx.OpDoc{Summary: "The agreement checklist: who, why, what and how items with their answers", Tag: tag,
		Response: pk.AgreementChecklist{}},
		func(r *http.Request) (any, error) {
			return h.Agreements.AgreementChecklist(r.Context(), r.PathValue("pid"), r.PathValue("agid"))
		})
	a.Route("PUT", "/partnerships/{pid}/agreements/{agid}/checklist", edit, httpx.OpDoc{Summary: "Answer checklist items (the others keep their answers)", Tag: tag,
		Request: checklistBody{}, Response: pk.AgreementChecklist{}},
		func(r *http.Request) (any, error) {
			var b checklistBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Agreements.SetAgreementChecklist(r.Context(), r.PathValue("pid"), r.PathValue("agid"), pk.AgreementChecklistInput{Answers: b.Answers})
		})
	a.Route("GET", "/partnerships/{pid}/agreements/{agid}/signatures", view, httpx.OpDoc{Summary: "The signing log: every version and signature, oldest first, with its time and hash", Tag: tag,
		Response: pk.AgreementLog{}},
		func(r *http.Request) (any, error) {
			return h.Agreements.AgreementLog(r.Context(), r.PathValue("pid"), r.PathValue("agid"))
		})
	a.Route("POST", "/partnerships/{pid}/agreements/{agid}/signatures", sign, httpx.OpDoc{Summary: "Sign the current text for a member organisation (organisation_id, typed_name)", Tag: tag,
		Request: signBody{}, Response: pk.Agreement{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b signBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Agreements.SignAgreement(r.Context(), r.PathValue("pid"), r.PathValue("agid"), pk.AgreementSignInput{OrganisationID: b.OrganisationID, TypedName: b.TypedName, TextSHA256: b.TextSHA256})
			return api.Created{Value: x}, err
		})
}
