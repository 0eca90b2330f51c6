package readiness

// SectionKind says how a self-analysis section is answered.
type SectionKind string

const (
	// Text sections take free text.
	Text SectionKind = "text"
	// YesNo sections take Yes, No or NotSure (and a note), so that later
	// checks can tell, for example, whether people with lived experience
	// took part in the assessment.
	YesNo SectionKind = "yes_no"
)

// Section is one part of the organisation's self-analysis.
type Section struct {
	ID     string // stable; answers are stored against it
	Kind   SectionKind
	Title  string // message ID of the heading
	Prompt string // message ID of the guiding question(s)
}

// SelfAnalysisSections are the questions an organisation asks itself before
// looking for partners, after "Steps of Developing a Cooperation Strategy"
// (Voices of Young Refugees in Europe, step 1) and the Partnership Action
// Plan (stage 1, Connect), in the order a group would discuss them: why,
// what we bring and lack, what we can afford, what we expect, and who took
// part in answering.
var SelfAnalysisSections = []Section{
	section("motivation", Text),
	section("reasons", Text),
	section("needs", Text),
	section("strengths", Text),
	section("weaknesses", Text),
	section("capacity_people", Text),
	section("capacity_time", Text),
	section("capacity_money", Text),
	section("added_value", Text),
	section("people_served", Text), // how it strengthens e.g. young refugees and migrants
	section("participants", Text),
	section("lived_experience", YesNo),
}

func section(id string, kind SectionKind) Section {
	return Section{
		ID:     id,
		Kind:   kind,
		Title:  "readiness.self." + id,
		Prompt: "readiness.self." + id + ".prompt",
	}
}
