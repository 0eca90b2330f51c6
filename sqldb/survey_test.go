package sqldb_test

import (
	"context"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// answerSatisfaction answers the fixture survey through a fresh link.
func answerSatisfaction(t *testing.T, w *sqldbtest.World, rating int, text string) {
	t.Helper()
	s := w.Surveys().Satisfaction
	links, err := w.DB.Surveys.CreateSurveyLinks(w.Coordinator.Ctx, w.Partnership.ID, s.ID, pk.SurveyLinksInput{Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	it := s.Items
	in := pk.SurveyAnswerInput{Values: map[string][]string{
		pk.SurveyItemField(it[0].ID, -1): {strconv.Itoa(rating)},
		pk.SurveyItemField(it[1].ID, 0):  {"5"},
		pk.SurveyItemField(it[2].ID, -1): {"1"},
		pk.SurveyItemField(it[3].ID, -1): {"0", "2"},
		pk.SurveyItemField(it[5].ID, -1): {"16"},
		pk.SurveyItemField(it[6].ID, -1): {text},
	}}
	if err := w.DB.Surveys.AnswerSurvey(context.Background(), links[0].Code, in); err != nil {
		t.Fatal(err)
	}
}

func TestSurveyAnswerOncePerLink(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, f := w.DB, w.Surveys()
		ctx := context.Background()
		form, err := db.Surveys.SurveyByLink(ctx, strings.ToUpper(f.Code[:4])+"-"+f.Code[4:])
		if err != nil || form.State != pk.SurveyOpen || len(form.Survey.Items) != 7 {
			t.Fatalf("form %+v, %v", form, err)
		}
		// Refused, naming each field; nothing stored.
		bad := pk.SurveyAnswerInput{Values: map[string][]string{
			pk.SurveyItemField(form.Survey.Items[1].ID, 0):  {"9"},
			pk.SurveyItemField(form.Survey.Items[2].ID, -1): {"7"},
			pk.SurveyItemField(form.Survey.Items[5].ID, -1): {"many"},
		}}
		err = db.Surveys.AnswerSurvey(ctx, f.Code, bad)
		e, ok := pk.AsError(err)
		if !ok || e.Code != pk.EINVALID || len(e.Fields) != 4 {
			t.Fatalf("bad answer: %v", err)
		}
		if form, _ := db.Surveys.SurveyByLink(ctx, f.Code); form.State != pk.SurveyOpen || form.Survey.Answers[""] != 1 {
			t.Fatalf("a refused answer used the link: %+v", form)
		}
		good := pk.SurveyAnswerInput{Values: map[string][]string{pk.SurveyItemField(form.Survey.Items[0].ID, -1): {"4"}}}
		if err := db.Surveys.AnswerSurvey(ctx, f.Code, good); err != nil {
			t.Fatal(err)
		}
		if err := db.Surveys.AnswerSurvey(ctx, f.Code, good); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Fatalf("second answer: %v", err)
		}
		if form, _ := db.Surveys.SurveyByLink(ctx, f.Code); form.State != "used" {
			t.Fatalf("state %q", form.State)
		}
		if _, err := db.Surveys.SurveyByLink(ctx, "nonsense"); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("unknown code: %v", err)
		}
	})
}

func TestSurveyResultsHideSmallGroups(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, s := w.DB, w.Partnership.ID, w.Surveys().Satisfaction
		for i := range 3 {
			answerSatisfaction(t, w, i+1, "more football "+strconv.Itoa(i))
		}
		r, err := db.Surveys.SurveyResults(w.Observer.Ctx, pid, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !r.Rounds[0].TooFew || len(r.Rounds[0].Items) != 0 || r.Rounds[0].Answers != 4 {
			t.Fatalf("four anonymous answers are shown: %+v", r.Rounds[0])
		}
		if _, err := db.Surveys.ExportSurvey(w.Member.Ctx, pid, s.ID, "csv"); err != nil {
			t.Fatal(err)
		}
		answerSatisfaction(t, w, 5, "Shorter talks")
		r, err = db.Surveys.SurveyResults(w.Observer.Ctx, pid, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		round := r.Rounds[0]
		if round.TooFew || len(round.Items) != 6 {
			t.Fatalf("five answers: %+v", round)
		}
		overall := round.Items[0]
		// The world's answer rated 4; these 1, 2, 3 and 5.
		if overall.Answered != 5 || *overall.Mean != 3 || overall.Counts[0] != 1 || overall.Counts[3] != 1 || overall.Counts[4] != 1 {
			t.Fatalf("overall %+v", overall)
		}
		// Four of five answered the rest: too few to show, each.
		for _, it := range round.Items[1:5] {
			if !it.TooFew || it.Counts != nil || it.Mean != nil || it.Answered != 0 {
				t.Fatalf("item of four answers %+v", it)
			}
		}
		// Four texts and the world's: five, listed.
		if x := round.Items[5]; x.TooFew || len(x.Texts) != 5 {
			t.Fatalf("texts %+v", x)
		}
		answerSatisfaction(t, w, 5, "")
		r, err = db.Surveys.SurveyResults(w.Observer.Ctx, pid, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		round = r.Rounds[0]
		if m := round.Items[1].Rows; m[0].Answered != 5 || *m[0].Mean != 5 || !m[1].TooFew {
			t.Fatalf("matrix rows %+v %+v", m[0], m[1])
		}
		if c := round.Items[2].Counts; c[1] != 5 {
			t.Fatalf("choice %v", c)
		}
		if c := round.Items[3].Counts; c[0] != 5 || c[1] != 0 || c[2] != 5 || round.Items[3].Answered != 5 {
			t.Fatalf("multiple %v", c)
		}
		if n := round.Items[4]; *n.Mean != 16 || *n.Min != 16 {
			t.Fatalf("number %+v", n)
		}
		csv, err := db.Surveys.ExportSurvey(w.Coordinator.Ctx, pid, s.ID, "csv")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(csv)), "\n")
		if len(lines) != 7 || strings.Contains(lines[0], "respondent") || !strings.Contains(string(csv), "Games; Talks") {
			t.Fatalf("export:\n%s", csv)
		}
		if _, err := db.Surveys.ExportSurvey(w.Observer.Ctx, pid, s.ID, "xlsx"); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("observer export: %v", err)
		}
		if _, err := db.Surveys.SurveyResults(w.Outsider.Ctx, pid, s.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
	})
}

func TestSurveyPrePostPairsByTheRespondentsCode(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		ctx := context.Background()
		s, err := db.Surveys.CreateSurvey(c, pid, pk.SurveyInput{Title: "Rights quiz", Kind: pk.SurveyPrePost, Anonymous: true, SetItems: true,
			Items: []pk.SurveyItemInput{
				{Kind: pk.SurveyChoice, Prompt: "Q1", Options: []string{"a", "b"}, Correct: 1, Required: true},
				{Kind: pk.SurveyChoice, Prompt: "Q2", Options: []string{"a", "b"}, Correct: 0, Required: true},
			}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Surveys.UpdateSurvey(c, pid, s.ID, pk.SurveyInput{Title: s.Title, Kind: s.Kind, Anonymous: true, Status: pk.SurveyOpen,
			Version: s.Version}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Surveys.CreateSurveyLinks(c, pid, s.ID, pk.SurveyLinksInput{Count: 1}); err == nil {
			t.Fatal("a link without a round was made for a pre/post test")
		}
		pre, err := db.Surveys.CreateSurveyLinks(c, pid, s.ID, pk.SurveyLinksInput{Round: pk.RoundPre, Count: 7})
		if err != nil {
			t.Fatal(err)
		}
		post, err := db.Surveys.CreateSurveyLinks(c, pid, s.ID, pk.SurveyLinksInput{Round: pk.RoundPost, Count: 7})
		if err != nil {
			t.Fatal(err)
		}
		answer := func(code, respondent string, q1, q2 int) error {
			return db.Surveys.AnswerSurvey(ctx, code, pk.SurveyAnswerInput{Code: respondent, Values: map[string][]string{
				pk.SurveyItemField(s.Items[0].ID, -1): {strconv.Itoa(q1)}, pk.SurveyItemField(s.Items[1].ID, -1): {strconv.Itoa(q2)}}})
		}
		// Six respondents: before, one right of two (50); after, both (100), but one who forgot.
		for i := range 6 {
			if err := answer(pre[i].Code, "blue moon "+strconv.Itoa(i), 1, 1); err != nil {
				t.Fatal(err)
			}
		}
		if err := answer(pre[6].Code, "blue moon 0", 1, 0); pk.ErrorCode(err) != pk.EINVALID {
			t.Fatalf("a taken code: %v", err)
		}
		if err := answer(pre[6].Code, "no", 1, 0); pk.ErrorCode(err) != pk.EINVALID {
			t.Fatalf("a short code: %v", err)
		}
		for i := range 5 {
			if err := answer(post[i].Code, " Blue  MOON "+strconv.Itoa(i), 1, 0); err != nil {
				t.Fatal(err)
			}
		}
		if err := answer(post[5].Code, "red sun", 0, 1); err != nil {
			t.Fatal(err)
		}
		r, err := db.Surveys.SurveyResults(c, pid, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		p := r.Paired
		if p.TooFew || p.Pairs != 5 || p.Unpaired != 2 || p.MeanPre != 50 || p.MeanPost != 100 || p.MeanChange != 50 || p.Improved != 5 {
			t.Fatalf("paired %+v", p)
		}
		if len(p.Respondents) != 5 || p.Respondents[0].Name != "" || p.Respondents[0].Change != 50 {
			t.Fatalf("respondents %+v", p.Respondents[0])
		}
		if p.Score != "percent_right" {
			t.Fatalf("score %q", p.Score)
		}
	})
}

func TestSurveyBuilderRules(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid, c := w.DB, w.Partnership.ID, w.Coordinator.Ctx
		f := w.Surveys()
		s := f.Satisfaction
		for _, x := range []struct {
			in    pk.SurveyInput
			field string
		}{
			{pk.SurveyInput{Title: s.Title, Kind: s.Kind, Anonymous: true, SetItems: true, Version: s.Version}, "items"},
			{pk.SurveyInput{Title: s.Title, Kind: s.Kind, Anonymous: false, Version: s.Version}, "anonymous"},
			{pk.SurveyInput{Title: s.Title, Kind: pk.SurveyPrePost, Anonymous: true, Version: s.Version}, "kind"},
			{pk.SurveyInput{Title: "", Kind: s.Kind, Anonymous: true, Version: s.Version}, "title"},
			{pk.SurveyInput{Title: s.Title, Kind: s.Kind, Anonymous: true, Status: "archived", Version: s.Version}, "status"},
		} {
			_, err := db.Surveys.UpdateSurvey(c, pid, s.ID, x.in)
			if e, ok := pk.AsError(err); !ok || len(e.Fields) == 0 || e.Fields[0].Field != x.field {
				t.Errorf("%s: %v", x.field, err)
			}
		}
		if _, err := db.Surveys.UpdateSurvey(c, pid, s.ID, pk.SurveyInput{Title: "x", Kind: s.Kind, Anonymous: true, Version: s.Version + 5}); pk.ErrorCode(err) != pk.ECONFLICT {
			t.Errorf("stale version: %v", err)
		}
		if _, err := db.Surveys.UpdateSurvey(w.Member.Ctx, pid, s.ID, pk.SurveyInput{Title: "x", Kind: s.Kind, Anonymous: true, Version: s.Version}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("member edit: %v", err)
		}
		// A draft without questions cannot open.
		d, err := db.Surveys.CreateSurvey(c, pid, pk.SurveyInput{Title: "Empty", Kind: pk.SurveySingle})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Surveys.UpdateSurvey(c, pid, d.ID, pk.SurveyInput{Title: "Empty", Kind: pk.SurveySingle, Status: pk.SurveyOpen, Version: d.Version}); err == nil {
			t.Error("an empty survey opened")
		}
		// Items are checked one by one, named by their place.
		_, err = db.Surveys.CreateSurvey(c, pid, pk.SurveyInput{Title: "Bad", Kind: pk.SurveySingle, SetItems: true,
			Items: []pk.SurveyItemInput{{Kind: pk.SurveyScale, Prompt: "ok", Correct: -1}, {Kind: pk.SurveyChoice, Prompt: "one option", Options: []string{"a"}}}})
		if e, ok := pk.AsError(err); !ok || e.Fields[0].Field != "items[1].options" {
			t.Errorf("bad item: %v", err)
		}
		// Named links only on named surveys, for people of the partnership.
		if _, err := db.Surveys.CreateSurveyLinks(c, pid, s.ID, pk.SurveyLinksInput{UserIDs: []string{w.Member.ID}}); pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("named link on an anonymous survey: %v", err)
		}
		pp := f.PrePost
		if _, err := db.Surveys.CreateSurveyLinks(c, pid, pp.ID, pk.SurveyLinksInput{Round: pk.RoundPre, UserIDs: []string{w.Outsider.ID}}); pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("named link for an outsider: %v", err)
		}
		links, err := db.Surveys.CreateSurveyLinks(c, pid, pp.ID, pk.SurveyLinksInput{Round: pk.RoundPre, UserIDs: []string{w.Member.ID}, Email: true})
		if err != nil || links[0].UserName != w.Member.Name {
			t.Fatalf("named link: %v", err)
		}
		if form, err := db.Surveys.SurveyByLink(context.Background(), links[0].Code); err != nil || form.State != "not_open" {
			t.Fatalf("draft link: %+v %v", form, err)
		}
		if err := db.Surveys.RevokeSurveyLink(c, pid, pp.ID, links[0].ID); err != nil {
			t.Fatal(err)
		}
		if form, _ := db.Surveys.SurveyByLink(context.Background(), links[0].Code); form.State != "revoked" {
			t.Fatalf("revoked: %+v", form)
		}
		if err := db.Surveys.RevokeSurveyLink(c, pid, s.ID, links[0].ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("a link of another survey: %v", err)
		}
		list, err := db.Surveys.SurveyLinks(c, pid, pp.ID)
		if err != nil || list.Total != 1 || !list.Items[0].Revoked {
			t.Fatalf("links %+v %v", list, err)
		}
	})
}
