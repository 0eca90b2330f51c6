package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"

	pk "github.com/partnerkit/partnerkit"
)

// SurveyStore keeps the partnership's surveys: the builder, the links, the
// answers given without an account, the results and the exports.
type SurveyStore struct{ db *DB }

const surveyColumns = `s.id, s.title, s.intro, s.kind, s.anonymous, s.status, s.version, s.created_at, s.updated_at`

func scanSurvey(row rowScanner) (*pk.Survey, error) {
	s := &pk.Survey{}
	err := row.Scan(&s.ID, &s.Title, &s.Intro, &s.Kind, &s.Anonymous, &s.Status, &s.Version, ts(&s.CreatedAt), ts(&s.UpdatedAt))
	return s, err
}

func scanSurveyItem(row rowScanner) (*pk.SurveyItem, error) {
	it := &pk.SurveyItem{}
	var options, rows string
	if err := row.Scan(&it.ID, &it.Kind, &it.Prompt, &it.Help, &options, &rows, &it.Required, &it.Correct); err != nil {
		return nil, err
	}
	json.Unmarshal([]byte(options), &it.Options)
	json.Unmarshal([]byte(rows), &it.Rows)
	return it, nil
}

// loadSurvey reads a survey of partnership pid with its items and its
// answer counts per round; ENOTFOUND when it is not the partnership's.
func loadSurvey(ctx context.Context, q queryer, pid, svid string) (*pk.Survey, error) {
	s, err := scanSurvey(q.QueryRowContext(ctx, `SELECT `+surveyColumns+` FROM surveys s WHERE s.id = $1 AND s.partnership_id = $2`, svid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	return s, fillSurvey(ctx, q, s)
}

func fillSurvey(ctx context.Context, q queryer, s *pk.Survey) error {
	items, err := collect(scanSurveyItem)(q.QueryContext(ctx, `
		SELECT id, kind, prompt, help, options, matrix_rows, required, correct FROM survey_items
		WHERE survey_id = $1 ORDER BY position, id`, s.ID))
	if err != nil {
		return err
	}
	s.Items = items
	s.Answers = map[string]int{}
	for _, r := range pk.RoundsOf(s.Kind) {
		s.Answers[r] = 0
	}
	rows, err := q.QueryContext(ctx, `SELECT round, COUNT(*) FROM survey_answers WHERE survey_id = $1 GROUP BY round`, s.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var round string
		var n int
		if err := rows.Scan(&round, &n); err != nil {
			return err
		}
		s.Answers[round] = n
	}
	s.CountRounds()
	return rows.Err()
}

func totalAnswers(s *pk.Survey) int {
	n := 0
	for _, c := range s.Answers {
		n += c
	}
	return n
}

// Surveys lists the partnership's surveys, newest first.
func (store *SurveyStore) Surveys(ctx context.Context, pid string) (*pk.SurveyList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewSurveys); err != nil {
		return nil, err
	}
	list, err := collect(scanSurvey)(store.db.read.QueryContext(ctx, `SELECT `+surveyColumns+` FROM surveys s
		WHERE s.partnership_id = $1 ORDER BY s.created_at DESC, s.id LIMIT $2`, pid, pk.MaxSurveys+1))
	if err != nil {
		return nil, err
	}
	out := &pk.SurveyList{}
	out.Items, out.Cut = cut(list, pk.MaxSurveys)
	// The answer counts of all of them in one query.
	byID := map[string]*pk.Survey{}
	for _, s := range out.Items {
		byID[s.ID] = s
		s.Items = []*pk.SurveyItem{}
		s.Answers = map[string]int{}
	}
	rows, err := store.db.read.QueryContext(ctx, `SELECT survey_id, round, COUNT(*) FROM survey_answers
		WHERE partnership_id = $1 GROUP BY survey_id, round`, pid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, round string
		var n int
		if err := rows.Scan(&id, &round, &n); err != nil {
			return nil, err
		}
		if s := byID[id]; s != nil {
			s.Answers[round] = n
		}
	}
	for _, s := range out.Items {
		s.CountRounds()
	}
	return out, rows.Err()
}

// Survey returns one survey with its items and answer counts.
func (store *SurveyStore) Survey(ctx context.Context, pid, svid string) (*pk.Survey, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewSurveys); err != nil {
		return nil, err
	}
	return loadSurvey(ctx, store.db.read, pid, svid)
}

// CreateSurvey makes a draft survey.
func (store *SurveyStore) CreateSurvey(ctx context.Context, pid string, in pk.SurveyInput) (*pk.Survey, error) {
	if err := in.Validate(); err != nil {
		if _, aerr := store.db.authorize(ctx, store.db.read, pid, pk.ActionEditSurveys); aerr != nil {
			return nil, aerr
		}
		return nil, err
	}
	if in.Status != "" && in.Status != pk.SurveyDraft {
		if _, aerr := store.db.authorize(ctx, store.db.read, pid, pk.ActionEditSurveys); aerr != nil {
			return nil, aerr
		}
		return nil, pk.FieldInvalid("status", "surveys.validation.starts_draft", nil)
	}
	id := newID()
	var out *pk.Survey
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditSurveys); err != nil {
			return err
		}
		now := fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO surveys (id, partnership_id, title, intro, kind, anonymous, status, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
			id, pid, in.Title, in.Intro, in.Kind, in.Anonymous, pk.SurveyDraft, pk.UserIDFromContext(ctx), now); err != nil {
			return err
		}
		if err := tx.writeSurveyItems(ctx, pid, id, in.Items); err != nil {
			return err
		}
		var err error
		if out, err = loadSurvey(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "survey.create", "survey", id, in.Title, nil,
			map[string]any{"title": in.Title, "kind": in.Kind, "anonymous": in.Anonymous, "items": len(in.Items)})
	})
	return out, err
}

func (tx *Tx) writeSurveyItems(ctx context.Context, pid, svid string, items []pk.SurveyItemInput) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM survey_items WHERE survey_id = $1`, svid); err != nil {
		return err
	}
	for i, it := range items {
		options, _ := json.Marshal(nonNilStrings(it.Options))
		rows, _ := json.Marshal(nonNilStrings(it.Rows))
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO survey_items (id, survey_id, partnership_id, position, kind, prompt, help, options, matrix_rows, required, correct)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			newID(), svid, pid, i+1, it.Kind, it.Prompt, it.Help, string(options), string(rows), it.Required, it.Correct); err != nil {
			return err
		}
	}
	return nil
}

// surveyMoves are the status changes allowed: open to take answers, close,
// open again; back to a draft only while nothing was answered.
var surveyMoves = map[string][]string{
	pk.SurveyDraft:  {pk.SurveyOpen},
	pk.SurveyOpen:   {pk.SurveyClosed, pk.SurveyDraft},
	pk.SurveyClosed: {pk.SurveyOpen},
}

// UpdateSurvey changes a survey: its text always; its items, kind and
// anonymity only as a draft that nobody has answered.
func (store *SurveyStore) UpdateSurvey(ctx context.Context, pid, svid string, in pk.SurveyInput) (*pk.Survey, error) {
	if err := in.Validate(); err != nil {
		if _, aerr := store.db.authorize(ctx, store.db.read, pid, pk.ActionEditSurveys); aerr != nil {
			return nil, aerr
		}
		return nil, err
	}
	var out *pk.Survey
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditSurveys); err != nil {
			return err
		}
		cur, err := loadSurvey(ctx, tx, pid, svid)
		if err != nil {
			return err
		}
		if err := checkSurveyChange(cur, in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "surveys", "id = $1", in.Version, svid); err != nil {
			return err
		}
		status := cur.Status
		if in.Status != "" {
			status = in.Status
		}
		if _, err := tx.ExecContext(ctx, `UPDATE surveys SET title = $2, intro = $3, kind = $4, anonymous = $5, status = $6, updated_at = $7
			WHERE id = $1`, svid, in.Title, in.Intro, in.Kind, in.Anonymous, status, fmtTime(tx.now)); err != nil {
			return err
		}
		if in.SetItems {
			if err := tx.writeSurveyItems(ctx, pid, svid, in.Items); err != nil {
				return err
			}
		}
		if out, err = loadSurvey(ctx, tx, pid, svid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "survey.update", "survey", svid, in.Title,
			map[string]any{"title": cur.Title, "status": cur.Status, "items": len(cur.Items)},
			map[string]any{"title": out.Title, "status": out.Status, "items": len(out.Items)})
	})
	return out, err
}

// checkSurveyChange refuses what would change the meaning of answers
// already given, or of a survey people are answering.
func checkSurveyChange(cur *pk.Survey, in pk.SurveyInput) error {
	answered := totalAnswers(cur) > 0
	draft := cur.Status == pk.SurveyDraft
	var v pk.Validator
	if in.SetItems && !draft {
		v.Add("items", "surveys.error.items_locked", nil)
	}
	if in.Kind != cur.Kind && !draft {
		v.Add("kind", "surveys.error.items_locked", nil)
	}
	if in.Anonymous != cur.Anonymous && (answered || !draft) {
		v.Add("anonymous", "surveys.error.anonymity_locked", nil)
	}
	if in.Status != "" && in.Status != cur.Status {
		switch {
		case !slices.Contains(surveyMoves[cur.Status], in.Status):
			v.Add("status", "surveys.error.move", nil)
		case in.Status == pk.SurveyDraft && answered:
			v.Add("status", "surveys.error.answered", nil)
		case in.Status == pk.SurveyOpen:
			items := cur.Items
			asks := false
			if in.SetItems {
				for _, it := range in.Items {
					asks = asks || it.Kind != pk.SurveySection
				}
			} else {
				for _, it := range items {
					asks = asks || it.Asks()
				}
			}
			if !asks {
				v.Add("status", "surveys.error.no_questions", nil)
			}
		}
	}
	return v.Err()
}
