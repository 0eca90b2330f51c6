package survey

// A Template is a survey to start from, written in our own words: its
// texts are catalogue keys, put in the asker's language when the survey is
// made, and then the survey's own text to change.
type Template struct {
	Name     string
	TitleKey string
	IntroKey string
	// PrePost: the template is a pre- and post-test, two rounds of the
	// same questions.
	PrePost bool
	Items   []TemplateItem
}

// TemplateItem is one item of a template.
type TemplateItem struct {
	Kind       string // as the domain's item kinds
	PromptKey  string
	HelpKey    string
	OptionKeys []string
	RowKeys    []string
	Required   bool
	Correct    int // -1: none
}

func keys(prefix string, names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

// Templates are the starting points: "blank" is an empty survey.
//
// "satisfaction" asks after an activity what seed 001 (step 8) calls a
// satisfaction survey: overall, a matrix of the activity's parts, whether
// one would come again or recommend it, what to keep and to change, and an
// optional age group for results by age.
//
// "knowledge" is the other half of step 8, a pre- and post-test of
// knowledge: the same questions before and after, a self-rating of what
// one knows and knowledge questions with a right answer, which the
// organisers replace with their own subject's.
var Templates = []Template{
	{Name: "blank", TitleKey: "surveys.template.blank.title"},
	{Name: "satisfaction", TitleKey: "surveys.template.satisfaction.title", IntroKey: "surveys.template.satisfaction.intro",
		Items: []TemplateItem{
			{Kind: "scale", PromptKey: "surveys.template.satisfaction.overall", HelpKey: "surveys.template.scale_help", Required: true, Correct: -1},
			{Kind: "matrix", PromptKey: "surveys.template.satisfaction.parts", HelpKey: "surveys.template.scale_help", Correct: -1,
				RowKeys: keys("surveys.template.satisfaction.part.", "useful", "clear", "welcome", "time", "language")},
			{Kind: "single", PromptKey: "surveys.template.satisfaction.again", Correct: -1,
				OptionKeys: keys("surveys.template.satisfaction.again.", "yes", "maybe", "no")},
			{Kind: "section", PromptKey: "surveys.template.satisfaction.words", Correct: -1},
			{Kind: "text", PromptKey: "surveys.template.satisfaction.best", Correct: -1},
			{Kind: "text", PromptKey: "surveys.template.satisfaction.change", Correct: -1},
			{Kind: "single", PromptKey: "surveys.template.age", HelpKey: "surveys.template.age_help", Correct: -1,
				OptionKeys: keys("surveys.template.age.", "under15", "15_17", "18_24", "25_plus")},
		}},
	{Name: "knowledge", TitleKey: "surveys.template.knowledge.title", IntroKey: "surveys.template.knowledge.intro", PrePost: true,
		Items: []TemplateItem{
			{Kind: "matrix", PromptKey: "surveys.template.knowledge.confidence", HelpKey: "surveys.template.scale_help", Correct: -1,
				RowKeys: keys("surveys.template.knowledge.topic.", "1", "2", "3")},
			{Kind: "section", PromptKey: "surveys.template.knowledge.questions", HelpKey: "surveys.template.knowledge.replace", Correct: -1},
			{Kind: "single", PromptKey: "surveys.template.knowledge.q1", Required: true, Correct: 1,
				OptionKeys: keys("surveys.template.knowledge.q1.", "a", "b", "c")},
			{Kind: "single", PromptKey: "surveys.template.knowledge.q2", Required: true, Correct: 0,
				OptionKeys: keys("surveys.template.knowledge.q2.", "a", "b", "c")},
			{Kind: "text", PromptKey: "surveys.template.knowledge.more", Correct: -1},
		}},
}

// TemplateNamed finds a template; ok is false for an unknown name.
func TemplateNamed(name string) (Template, bool) {
	for _, t := range Templates {
		if t.Name == name {
			return t, true
		}
	}
	return Template{}, false
}
