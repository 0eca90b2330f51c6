package sqldb

import (
	"context"
	"sort"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// Kinds of rows in form_choices; item is the attribute or dimension ID, or
// "" for basis and structure.
const (
	choiceContinuum = "continuum"
	choiceCoalition = "coalition_type"
	choiceBasis     = "basis"
	choiceStructure = "structure"
)

// FormAdvice returns the partnership's choices when comparing forms, the
// recommendations they lead to, and what the partnership has adopted.
func (store *PreparationStore) FormAdvice(ctx context.Context, pid string) (*pk.FormAdvice, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPreparation)
	if err != nil {
		return nil, err
	}
	c, err := store.db.formChoices(ctx, store.db.read, pid)
	if err != nil {
		return nil, err
	}
	return advice(p, c), nil
}

func advice(p *pk.Partnership, c pk.FormChoices) *pk.FormAdvice {
	a := &pk.FormAdvice{Choices: c, AdoptedForm: p.Form, AdoptedBasis: p.Basis, AdoptedStructure: p.Structure, PartnershipVersion: p.Version}
	a.Form, a.CoalitionType = pk.Advise(c)
	return a
}

func (db *DB) formChoices(ctx context.Context, q queryer, pid string) (pk.FormChoices, error) {
	c := pk.FormChoices{Continuum: map[string]string{}, CoalitionType: map[string]string{}}
	rows, err := q.QueryContext(ctx, `
		SELECT f.kind, f.item, f.choice, COALESCE(u.name, ''), f.chosen_at
		FROM form_choices f LEFT JOIN users u ON u.id = f.chosen_by WHERE f.partnership_id = $1 ORDER BY f.chosen_at`, pid)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var kind, item, choice, by string
		var at time.Time
		if err := rows.Scan(&kind, &item, &choice, &by, ts(&at)); err != nil {
			return c, err
		}
		switch kind {
		case choiceContinuum:
			c.Continuum[item] = choice
		case choiceCoalition:
			c.CoalitionType[item] = choice
		case choiceBasis:
			c.Basis = choice
		case choiceStructure:
			c.Structure = choice
		}
		t := at
		c.UpdatedAt, c.UpdatedBy = &t, by
	}
	return c, rows.Err()
}

// SaveFormChoices replaces the partnership's choices and returns the new
// recommendations.
func (store *PreparationStore) SaveFormChoices(ctx context.Context, pid string, in pk.FormChoices) (*pk.FormAdvice, error) {
	var out *pk.FormAdvice
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		before, err := store.db.formChoices(ctx, tx, pid)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM form_choices WHERE partnership_id = $1`, pid); err != nil {
			return err
		}
		uid := pk.UserIDFromContext(ctx)
		put := func(kind, item, choice string) error {
			if choice == "" {
				return nil
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO form_choices (partnership_id, kind, item, choice, chosen_by, chosen_at) VALUES ($1, $2, $3, $4, $5, $6)`,
				pid, kind, item, choice, uid, fmtTime(tx.now))
			return err
		}
		for _, m := range []struct {
			kind string
			m    map[string]string
		}{{choiceContinuum, in.Continuum}, {choiceCoalition, in.CoalitionType}} {
			keys := make([]string, 0, len(m.m))
			for k := range m.m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				if err := put(m.kind, k, m.m[k]); err != nil {
					return err
				}
			}
		}
		if err := put(choiceBasis, "", in.Basis); err != nil {
			return err
		}
		if err := put(choiceStructure, "", in.Structure); err != nil {
			return err
		}
		now := tx.now
		c := pk.FormChoices{Continuum: in.Continuum, CoalitionType: in.CoalitionType, Basis: in.Basis, Structure: in.Structure}
		if u := pk.UserFromContext(ctx); u != nil {
			c.UpdatedAt, c.UpdatedBy = &now, u.Name
		}
		out = advice(p, c)
		before.UpdatedAt, before.UpdatedBy = nil, ""
		in.UpdatedAt, in.UpdatedBy = nil, ""
		return tx.audit(ctx, pid, "form_choices.save", "partnership", pid, out.Form.Recommended, before, in)
	})
	return out, err
}

// AdoptForm sets the partnership's form, basis or structure (usually the
// recommended one), with the partnership's version for optimistic locking.
func (store *PreparationStore) AdoptForm(ctx context.Context, pid string, in pk.AdoptInput) (*pk.Partnership, error) {
	err := store.db.inTx(ctx, func(tx *Tx) error {
		before, err := store.db.authorize(ctx, tx, pid, pk.ActionAdoptForm)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "partnerships", "id = $1", in.Version, pid); err != nil {
			return err
		}
		// The column name comes from AdoptKinds, checked by Validate.
		old := map[string]string{"form": before.Form, "basis": before.Basis, "structure": before.Structure}[in.Kind]
		if _, err := tx.ExecContext(ctx, `UPDATE partnerships SET `+in.Kind+` = $1 WHERE id = $2`, in.Value, pid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "partnership.adopt_"+in.Kind, "partnership", pid, in.Value,
			map[string]string{in.Kind: old}, map[string]string{in.Kind: in.Value})
	})
	if err != nil {
		return nil, err
	}
	return store.db.Partnerships.Partnership(ctx, pid)
}
