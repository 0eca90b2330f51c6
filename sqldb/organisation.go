package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

const orgColumns = `o.id, o.name, o.kind, o.country, o.city, o.mission, o.website, o.refugee_led, o.youth_led, o.version, o.created_at`

func scanOrg(row rowScanner, extra ...any) (*pk.Organisation, error) {
	o := &pk.Organisation{}
	dest := append([]any{&o.ID, &o.Name, &o.Kind, &o.Country, &o.City, &o.Mission, &o.Website, &o.RefugeeLed, &o.YouthLed, &o.Version, ts(&o.CreatedAt)}, extra...)
	return o, row.Scan(dest...)
}

// CreateOrganisation makes an organisation with the asking person as its admin.
func (store *OrganisationStore) CreateOrganisation(ctx context.Context, in pk.OrganisationInput) (*pk.Organisation, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	o := &pk.Organisation{ID: newID(), Name: in.Name, Kind: in.Kind, Country: in.Country, City: in.City, Mission: in.Mission,
		Website: in.Website, RefugeeLed: in.RefugeeLed, YouthLed: in.YouthLed, Version: 1, MyRole: pk.OrgRoleAdmin}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		o.CreatedAt = tx.now
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO organisations (id, name, kind, country, city, mission, website, refugee_led, youth_led, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
			o.ID, o.Name, o.Kind, o.Country, o.City, o.Mission, o.Website, o.RefugeeLed, o.YouthLed, uid, fmtTime(tx.now)); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO organisation_people (organisation_id, user_id, admin) VALUES ($1, $2, TRUE)`, o.ID, uid)
		return err
	})
	return o, err
}

// Organisation returns an organisation's public profile; any signed-in
// person may read it (profiles are how partners find each other).
func (store *OrganisationStore) Organisation(ctx context.Context, id string) (*pk.Organisation, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	var admin sql.NullBool
	o, err := scanOrg(store.db.read.QueryRowContext(ctx, `
		SELECT `+orgColumns+`, op.admin FROM organisations o
		LEFT JOIN organisation_people op ON op.organisation_id = o.id AND op.user_id = $2
		WHERE o.id = $1`, id, uid), &admin)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	if admin.Valid {
		o.MyRole = pk.OrgRoleOf(admin.Bool)
	}
	return o, nil
}

// Organisations lists the asking person's organisations by name.
func (store *OrganisationStore) Organisations(ctx context.Context, p pk.PageRequest) ([]*pk.Organisation, string, error) {
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
	out, err := collect(func(row rowScanner) (*pk.Organisation, error) {
		var admin bool
		o, err := scanOrg(row, &admin)
		if err == nil {
			o.MyRole = pk.OrgRoleOf(admin)
		}
		return o, err
	})(store.db.read.QueryContext(ctx, `
		SELECT `+orgColumns+`, op.admin FROM organisations o
		JOIN organisation_people op ON op.organisation_id = o.id AND op.user_id = $1
		WHERE (o.name > $2 OR (o.name = $2 AND o.id > $3))
		ORDER BY o.name, o.id LIMIT $4`, uid, afterName, afterID, p.Limit+1))
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, p.Limit, func(last *pk.Organisation) string { return encodeCursor(last.Name, last.ID) })
	return out, next, nil
}

// UpdateOrganisation changes a profile; only its admins may.
func (store *OrganisationStore) UpdateOrganisation(ctx context.Context, id string, in pk.OrganisationInput) (*pk.Organisation, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorizeOrg(ctx, tx, id, pk.ActionEditOrgProfile); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "organisations", "id = $1", in.Version, id); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `
			UPDATE organisations SET name = $1, kind = $2, country = $3, city = $4, mission = $5, website = $6,
				refugee_led = $7, youth_led = $8 WHERE id = $9`,
			in.Name, in.Kind, in.Country, in.City, in.Mission, in.Website, in.RefugeeLed, in.YouthLed, id)
		return err
	})
	if err != nil {
		return nil, err
	}
	return store.Organisation(ctx, id)
}

// OrganisationPeople lists who belongs to an organisation, the first
// pk.MaxOrganisationPeople by name; visible to its own people only
// (addresses are personal).
func (store *OrganisationStore) OrganisationPeople(ctx context.Context, id string) ([]*pk.OrganisationPerson, error) {
	if _, err := store.db.authorizeOrg(ctx, store.db.read, id, pk.ActionViewOrgPeople); err != nil {
		return nil, err
	}
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT u.id, u.name, u.email, op.admin FROM organisation_people op JOIN users u ON u.id = op.user_id
		WHERE op.organisation_id = $1 ORDER BY u.name, u.id LIMIT $2`, id, pk.MaxOrganisationPeople)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*pk.OrganisationPerson
	for rows.Next() {
		p := &pk.OrganisationPerson{}
		if err := rows.Scan(&p.UserID, &p.Name, &p.Email, &p.Admin); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddOrganisationPerson adds an existing account to an organisation.
func (store *OrganisationStore) AddOrganisationPerson(ctx context.Context, id, email string, admin bool) error {
	email = strings.TrimSpace(strings.ToLower(email))
	var v pk.Validator
	v.Email("email", email)
	if err := v.Err(); err != nil {
		return err
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorizeOrg(ctx, tx, id, pk.ActionManageOrgPeople); err != nil {
			return err
		}
		var uid string
		err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE email = $1`, email).Scan(&uid)
		if errors.Is(err, sql.ErrNoRows) {
			return pk.FieldInvalid("email", "validation.no_such_user", nil)
		} else if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO organisation_people (organisation_id, user_id, admin) VALUES ($1, $2, $3)
			ON CONFLICT (organisation_id, user_id) DO UPDATE SET admin = excluded.admin`, id, uid, admin)
		return err
	})
}

// RemoveOrganisationPerson takes someone out of an organisation; an
// organisation keeps at least one admin.
func (store *OrganisationStore) RemoveOrganisationPerson(ctx context.Context, id, userID string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		action := pk.ActionManageOrgPeople
		if pk.UserIDFromContext(ctx) == userID {
			action = pk.ActionLeaveOrganisation
		}
		if _, err := store.db.authorizeOrg(ctx, tx, id, action); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM organisation_people WHERE organisation_id = $1 AND user_id = $2`, id, userID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return pk.NotFound()
		}
		var admins int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisation_people WHERE organisation_id = $1 AND admin`, id).Scan(&admins); err != nil {
			return err
		}
		if admins == 0 {
			return pk.Errorf(pk.EINVALID, "error.last_org_admin", nil)
		}
		return nil
	})
}

// OrganisationDirectory finds organisations by name, for inviting them: at
// most limit, itself at most pk.MaxPageSize (pk.DefaultPageSize when not
// positive).
func (store *OrganisationStore) OrganisationDirectory(ctx context.Context, query string, limit int) ([]*pk.Organisation, error) {
	if _, err := requireUser(ctx); err != nil {
		return nil, err
	}
	limit = pk.PageRequest{Limit: limit}.Normalize().Limit
	query = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(strings.TrimSpace(query))
	rows, err := store.db.read.QueryContext(ctx, `SELECT `+orgColumns+` FROM organisations o WHERE `+store.db.Dialect.ContainsFold("o.name", 1)+`
		ORDER BY o.name, o.id LIMIT $2`, query, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*pk.Organisation
	for rows.Next() {
		o, err := scanOrg(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
