package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/meeting"
)

const agendaSelect = `
	SELECT a.id, a.meeting_id, a.position, a.title, COALESCE(a.presenter_id, ''), COALESCE(u.name, ''), a.minutes, a.notes, a.version,
		COALESCE(a.proposal_id, ''), COALESCE(pr.title, ''), COALESCE(pr.status, ''), d.outcome
	FROM meeting_agenda_items a
	LEFT JOIN users u ON u.id = a.presenter_id
	LEFT JOIN proposals pr ON pr.id = a.proposal_id
	LEFT JOIN decisions d ON d.proposal_id = a.proposal_id `

func scanAgendaItem(row rowScanner) (*pk.AgendaItem, error) {
	it := &pk.AgendaItem{}
	var outcome sql.NullString
	err := row.Scan(&it.ID, &it.MeetingID, &it.Position, &it.Title, &it.PresenterID, &it.PresenterName, &it.Minutes, &it.Notes, &it.Version,
		&it.ProposalID, &it.ProposalTitle, &it.ProposalStatus, &outcome)
	if outcome.Valid {
		it.ProposalOutcome = &outcome.String
	}
	return it, err
}

// agendaItems reads a meeting's agenda. Outside a transaction it is kept in
// the request's memo: the meeting page shows it and counts the votes in
// the room from it. Each caller gets copies.
func agendaItems(ctx context.Context, q queryer, mtid string) ([]*pk.AgendaItem, error) {
	memo := poolMemo(ctx, q)
	key := "agenda\x00" + mtid
	if v, ok := memo.Get(key); ok {
		return copyAgendaItems(v.([]*pk.AgendaItem)), nil
	}
	items, err := collect(scanAgendaItem)(q.QueryContext(ctx, agendaSelect+`WHERE a.meeting_id = $1 ORDER BY a.position, a.id LIMIT $2`,
		mtid, pk.MaxAgendaItems))
	if err != nil {
		return nil, err
	}
	memo.Put(key, items)
	return copyAgendaItems(items), nil
}

// copyAgendaItems copies agenda items, what their pointers point to
// included.
func copyAgendaItems(kept []*pk.AgendaItem) []*pk.AgendaItem {
	vals := make([]pk.AgendaItem, len(kept))
	out := make([]*pk.AgendaItem, len(kept))
	for i, it := range kept {
		vals[i] = *it
		if it.ProposalOutcome != nil {
			o := *it.ProposalOutcome
			vals[i].ProposalOutcome = &o
		}
		out[i] = &vals[i]
	}
	return out
}

// agendaTotal adds the minutes of a meeting's items, leaving one out (the
// item being changed).
func agendaTotal(ctx context.Context, q queryer, mtid, except string) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COALESCE(SUM(minutes), 0) FROM meeting_agenda_items WHERE meeting_id = $1 AND id <> $2`,
		mtid, except).Scan(&n)
	return n, err
}

// charterMeetingRules reads the meeting rules of the charter in force
// (zero when there is no charter yet).
func charterMeetingRules(ctx context.Context, db *DB, q queryer, pid string) (pk.CharterText, *pk.Charter, error) {
	c, err := loadCharter(ctx, db, q, pid)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return pk.CharterText{}, nil, nil
	} else if err != nil {
		return pk.CharterText{}, nil, err
	}
	return c.CharterText, c, nil
}

// Agenda returns a meeting's agenda with the charter's checks.
func (store *MeetingStore) Agenda(ctx context.Context, pid, mtid string) (*pk.Agenda, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMeetings); err != nil {
		return nil, err
	}
	m, err := loadMeeting(ctx, store.db.read, pid, mtid)
	if err != nil {
		return nil, err
	}
	items, err := agendaItems(ctx, store.db.read, mtid)
	if err != nil {
		return nil, err
	}
	rules, _, err := charterMeetingRules(ctx, store.db, store.db.read, pid)
	if err != nil {
		return nil, err
	}
	return meeting.Check(m, items, rules.AgendaDaysAhead, rules.MeetingMaxMinutes, store.db.now()), nil
}

// checkPresenter checks that a presenter is in the partnership.
func checkPresenter(ctx context.Context, tx *Tx, pid, uid string) error {
	if uid == "" {
		return nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, uid).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return pk.FieldInvalid("presenter_id", "governance.validation.not_in_partnership", nil)
	}
	return nil
}

// checkAgendaFits refuses an item whose minutes would make the agenda
// longer than the meeting.
func checkAgendaFits(ctx context.Context, tx *Tx, m *pk.Meeting, except string, minutes int) error {
	total, err := agendaTotal(ctx, tx, m.ID, except)
	if err != nil {
		return err
	}
	if !meeting.Fits(total+minutes, m.Length()) {
		return pk.FieldInvalid("minutes", "meeting.validation.agenda_too_long",
			map[string]any{"Left": max(m.Length()-total, 0), "Length": m.Length()})
	}
	return nil
}

// renumber writes the positions 1… of a meeting's items in the order ids.
func renumber(ctx context.Context, tx *Tx, ids []string) error {
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE meeting_agenda_items SET position = $2 WHERE id = $1`, id, i+1); err != nil {
			return err
		}
	}
	return nil
}

// AddAgendaItem adds an item, last or at in.Position.
func (store *MeetingStore) AddAgendaItem(ctx context.Context, pid, mtid string, in pk.AgendaItemInput) (*pk.AgendaItem, error) {
	var out *pk.AgendaItem
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
		if err := checkPresenter(ctx, tx, pid, in.PresenterID); err != nil {
			return err
		}
		if err := checkAgendaProposal(ctx, tx, pid, m, in.ProposalID); err != nil {
			return err
		}
		items, err := agendaItems(ctx, tx, mtid)
		if err != nil {
			return err
		}
		if len(items) >= pk.MaxAgendaItems {
			return pk.FieldInvalid("title", "meeting.validation.too_many", map[string]any{"Max": pk.MaxAgendaItems})
		}
		if err := checkAgendaFits(ctx, tx, m, "", in.Minutes); err != nil {
			return err
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO meeting_agenda_items (id, partnership_id, meeting_id, position, title, presenter_id, minutes, notes, proposal_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
			id, pid, mtid, len(items)+1, in.Title, nullString(in.PresenterID), in.Minutes, in.Notes, nullString(in.ProposalID),
			fmtTime(tx.now)); err != nil {
			return err
		}
		if in.Position > 0 {
			items = append(items, &pk.AgendaItem{ID: id})
			if err := renumber(ctx, tx, meeting.Move(items, id, in.Position)); err != nil {
				return err
			}
		}
		if out, err = loadAgendaItem(ctx, tx, mtid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.agenda.add", "meeting", mtid, m.Title+": "+out.Title, nil, agendaAudit(out))
	})
	return out, err
}

func loadAgendaItem(ctx context.Context, q queryer, mtid, id string) (*pk.AgendaItem, error) {
	it, err := scanAgendaItem(q.QueryRowContext(ctx, agendaSelect+`WHERE a.id = $1 AND a.meeting_id = $2`, id, mtid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return it, err
}

// UpdateAgendaItem changes an item and moves it when in.Position says so.
func (store *MeetingStore) UpdateAgendaItem(ctx context.Context, pid, mtid, aiid string, in pk.AgendaItemInput) (*pk.AgendaItem, error) {
	var out *pk.AgendaItem
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMeetings); err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		before, err := loadAgendaItem(ctx, tx, mtid, aiid)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkPresenter(ctx, tx, pid, in.PresenterID); err != nil {
			return err
		}
		if err := checkAgendaProposal(ctx, tx, pid, m, in.ProposalID); err != nil {
			return err
		}
		if err := checkAgendaFits(ctx, tx, m, aiid, in.Minutes); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "meeting_agenda_items", "id = $1 AND meeting_id = $2", in.Version, aiid, mtid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE meeting_agenda_items SET title = $2, presenter_id = $3, minutes = $4, notes = $5, proposal_id = $6
			WHERE id = $1`, aiid, in.Title, nullString(in.PresenterID), in.Minutes, in.Notes, nullString(in.ProposalID)); err != nil {
			return err
		}
		if in.Position > 0 && in.Position != before.Position {
			items, err := agendaItems(ctx, tx, mtid)
			if err != nil {
				return err
			}
			if err := renumber(ctx, tx, meeting.Move(items, aiid, in.Position)); err != nil {
				return err
			}
		}
		if out, err = loadAgendaItem(ctx, tx, mtid, aiid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.agenda.update", "meeting", mtid, m.Title+": "+out.Title, agendaAudit(before), agendaAudit(out))
	})
	return out, err
}

// DeleteAgendaItem removes an item and closes the gap.
func (store *MeetingStore) DeleteAgendaItem(ctx context.Context, pid, mtid, aiid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMeetings); err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		before, err := loadAgendaItem(ctx, tx, mtid, aiid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "meeting_agenda_items", "id = $1 AND meeting_id = $2", version, aiid, mtid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM meeting_agenda_items WHERE id = $1`, aiid); err != nil {
			return err
		}
		ids, err := tx.column(ctx, `SELECT id FROM meeting_agenda_items WHERE meeting_id = $1 ORDER BY position, id`, mtid)
		if err != nil {
			return err
		}
		if err := renumber(ctx, tx, ids); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.agenda.delete", "meeting", mtid, m.Title+": "+before.Title, agendaAudit(before), nil)
	})
}

// CirculateAgenda records that the agenda went round now.
func (store *MeetingStore) CirculateAgenda(ctx context.Context, pid, mtid string, version int) (*pk.Meeting, error) {
	var out *pk.Meeting
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditMeetings); err != nil {
			return err
		}
		m, err := loadMeeting(ctx, tx, pid, mtid)
		if err != nil {
			return err
		}
		items, err := agendaItems(ctx, tx, mtid)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return pk.FieldInvalid("agenda", "meeting.validation.agenda_empty", nil)
		}
		if err := tx.bumpVersion(ctx, "meetings", "id = $1 AND partnership_id = $2", version, mtid, pid); err != nil {
			return err
		}
		now := fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `UPDATE meetings SET agenda_circulated_at = $2, updated_at = $2 WHERE id = $1`, mtid, now); err != nil {
			return err
		}
		if out, err = loadMeeting(ctx, tx, pid, mtid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "meeting.agenda.circulate", "meeting", mtid, m.Title, nil, map[string]any{"items": len(items)})
	})
	return out, err
}

// agendaAudit is what the audit log keeps of an item: the presenter by ID,
// never by name (as for seats), so deleting an account leaves no name.
func agendaAudit(it *pk.AgendaItem) map[string]any {
	return map[string]any{"id": it.ID, "position": it.Position, "title": it.Title, "presenter_id": it.PresenterID,
		"minutes": it.Minutes, "notes": it.Notes, "proposal_id": it.ProposalID}
}
