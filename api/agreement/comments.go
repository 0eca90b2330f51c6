package agreement

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type commentBody struct {
	Section string `json:"section" rule:"required,enum=agreement_section" doc:"The section commented on; the comment is on the current version of the text." example:"decisions"`
	Body    string `json:"body" rule:"required,max=4000" doc:"The comment." example:"Could the chair rotate every six months?"`
}

// registerComments adds the comments on an agreement's sections.
func (h *Handlers) registerComments(a *api.API) {
	const tag = "agreements"
	base := "/partnerships/{pid}/agreements/{agid}/comments"
	view, comment := httpx.RoleFor(pk.ActionViewAgreements), httpx.RoleFor(pk.ActionCommentAgreements)
	a.Route("GET", base, view, httpx.OpDoc{Summary: "Comments on the agreement's sections, in the order of the text and oldest first; each section keeps its newest 50 (cut_sections names those cut); deletable says whether the asker may delete one", Tag: tag,
		Response: pk.AgreementCommentList{}},
		func(r *http.Request) (any, error) {
			return h.Agreements.AgreementComments(r.Context(), r.PathValue("pid"), r.PathValue("agid"))
		})
	a.Route("POST", base, comment, httpx.OpDoc{Summary: "Comment on a section of the current text (members and coordinators)", Tag: tag,
		Request: commentBody{}, Response: pk.AgreementComment{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b commentBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			c, err := h.Agreements.AddAgreementComment(r.Context(), r.PathValue("pid"), r.PathValue("agid"), pk.AgreementCommentInput{Section: b.Section, Body: b.Body})
			return api.Created{Value: c}, err
		})
	a.Route("DELETE", base+"/{cid}", comment, httpx.OpDoc{Summary: "Delete a comment: the author's own, or any for a coordinator (If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			n := 0
			if s := r.URL.Query().Get("version"); s != "" {
				var err error
				if n, err = strconv.Atoi(s); err != nil {
					return nil, pk.FieldInvalid("version", "validation.number", nil)
				}
			}
			v, err := api.Version(r, n)
			if err != nil {
				return nil, err
			}
			return nil, h.Agreements.DeleteAgreementComment(r.Context(), r.PathValue("pid"), r.PathValue("agid"), r.PathValue("cid"), v)
		})
}
