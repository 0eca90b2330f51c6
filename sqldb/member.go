package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// Members lists a partnership's organisations and people. Email addresses
// are shown to coordinators only.
func (store *MemberStore) Members(ctx context.Context, pid string) (*pk.Members, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMembers)
	if err != nil {
		return nil, err
	}
	m := &pk.Members{Organisations: []*pk.MemberOrganisation{}, People: []*pk.Person{}}
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT o.id, o.name, o.kind, o.country, o.city, o.refugee_led, o.youth_led, po.status, po.since, po.version
		FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
		WHERE po.partnership_id = $1 ORDER BY o.name, o.id LIMIT $2`, pid, pk.MaxMemberOrganisations+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		o := &pk.MemberOrganisation{}
		if err := rows.Scan(&o.OrganisationID, &o.Name, &o.Kind, &o.Country, &o.City, &o.RefugeeLed, &o.YouthLed, &o.Status, ts(&o.Since), &o.Version); err != nil {
			return nil, err
		}
		m.Organisations = append(m.Organisations, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	m.Organisations, m.OrganisationsCut = cut(m.Organisations, pk.MaxMemberOrganisations)
	prow, err := store.db.read.QueryContext(ctx, `
		SELECT u.id, u.name, u.email, pp.role, COALESCE(pp.organisation_id, ''), COALESCE(o.name, ''), pp.since, pp.version
		FROM partnership_people pp JOIN users u ON u.id = pp.user_id LEFT JOIN organisations o ON o.id = pp.organisation_id
		WHERE pp.partnership_id = $1 ORDER BY u.name, u.id LIMIT $2`, pid, pk.MaxMemberPeople+1)
	if err != nil {
		return nil, err
	}
	defer prow.Close()
	showEmail := pk.Can(p.MyRole, pk.ActionManageMembers)
	for prow.Next() {
		x := &pk.Person{}
		var role string
		if err := prow.Scan(&x.UserID, &x.Name, &x.Email, &role, &x.OrganisationID, &x.OrganisationName, ts(&x.Since), &x.Version); err != nil {
			return nil, err
		}
		x.Role = pk.Role(role)
		if !showEmail {
			x.Email = ""
		}
		m.People = append(m.People, x)
	}
	m.People, m.PeopleCut = cut(m.People, pk.MaxMemberPeople)
	return m, prow.Err()
}

// coordinatorCount counts coordinators, to keep at least one.
func (tx *Tx) coordinatorCount(ctx context.Context, pid string) (int, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND role = 'coordinator'`, pid).Scan(&n)
	return n, err
}

// keepCoordinator fails when the change would leave no coordinator.
func (tx *Tx) keepCoordinator(ctx context.Context, pid string) error {
	n, err := tx.coordinatorCount(ctx, pid)
	if err != nil {
		return err
	}
	if n == 0 {
		return pk.Errorf(pk.EINVALID, "error.last_coordinator", nil)
	}
	return nil
}

// SetRole changes a person's role.
func (store *MemberStore) SetRole(ctx context.Context, pid, uid string, role pk.Role, version int) (*pk.Person, error) {
	var out *pk.Person
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageMembers); err != nil {
			return err
		}
		var v pk.Validator
		v.OneOf("role", string(role), true, pk.Roles)
		if err := v.Err(); err != nil {
			return err
		}
		before, err := personRow(ctx, tx, pid, uid)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "partnership_people", "partnership_id = $1 AND user_id = $2", version, pid, uid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE partnership_people SET role = $1 WHERE partnership_id = $2 AND user_id = $3`, role, pid, uid); err != nil {
			return err
		}
		if err := tx.keepCoordinator(ctx, pid); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "member.role", "person", uid, before.Name,
			map[string]string{"role": string(before.Role)}, map[string]string{"role": string(role)}); err != nil {
			return err
		}
		out, err = personRow(ctx, tx, pid, uid)
		return err
	})
	return out, err
}

// RemovePerson takes someone out of the partnership.
func (store *MemberStore) RemovePerson(ctx context.Context, pid, uid string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageMembers); err != nil {
			return err
		}
		return tx.removePerson(ctx, pid, uid, "member.remove")
	})
}

// Leave takes the asking person out of the partnership.
func (store *MemberStore) Leave(ctx context.Context, pid string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionLeave); err != nil {
			return err
		}
		return tx.removePerson(ctx, pid, pk.UserIDFromContext(ctx), "member.leave")
	})
}

func (tx *Tx) removePerson(ctx context.Context, pid, uid, action string) error {
	before, err := personRow(ctx, tx, pid, uid)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, uid); err != nil {
		return err
	}
	if err := tx.keepCoordinator(ctx, pid); err != nil {
		return err
	}
	// An organisation with nobody left in the partnership has left it.
	if before.OrganisationID != "" {
		if _, err := tx.ExecContext(ctx, `
			UPDATE partnership_organisations SET status = 'left', since = $1, version = version + 1
			WHERE partnership_id = $2 AND organisation_id = $3 AND status = 'active'
			AND NOT EXISTS (SELECT 1 FROM partnership_people WHERE partnership_id = $2 AND organisation_id = $3)`,
			fmtTime(tx.now), pid, before.OrganisationID); err != nil {
			return err
		}
	}
	return tx.audit(ctx, pid, action, "person", uid, before.Name, map[string]string{"role": string(before.Role)}, nil)
}

// SetOrganisationStatus marks a member organisation active or left.
func (store *MemberStore) SetOrganisationStatus(ctx context.Context, pid, orgID, status string, version int) (*pk.MemberOrganisation, error) {
	var out *pk.MemberOrganisation
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageMembers); err != nil {
			return err
		}
		var v pk.Validator
		v.OneOf("status", status, true, pk.MemberStatuses)
		if err := v.Err(); err != nil {
			return err
		}
		var before, name string
		if err := tx.QueryRowContext(ctx, `
			SELECT po.status, o.name FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
			WHERE po.partnership_id = $1 AND po.organisation_id = $2`, pid, orgID).Scan(&before, &name); err != nil {
			return pk.NotFound()
		}
		if err := tx.bumpVersion(ctx, "partnership_organisations", "partnership_id = $1 AND organisation_id = $2", version, pid, orgID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE partnership_organisations SET status = $1, since = $2 WHERE partnership_id = $3 AND organisation_id = $4`,
			status, fmtTime(tx.now), pid, orgID); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "organisation.status", "organisation", orgID, name,
			map[string]string{"status": before}, map[string]string{"status": status}); err != nil {
			return err
		}
		out = &pk.MemberOrganisation{OrganisationID: orgID, Name: name, Status: status, Since: tx.now}
		return tx.QueryRowContext(ctx, `SELECT version FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2`,
			pid, orgID).Scan(&out.Version)
	})
	return out, err
}

// HandOver passes coordination to another person in the partnership; the
// coordinator who hands over stays on as a member.
func (store *MemberStore) HandOver(ctx context.Context, pid, to string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageMembers); err != nil {
			return err
		}
		me := pk.UserIDFromContext(ctx)
		if to == me {
			return pk.FieldInvalid("user_id", "validation.hand_over_self", nil)
		}
		target, err := personRow(ctx, tx, pid, to)
		if err != nil {
			return pk.FieldInvalid("user_id", "validation.not_a_member", nil)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE partnership_people SET role = 'coordinator', version = version + 1 WHERE partnership_id = $1 AND user_id = $2`, pid, to); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE partnership_people SET role = 'member', version = version + 1 WHERE partnership_id = $1 AND user_id = $2`, pid, me); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "member.hand_over", "person", to, target.Name,
			map[string]string{"coordinator": me}, map[string]string{"coordinator": to})
	})
}
