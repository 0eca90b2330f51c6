package preparation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type selfAnalysisBody struct {
	Section string `json:"section,omitempty" rule:"required,create,enum=self_analysis_section" doc:"The section contributed to (read on creation only)." example:"strengths"`
	Text    string `json:"text" rule:"max=8000" doc:"The contribution: required in text sections (at most 8000 characters), a comment beside a yes/no answer (at most 4000)." example:"We have run two joint campaigns with the youth council."`
	Answer  string `json:"answer,omitempty" rule:"enum=self_analysis_answer" doc:"yes, no or not_sure, in yes/no sections (required there)."`
	Version int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b selfAnalysisBody) input() pk.SelfAnalysisInput {
	return pk.SelfAnalysisInput{Section: b.Section, Text: b.Text, Answer: b.Answer, Version: b.Version}
}

func (h *Handlers) registerSelfAnalysis(a *api.API) {
	const tag = "preparation"
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)
	a.Route("GET", "/partnerships/{pid}/self-analysis", view, httpx.OpDoc{Summary: "The partnership's self-analysis: every section with everyone's contributions",
		Tag: tag, Response: pk.SelfAnalysis{}},
		func(r *http.Request) (any, error) { return h.Preparation.SelfAnalysis(r.Context(), r.PathValue("pid")) })
	a.Route("POST", "/partnerships/{pid}/self-analysis", edit, httpx.OpDoc{Summary: "Add your contribution to a section (answer yes/no/not_sure in yes/no sections)",
		Tag: tag, Request: selfAnalysisBody{}, Response: pk.SelfAnalysisEntry{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b selfAnalysisBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			e, err := h.Preparation.AddSelfAnalysis(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: e}, err
		})
	a.Route("PATCH", "/partnerships/{pid}/self-analysis/{said}", edit, httpx.OpDoc{Summary: "Change your own contribution", Tag: tag,
		Request: selfAnalysisBody{}, Response: pk.SelfAnalysisEntry{}},
		func(r *http.Request) (any, error) {
			sa, err := h.Preparation.SelfAnalysis(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			var cur selfAnalysisBody
			for _, s := range sa.Sections {
				for _, e := range s.Entries {
					if e.ID == r.PathValue("said") {
						cur = selfAnalysisBody{Section: e.Section, Text: e.Text, Answer: e.Answer}
					}
				}
			}
			var b selfAnalysisBody
			if err := api.DecodeMerge(r, cur, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Preparation.UpdateSelfAnalysis(r.Context(), r.PathValue("pid"), r.PathValue("said"), b.input())
		})
	a.Route("DELETE", "/partnerships/{pid}/self-analysis/{said}", edit, httpx.OpDoc{Summary: "Remove your own contribution (version in If-Match or the body)",
		Tag: tag, Request: api.VersionBody{}},
		func(r *http.Request) (any, error) {
			v, err := deleteVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Preparation.DeleteSelfAnalysis(r.Context(), r.PathValue("pid"), r.PathValue("said"), v)
		})

	// Self-analysis of an organisation: its people only.
	a.Route("GET", "/organisations/{oid}/self-analysis", httpx.SignedIn, httpx.OpDoc{Summary: "An organisation's own self-analysis (its people only)",
		Tag: tag, Response: pk.SelfAnalysis{}},
		func(r *http.Request) (any, error) {
			return h.Preparation.OrganisationSelfAnalysis(r.Context(), r.PathValue("oid"))
		})
	a.Route("POST", "/organisations/{oid}/self-analysis", httpx.SignedIn, httpx.OpDoc{Summary: "Add your contribution to your organisation's self-analysis",
		Tag: tag, Request: selfAnalysisBody{}, Response: pk.SelfAnalysisEntry{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b selfAnalysisBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			e, err := h.Preparation.AddOrganisationSelfAnalysis(r.Context(), r.PathValue("oid"), b.input())
			return api.Created{Value: e}, err
		})
}
