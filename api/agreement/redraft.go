package agreement

import (
	"net/http"
	"slices"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type redraftBody struct {
	Section string `json:"section" rule:"required,enum=agreement_redrafted" doc:"The section written again from what Partnerkit knows: partners, purpose, roles (the charter's bodies), resources or decisions (the charter in force)." example:"decisions"`
	Version int    `json:"version" doc:"The agreement's version the change is based on (or send If-Match)." example:"1"`
}

// registerRedraft adds the redraft of one section from the partnership's
// data, in the asker's language.
func (h *Handlers) registerRedraft(a *api.API) {
	a.Route("POST", "/partnerships/{pid}/agreements/{agid}/redraft", httpx.RoleFor(pk.ActionEditAgreements), httpx.OpDoc{Summary: "Write one section again from what Partnerkit knows (decisions from the charter in force) and save the text: in place while a draft, else a new version that every organisation signs again", Tag: "agreements",
		Request: redraftBody{}, Response: pk.Agreement{}},
		func(r *http.Request) (any, error) {
			var b redraftBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			ctx, pid, id := r.Context(), r.PathValue("pid"), r.PathValue("agid")
			// AgreementFacts asks who may redraft before anything is checked.
			facts, err := h.Agreements.AgreementFacts(ctx, pid)
			if err != nil {
				return nil, err
			}
			x, err := h.Agreements.Agreement(ctx, pid, id)
			if err != nil {
				return nil, err
			}
			if !slices.Contains(rules.Redrafted, b.Section) {
				return nil, pk.FieldInvalid("section", "validation.choice", nil)
			}
			T := h.api.T(r)
			s := rules.Redraft(b.Section, x.Kind, *facts, T)
			return h.Agreements.UpdateAgreementText(ctx, pid, id, pk.AgreementTextInput{Version: b.Version, Sections: rules.Replace(x.Sections, s),
				Note: T("agreement.redraft.note", "Section", s.Title)})
		})
}
