package sqldb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// newSurveyCode makes a link's code: 16 letters and digits (80 random
// bits), short enough to type from a printed list.
func newSurveyCode() string {
	b := make([]byte, 10)
	rand.Read(b)
	return idEncoding.EncodeToString(b)
}

// SurveyCodeLength is the length of a link's code.
const SurveyCodeLength = 16

// SurveyLinks lists a survey's links, newest first. On an anonymous
// survey no link says whether it was used; the list says how many were.
func (store *SurveyStore) SurveyLinks(ctx context.Context, pid, svid string) (*pk.SurveyLinkList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionEditSurveys); err != nil {
		return nil, err
	}
	s, err := loadSurvey(ctx, store.db.read, pid, svid)
	if err != nil {
		return nil, err
	}
	links, err := collect(func(row rowScanner) (*pk.SurveyLink, error) {
		l := &pk.SurveyLink{}
		err := row.Scan(&l.ID, &l.Round, &l.Label, &l.UserID, &l.UserName, &l.Used, &l.Revoked, ts(&l.CreatedAt))
		if s.Anonymous {
			l.Used = false
		}
		return l, err
	})(store.db.read.QueryContext(ctx, `
		SELECT l.id, l.round, l.label, COALESCE(l.user_id, ''), COALESCE(u.name, ''), l.used, l.revoked, l.created_at
		FROM survey_links l LEFT JOIN users u ON u.id = l.user_id
		WHERE l.survey_id = $1 ORDER BY l.created_at DESC, l.label, l.id LIMIT $2`, svid, pk.MaxSurveyLinks+1))
	if err != nil {
		return nil, err
	}
	out := &pk.SurveyLinkList{}
	out.Items, out.Cut = cut(links, pk.MaxSurveyLinks)
	err = store.db.read.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN used THEN 1 ELSE 0 END), 0)
		FROM survey_links WHERE survey_id = $1`, svid).Scan(&out.Total, &out.Used)
	return out, err
}

// CreateSurveyLinks makes a batch of codes, or one named link per person
// (emailed when asked). The codes are in this answer only.
func (store *SurveyStore) CreateSurveyLinks(ctx context.Context, pid, svid string, in pk.SurveyLinksInput) ([]*pk.SurveyLink, error) {
	var out []*pk.SurveyLink
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditSurveys)
		if err != nil {
			return err
		}
		s, err := loadSurvey(ctx, tx, pid, svid)
		if err != nil {
			return err
		}
		if err := in.Validate(s); err != nil {
			return err
		}
		if s.Status == pk.SurveyClosed {
			return pk.Errorf(pk.ECONFLICT, "surveys.error.closed", nil)
		}
		type person struct{ id, name, email, lang string }
		var people []person
		if len(in.UserIDs) > 0 {
			for i, uid := range in.UserIDs {
				var x person
				err := tx.QueryRowContext(ctx, `SELECT u.id, u.name, u.email, u.language FROM partnership_people pp JOIN users u ON u.id = pp.user_id
					WHERE pp.partnership_id = $1 AND pp.user_id = $2`, pid, uid).Scan(&x.id, &x.name, &x.email, &x.lang)
				if errors.Is(err, sql.ErrNoRows) {
					return pk.FieldInvalid("user_ids["+strconv.Itoa(i)+"]", "surveys.validation.not_member", nil)
				} else if err != nil {
					return err
				}
				people = append(people, x)
			}
		} else {
			label := strings.TrimSpace(in.Label)
			for i := range in.Count {
				people = append(people, person{name: strings.TrimSpace(label + " " + strconv.Itoa(i+1))})
			}
		}
		now := fmtTime(tx.now)
		for _, x := range people {
			l := &pk.SurveyLink{ID: newID(), Round: in.Round, Label: x.name, UserID: x.id, UserName: x.name, CreatedAt: tx.now, Code: newSurveyCode()}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO survey_links (id, survey_id, partnership_id, secret_hash, round, label, user_id, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				l.ID, svid, pid, hashSecret(l.Code), l.Round, l.Label, nullString(x.id), now); err != nil {
				return err
			}
			if in.Email && x.email != "" {
				if err := tx.enqueue(ctx, "mail", MailJob{To: x.email, Language: x.lang, Template: "mail.survey", Path: "/s/" + l.Code,
					Data: map[string]string{"Partnership": p.Name, "Survey": s.Title, "Name": x.name}}, ""); err != nil {
					return err
				}
			}
			out = append(out, l)
		}
		return tx.audit(ctx, pid, "survey.links", "survey", svid, s.Title, nil,
			map[string]any{"links": len(out), "round": in.Round, "named": len(in.UserIDs) > 0, "emailed": in.Email})
	})
	return out, err
}

// RevokeSurveyLink stops a link. On an anonymous survey revoking a used
// link succeeds like any other, so that it tells nothing.
func (store *SurveyStore) RevokeSurveyLink(ctx context.Context, pid, svid, linkID string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditSurveys); err != nil {
			return err
		}
		s, err := loadSurvey(ctx, tx, pid, svid)
		if err != nil {
			return err
		}
		var label string
		err = tx.QueryRowContext(ctx, `SELECT label FROM survey_links WHERE id = $1 AND survey_id = $2`, linkID, svid).Scan(&label)
		if errors.Is(err, sql.ErrNoRows) {
			return pk.NotFound()
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE survey_links SET revoked = TRUE WHERE id = $1`, linkID); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "survey.link_revoke", "survey", svid, s.Title, nil, map[string]any{"link_id": linkID, "label": label})
	})
}

// linkHeld is a link found by its code.
type linkHeld struct {
	id, pid, svid, round, userID string
	used, revoked                bool
}

func (db *DB) linkByCode(ctx context.Context, q queryer, code string) (*linkHeld, error) {
	code = pk.NormalizeSurveyCode(code)
	if len(code) != SurveyCodeLength {
		return nil, pk.NotFound()
	}
	l := &linkHeld{}
	err := q.QueryRowContext(ctx, `SELECT id, partnership_id, survey_id, round, COALESCE(user_id, ''), used, revoked
		FROM survey_links WHERE secret_hash = $1`, hashSecret(code)).
		Scan(&l.id, &l.pid, &l.svid, &l.round, &l.userID, &l.used, &l.revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return l, err
}

// SurveyByLink is what the holder of a link sees: the survey and whether
// the link can be used. The link is the only credential.
func (store *SurveyStore) SurveyByLink(ctx context.Context, code string) (*pk.SurveyForm, error) {
	l, err := store.db.linkByCode(ctx, store.db.read, code)
	if err != nil {
		return nil, err
	}
	s, err := loadSurvey(ctx, store.db.read, l.pid, l.svid)
	if err != nil {
		return nil, err
	}
	f := &pk.SurveyForm{Survey: s, Round: l.round, State: pk.SurveyOpen,
		AsksCode: s.Anonymous && s.Kind == pk.SurveyPrePost}
	switch {
	case l.revoked:
		f.State = "revoked"
	case l.used:
		f.State = "used"
	case s.Status != pk.SurveyOpen:
		f.State = pk.SurveyClosed
		if s.Status == pk.SurveyDraft {
			f.State = "not_open"
		}
	}
	return f, nil
}

// pairKey pairs an anonymous respondent's pre and post answers by the
// code they chose, hashed with the survey's ID so that the same code in
// two surveys gives two keys. Nothing shows or exports it.
func pairKey(svid, code string) string {
	return hashSecret("pair\x00" + svid + "\x00" + strings.ToLower(strings.Join(strings.Fields(code), " ")))
}

// AnswerSurvey stores the one answer a link allows. An anonymous answer
// keeps no account, no link and no time, and its audit entry names no
// one; the link is only marked used, in the same transaction.
func (store *SurveyStore) AnswerSurvey(ctx context.Context, code string, in pk.SurveyAnswerInput) error {
	f, err := store.SurveyByLink(ctx, code)
	if err != nil {
		return err
	}
	if f.State != pk.SurveyOpen {
		return pk.Errorf(pk.ECONFLICT, "surveys.answer.state."+f.State, nil)
	}
	s := f.Survey
	values, err := pk.ParseAnswer(s, f.AsksCode, in)
	if err != nil {
		return err
	}
	l, err := store.db.linkByCode(ctx, store.db.read, code)
	if err != nil {
		return err
	}
	respondent, pair := "", ""
	switch {
	case !s.Anonymous:
		respondent = l.userID
		if s.Kind == pk.SurveyPrePost {
			pair = respondent
		}
	case f.AsksCode:
		pair = pairKey(s.ID, in.Code)
	}
	// Nobody is asking: a signed-in person answering an anonymous survey
	// leaves no trace of their account either.
	anonymousCtx := pk.NewContextWithUser(ctx, nil)
	return store.db.inTx(anonymousCtx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE survey_links SET used = TRUE WHERE id = $1 AND NOT used AND NOT revoked
			AND EXISTS (SELECT 1 FROM surveys WHERE id = $2 AND status = 'open')`, l.id, s.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return pk.Errorf(pk.ECONFLICT, "surveys.answer.state.used", nil)
		}
		id := newID()
		res, err = tx.ExecContext(ctx, `INSERT INTO survey_answers (id, survey_id, partnership_id, round, respondent_id, pair_key)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`, id, s.ID, l.pid, l.round, nullString(respondent), pair)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			if f.AsksCode {
				return pk.FieldInvalid("code", "surveys.validation.code_taken", nil)
			}
			return pk.Errorf(pk.ECONFLICT, "surveys.answer.state.answered", nil)
		}
		if err := tx.insertSurveyValues(ctx, l.pid, id, s.ID, l.round, values); err != nil {
			return err
		}
		after := map[string]any{"round": l.round}
		if respondent != "" {
			after["respondent_id"] = respondent
		}
		return tx.audit(anonymousCtx, l.pid, "survey.answer", "survey", s.ID, s.Title, nil, after)
	})
}

// insertSurveyValues writes an answer's values, many rows per statement.
func (tx *Tx) insertSurveyValues(ctx context.Context, pid, answerID, svid, round string, values []pk.SurveyValue) error {
	const perStatement = 100
	for start := 0; start < len(values); start += perStatement {
		end := min(start+perStatement, len(values))
		var sb strings.Builder
		sb.WriteString(`INSERT INTO survey_values (partnership_id, answer_id, survey_id, round, item_id, row_index, num_value, text_value) VALUES `)
		args := make([]any, 0, (end-start)*8)
		for i, v := range values[start:end] {
			if i > 0 {
				sb.WriteString(", ")
			}
			n := len(args)
			sb.WriteString("(")
			for k := 1; k <= 8; k++ {
				if k > 1 {
					sb.WriteString(", ")
				}
				sb.WriteString("$" + strconv.Itoa(n+k))
			}
			sb.WriteString(")")
			var num any
			if v.Num != nil {
				num = *v.Num
			}
			args = append(args, pid, answerID, svid, round, v.ItemID, v.Row, num, v.Text)
		}
		if _, err := tx.ExecContext(ctx, sb.String(), args...); err != nil {
			return err
		}
	}
	return nil
}
