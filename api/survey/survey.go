// Package survey answers the API calls of surveys: the surveys with their
// items, their links and their results. A survey is {svid} ({sid} is a
// session) and a link {slid}. Answering is the account-free page /s/{code}
// only: an answer needs no API client and no account.
package survey

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the surveys API calls.
type Handlers struct {
	Surveys pk.SurveyService
}

const (
	tag         = "surveys"
	surveysPath = "/partnerships/{pid}/surveys"
	surveyPath  = surveysPath + "/{svid}"
)

type itemBody struct {
	Kind     string   `json:"kind" rule:"required,enum=survey_item_kind" doc:"section (a heading), single or multiple choice, scale (1–5), number, text, matrix (rows on one 1–5 scale)." example:"scale"`
	Prompt   string   `json:"prompt" rule:"required,max=500" doc:"The question, or the section's heading." example:"How satisfied are you with the workshop?"`
	Help     string   `json:"help" rule:"max=1000" doc:"A hint under the question."`
	Options  []string `json:"options" doc:"Choices: the options (2 to 20)."`
	Rows     []string `json:"rows" doc:"Matrix: the rows (1 to 20)."`
	Required bool     `json:"required" doc:"An answer must give it."`
	Correct  *int     `json:"correct" doc:"Single choice on a knowledge test: the index of the right option (from 0); null for none."`
}

// patchBody is a survey's change: its fields as in surveyBody, without
// the template (a template is for making a survey).
type patchBody struct {
	Title     string      `json:"title" rule:"required,max=200" doc:"The survey's title, as respondents see it." example:"After the football workshop"`
	Intro     string      `json:"intro" rule:"max=4000" doc:"A few words to respondents above the questions."`
	Kind      string      `json:"kind" rule:"enum=survey_kind" doc:"single or prepost (drafts only)." example:"single"`
	Anonymous bool        `json:"anonymous" doc:"Nothing links an answer to a person (drafts nobody answered only)."`
	Status    string      `json:"status" rule:"enum=survey_status" doc:"draft, open (answers are taken) or closed." example:"open"`
	Items     *[]itemBody `json:"items,omitempty" doc:"The items in order; replaces them all (drafts only). Absent: kept."`
	Version   int         `json:"version,omitempty" doc:"The version the change is based on (or send If-Match)."`
}

func (b patchBody) input() pk.SurveyInput {
	return surveyBody{Title: b.Title, Intro: b.Intro, Kind: b.Kind, Anonymous: b.Anonymous, Status: b.Status, Items: b.Items, Version: b.Version}.input()
}

type surveyBody struct {
	Title     string      `json:"title" rule:"required,max=200" doc:"The survey's title, as respondents see it." example:"After the football workshop"`
	Intro     string      `json:"intro" rule:"max=4000" doc:"A few words to respondents above the questions."`
	Kind      string      `json:"kind" rule:"enum=survey_kind" doc:"single (one round) or prepost (a pre- and a post-test with the same questions); default: single, or the template's." example:"single"`
	Anonymous bool        `json:"anonymous" doc:"Nothing links an answer to a person; results of fewer than 5 answers are not shown."`
	Status    string      `json:"status" rule:"enum=survey_status" doc:"draft, open (answers are taken) or closed. A new survey is a draft." example:"draft"`
	Template  string      `json:"template,omitempty" rule:"enum=survey_template" doc:"On creation: start from a template (satisfaction after an activity; knowledge: a pre/post test), in the asker's language." example:"satisfaction"`
	Items     *[]itemBody `json:"items,omitempty" doc:"The items in order; replaces them all (drafts only). Absent: kept (or the template's)."`
	Version   int         `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b surveyBody) input() pk.SurveyInput {
	in := pk.SurveyInput{Title: b.Title, Intro: b.Intro, Kind: b.Kind, Anonymous: b.Anonymous, Status: b.Status, Version: b.Version}
	if in.Kind == "" {
		in.Kind = pk.SurveySingle
	}
	if b.Items != nil {
		in.SetItems = true
		in.Items = []pk.SurveyItemInput{}
		for _, it := range *b.Items {
			x := pk.SurveyItemInput{Kind: it.Kind, Prompt: it.Prompt, Help: it.Help, Options: it.Options, Rows: it.Rows, Required: it.Required, Correct: -1}
			if it.Correct != nil {
				x.Correct = *it.Correct
			}
			in.Items = append(in.Items, x)
		}
	}
	return in
}

// bodyOf is what a PATCH starts from: the items are left out, so that a
// PATCH without them keeps them (and may change an open survey's text).
func bodyOf(s *pk.Survey) patchBody {
	return patchBody{Title: s.Title, Intro: s.Intro, Kind: s.Kind, Anonymous: s.Anonymous, Status: s.Status}
}

// Register adds the surveys routes.
func (h *Handlers) Register(a *api.API) {
	view, edit := httpx.RoleFor(pk.ActionViewSurveys), httpx.RoleFor(pk.ActionEditSurveys)
	a.Route("GET", surveysPath, view, httpx.OpDoc{Summary: "The partnership's surveys, newest first (at most 500), with their answer counts by round", Tag: tag,
		Response: pk.Survey{}, List: true},
		func(r *http.Request) (any, error) {
			l, err := h.Surveys.Surveys(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.Survey]{Items: api.NonNil(l.Items), ItemsCut: l.Cut}, nil
		})
	a.Route("POST", surveysPath, edit, httpx.OpDoc{Summary: "Make a draft survey, from items or a template (coordinators)", Tag: tag,
		Request: surveyBody{}, Response: pk.Survey{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b surveyBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			in := b.input()
			if b.Template != "" {
				t := a.T(r)
				from, ok := pk.SurveyFromTemplate(b.Template, func(key string) string { return t(key) })
				if !ok {
					return nil, pk.FieldInvalid("template", "validation.choice", nil)
				}
				if b.Kind == "" {
					in.Kind = from.Kind
				}
				if b.Items == nil {
					in.Items, in.SetItems = from.Items, true
				}
				if in.Intro == "" {
					in.Intro = from.Intro
				}
			}
			s, err := h.Surveys.CreateSurvey(r.Context(), r.PathValue("pid"), in)
			return api.Created{Value: s}, err
		})
	a.Route("GET", surveyPath, view, httpx.OpDoc{Summary: "A survey with its items and answer counts", Tag: tag, Response: pk.Survey{}},
		func(r *http.Request) (any, error) {
			return h.Surveys.Survey(r.Context(), r.PathValue("pid"), r.PathValue("svid"))
		})
	a.Route("PATCH", surveyPath, edit, httpx.OpDoc{Summary: "Change a survey (fields sent): items only as a draft; status draft → open → closed (coordinators)", Tag: tag,
		Request: patchBody{}, Response: pk.Survey{}},
		func(r *http.Request) (any, error) {
			pid, svid := r.PathValue("pid"), r.PathValue("svid")
			cur, err := h.Surveys.Survey(r.Context(), pid, svid)
			if err != nil {
				return nil, err
			}
			var b patchBody
			if err := api.DecodeMerge(r, bodyOf(cur), &b, &b.Version); err != nil {
				return nil, err
			}
			in := b.input()
			if in.Status == cur.Status {
				in.Status = ""
			}
			return h.Surveys.UpdateSurvey(r.Context(), pid, svid, in)
		})
	h.registerLinks(a)
	a.Route("GET", surveyPath+"/results", view, httpx.OpDoc{Summary: "Results: per round and item counts, means, matrix rows, texts (at most 200 per question); a pre/post test's paired change. Groups of fewer than 5 answers of an anonymous survey say too_few and nothing else", Tag: tag,
		Response: pk.SurveyResults{}},
		func(r *http.Request) (any, error) {
			return h.Surveys.SurveyResults(r.Context(), r.PathValue("pid"), r.PathValue("svid"))
		})
	for _, format := range []string{"csv", "xlsx"} {
		ct, sent := "text/csv", "text/csv; charset=utf-8"
		if format == "xlsx" {
			ct = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			sent = ct
		}
		a.Route("GET", surveyPath+"/answers."+format, httpx.RoleFor(pk.ActionExportSurveys), httpx.OpDoc{
			Summary: "The answers as " + format + ": one row per answer in no telling order; names on a named survey for coordinators only; an anonymous round of fewer than 5 answers left out (members)",
			Tag:     tag, Raw: ct},
			func(r *http.Request) (any, error) {
				body, err := h.Surveys.ExportSurvey(r.Context(), r.PathValue("pid"), r.PathValue("svid"), format)
				if err != nil {
					return nil, err
				}
				return api.Raw{ContentType: sent, Filename: "survey-answers." + format, Body: body}, nil
			})
	}
}
