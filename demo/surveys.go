package demo

import (
	"context"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(80, "surveys", loadSurveys) }

// loadSurveys gives the coalition two survey rounds (seed 001, step 8):
// an anonymous satisfaction survey after the youth football workshop with
// 23 answers through printed codes (and 7 codes not used), and an
// anonymous "know your rights" test before and after an information
// evening, 12 answers before and 11 after, paired by the codes the young
// people chose.
func loadSurveys(ctx context.Context, db *sqldb.DB, w *World) error {
	pid, amina := w.Partnership.ID, w.People["Amina"].Ctx
	open := func(in pk.SurveyInput) (*pk.Survey, error) {
		s, err := db.Surveys.CreateSurvey(amina, pid, in)
		if err != nil {
			return nil, err
		}
		return db.Surveys.UpdateSurvey(amina, pid, s.ID, pk.SurveyInput{Title: s.Title, Intro: s.Intro, Kind: s.Kind,
			Anonymous: s.Anonymous, Status: pk.SurveyOpen, Version: s.Version})
	}
	sat, err := open(pk.SurveyInput{Title: "Youth football workshop: how was it?", Kind: pk.SurveySingle, Anonymous: true, SetItems: true,
		Intro: "Tell us what you thought, so that we can do better next time. It takes two minutes.",
		Items: []pk.SurveyItemInput{
			{Kind: pk.SurveyScale, Prompt: "Overall, how happy are you with the workshop?", Required: true, Correct: -1},
			{Kind: pk.SurveyMatrix, Prompt: "How much do you agree?", Correct: -1, Rows: []string{
				"What I learnt is useful to me", "The coaches explained things clearly", "I felt welcome and safe", "I could follow in my language"}},
			{Kind: pk.SurveyChoice, Prompt: "Would you come again, or tell a friend to come?", Options: []string{"Yes", "Maybe", "No"}, Correct: -1},
			{Kind: pk.SurveyText, Prompt: "What should we change?", Correct: -1},
			{Kind: pk.SurveyChoice, Prompt: "Your age group", Options: []string{"Under 15", "15 to 17", "18 to 24", "25 or older"}, Correct: -1},
		}})
	if err != nil {
		return err
	}
	codes, err := db.Surveys.CreateSurveyLinks(amina, pid, sat.ID, pk.SurveyLinksInput{Count: 30, Label: "Football workshop"})
	if err != nil {
		return err
	}
	changes := []string{"More water breaks", "Longer, please!", "A girls-only session", "Start later on Saturdays", "More matches, fewer drills", ""}
	it := sat.Items
	for i := range 23 {
		v := map[string][]string{
			pk.SurveyItemField(it[0].ID, -1): {strconv.Itoa(3 + (i*7)%3)},
			pk.SurveyItemField(it[2].ID, -1): {strconv.Itoa((i * 5) % 7 / 3)},
			pk.SurveyItemField(it[3].ID, -1): {changes[i%len(changes)]},
			pk.SurveyItemField(it[4].ID, -1): {strconv.Itoa(i % 3)},
		}
		for r := range 4 {
			v[pk.SurveyItemField(it[1].ID, r)] = []string{strconv.Itoa(2 + (i+r*3)%4)}
		}
		if err := db.Surveys.AnswerSurvey(ctx, codes[i].Code, pk.SurveyAnswerInput{Values: v}); err != nil {
			return err
		}
	}
	test, err := open(pk.SurveyInput{Title: "Know your rights: before and after", Kind: pk.SurveyPrePost, Anonymous: true, SetItems: true,
		Intro: "The same short questions before and after the information evening. This is not an exam: nobody sees your own answers.",
		Items: []pk.SurveyItemInput{
			{Kind: pk.SurveyScale, Prompt: "How well do you know where to get help with your papers?", Correct: -1},
			{Kind: pk.SurveyChoice, Prompt: "Where can you get free advice about your residence rights?", Required: true, Correct: 1,
				Options: []string{"Nowhere", "At an advice centre or a community organisation", "Only from a lawyer you pay"}},
			{Kind: pk.SurveyChoice, Prompt: "May you bring someone you trust to an appointment at the authorities?", Required: true, Correct: 0,
				Options: []string{"Yes, usually", "Never", "Only family"}},
			{Kind: pk.SurveyChoice, Prompt: "Who may see your file?", Required: true, Correct: 2,
				Options: []string{"Your employer", "Anyone who asks", "The authorities handling it, and you"}},
		}})
	if err != nil {
		return err
	}
	pre, err := db.Surveys.CreateSurveyLinks(amina, pid, test.ID, pk.SurveyLinksInput{Round: pk.RoundPre, Count: 15, Label: "Evening, before"})
	if err != nil {
		return err
	}
	post, err := db.Surveys.CreateSurveyLinks(amina, pid, test.ID, pk.SurveyLinksInput{Round: pk.RoundPost, Count: 15, Label: "Evening, after"})
	if err != nil {
		return err
	}
	ti := test.Items
	answer := func(code, own string, rating, right int) error {
		v := map[string][]string{pk.SurveyItemField(ti[0].ID, -1): {strconv.Itoa(rating)}}
		for q, correct := range []int{1, 0, 2} {
			choice := (correct + 1) % 3
			if q < right {
				choice = correct
			}
			v[pk.SurveyItemField(ti[q+1].ID, -1)] = []string{strconv.Itoa(choice)}
		}
		return db.Surveys.AnswerSurvey(ctx, code, pk.SurveyAnswerInput{Code: own, Values: v})
	}
	for i := range 12 {
		own := "star " + strconv.Itoa(100+i*13)
		if err := answer(pre[i].Code, own, 1+i%3, i%2); err != nil {
			return err
		}
		if i == 11 {
			continue // one did not stay until the end
		}
		if err := answer(post[i].Code, own, 3+i%3, 1+(i+1)%3); err != nil {
			return err
		}
	}
	return nil
}
