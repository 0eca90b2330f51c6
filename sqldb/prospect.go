package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"sort"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// prospectSelect reads prospects with their names joined in. The actor join
// carries the sensitive rule: a sensitive actor joins only for readers who
// may see it ($1), so others see neither its name nor its ID.
const prospectSelect = `
	SELECT p.id, p.name, p.kind, COALESCE(a.id, ''), COALESCE(a.name, ''), COALESCE(p.organisation_id, ''), COALESCE(o.name, ''),
		COALESCE(p.user_id, ''), COALESCE(u.name, ''), p.contact_name, p.contact_email, p.contact_phone, p.contact_role,
		p.record, p.statements, p.worked_with, p.message, p.next_step, COALESCE(p.next_step_due, ''), p.status, p.status_at,
		COALESCE(i.id, ''), COALESCE(i.email, ''), COALESCE(i.status, ''), i.created_at, p.version, p.created_at, p.updated_at
	FROM prospects p
	LEFT JOIN actors a ON a.id = p.actor_id AND (NOT a.sensitive OR $1)
	LEFT JOIN organisations o ON o.id = p.organisation_id
	LEFT JOIN users u ON u.id = p.user_id
	LEFT JOIN invitations i ON i.id = p.invitation_id `

func (db *DB) scanProspect(row rowScanner) (*pk.Prospect, error) {
	x := &pk.Prospect{}
	var invID, invEmail, invStatus string
	var invAt *time.Time
	err := row.Scan(&x.ID, &x.Name, &x.Kind, &x.ActorID, &x.ActorName, &x.OrganisationID, &x.OrganisationName,
		&x.UserID, &x.UserName, &x.ContactName, &x.ContactEmail, &x.ContactPhone, &x.ContactRole,
		&x.Record, &x.Statements, &x.WorkedWith, &x.Message, &x.NextStep, &x.NextStepDue, &x.Status, ts(&x.StatusAt),
		&invID, &invEmail, &invStatus, nts(&invAt), &x.Version, ts(&x.CreatedAt), ts(&x.UpdatedAt))
	if err != nil {
		return nil, err
	}
	if invID != "" {
		x.Invitation = &pk.ProspectInvitation{ID: invID, Email: invEmail, Status: invStatus}
		if invAt != nil {
			x.Invitation.CreatedAt = *invAt
		}
	}
	x.Overdue = pk.IsOverdue(x.NextStepDue, x.Status, db.now())
	return x, nil
}

// Prospects lists a partnership's prospects by name, optionally of one
// status, a page at a time.
func (store *ProspectStore) Prospects(ctx context.Context, pid string, f pk.ProspectFilter, pg pk.PageRequest) ([]*pk.Prospect, string, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewProspects)
	if err != nil {
		return nil, "", err
	}
	var v pk.Validator
	v.OneOf("status", f.Status, false, pk.ProspectStatuses)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	pg = pg.Normalize()
	a := args{pk.MaySeeSensitive(p.MyRole)}
	where := `WHERE p.partnership_id = ` + a.add(pid)
	if f.Status != "" {
		where += ` AND p.status = ` + a.add(f.Status)
	}
	parts, ok := decodeCursor(pg.Cursor, 2)
	if !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	}
	if parts != nil {
		n, id := a.add(parts[0]), a.add(parts[1])
		where += ` AND (p.name > ` + n + ` OR (p.name = ` + n + ` AND p.id > ` + id + `))`
	}
	out, err := collect(store.db.scanProspect)(store.db.read.QueryContext(ctx,
		prospectSelect+where+` ORDER BY p.name, p.id LIMIT `+a.add(pg.Limit+1), a...))
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, pg.Limit, func(last *pk.Prospect) string { return encodeCursor(last.Name, last.ID) })
	return out, next, nil
}

// PipelineProspects returns all prospects (up to the largest page) grouped by
// status, open next steps first in each column: overdue, then by due date.
func (store *ProspectStore) PipelineProspects(ctx context.Context, pid string) ([]*pk.ProspectColumn, bool, error) {
	ps, next, err := store.Prospects(ctx, pid, pk.ProspectFilter{}, pk.PageRequest{Limit: pk.MaxPageSize})
	if err != nil {
		return nil, false, err
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.Overdue != b.Overdue {
			return a.Overdue
		}
		if (a.NextStepDue == "") != (b.NextStepDue == "") {
			return a.NextStepDue != ""
		}
		return a.NextStepDue < b.NextStepDue
	})
	return pk.Pipeline(ps), next != "", nil
}

// Prospect returns one prospect.
func (store *ProspectStore) Prospect(ctx context.Context, pid, id string) (*pk.Prospect, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewProspects)
	if err != nil {
		return nil, err
	}
	return store.db.loadProspect(ctx, store.db.read, p, id)
}

func (db *DB) loadProspect(ctx context.Context, q queryer, p *pk.Partnership, id string) (*pk.Prospect, error) {
	x, err := db.scanProspect(q.QueryRowContext(ctx, prospectSelect+`WHERE p.id = $2 AND p.partnership_id = $3`, pk.MaySeeSensitive(p.MyRole), id, p.ID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return x, err
}

// checkProspectLinks checks that the point of contact is a member (or
// coordinator) of the partnership, and that a linked actor is in its
// register and visible to the writer, a linked organisation exists.
func checkProspectLinks(ctx context.Context, tx *Tx, p *pk.Partnership, in *pk.ProspectInput) error {
	var v pk.Validator
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2 AND role IN ('member', 'coordinator')`,
		p.ID, in.UserID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		v.Add("user_id", "outreach.validation.contact_not_member", nil)
	}
	if in.ActorID != "" {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM actors WHERE id = $1 AND partnership_id = $2 AND (NOT sensitive OR $3)`,
			in.ActorID, p.ID, pk.MaySeeSensitive(p.MyRole)).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			v.Add("actor_id", "outreach.validation.unknown_actor", nil)
		}
	}
	if in.OrganisationID != "" {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE id = $1`, in.OrganisationID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			v.Add("organisation_id", "validation.unknown_organisation", nil)
		}
	}
	return v.Err()
}

// prospectAudit is what the audit log keeps of a prospect: no contact
// details beyond the name, which people may not want repeated everywhere.
func prospectAudit(x *pk.Prospect) map[string]string {
	return map[string]string{"name": x.Name, "kind": x.Kind, "status": x.Status, "user_id": x.UserID, "next_step": x.NextStep, "next_step_due": x.NextStepDue}
}

// CreateProspect adds a prospective partner, in status identified unless
// another is given (the message rule applies), and opens its history.
func (store *ProspectStore) CreateProspect(ctx context.Context, pid string, in pk.ProspectInput) (*pk.Prospect, error) {
	var out *pk.Prospect
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditProspects)
		if err != nil {
			return err
		}
		if in.Status == "" {
			in.Status = pk.ProspectIdentified
		}
		if err := in.Validate(in.Status); err != nil {
			return err
		}
		if err := checkProspectLinks(ctx, tx, p, &in); err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO prospects (id, partnership_id, name, kind, actor_id, organisation_id, user_id, contact_name, contact_email, contact_phone,
				contact_role, record, statements, worked_with, message, next_step, next_step_due, status, status_at, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $19, $19)`,
			id, pid, in.Name, in.Kind, nullString(in.ActorID), nullString(in.OrganisationID), in.UserID, in.ContactName, in.ContactEmail,
			in.ContactPhone, in.ContactRole, in.Record, in.Statements, in.WorkedWith, in.Message, in.NextStep, nullString(in.NextStepDue),
			in.Status, now, pk.UserIDFromContext(ctx)); err != nil {
			return err
		}
		if err := tx.addStatusChange(ctx, pid, id, "", in.Status, ""); err != nil {
			return err
		}
		out, err = store.db.loadProspect(ctx, tx, p, id)
		if err != nil {
			return err
		}
		return tx.audit(ctx, pid, "prospect.create", "prospect", id, in.Name, nil, prospectAudit(out))
	})
	return out, err
}

func (tx *Tx) addStatusChange(ctx context.Context, pid, id, from, to, note string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO prospect_status_changes (id, partnership_id, prospect_id, seq, from_status, to_status, note, user_id, changed_at)
		SELECT $1, $2, $3, COALESCE(MAX(seq), 0) + 1, $4, $5, $6, $7, $8 FROM prospect_status_changes WHERE prospect_id = $3`,
		newID(), pid, id, from, to, note, nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now))
	return err
}

// UpdateProspect changes a prospect's details (not its status: that is
// SetProspectStatus, which keeps the history). The message rule holds on
// every write: the message cannot be emptied once the prospect was approached.
func (store *ProspectStore) UpdateProspect(ctx context.Context, pid, id string, in pk.ProspectInput) (*pk.Prospect, error) {
	var out *pk.Prospect
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditProspects)
		if err != nil {
			return err
		}
		before, err := store.db.loadProspect(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := in.Validate(before.Status); err != nil {
			return err
		}
		// A writer who may not see the linked (sensitive) actor cannot have
		// meant to unlink it: keep the stored link.
		keepActor := false
		if in.ActorID == "" && before.ActorID == "" {
			var stored sql.NullString
			if err := tx.QueryRowContext(ctx, `SELECT actor_id FROM prospects WHERE id = $1`, id).Scan(&stored); err != nil {
				return err
			}
			keepActor = stored.Valid
		}
		if err := checkProspectLinks(ctx, tx, p, &in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "prospects", "id = $1 AND partnership_id = $2", in.Version, id, pid); err != nil {
			return err
		}
		actorSet := `actor_id = $4,`
		if keepActor {
			actorSet = `actor_id = COALESCE(actor_id, $4),`
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE prospects SET name = $2, kind = $3, `+actorSet+` organisation_id = $5, user_id = $6, contact_name = $7, contact_email = $8,
				contact_phone = $9, contact_role = $10, record = $11, statements = $12, worked_with = $13, message = $14, next_step = $15,
				next_step_due = $16, updated_at = $17
			WHERE id = $1`,
			id, in.Name, in.Kind, nullString(in.ActorID), nullString(in.OrganisationID), in.UserID, in.ContactName, in.ContactEmail,
			in.ContactPhone, in.ContactRole, in.Record, in.Statements, in.WorkedWith, in.Message, in.NextStep, nullString(in.NextStepDue),
			fmtTime(tx.now)); err != nil {
			return err
		}
		out, err = store.db.loadProspect(ctx, tx, p, id)
		if err != nil {
			return err
		}
		return tx.audit(ctx, pid, "prospect.update", "prospect", id, out.Name, prospectAudit(before), prospectAudit(out))
	})
	return out, err
}

// SetProspectStatus moves a prospect to another status, with a note, and
// records the move (from, to, who, when, note) in its history.
func (store *ProspectStore) SetProspectStatus(ctx context.Context, pid, id string, in pk.ProspectStatusInput) (*pk.Prospect, error) {
	var out *pk.Prospect
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditProspects)
		if err != nil {
			return err
		}
		before, err := store.db.loadProspect(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := pk.CheckStatusChange(before.Status, in.Status, before.Message); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "prospects", "id = $1 AND partnership_id = $2", in.Version, id, pid); err != nil {
			return err
		}
		now := fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `UPDATE prospects SET status = $1, status_at = $2, updated_at = $2 WHERE id = $3`, in.Status, now, id); err != nil {
			return err
		}
		if err := tx.addStatusChange(ctx, pid, id, before.Status, in.Status, in.Note); err != nil {
			return err
		}
		out, err = store.db.loadProspect(ctx, tx, p, id)
		if err != nil {
			return err
		}
		return tx.audit(ctx, pid, "prospect.status", "prospect", id, before.Name+": "+before.Status+" → "+in.Status,
			map[string]string{"status": before.Status}, map[string]string{"status": in.Status, "note": in.Note})
	})
	return out, err
}

// ProspectHistory lists a prospect's status changes, oldest first: the
// latest pk.MaxProspectHistory; ProspectHistoryList also says whether there
// were older ones.
func (store *ProspectStore) ProspectHistory(ctx context.Context, pid, id string) ([]*pk.ProspectStatusChange, error) {
	l, err := store.ProspectHistoryList(ctx, pid, id)
	if err != nil {
		return nil, err
	}
	return l.Changes, nil
}

// ProspectHistoryList is ProspectHistory saying whether the list was cut. It
// reads the latest changes (newest first, then turned round): where a
// prospect stands now matters more than how it started.
func (store *ProspectStore) ProspectHistoryList(ctx context.Context, pid, id string) (*pk.ProspectHistoryList, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewProspects)
	if err != nil {
		return nil, err
	}
	if _, err := store.db.loadProspect(ctx, store.db.read, p, id); err != nil {
		return nil, err
	}
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT c.from_status, c.to_status, c.note, COALESCE(c.user_id, ''), COALESCE(u.name, ''), c.changed_at
		FROM prospect_status_changes c LEFT JOIN users u ON u.id = c.user_id
		WHERE c.prospect_id = $1 AND c.partnership_id = $2 ORDER BY c.seq DESC LIMIT $3`, id, pid, pk.MaxProspectHistory+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := &pk.ProspectHistoryList{Changes: []*pk.ProspectStatusChange{}}
	for rows.Next() {
		c := &pk.ProspectStatusChange{}
		if err := rows.Scan(&c.From, &c.To, &c.Note, &c.UserID, &c.UserName, ts(&c.At)); err != nil {
			return nil, err
		}
		out.Changes = append(out.Changes, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out.Changes, out.Cut = cut(out.Changes, pk.MaxProspectHistory)
	slices.Reverse(out.Changes)
	return out, nil
}

// DeleteProspect removes a prospect and its history.
func (store *ProspectStore) DeleteProspect(ctx context.Context, pid, id string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditProspects)
		if err != nil {
			return err
		}
		before, err := store.db.loadProspect(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "prospects", "id = $1 AND partnership_id = $2", version, id, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM prospects WHERE id = $1`, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "prospect.delete", "prospect", id, before.Name, prospectAudit(before), nil)
	})
}

// InviteProspect invites an agreed prospect's contact to the partnership
// (through Invite, so the usual rules and the email apply) and records the
// invitation on the prospect. Email and organisation default to the
// prospect's contact email and linked organisation.
func (store *ProspectStore) InviteProspect(ctx context.Context, pid, id string, in pk.ProspectInviteInput) (*pk.Invitation, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionInvite)
	if err != nil {
		return nil, err
	}
	x, err := store.db.loadProspect(ctx, store.db.read, p, id)
	if err != nil {
		return nil, err
	}
	if x.Status != pk.ProspectAgreed {
		return nil, pk.FieldInvalid("status", "outreach.validation.invite_needs_agreed", nil)
	}
	inv := pk.InvitationInput{Email: in.Email, Role: in.Role, OrganisationID: in.OrganisationID, Message: in.Message, Language: in.Language}
	if inv.Email == "" {
		inv.Email = x.ContactEmail
	}
	if inv.OrganisationID == "" {
		inv.OrganisationID = x.OrganisationID
	}
	invitation, err := store.db.Members.Invite(ctx, pid, inv)
	if err != nil {
		return nil, err
	}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE prospects SET invitation_id = $1, version = version + 1, updated_at = $2 WHERE id = $3 AND partnership_id = $4`,
			invitation.ID, fmtTime(tx.now), id, pid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "prospect.invite", "prospect", id, x.Name, nil, map[string]string{"invitation_id": invitation.ID, "email": invitation.Email})
	})
	return invitation, err
}

// ProspectChoices lists what a prospect form offers, each list by name and
// at most pk.MaxChoices long (its Cut field says when there were more):
// members and coordinators as points of contact; the register's actors
// (sensitive ones only for coordinators); organisations that are members,
// are linked from the register, or are linked by a prospect already.
func (store *ProspectStore) ProspectChoices(ctx context.Context, pid string) (*pk.ProspectChoices, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewProspects)
	if err != nil {
		return nil, err
	}
	out := &pk.ProspectChoices{People: []pk.Choice{}, Actors: []pk.Choice{}, Organisations: []pk.Choice{}}
	for _, x := range []struct {
		dst   *[]pk.Choice
		cut   *bool
		query string
		args  []any
	}{
		{&out.People, &out.PeopleCut, `SELECT u.id, u.name FROM partnership_people pp JOIN users u ON u.id = pp.user_id
			WHERE pp.partnership_id = $1 AND pp.role IN ('member', 'coordinator') ORDER BY u.name, u.id LIMIT $2`, []any{pid, pk.MaxChoices + 1}},
		{&out.Actors, &out.ActorsCut, `SELECT id, name FROM actors WHERE partnership_id = $1 AND (NOT sensitive OR $2) ORDER BY name, id LIMIT $3`,
			[]any{pid, pk.MaySeeSensitive(p.MyRole), pk.MaxChoices + 1}},
		{&out.Organisations, &out.OrganisationsCut, `SELECT o.id, o.name FROM organisations o WHERE o.id IN (
				SELECT organisation_id FROM partnership_organisations WHERE partnership_id = $1
				UNION SELECT organisation_id FROM actors WHERE partnership_id = $1 AND organisation_id IS NOT NULL AND (NOT sensitive OR $2)
				UNION SELECT organisation_id FROM prospects WHERE partnership_id = $1 AND organisation_id IS NOT NULL)
			ORDER BY o.name, o.id LIMIT $3`, []any{pid, pk.MaySeeSensitive(p.MyRole), pk.MaxChoices + 1}},
	} {
		rows, err := store.db.read.QueryContext(ctx, x.query, x.args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var c pk.Choice
			if err := rows.Scan(&c.ID, &c.Name); err != nil {
				rows.Close()
				return nil, err
			}
			*x.dst = append(*x.dst, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		*x.dst, *x.cut = cut(*x.dst, pk.MaxChoices)
	}
	return out, nil
}
