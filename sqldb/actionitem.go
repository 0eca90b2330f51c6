package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

const actionSelect = `
	SELECT ai.id, ai.partnership_id, p.name, ai.meeting_id, m.title, ai.what, COALESCE(ai.user_id, ''), COALESCE(u.name, ''),
		COALESCE(ai.organisation_id, ''), COALESCE(o.name, ''), COALESCE(ai.due_date, ''), ai.status, ai.version, ai.created_at, ai.updated_at
	FROM meeting_action_items ai
	JOIN meetings m ON m.id = ai.meeting_id
	JOIN partnerships p ON p.id = ai.partnership_id
	LEFT JOIN users u ON u.id = ai.user_id
	LEFT JOIN organisations o ON o.id = ai.organisation_id `

func scanActionItem(row rowScanner) (*pk.ActionItem, error) {
	a := &pk.ActionItem{}
	err := row.Scan(&a.ID, &a.PartnershipID, &a.PartnershipName, &a.MeetingID, &a.MeetingTitle, &a.What, &a.UserID, &a.UserName,
		&a.OrganisationID, &a.OrganisationName, &a.Due, &a.Status, &a.Version, ts(&a.CreatedAt), ts(&a.UpdatedAt))
	return a, err
}

// markOverdue sets Overdue by today's date.
func (db *DB) markOverdue(items []*pk.ActionItem) []*pk.ActionItem {
	today := db.now().Format("2006-01-02")
	for _, a := range items {
		a.Overdue = a.IsOverdue(today)
	}
	return items
}

// ActionItems lists a meeting's action items, oldest first.
func (store *MeetingStore) ActionItems(ctx context.Context, pid, mtid string) ([]*pk.ActionItem, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, false, err
	}
	if _, err := loadMeeting(ctx, store.db.read, pid, mtid); err != nil {
		return nil, false, err
	}
	out, err := collect(scanActionItem)(store.db.read.QueryContext(ctx,
		actionSelect+`WHERE ai.meeting_id = $1 AND ai.partnership_id = $2 ORDER BY ai.created_at, ai.id LIMIT $3`, mtid, pid, pk.MaxActionItems+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxActionItems
	if cut {
		out = out[:pk.MaxActionItems]
	}
	return store.db.markOverdue(out), cut, nil
}

// MyActionItems lists the asker's action items in the partnerships they
// are still in: open ones first, by due date.
func (store *MeetingStore) MyActionItems(ctx context.Context) ([]*pk.ActionItem, bool, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, false, err
	}
	out, err := collect(scanActionItem)(store.db.read.QueryContext(ctx, actionSelect+`
		JOIN partnership_people pp ON pp.partnership_id = ai.partnership_id AND pp.user_id = ai.user_id
		WHERE ai.user_id = $1
		ORDER BY CASE ai.status WHEN 'open' THEN 0 ELSE 1 END, COALESCE(ai.due_date, '9999-12-31'), ai.created_at, ai.id LIMIT $2`,
		uid, pk.MaxMyActionItems+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxMyActionItems
	if cut {
		out = out[:pk.MaxMyActionItems]
	}
	return store.db.markOverdue(out), cut, nil
}

func loadActionItem(ctx context.Context, q queryer, pid, mtid, id string) (*pk.ActionItem, error) {
	a, err := scanActionItem(q.QueryRowContext(ctx, actionSelect+`WHERE ai.id = $1 AND ai.meeting_id = $2 AND ai.partnership_id = $3`, id, mtid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return a, err
}

// checkActionHolders checks that the person, and the organisation when
// given, belong to the partnership.
func checkActionHolders(ctx context.Context, tx *Tx, pid string, in *pk.ActionItemInput) error {
	var v pk.Validator
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, in.UserID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		v.Add("user_id", "governance.validation.not_in_partnership", nil)
	}
	if in.OrganisationID != "" {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2`,
			pid, in.OrganisationID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			v.Add("organisation_id", "governance.validation.not_in_partnership", nil)
		}
	}
	return v.Err()
}

// actionAudit keeps IDs, not the person's name.
func actionAudit(a *pk.ActionItem) map[string]any {
	return map[string]any{"id": a.ID, "what": a.What, "user_id": a.UserID, "organisation_id": a.OrganisationID, "due": a.Due, "status": a.Status}
}

// AddActionItem records an action item of a meeting.
func (store *MeetingStore) AddActionItem(ctx context.Context, pid, mtid string, in pk.ActionItemInput) (*pk.ActionItem, error) {
	if in.Status == "" {
		in.Status = pk.ActionOpen
	}
	var out *pk.ActionItem
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMeetings); err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkActionHolders(ctx, tx, pid, &in); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM meeting_action_items WHERE meeting_id = $1`, mtid).Scan(&n); err != nil {
			return err
		}
		if n >= pk.MaxActionItems {
			return pk.FieldInvalid("what", "meeting.validation.too_many", map[string]any{"Max": pk.MaxActionItems})
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO meeting_action_items (id, partnership_id, meeting_id, what, user_id, organisation_id, due_date, status, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
			id, pid, mtid, in.What, in.UserID, nullString(in.OrganisationID), nullString(in.Due), in.Status,
			nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if out, err = loadActionItem(ctx, tx, pid, mtid, id); err != nil {
			return err
		}
		out.Overdue = out.IsOverdue(tx.now.Format("2006-01-02"))
		return tx.audit(ctx, pid, "meeting.action.add", "meeting", mtid, m.Title+": "+out.What, nil, actionAudit(out))
	})
	return out, err
}

// UpdateActionItem changes an action item or its status.
func (store *MeetingStore) UpdateActionItem(ctx context.Context, pid, mtid, acid string, in pk.ActionItemInput) (*pk.ActionItem, error) {
	var out *pk.ActionItem
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMeetings); err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		before, err := loadActionItem(ctx, tx, pid, mtid, acid)
		if err != nil {
			return err
		}
		if in.Status == "" {
			in.Status = before.Status
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkActionHolders(ctx, tx, pid, &in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "meeting_action_items", "id = $1 AND partnership_id = $2", in.Version, acid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE meeting_action_items SET what = $2, user_id = $3, organisation_id = $4, due_date = $5, status = $6, updated_at = $7 WHERE id = $1`,
			acid, in.What, in.UserID, nullString(in.OrganisationID), nullString(in.Due), in.Status, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadActionItem(ctx, tx, pid, mtid, acid); err != nil {
			return err
		}
		out.Overdue = out.IsOverdue(tx.now.Format("2006-01-02"))
		action := "meeting.action.update"
		if before.Status != out.Status {
			action = "meeting.action." + out.Status
		}
		return tx.audit(ctx, pid, action, "meeting", mtid, m.Title+": "+out.What, actionAudit(before), actionAudit(out))
	})
	return out, err
}
