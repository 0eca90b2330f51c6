package preparation

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/formadvice"
	"github.com/partnerkit/partnerkit/httpx"
)

type formChoicesBody struct {
	Continuum     map[string]string `json:"continuum" doc:"For each attribute of the continuum of collaboration, the option chosen."`
	CoalitionType map[string]string `json:"coalition_type" doc:"For each attribute of the coalition types, the option chosen."`
	Basis         string            `json:"basis" rule:"enum=partnership_basis" doc:"What the partnership is built around." example:"issue"`
	Structure     string            `json:"structure" rule:"enum=partnership_structure" doc:"Formal or informal." example:"informal"`
}

type adoptBody struct {
	Kind    string `json:"kind" rule:"required,enum=adopt_kind" doc:"What to adopt into the profile." example:"form"`
	Value   string `json:"value" rule:"required" doc:"The value adopted: a form, basis or structure, by kind." example:"network"`
	Version int    `json:"version" doc:"The profile's version the change is based on." example:"1"`
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

func (h *Handlers) registerFormAdvice(a *api.API) {
	const tag = "preparation"
	view, edit := httpx.RoleFor(pk.ActionViewPreparation), httpx.RoleFor(pk.ActionEditPreparation)
	// Choosing the form.
	a.Route("GET", "/partnerships/{pid}/form-advice", view, httpx.OpDoc{Summary: "The comparison tables, the saved choices, the recommendations and what is adopted",
		Tag: tag, Response: formAdviceResponse{}},
		func(r *http.Request) (any, error) {
			x, err := h.Preparation.FormAdvice(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return adviceResponse(x), nil
		})
	a.Route("POST", "/partnerships/{pid}/form-advice", edit, httpx.OpDoc{Summary: "Save the chosen options (replacing earlier ones) and get the recommendations",
		Tag: tag, Request: formChoicesBody{}, Response: pk.FormAdvice{}},
		func(r *http.Request) (any, error) {
			var b formChoicesBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Preparation.SaveFormChoices(r.Context(), r.PathValue("pid"), pk.FormChoices{Continuum: b.Continuum, CoalitionType: b.CoalitionType,
				Basis: b.Basis, Structure: b.Structure})
		})
	a.Route("POST", "/partnerships/{pid}/form-advice/adopt", httpx.RoleFor(pk.ActionAdoptForm), httpx.OpDoc{
		Summary: "Adopt a form, basis or structure for the partnership (coordinators; the partnership's version)", Tag: tag,
		Request: adoptBody{}, Response: pk.Partnership{}},
		func(r *http.Request) (any, error) {
			var b adoptBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Preparation.AdoptForm(r.Context(), r.PathValue("pid"), pk.AdoptInput{Kind: b.Kind, Value: b.Value, Version: b.Version})
		})
}
