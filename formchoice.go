package partnerkit

import (
	"slices"
	"time"

	"github.com/partnerkit/partnerkit/formadvice"
)

// FormChoices are what a partnership picked when comparing forms: for each
// attribute of the continuum of collaboration and each dimension of the
// coalition types the description that fits, and the basis and structure
// that seem right.
type FormChoices struct {
	Continuum     map[string]string `json:"continuum"`
	CoalitionType map[string]string `json:"coalition_type"`
	Basis         string            `json:"basis"`
	Structure     string            `json:"structure"`
	// UpdatedAt and UpdatedBy tell when the choices last changed.
	UpdatedAt *time.Time `json:"updated_at,omitempty"`
	UpdatedBy string     `json:"updated_by,omitempty"`
}

// Validate checks that every choice names a known attribute and option.
// Empty choices are allowed: a group may answer part of the comparison.
func (c *FormChoices) Validate() error {
	var v Validator
	check := func(prefix string, attrs []formadvice.Attribute, m map[string]string) {
		for k, val := range m {
			if val == "" {
				delete(m, k)
				continue
			}
			i := slices.IndexFunc(attrs, func(a formadvice.Attribute) bool { return a.ID == k })
			if i < 0 {
				v.Add(prefix+"."+k, "preparation.validation.unknown_attribute", nil)
				continue
			}
			if !slices.ContainsFunc(attrs[i].Options, func(o formadvice.Option) bool { return o.ID == val }) {
				v.Add(prefix+"."+k, "validation.choice", nil)
			}
		}
	}
	if c.Continuum == nil {
		c.Continuum = map[string]string{}
	}
	if c.CoalitionType == nil {
		c.CoalitionType = map[string]string{}
	}
	check("continuum", formadvice.Attributes, c.Continuum)
	check("coalition_type", formadvice.CoalitionDimensions, c.CoalitionType)
	v.OneOf("basis", c.Basis, false, PartnershipBases)
	v.OneOf("structure", c.Structure, false, PartnershipStructures)
	return v.Err()
}

// FormScore is how well one form (or coalition type) fits, from 0 to 1.
type FormScore struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"` // message ID
	Score float64 `json:"score"`
	// Percent is Score rounded to a whole percentage, for bar lists.
	Percent int `json:"percent"`
}

// FormExplanation says which form one answered attribute points to.
type FormExplanation struct {
	Attribute string `json:"attribute"`
	Name      string `json:"name"` // message ID of the attribute
	Option    string `json:"option"`
	Message   string `json:"message"` // message ID of the chosen description
	PointsTo  string `json:"points_to"`
}

// FormRecommendation is a recommendation with its scores and reasons.
type FormRecommendation struct {
	Recommended  string            `json:"recommended"`
	Scores       []FormScore       `json:"scores"`
	Explanations []FormExplanation `json:"explanations"`
	Missing      []string          `json:"missing"`
	Implies      *FormImplications `json:"implies,omitempty"`
}

// FormImplications are message IDs saying what choosing a form means.
type FormImplications struct {
	Trust    string `json:"trust"`
	Risk     string `json:"risk"`
	Benefit  string `json:"benefit"`
	Autonomy string `json:"autonomy"`
}

// FormAdvice is the whole comparison of a partnership: its choices, the
// recommendations, and what it has adopted so far.
type FormAdvice struct {
	Choices       FormChoices        `json:"choices"`
	Form          FormRecommendation `json:"form"`
	CoalitionType FormRecommendation `json:"coalition_type"`
	// Adopted are the partnership's current form, basis and structure;
	// PartnershipVersion is what adopting must send.
	AdoptedForm        string `json:"adopted_form"`
	AdoptedBasis       string `json:"adopted_basis"`
	AdoptedStructure   string `json:"adopted_structure"`
	PartnershipVersion int    `json:"partnership_version"`
}

// Advise computes the recommendations for the choices.
func Advise(c FormChoices) (form, ctype FormRecommendation) {
	return recommendation(formadvice.Recommend(c.Continuum), formadvice.Attributes, func(id string) string {
			return formadvice.Forms[slices.IndexFunc(formadvice.Forms, func(f formadvice.Form) bool { return f.ID == id })].Name
		}, true),
		recommendation(formadvice.RecommendCoalitionType(c.CoalitionType), formadvice.CoalitionDimensions, func(id string) string {
			return formadvice.CoalitionTypes[slices.IndexFunc(formadvice.CoalitionTypes, func(t formadvice.CoalitionType) bool { return t.ID == id })].Name
		}, false)
}

func recommendation(r formadvice.Recommendation, attrs []formadvice.Attribute, name func(string) string, implies bool) FormRecommendation {
	out := FormRecommendation{Recommended: r.Recommended, Missing: r.Missing, Scores: []FormScore{}, Explanations: []FormExplanation{}}
	if out.Missing == nil {
		out.Missing = []string{}
	}
	for _, s := range r.Scores {
		out.Scores = append(out.Scores, FormScore{ID: s.ID, Name: name(s.ID), Score: s.Score, Percent: int(s.Score*100 + 0.5)})
	}
	for _, e := range r.Explanations {
		x := FormExplanation{Attribute: e.Attribute, Option: e.Option, Message: e.Message, PointsTo: e.PointsTo}
		if i := slices.IndexFunc(attrs, func(a formadvice.Attribute) bool { return a.ID == e.Attribute }); i >= 0 {
			x.Name = attrs[i].Name
		}
		out.Explanations = append(out.Explanations, x)
	}
	if implies && r.Recommended != "" {
		out.Implies = &FormImplications{Trust: r.Implies.Trust, Risk: r.Implies.Risk, Benefit: r.Implies.Benefit, Autonomy: r.Implies.Autonomy}
	}
	return out
}

// AdoptKinds are what a recommendation may set on the partnership.
var AdoptKinds = []string{"form", "basis", "structure"}

// AdoptInput sets the partnership's form, basis or structure.
type AdoptInput struct {
	Kind    string
	Value   string
	Version int
}

// Validate checks the kind and that the value is one of that kind's.
func (in *AdoptInput) Validate() error {
	var v Validator
	v.OneOf("kind", in.Kind, true, AdoptKinds)
	switch in.Kind {
	case "form":
		v.OneOf("value", in.Value, true, PartnershipForms)
	case "basis":
		v.OneOf("value", in.Value, true, PartnershipBases)
	case "structure":
		v.OneOf("value", in.Value, true, PartnershipStructures)
	}
	return v.Err()
}
