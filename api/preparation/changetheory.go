package preparation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type statementBody struct {
	Level   string   `json:"level" rule:"required,enum=change_level" doc:"Where the statement sits in the chain, from action to vision."`
	If      string   `json:"if" rule:"max=2000" doc:"If … (the condition or action)." example:"we train twenty youth reporters"`
	Then    string   `json:"then" rule:"required,max=2000" doc:"… then … (the change expected)." example:"local media cover water cuts"`
	Because string   `json:"because" rule:"max=2000" doc:"… because … (the assumption)." example:"editors take stories that come ready"`
	Leads   []string `json:"leads" doc:"Statements this one leads to (their IDs)."`
	Version int      `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b statementBody) input() pk.ChangeStatementInput {
	return pk.ChangeStatementInput{Level: b.Level, If: b.If, Then: b.Then, Because: b.Because, Leads: b.Leads, Version: b.Version}
}

func (h *Handlers) registerTheoryOfChange(a *api.API) {
	const tag = "preparation"
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)
	// Theory of change.
	a.Route("GET", "/partnerships/{pid}/theory-of-change", view, httpx.OpDoc{Summary: "The theory of change: statements and the problems the checks find",
		Tag: tag, Response: pk.TheoryOfChange{}},
		func(r *http.Request) (any, error) {
			return h.Preparation.TheoryOfChange(r.Context(), r.PathValue("pid"))
		})
	a.Route("GET", "/partnerships/{pid}/theory-of-change.svg", view, httpx.OpDoc{Summary: "The theory of change as a diagram", Tag: tag, Raw: "image/svg+xml"},
		func(r *http.Request) (any, error) {
			t, err := h.Preparation.TheoryOfChange(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "image/svg+xml", Body: t.SVG(a.T(r))}, nil
		})
	a.Route("POST", "/partnerships/{pid}/theory-of-change", edit, httpx.OpDoc{Summary: "Add a statement", Tag: tag,
		Request: statementBody{}, Response: pk.ChangeStatement{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b statementBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			s, err := h.Preparation.CreateChangeStatement(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: s}, err
		})
	a.Route("PATCH", "/partnerships/{pid}/theory-of-change/{stid}", edit, httpx.OpDoc{Summary: "Change a statement and its links", Tag: tag,
		Request: statementBody{}, Response: pk.ChangeStatement{}},
		func(r *http.Request) (any, error) {
			toc, err := h.Preparation.TheoryOfChange(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			var cur statementBody
			for _, s := range toc.Statements {
				if s.ID == r.PathValue("stid") {
					cur = statementBody{Level: s.Level, If: s.If, Then: s.Then, Because: s.Because, Leads: s.Leads}
				}
			}
			var b statementBody
			if err := api.DecodeMerge(r, cur, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Preparation.UpdateChangeStatement(r.Context(), r.PathValue("pid"), r.PathValue("stid"), b.input())
		})
	a.Route("DELETE", "/partnerships/{pid}/theory-of-change/{stid}", edit, httpx.OpDoc{Summary: "Remove a statement (version in If-Match or the body)",
		Tag: tag, Request: api.VersionBody{}},
		func(r *http.Request) (any, error) {
			v, err := deleteVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Preparation.DeleteChangeStatement(r.Context(), r.PathValue("pid"), r.PathValue("stid"), v)
		})
}
