package api

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/formadvice"
	"github.com/partnerkit/partnerkit/httpx"
)

type selfAnalysisBody struct {
	Section string `json:"section,omitempty"`
	Text    string `json:"text"`
	Answer  string `json:"answer,omitempty"`
	Version int    `json:"version,omitempty"`
}

func (b selfAnalysisBody) input() pk.SelfAnalysisInput {
	return pk.SelfAnalysisInput{Section: b.Section, Text: b.Text, Answer: b.Answer, Version: b.Version}
}

type readinessBody struct {
	Answer string `json:"answer"`
	Note   string `json:"note,omitempty"`
}

type statementBody struct {
	Level   string   `json:"level"`
	If      string   `json:"if"`
	Then    string   `json:"then"`
	Because string   `json:"because"`
	Leads   []string `json:"leads"`
	Version int      `json:"version,omitempty"`
}

func (b statementBody) input() pk.ChangeStatementInput {
	return pk.ChangeStatementInput{Level: b.Level, If: b.If, Then: b.Then, Because: b.Because, Leads: b.Leads, Version: b.Version}
}

type formChoicesBody struct {
	Continuum     map[string]string `json:"continuum"`
	CoalitionType map[string]string `json:"coalition_type"`
	Basis         string            `json:"basis"`
	Structure     string            `json:"structure"`
}

type adoptBody struct {
	Kind    string `json:"kind"`
	Value   string `json:"value"`
	Version int    `json:"version"`
}

// adviceOption, adviceAttribute … describe the comparison tables, with
// message IDs a client translates (or shows) as it likes.
type adviceOption struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

type adviceAttribute struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Question string         `json:"question"`
	Options  []adviceOption `json:"options"`
}

type adviceBasis struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	FitsWhen    string `json:"fits_when"`
	Examples    string `json:"examples"`
}

type adviceStructure struct {
	ID            string   `json:"id"`
	Name          string   `json:"name"`
	Description   string   `json:"description"`
	FitsWhen      string   `json:"fits_when"`
	Advantages    []string `json:"advantages"`
	Disadvantages []string `json:"disadvantages"`
}

type formAdviceResponse struct {
	pk.FormAdvice
	Attributes          []adviceAttribute `json:"attributes"`
	CoalitionDimensions []adviceAttribute `json:"coalition_dimensions"`
	Bases               []adviceBasis     `json:"bases"`
	Structures          []adviceStructure `json:"structures"`
}

func attributes(in []formadvice.Attribute) []adviceAttribute {
	out := make([]adviceAttribute, len(in))
	for i, a := range in {
		out[i] = adviceAttribute{ID: a.ID, Name: a.Name, Question: a.Question}
		for _, o := range a.Options {
			out[i].Options = append(out[i].Options, adviceOption{ID: o.ID, Message: o.Message})
		}
	}
	return out
}

func adviceResponse(a *pk.FormAdvice) formAdviceResponse {
	r := formAdviceResponse{FormAdvice: *a, Attributes: attributes(formadvice.Attributes), CoalitionDimensions: attributes(formadvice.CoalitionDimensions)}
	for _, b := range formadvice.Bases {
		r.Bases = append(r.Bases, adviceBasis{ID: b.ID, Name: b.Name, Description: b.Description, FitsWhen: b.FitsWhen, Examples: b.Examples})
	}
	for _, s := range formadvice.Structures {
		r.Structures = append(r.Structures, adviceStructure{ID: s.ID, Name: s.Name, Description: s.Description, FitsWhen: s.FitsWhen,
			Advantages: s.Advantages, Disadvantages: s.Disadvantages})
	}
	return r
}

// deleteVersion reads the version a deletion is based on: If-Match, else a
// {"version": n} body, else ?version=.
func deleteVersion(r *http.Request) (int, error) {
	var b versionBody
	if r.ContentLength != 0 && r.Body != nil && r.Body != http.NoBody {
		if err := decode(r, &b); err != nil {
			return 0, err
		}
	}
	if b.Version == 0 {
		b.Version, _ = strconv.Atoi(r.URL.Query().Get("version"))
	}
	return version(r, b.Version)
}

func (a *API) registerPreparation() {
	const tag = "preparation"
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)

	// Self-analysis of the partnership.
	a.route("GET", "/partnerships/{pid}/self-analysis", view, httpx.OpDoc{Summary: "The partnership's self-analysis: every section with everyone's contributions",
		Tag: tag, Response: pk.SelfAnalysis{}},
		func(r *http.Request) (any, error) { return a.DB.SelfAnalysis(r.Context(), r.PathValue("pid")) })
	a.route("POST", "/partnerships/{pid}/self-analysis", edit, httpx.OpDoc{Summary: "Add your contribution to a section (answer yes/no/not_sure in yes/no sections)",
		Tag: tag, Request: selfAnalysisBody{}, Response: pk.SelfAnalysisEntry{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b selfAnalysisBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			e, err := a.DB.AddSelfAnalysis(r.Context(), r.PathValue("pid"), b.input())
			return Created{e}, err
		})
	a.route("PATCH", "/partnerships/{pid}/self-analysis/{said}", edit, httpx.OpDoc{Summary: "Change your own contribution", Tag: tag,
		Request: selfAnalysisBody{}, Response: pk.SelfAnalysisEntry{}},
		func(r *http.Request) (any, error) {
			var b selfAnalysisBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return a.DB.UpdateSelfAnalysis(r.Context(), r.PathValue("pid"), r.PathValue("said"), b.input())
		})
	a.route("DELETE", "/partnerships/{pid}/self-analysis/{said}", edit, httpx.OpDoc{Summary: "Remove your own contribution (version in If-Match or the body)",
		Tag: tag, Request: versionBody{}},
		func(r *http.Request) (any, error) {
			v, err := deleteVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, a.DB.DeleteSelfAnalysis(r.Context(), r.PathValue("pid"), r.PathValue("said"), v)
		})

	// Self-analysis of an organisation: its people only.
	a.route("GET", "/organisations/{oid}/self-analysis", httpx.SignedIn, httpx.OpDoc{Summary: "An organisation's own self-analysis (its people only)",
		Tag: tag, Response: pk.SelfAnalysis{}},
		func(r *http.Request) (any, error) {
			return a.DB.OrganisationSelfAnalysis(r.Context(), r.PathValue("oid"))
		})
	a.route("POST", "/organisations/{oid}/self-analysis", httpx.SignedIn, httpx.OpDoc{Summary: "Add your contribution to your organisation's self-analysis",
		Tag: tag, Request: selfAnalysisBody{}, Response: pk.SelfAnalysisEntry{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b selfAnalysisBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			e, err := a.DB.AddOrganisationSelfAnalysis(r.Context(), r.PathValue("oid"), b.input())
			return Created{e}, err
		})

	// Start-up checklist.
	a.route("GET", "/partnerships/{pid}/readiness", view, httpx.OpDoc{Summary: "The start-up checklist: questions, answers (names to members and up) and the verdict",
		Tag: tag, Response: pk.Readiness{}},
		func(r *http.Request) (any, error) { return a.DB.Readiness(r.Context(), r.PathValue("pid")) })
	a.route("POST", "/partnerships/{pid}/readiness/{qid}", edit, httpx.OpDoc{Summary: "Give or change your answer to a question (yes, no, not_sure)",
		Tag: tag, Request: readinessBody{}, Response: pk.ReadinessAnswer{}},
		func(r *http.Request) (any, error) {
			var b readinessBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			return a.DB.AnswerReadiness(r.Context(), r.PathValue("pid"), pk.ReadinessInput{QuestionID: r.PathValue("qid"), Answer: b.Answer, Note: b.Note})
		})

	// Theory of change.
	a.route("GET", "/partnerships/{pid}/theory-of-change", view, httpx.OpDoc{Summary: "The theory of change: statements and the problems the checks find",
		Tag: tag, Response: pk.TheoryOfChange{}},
		func(r *http.Request) (any, error) { return a.DB.TheoryOfChange(r.Context(), r.PathValue("pid")) })
	a.route("GET", "/partnerships/{pid}/theory-of-change.svg", view, httpx.OpDoc{Summary: "The theory of change as a diagram", Tag: tag, Raw: "image/svg+xml"},
		func(r *http.Request) (any, error) {
			t, err := a.DB.TheoryOfChange(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return Raw{ContentType: "image/svg+xml", Body: t.SVG(a.Bundle.Localizer(language(r)).T)}, nil
		})
	a.route("POST", "/partnerships/{pid}/theory-of-change", edit, httpx.OpDoc{Summary: "Add a statement", Tag: tag,
		Request: statementBody{}, Response: pk.ChangeStatement{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b statementBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			s, err := a.DB.CreateChangeStatement(r.Context(), r.PathValue("pid"), b.input())
			return Created{s}, err
		})
	a.route("PATCH", "/partnerships/{pid}/theory-of-change/{stid}", edit, httpx.OpDoc{Summary: "Change a statement and its links", Tag: tag,
		Request: statementBody{}, Response: pk.ChangeStatement{}},
		func(r *http.Request) (any, error) {
			var b statementBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return a.DB.UpdateChangeStatement(r.Context(), r.PathValue("pid"), r.PathValue("stid"), b.input())
		})
	a.route("DELETE", "/partnerships/{pid}/theory-of-change/{stid}", edit, httpx.OpDoc{Summary: "Remove a statement (version in If-Match or the body)",
		Tag: tag, Request: versionBody{}},
		func(r *http.Request) (any, error) {
			v, err := deleteVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, a.DB.DeleteChangeStatement(r.Context(), r.PathValue("pid"), r.PathValue("stid"), v)
		})

	// Choosing the form.
	a.route("GET", "/partnerships/{pid}/form-advice", view, httpx.OpDoc{Summary: "The comparison tables, the saved choices, the recommendations and what is adopted",
		Tag: tag, Response: formAdviceResponse{}},
		func(r *http.Request) (any, error) {
			x, err := a.DB.FormAdvice(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return adviceResponse(x), nil
		})
	a.route("POST", "/partnerships/{pid}/form-advice", edit, httpx.OpDoc{Summary: "Save the chosen options (replacing earlier ones) and get the recommendations",
		Tag: tag, Request: formChoicesBody{}, Response: pk.FormAdvice{}},
		func(r *http.Request) (any, error) {
			var b formChoicesBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			return a.DB.SaveFormChoices(r.Context(), r.PathValue("pid"), pk.FormChoices{Continuum: b.Continuum, CoalitionType: b.CoalitionType,
				Basis: b.Basis, Structure: b.Structure})
		})
	a.route("POST", "/partnerships/{pid}/form-advice/adopt", httpx.RoleFor(pk.ActionAdoptForm), httpx.OpDoc{
		Summary: "Adopt a form, basis or structure for the partnership (coordinators; the partnership's version)", Tag: tag,
		Request: adoptBody{}, Response: pk.Partnership{}},
		func(r *http.Request) (any, error) {
			var b adoptBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return a.DB.AdoptForm(r.Context(), r.PathValue("pid"), pk.AdoptInput{Kind: b.Kind, Value: b.Value, Version: b.Version})
		})
}
