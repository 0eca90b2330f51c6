package sqldbtest

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

// SurveyFixture is what the survey fixtures made in a world: an open
// anonymous satisfaction survey with one answer and one unused link (Code), and a named
// pre/post test still in draft.
type SurveyFixture struct {
	Satisfaction *pk.Survey
	Link         *pk.SurveyLink
	// Code is the unused link's code, for the answer page /s/{code}.
	Code    string
	PrePost *pk.Survey
}

// Surveys returns the survey fixtures of a world.
func (w *World) Surveys() *SurveyFixture {
	f, _ := w.fixture("surveys").(*SurveyFixture)
	return f
}

// SatisfactionItems are the fixture survey's items: an overall rating, a
// matrix, a choice, a number and a text.
func SatisfactionItems() []pk.SurveyItemInput {
	return []pk.SurveyItemInput{
		{Kind: pk.SurveyScale, Prompt: "How satisfied are you with the workshop?", Required: true, Correct: -1},
		{Kind: pk.SurveyMatrix, Prompt: "How much do you agree?", Rows: []string{"It was useful", "I felt welcome"}, Correct: -1},
		{Kind: pk.SurveyChoice, Prompt: "Would you come again?", Options: []string{"Yes", "Maybe", "No"}, Correct: -1},
		{Kind: pk.SurveyMultiple, Prompt: "What did you like?", Options: []string{"Games", "Food", "Talks"}, Correct: -1},
		{Kind: pk.SurveySection, Prompt: "About you", Correct: -1},
		{Kind: pk.SurveyNumber, Prompt: "How old are you?", Correct: -1},
		{Kind: pk.SurveyText, Prompt: "What should we change?", Correct: -1},
	}
}

func init() {
	Extend(func(t testing.TB, w *World) {
		t.Helper()
		c, pid, db := w.Coordinator.Ctx, w.Partnership.ID, w.DB
		f := &SurveyFixture{}
		var err error
		f.Satisfaction, err = db.Surveys.CreateSurvey(c, pid, pk.SurveyInput{Title: "After the football workshop", Kind: pk.SurveySingle,
			Anonymous: true, Items: SatisfactionItems(), SetItems: true})
		must(t, err)
		s := f.Satisfaction
		f.Satisfaction, err = db.Surveys.UpdateSurvey(c, pid, s.ID, pk.SurveyInput{Title: s.Title, Kind: s.Kind, Anonymous: true,
			Status: pk.SurveyOpen, Version: s.Version})
		must(t, err)
		links, err := db.Surveys.CreateSurveyLinks(c, pid, s.ID, pk.SurveyLinksInput{Count: 2, Label: "Workshop"})
		must(t, err)
		f.Link, f.Code = links[0], links[0].Code
		// One answer already, through the other link.
		items := f.Satisfaction.Items
		must(t, db.Surveys.AnswerSurvey(context.Background(), links[1].Code, pk.SurveyAnswerInput{Values: map[string][]string{
			pk.SurveyItemField(items[0].ID, -1): {"4"}, pk.SurveyItemField(items[6].ID, -1): {"More water breaks"}}}))
		f.Satisfaction, err = db.Surveys.Survey(c, pid, s.ID)
		must(t, err)
		f.PrePost, err = db.Surveys.CreateSurvey(c, pid, pk.SurveyInput{Title: "Know your rights: before and after", Kind: pk.SurveyPrePost,
			Items:    []pk.SurveyItemInput{{Kind: pk.SurveyChoice, Prompt: "Who may see your asylum file?", Options: []string{"Anyone", "Only the authorities"}, Correct: 1, Required: true}},
			SetItems: true})
		must(t, err)
		w.setFixture("surveys", f)
		w.Params["svid"] = s.ID // {sid} is a session already
		w.Params["slid"] = f.Link.ID
		w.Params["code"] = f.Code
	})
}
