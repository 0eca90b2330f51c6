package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/theoryofchange"
)

// TheoryOfChange returns a partnership's statements (oldest first) with
// their links and the problems the checks find.
func (store *PreparationStore) TheoryOfChange(ctx context.Context, pid string) (*pk.TheoryOfChange, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPreparation); err != nil {
		return nil, err
	}
	t, err := store.db.theoryOfChange(ctx, store.db.read, pid)
	if err != nil {
		return nil, err
	}
	t.Check()
	return t, nil
}

func (db *DB) theoryOfChange(ctx context.Context, q queryer, pid string) (*pk.TheoryOfChange, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT id, level, if_text, then_text, because_text, version, created_at, updated_at
		FROM change_statements WHERE partnership_id = $1 ORDER BY created_at, id`, pid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	t := &pk.TheoryOfChange{Source: theoryofchange.Source, Statements: []*pk.ChangeStatement{}}
	byID := map[string]*pk.ChangeStatement{}
	for rows.Next() {
		s := &pk.ChangeStatement{Leads: []string{}}
		if err := rows.Scan(&s.ID, &s.Level, &s.If, &s.Then, &s.Because, &s.Version, ts(&s.CreatedAt), ts(&s.UpdatedAt)); err != nil {
			return nil, err
		}
		t.Statements = append(t.Statements, s)
		byID[s.ID] = s
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	links, err := q.QueryContext(ctx, `SELECT from_id, to_id FROM change_links WHERE partnership_id = $1 ORDER BY from_id, position, to_id`, pid)
	if err != nil {
		return nil, err
	}
	defer links.Close()
	for links.Next() {
		var from, to string
		if err := links.Scan(&from, &to); err != nil {
			return nil, err
		}
		if s := byID[from]; s != nil {
			s.Leads = append(s.Leads, to)
		}
	}
	return t, links.Err()
}

// checkLeads makes sure every link names another statement of the same
// partnership.
func checkLeads(ctx context.Context, tx *Tx, pid, self string, leads []string) error {
	if len(leads) == 0 {
		return nil
	}
	args := []any{pid}
	ph := make([]string, len(leads))
	for i, l := range leads {
		if l == self {
			return pk.FieldInvalid("leads", "preparation.validation.lead_self", nil)
		}
		args = append(args, l)
		ph[i] = "$" + itoa(i+2)
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM change_statements WHERE partnership_id = $1 AND id IN (`+strings.Join(ph, ", ")+`)`,
		args...).Scan(&n); err != nil {
		return err
	}
	if n != len(leads) {
		return pk.FieldInvalid("leads", "preparation.validation.lead_unknown", nil)
	}
	return nil
}

func writeLeads(ctx context.Context, tx *Tx, pid, id string, leads []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM change_links WHERE from_id = $1`, id); err != nil {
		return err
	}
	for i, l := range leads {
		if _, err := tx.ExecContext(ctx, `INSERT INTO change_links (partnership_id, from_id, to_id, position) VALUES ($1, $2, $3, $4)`,
			pid, id, l, i); err != nil {
			return err
		}
	}
	return nil
}

// CreateChangeStatement adds a statement to the theory of change.
func (store *PreparationStore) CreateChangeStatement(ctx context.Context, pid string, in pk.ChangeStatementInput) (*pk.ChangeStatement, error) {
	var s *pk.ChangeStatement
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := checkLeads(ctx, tx, pid, "", in.Leads); err != nil {
			return err
		}
		s = &pk.ChangeStatement{ID: newID(), Level: in.Level, If: in.If, Then: in.Then, Because: in.Because, Leads: nonNilStrings(in.Leads),
			Version: 1, CreatedAt: tx.now, UpdatedAt: tx.now}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO change_statements (id, partnership_id, level, if_text, then_text, because_text, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`,
			s.ID, pid, s.Level, s.If, s.Then, s.Because, pk.UserIDFromContext(ctx), fmtTime(tx.now)); err != nil {
			return err
		}
		if err := writeLeads(ctx, tx, pid, s.ID, s.Leads); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "change_statement.create", "change_statement", s.ID, s.Then, nil, in)
	})
	return s, err
}

func loadStatement(ctx context.Context, tx *Tx, pid, id string) (*pk.ChangeStatement, error) {
	s := &pk.ChangeStatement{ID: id}
	err := tx.QueryRowContext(ctx, `SELECT level, if_text, then_text, because_text, version, created_at FROM change_statements
		WHERE id = $1 AND partnership_id = $2`, id, pid).Scan(&s.Level, &s.If, &s.Then, &s.Because, &s.Version, ts(&s.CreatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return s, err
}

// UpdateChangeStatement changes a statement and its links.
func (store *PreparationStore) UpdateChangeStatement(ctx context.Context, pid, id string, in pk.ChangeStatementInput) (*pk.ChangeStatement, error) {
	var s *pk.ChangeStatement
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		before, err := loadStatement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if err := checkLeads(ctx, tx, pid, id, in.Leads); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "change_statements", "id = $1", in.Version, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE change_statements SET level = $1, if_text = $2, then_text = $3, because_text = $4, updated_at = $5
			WHERE id = $6`, in.Level, in.If, in.Then, in.Because, fmtTime(tx.now), id); err != nil {
			return err
		}
		if err := writeLeads(ctx, tx, pid, id, in.Leads); err != nil {
			return err
		}
		s = &pk.ChangeStatement{ID: id, Level: in.Level, If: in.If, Then: in.Then, Because: in.Because, Leads: nonNilStrings(in.Leads),
			Version: in.Version + 1, CreatedAt: before.CreatedAt, UpdatedAt: tx.now}
		return tx.audit(ctx, pid, "change_statement.update", "change_statement", id, in.Then, before, in)
	})
	return s, err
}

// DeleteChangeStatement removes a statement (and the links to and from it),
// if it still has the given version.
func (store *PreparationStore) DeleteChangeStatement(ctx context.Context, pid, id string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		if version <= 0 {
			return pk.FieldInvalid("version", "validation.version_required", nil)
		}
		before, err := loadStatement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "change_statements", "id = $1", version, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM change_links WHERE from_id = $1 OR to_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM change_statements WHERE id = $1`, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "change_statement.delete", "change_statement", id, before.Then, before, nil)
	})
}
