package formadvice

// Message IDs naming the methods this package follows.
const (
	ContinuumSource     = "formadvice.continuum.source"
	CoalitionTypeSource = "formadvice.ctype.source"
	BasisSource         = "formadvice.basis.source"
	StructureSource     = "formadvice.structure.source"
)

// The forms of collaboration, from the least to the most integrated.
const (
	Cooperation       = "cooperation"
	Network           = "network"
	CampaignCoalition = "campaign_coalition"
	StrategicAlliance = "strategic_alliance"
	Merger            = "merger"
)

// Form is one column of the continuum of collaboration.
type Form struct {
	ID      string
	Name    string // message ID
	Summary string // message ID
	Implies Implications
}

// Forms is the continuum of collaboration (after ROADMAP 2013), from low
// intensity, low risk and limited benefit to deep trust, high stakes and
// great potential benefit.
var Forms = []Form{
	form(Cooperation), form(Network), form(CampaignCoalition), form(StrategicAlliance), form(Merger),
}

func form(id string) Form {
	p := "formadvice.form." + id
	return Form{
		ID: id, Name: p + ".name", Summary: p + ".summary",
		Implies: Implications{Trust: p + ".trust", Risk: p + ".risk", Benefit: p + ".benefit", Autonomy: p + ".autonomy"},
	}
}

var formIDs = []string{Cooperation, Network, CampaignCoalition, StrategicAlliance, Merger}

// Attributes are the seven rows of the continuum, each with one option per
// form, in the order of Forms.
var Attributes = []Attribute{
	attribute("formadvice.attribute.", "purpose", formIDs),
	attribute("formadvice.attribute.", "time_horizon", formIDs),
	attribute("formadvice.attribute.", "vision_values", formIDs),
	attribute("formadvice.attribute.", "decision_making", formIDs),
	attribute("formadvice.attribute.", "relationship", formIDs),
	attribute("formadvice.attribute.", "accountability", formIDs),
	attribute("formadvice.attribute.", "time_commitment", formIDs),
}

func attribute(prefix, id string, options []string) Attribute {
	a := Attribute{ID: id, Name: prefix + id + ".name", Question: prefix + id + ".question"}
	for _, o := range options {
		a.Options = append(a.Options, Option{ID: o, Message: prefix + id + "." + o})
	}
	return a
}

// Recommend finds the form of collaboration that best fits the choices, a
// map from attribute ID to the chosen option's ID (which is a form ID).
//
// Scoring: each answered attribute gives 1 point to the form it describes
// and half a point to its neighbours on the continuum, because the
// continuum is a gradient: an answer typical of a campaign coalition is
// nearly as compatible with a network or a strategic alliance next to it,
// and far from a merger. Scores are divided by the number of answered
// attributes, so they run from 0 to 1.
//
// Ties go to the less integrated form: a partnership can deepen as trust
// grows (the toolkit advises starting with occasional joint activities),
// while stepping back from a more integrated form, let alone undoing a
// merger, is costly.
//
// Attributes without a choice, or with an option ID that does not exist,
// are listed in Missing and do not count; unknown attribute IDs are
// ignored. With nothing answered, every score is 0 and Recommended is "".
func Recommend(choices map[string]string) Recommendation {
	r := recommend(formIDs, Attributes, choices, 0.5)
	for _, f := range Forms {
		if f.ID == r.Recommended {
			r.Implies = f.Implies
		}
	}
	return r
}
