package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"maps"

	pk "github.com/partnerkit/partnerkit"
)

// CreatePartnership makes a partnership with the asking person as its first
// coordinator and, when named, their organisation as first member.
func (store *PartnershipStore) CreatePartnership(ctx context.Context, in pk.PartnershipInput) (*pk.Partnership, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	p := &pk.Partnership{ID: newID(), Name: in.Name, Purpose: in.Purpose, Form: in.Form, Basis: in.Basis, Scope: in.Scope,
		Structure: in.Structure, Version: 1, MyRole: pk.RoleCoordinator}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		p.CreatedAt = tx.now
		var org any
		if in.OrganisationID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisation_people WHERE organisation_id = $1 AND user_id = $2`,
				in.OrganisationID, uid).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return pk.FieldInvalid("organisation_id", "validation.not_your_organisation", nil)
			}
			org = in.OrganisationID
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO partnerships (id, name, purpose, form, basis, scope, structure, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			p.ID, p.Name, p.Purpose, p.Form, p.Basis, p.Scope, p.Structure, uid, fmtTime(tx.now)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO partnership_people (partnership_id, user_id, role, organisation_id, since) VALUES ($1, $2, 'coordinator', $3, $4)`,
			p.ID, uid, org, fmtTime(tx.now)); err != nil {
			return err
		}
		if org != nil {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO partnership_organisations (partnership_id, organisation_id, status, since) VALUES ($1, $2, 'active', $3)`,
				p.ID, org, fmtTime(tx.now)); err != nil {
				return err
			}
		}
		return tx.audit(ctx, p.ID, "partnership.create", "partnership", p.ID, p.Name, nil, in)
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Partnership returns one partnership with the asker's role in it.
func (store *PartnershipStore) Partnership(ctx context.Context, id string) (*pk.Partnership, error) {
	return store.db.authorize(ctx, store.db.read, id, pk.ActionViewPartnership)
}

// Partnerships lists the asking person's partnerships by name.
func (store *PartnershipStore) Partnerships(ctx context.Context, p pk.PageRequest, includeArchived bool) ([]*pk.Partnership, string, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, "", err
	}
	p = p.Normalize()
	parts, ok := decodeCursor(p.Cursor, 2)
	if !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	}
	afterName, afterID := "", ""
	if parts != nil {
		afterName, afterID = parts[0], parts[1]
	}
	out, err := collect(func(row rowScanner) (*pk.Partnership, error) {
		x := &pk.Partnership{}
		var role string
		err := row.Scan(&x.ID, &x.Name, &x.Purpose, &x.Form, &x.Basis, &x.Scope, &x.Structure, &x.Archived, &x.Version, ts(&x.CreatedAt), &role)
		x.MyRole = pk.Role(role)
		return x, err
	})(store.db.read.QueryContext(ctx, `
		SELECT p.id, p.name, p.purpose, p.form, p.basis, p.scope, p.structure, p.archived, p.version, p.created_at, pp.role
		FROM partnership_people pp JOIN partnerships p ON p.id = pp.partnership_id
		WHERE pp.user_id = $1 AND ($2 OR NOT p.archived) AND (p.name > $3 OR (p.name = $3 AND p.id > $4))
		ORDER BY p.name, p.id LIMIT $5`, uid, includeArchived, afterName, afterID, p.Limit+1))
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, p.Limit, func(last *pk.Partnership) string { return encodeCursor(last.Name, last.ID) })
	return out, next, nil
}

// UpdatePartnership changes the profile; coordinators only.
func (store *PartnershipStore) UpdatePartnership(ctx context.Context, id string, in pk.PartnershipInput) (*pk.Partnership, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		before, err := store.db.authorize(ctx, tx, id, pk.ActionEditPartnership)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "partnerships", "id = $1", in.Version, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE partnerships SET name = $1, purpose = $2, form = $3, basis = $4, scope = $5, structure = $6 WHERE id = $7`,
			in.Name, in.Purpose, in.Form, in.Basis, in.Scope, in.Structure, id); err != nil {
			return err
		}
		return tx.audit(ctx, id, "partnership.update", "partnership", id, in.Name, profileOf(before), profileOf(&pk.Partnership{
			Name: in.Name, Purpose: in.Purpose, Form: in.Form, Basis: in.Basis, Scope: in.Scope, Structure: in.Structure}))
	})
	if err != nil {
		return nil, err
	}
	return store.Partnership(ctx, id)
}

// profileOf is the part of a partnership the audit log compares.
func profileOf(p *pk.Partnership) map[string]string {
	return map[string]string{"name": p.Name, "purpose": p.Purpose, "form": p.Form, "basis": p.Basis, "scope": p.Scope, "structure": p.Structure}
}

// SetArchived archives or restores a partnership; archived ones are read-only.
func (store *PartnershipStore) SetArchived(ctx context.Context, id string, archived bool, version int) (*pk.Partnership, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, id, pk.ActionArchivePartnership); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "partnerships", "id = $1", version, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE partnerships SET archived = $1 WHERE id = $2`, archived, id); err != nil {
			return err
		}
		action := "partnership.archive"
		if !archived {
			action = "partnership.restore"
		}
		return tx.audit(ctx, id, action, "partnership", id, "", map[string]bool{"archived": !archived}, map[string]bool{"archived": archived})
	})
	if err != nil {
		return nil, err
	}
	return store.Partnership(ctx, id)
}

// Dashboard gathers a partnership's front page in three queries.
func (store *PartnershipStore) Dashboard(ctx context.Context, id string) (*pk.Dashboard, error) {
	p, err := store.db.authorize(ctx, store.db.read, id, pk.ActionViewPartnership)
	if err != nil {
		return nil, err
	}
	d := &pk.Dashboard{Partnership: p}
	kept, err := store.db.keptMembers(ctx, id, "counts", func() (any, error) { return store.memberCounts(ctx, id) })
	if err != nil {
		return nil, err
	}
	c := kept.(*memberCounts)
	d.ActiveOrganisations, d.InvitedOrganisations, d.RefugeeLed, d.YouthLed = c.active, c.invited, c.refugeeLed, c.youthLed
	d.PeopleByRole = maps.Clone(c.peopleByRole)
	// Invitations expire with time, which raises no version: read each time.
	if err := store.db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM invitations i WHERE i.partnership_id = $1 AND i.status = 'pending' AND i.expires_at > $2`,
		id, fmtTime(store.db.now())).Scan(&d.PendingInvitations); err != nil {
		return nil, err
	}
	if pk.Can(p.MyRole, pk.ActionViewActivity) {
		d.Recent, _, err = store.db.auditEntries(ctx, id, pk.PageRequest{Limit: 10}, pk.MaySeeSensitive(p.MyRole))
		if err != nil {
			return nil, err
		}
		// Members see what happened, not the before/after detail.
		if !pk.Can(p.MyRole, pk.ActionViewAudit) {
			for _, e := range d.Recent {
				e.Before, e.After = "", ""
			}
		}
	}
	return d, nil
}

// memberCounts are the overview's counts of a partnership's members, kept
// under the members' version: they walk every membership, which in a
// coalition of thousands cost more than the rest of the page.
type memberCounts struct {
	active, invited, refugeeLed, youthLed int
	peopleByRole                          map[string]int
}

func (store *PartnershipStore) memberCounts(ctx context.Context, id string) (*memberCounts, error) {
	c := &memberCounts{peopleByRole: map[string]int{}}
	err := store.db.read.QueryRowContext(ctx, `
		SELECT
			COALESCE(SUM(CASE WHEN po.status = 'active' THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN po.status = 'invited' THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN po.status = 'active' AND o.refugee_led THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN po.status = 'active' AND o.youth_led THEN 1 ELSE 0 END), 0)
		FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
		WHERE po.partnership_id = $1`, id).
		Scan(&c.active, &c.invited, &c.refugeeLed, &c.youthLed)
	if err != nil {
		return nil, err
	}
	rows, err := store.db.read.QueryContext(ctx, `SELECT role, COUNT(*) FROM partnership_people WHERE partnership_id = $1 GROUP BY role`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var role string
		var n int
		if err := rows.Scan(&role, &n); err != nil {
			return nil, err
		}
		c.peopleByRole[role] = n
	}
	return c, rows.Err()
}

// personRow reads one person's membership.
func personRow(ctx context.Context, q queryer, pid, uid string) (*pk.Person, error) {
	x := &pk.Person{}
	var role string
	err := q.QueryRowContext(ctx, `
		SELECT u.id, u.name, u.email, pp.role, COALESCE(pp.organisation_id, ''), COALESCE(o.name, ''), pp.since, pp.version
		FROM partnership_people pp JOIN users u ON u.id = pp.user_id LEFT JOIN organisations o ON o.id = pp.organisation_id
		WHERE pp.partnership_id = $1 AND pp.user_id = $2`, pid, uid).
		Scan(&x.UserID, &x.Name, &x.Email, &role, &x.OrganisationID, &x.OrganisationName, ts(&x.Since), &x.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	x.Role = pk.Role(role)
	return x, err
}
