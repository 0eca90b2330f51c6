package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/playbook"
)

// Playbook returns the partnership's progress through the playbook it
// follows (the default until a coordinator chooses another).
func (store *PlaybookStore) Playbook(ctx context.Context, pid string) (*pk.PlaybookView, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPreparation); err != nil {
		return nil, err
	}
	return store.db.playbookView(ctx, store.db.read, pid)
}

// Playbooks lists the available playbooks, marking the one followed.
func (store *PlaybookStore) Playbooks(ctx context.Context, pid string) ([]*pk.PlaybookSummary, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPreparation); err != nil {
		return nil, err
	}
	p, _, _, err := currentPlaybook(ctx, store.db.read, pid)
	if err != nil {
		return nil, err
	}
	return pk.PlaybookSummaries(p.ID), nil
}

// currentPlaybook is the playbook partnership pid follows, and who chose it.
// A stored ID no longer known falls back to the default.
func currentPlaybook(ctx context.Context, q queryer, pid string) (*playbook.Playbook, string, *time.Time, error) {
	var id, by string
	var at *time.Time
	err := q.QueryRowContext(ctx, `
		SELECT pb.playbook, COALESCE(u.name, ''), pb.chosen_at FROM partnership_playbooks pb LEFT JOIN users u ON u.id = pb.chosen_by
		WHERE pb.partnership_id = $1`, pid).Scan(&id, &by, nts(&at))
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, "", nil, err
	}
	if p, ok := playbook.Get(id); ok {
		return p, by, at, nil
	}
	p, _ := playbook.Get(playbook.Default)
	return p, "", nil, nil
}

// playbookView loads everything stored for the current playbook and
// measures it. q is the read pool or a transaction. Read from the pool,
// what is stored is kept under the data version (the overview shows it on
// every view; migration 00039 makes every playbook write raise it), and
// each asker gets their own copy with their answers marked.
func (db *DB) playbookView(ctx context.Context, q queryer, pid string) (*pk.PlaybookView, error) {
	var st *playbookState
	if q == queryer(db.read) {
		kept, err := db.keptFact(ctx, pid, "playbook", func() (any, error) { return readPlaybookState(ctx, db.read, pid) })
		if err != nil {
			return nil, err
		}
		st = kept.(*playbookState)
	} else {
		var err error
		if st, err = readPlaybookState(ctx, q, pid); err != nil {
			return nil, err
		}
	}
	return pk.BuildPlaybookView(st.playbook, st.record.forReader(pk.UserIDFromContext(ctx))), nil
}

// playbookState is what a partnership has stored for the playbook it
// follows, the same for every reader.
type playbookState struct {
	playbook *playbook.Playbook
	record   *playbookRecord
}

func readPlaybookState(ctx context.Context, q queryer, pid string) (*playbookState, error) {
	p, by, at, err := currentPlaybook(ctx, q, pid)
	if err != nil {
		return nil, err
	}
	rec, err := loadPlaybookRecord(ctx, q, pid, p.ID)
	if err != nil {
		return nil, err
	}
	rec.ChosenBy, rec.ChosenAt = by, at
	return &playbookState{playbook: p, record: (*playbookRecord)(rec)}, nil
}

// playbookRecord is a record shared by every reader: never changed once read.
type playbookRecord pk.PlaybookRecord

// forReader is the record as reader uid sees it: fresh answers and history
// (handed out to the pages and the API), their own answers marked.
func (r *playbookRecord) forReader(uid string) *pk.PlaybookRecord {
	c := pk.PlaybookRecord(*r)
	c.Answers = make([]*pk.PlaybookAnswer, len(r.Answers))
	for i, a := range r.Answers {
		x := *a
		x.Mine = a.UserID == uid
		c.Answers[i] = &x
	}
	c.History = make([]*pk.StageChange, len(r.History))
	for i, h := range r.History {
		x := *h
		c.History[i] = &x
	}
	return &c
}

// loadPlaybookRecord reads a partnership's state in one playbook: ticked
// steps, answers (none marked the reader's), the chosen stage and the stage
// history.
func loadPlaybookRecord(ctx context.Context, q queryer, pid, pbID string) (*pk.PlaybookRecord, error) {
	rec := &pk.PlaybookRecord{Playbook: pbID, Steps: map[string]*pk.PlaybookStep{}, Answers: []*pk.PlaybookAnswer{}, History: []*pk.StageChange{}}
	rows, err := q.QueryContext(ctx, `
		SELECT s.step, COALESCE(s.done_by, ''), COALESCE(u.name, ''), s.done_at
		FROM playbook_steps s LEFT JOIN users u ON u.id = s.done_by
		WHERE s.partnership_id = $1 AND s.playbook = $2`, pid, pbID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id string
		s := &pk.PlaybookStep{Done: true}
		if err := rows.Scan(&id, &s.DoneByID, &s.DoneBy, nts(&s.DoneAt)); err != nil {
			rows.Close()
			return nil, err
		}
		rec.Steps[id] = s
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `
		SELECT a.id, a.question, a.user_id, COALESCE(u.name, ''), a.body, a.version, a.created_at, a.updated_at
		FROM playbook_answers a LEFT JOIN users u ON u.id = a.user_id
		WHERE a.partnership_id = $1 AND a.playbook = $2 ORDER BY a.created_at, a.id`, pid, pbID)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		a := &pk.PlaybookAnswer{}
		if err := rows.Scan(&a.ID, &a.QuestionID, &a.UserID, &a.UserName, &a.Text, &a.Version, ts(&a.CreatedAt), ts(&a.UpdatedAt)); err != nil {
			rows.Close()
			return nil, err
		}
		rec.Answers = append(rec.Answers, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	err = q.QueryRowContext(ctx, `SELECT stage FROM playbook_stages WHERE partnership_id = $1 AND playbook = $2`, pid, pbID).Scan(&rec.Stage)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `
		SELECT h.from_stage, h.to_stage, COALESCE(h.user_id, ''), COALESCE(u.name, ''), h.changed_at
		FROM playbook_stage_history h LEFT JOIN users u ON u.id = h.user_id
		WHERE h.partnership_id = $1 AND h.playbook = $2 ORDER BY h.seq`, pid, pbID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		c := &pk.StageChange{Playbook: pbID}
		if err := rows.Scan(&c.From, &c.To, &c.UserID, &c.UserName, ts(&c.At)); err != nil {
			return nil, err
		}
		rec.History = append(rec.History, c)
	}
	return rec, rows.Err()
}

// SetPlaybook makes the partnership follow another playbook. What was done
// in the previous one stays stored and shows again on switching back.
func (store *PlaybookStore) SetPlaybook(ctx context.Context, pid, id string) (*pk.PlaybookView, error) {
	var out *pk.PlaybookView
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManagePlaybook); err != nil {
			return err
		}
		var v pk.Validator
		v.OneOf("playbook", id, true, pk.PlaybookIDs())
		if err := v.Err(); err != nil {
			return err
		}
		before, _, _, err := currentPlaybook(ctx, tx, pid)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO partnership_playbooks (partnership_id, playbook, chosen_by, chosen_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (partnership_id) DO UPDATE SET playbook = excluded.playbook, chosen_by = excluded.chosen_by,
				chosen_at = excluded.chosen_at, version = partnership_playbooks.version + 1`,
			pid, id, pk.UserIDFromContext(ctx), fmtTime(tx.now)); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "playbook.switch", "playbook", id, id,
			map[string]string{"playbook": before.ID}, map[string]string{"playbook": id}); err != nil {
			return err
		}
		out, err = store.db.playbookView(ctx, tx, pid)
		return err
	})
	return out, err
}

// SetStepDone ticks a step of the current playbook off (who, when) or
// un-ticks it. Ticking a done step again keeps the first tick.
func (store *PlaybookStore) SetStepDone(ctx context.Context, pid, step string, done bool) (*pk.PlaybookView, error) {
	var out *pk.PlaybookView
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		p, _, _, err := currentPlaybook(ctx, tx, pid)
		if err != nil {
			return err
		}
		if p.Step(step) == nil {
			return pk.NotFound()
		}
		var res sql.Result
		action := "playbook.step_done"
		if done {
			res, err = tx.ExecContext(ctx, `
				INSERT INTO playbook_steps (partnership_id, playbook, step, done_by, done_at) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (partnership_id, playbook, step) DO NOTHING`, pid, p.ID, step, pk.UserIDFromContext(ctx), fmtTime(tx.now))
		} else {
			action = "playbook.step_undone"
			res, err = tx.ExecContext(ctx, `DELETE FROM playbook_steps WHERE partnership_id = $1 AND playbook = $2 AND step = $3`, pid, p.ID, step)
		}
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n > 0 {
			if err := tx.audit(ctx, pid, action, "playbook_step", step, p.ID+": "+step, nil, map[string]any{"playbook": p.ID, "step": step, "done": done}); err != nil {
				return err
			}
		}
		out, err = store.db.playbookView(ctx, tx, pid)
		return err
	})
	return out, err
}

// AnswerQuestion writes the asking person's answer to a guiding question of
// the current playbook. Each person keeps one answer per question; changing
// it needs the version it was read at.
func (store *PlaybookStore) AnswerQuestion(ctx context.Context, pid, question string, in pk.PlaybookAnswerInput) (*pk.PlaybookAnswer, error) {
	var out *pk.PlaybookAnswer
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		p, _, _, err := currentPlaybook(ctx, tx, pid)
		if err != nil {
			return err
		}
		if p.Question(question) == nil {
			return pk.NotFound()
		}
		if err := in.Validate(); err != nil {
			return err
		}
		uid := pk.UserIDFromContext(ctx)
		var id, before string
		err = tx.QueryRowContext(ctx, `SELECT id, body FROM playbook_answers WHERE partnership_id = $1 AND playbook = $2 AND question = $3 AND user_id = $4`,
			pid, p.ID, question, uid).Scan(&id, &before)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			id = newID()
			res, err := tx.ExecContext(ctx, `
				INSERT INTO playbook_answers (id, partnership_id, playbook, question, user_id, body, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
				ON CONFLICT (partnership_id, playbook, question, user_id) DO NOTHING`, id, pid, p.ID, question, uid, in.Text, fmtTime(tx.now))
			if err != nil {
				return err
			}
			// The same person answered meanwhile (another tab): do not
			// overwrite that answer unseen.
			if n, _ := res.RowsAffected(); n == 0 {
				return pk.Conflict(1)
			}
			if err := tx.audit(ctx, pid, "playbook.answer", "playbook_answer", id, p.ID+": "+question, nil, map[string]string{"answer": in.Text}); err != nil {
				return err
			}
		case err != nil:
			return err
		default:
			if err := tx.bumpVersion(ctx, "playbook_answers", "id = $1", in.Version, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE playbook_answers SET body = $1, updated_at = $2 WHERE id = $3`, in.Text, fmtTime(tx.now), id); err != nil {
				return err
			}
			if err := tx.audit(ctx, pid, "playbook.answer_update", "playbook_answer", id, p.ID+": "+question,
				map[string]string{"answer": before}, map[string]string{"answer": in.Text}); err != nil {
				return err
			}
		}
		a := &pk.PlaybookAnswer{Mine: true}
		err = tx.QueryRowContext(ctx, `
			SELECT a.id, a.question, a.user_id, COALESCE(u.name, ''), a.body, a.version, a.created_at, a.updated_at
			FROM playbook_answers a LEFT JOIN users u ON u.id = a.user_id WHERE a.id = $1`, id).
			Scan(&a.ID, &a.QuestionID, &a.UserID, &a.UserName, &a.Text, &a.Version, ts(&a.CreatedAt), ts(&a.UpdatedAt))
		out = a
		return err
	})
	return out, err
}

// AdvanceStage moves the partnership to the stage after the current one,
// records who did it and when, and returns the new view. from, when not
// empty, must be the current stage: a second click on a stale page does not
// skip a stage. A coordinator may move on before every step is ticked (the
// page warns); the last stage has nowhere to go.
func (store *PlaybookStore) AdvanceStage(ctx context.Context, pid, from string) (*pk.PlaybookView, error) {
	var out *pk.PlaybookView
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManagePlaybook); err != nil {
			return err
		}
		v, err := store.db.playbookView(ctx, tx, pid)
		if err != nil {
			return err
		}
		if from != "" && from != v.Current {
			return pk.Errorf(pk.ECONFLICT, "outreach.error.stage_changed", nil)
		}
		if v.NextStage == "" {
			return pk.Errorf(pk.ECONFLICT, "outreach.error.last_stage", nil)
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO playbook_stages (partnership_id, playbook, stage) VALUES ($1, $2, $3)
			ON CONFLICT (partnership_id, playbook) DO UPDATE SET stage = excluded.stage`, pid, v.Playbook, v.NextStage); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO playbook_stage_history (id, partnership_id, playbook, seq, from_stage, to_stage, user_id, changed_at)
			SELECT $1, $2, $3, COALESCE(MAX(seq), 0) + 1, $4, $5, $6, $7 FROM playbook_stage_history WHERE partnership_id = $2 AND playbook = $3`,
			newID(), pid, v.Playbook, v.Current, v.NextStage, pk.UserIDFromContext(ctx), fmtTime(tx.now)); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "playbook.advance", "playbook", v.Playbook, v.Current+" → "+v.NextStage,
			map[string]string{"stage": v.Current}, map[string]string{"stage": v.NextStage}); err != nil {
			return err
		}
		out, err = store.db.playbookView(ctx, tx, pid)
		return err
	})
	return out, err
}
