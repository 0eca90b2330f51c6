package indicator

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/reportview/reportviewtest"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

var reportAPI = &api.API{Bundle: i18n.MustLoad()}

// checkAnswer says whether ctx's person's report answer in lang, made from
// what is kept (twice: drawn, then found), is byte for byte the report
// worked out afresh and encoded whole, as every other answer is.
func checkAnswer(t *testing.T, db *sqldb.DB, ctx context.Context, pid, lang string) []byte {
	t.Helper()
	show := func(kept bool) *reportview.Shown {
		now := db.Now()
		s, err := reportview.Show(ctx, reportviewtest.Sources(db, kept), pid, reportview.DefaultPeriod(now), now)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	want, err := reportAPI.Encode(lang, show(false).Report)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		got, err := reportAnswer(reportAPI, lang, show(true))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("%s, %d: the kept answer differs from the whole report encoded:\n got %.2000s\nwant %.2000s", lang, i, got.Bytes(), want)
		}
	}
	return want
}

// The answer written from kept parts is the whole report encoded, in
// every language and for every role, including the sections a role may
// not see (null); and it is translated.
func TestReportAnswerKept(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := reportviewtest.World(t, db)
		byLang := map[string][]byte{}
		for _, role := range []string{"observer", "member", "coordinator"} {
			for _, lang := range i18n.Languages {
				byLang[lang] = checkAnswer(t, db, w.As(role).Ctx, w.Partnership.ID, lang)
			}
		}
		// The coordinator's health section has method texts.
		if bytes.Equal(byLang["en"], byLang["ar"]) || bytes.Equal(byLang["en"], byLang["fr"]) {
			t.Error("the answer is not translated")
		}
	})
}

// A write shows in the next answer; one person's decisions (whether they
// support reopening one) are never another's.
func TestReportAnswerFollowsWritesAndAsker(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := reportviewtest.World(t, db)
		pid := w.Partnership.ID
		for _, role := range []string{"member", "coordinator"} {
			checkAnswer(t, db, w.As(role).Ctx, pid, "en") // kept
		}
		dec := reportviewtest.SupportReopening(t, db, w)
		supported := func(b []byte) (yes, found bool) {
			var r struct {
				Decisions struct {
					Items []struct {
						ID        string `json:"id"`
						Supported bool   `json:"supported"`
					} `json:"items"`
				} `json:"decisions"`
			}
			if err := json.Unmarshal(b, &r); err != nil {
				t.Fatal(err)
			}
			for _, d := range r.Decisions.Items {
				if d.ID == dec {
					return d.Supported, true
				}
			}
			return false, false
		}
		for _, c := range []struct {
			role string
			want bool
		}{{"member", true}, {"coordinator", false}, {"member", true}} {
			got, found := supported(checkAnswer(t, db, w.As(c.role).Ctx, pid, "fr"))
			if !found {
				t.Fatalf("%s: the decision is not in the answer", c.role)
			}
			if got != c.want {
				t.Errorf("%s: supported %v, want %v", c.role, got, c.want)
			}
		}
		before := checkAnswer(t, db, w.Member.Ctx, pid, "ar")
		reportviewtest.RecordMeasurement(t, db, w)
		if after := checkAnswer(t, db, w.Member.Ctx, pid, "ar"); bytes.Equal(after, before) {
			t.Error("the new measurement does not show")
		}
	})
}
