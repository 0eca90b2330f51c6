package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
)

// The partnership's strategic lenses: decision.DefaultLenses until a
// coordinator edits them, then one stored document. A default lens keeps
// its catalogue key as its name (shown in each reader's language) until it
// is renamed; the partnership's own names are stored as typed.

func loadLenses(ctx context.Context, q queryer, pid string) (*pk.LensSet, error) {
	var doc string
	set := &pk.LensSet{}
	err := q.QueryRowContext(ctx, `SELECT lenses, version, updated_at FROM lens_sets WHERE partnership_id = $1`, pid).
		Scan(&doc, &set.Version, nts(&set.UpdatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		set.Default = true
		for _, l := range decision.DefaultLenses() {
			set.Lenses = append(set.Lenses, pk.Lens{Key: l.Key, Name: l.Name, Weight: l.Weight})
		}
		return set, nil
	} else if err != nil {
		return nil, err
	}
	return set, json.Unmarshal([]byte(doc), &set.Lenses)
}

// Lenses returns the partnership's lenses.
func (store *DecisionStore) Lenses(ctx context.Context, pid string) (*pk.LensSet, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewDecisions); err != nil {
		return nil, err
	}
	return loadLenses(ctx, store.db.read, pid)
}

// SetLenses replaces the partnership's lenses (coordinators). A lens
// without a key is new and gets one; a key the set does not hold and that
// is not a default lens is refused; proposals already brought keep theirs.
func (store *DecisionStore) SetLenses(ctx context.Context, pid string, in pk.LensSetInput) (*pk.LensSet, error) {
	var out *pk.LensSet
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditLenses); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		cur, err := loadLenses(ctx, tx, pid)
		if err != nil {
			return err
		}
		if in.Version != cur.Version {
			return pk.Conflict(cur.Version)
		}
		known := map[string]bool{}
		for _, l := range cur.Lenses {
			known[l.Key] = true
		}
		lenses := make([]pk.Lens, len(in.Lenses))
		for i, l := range in.Lenses {
			key, name := l.Key, strings.TrimSpace(l.Name)
			switch {
			case key == "":
				key = "own_" + strings.ToLower(newID()[:8])
			case !known[key] && !pk.IsDefaultLens(key):
				return pk.FieldInvalid("lenses."+itoa(i)+".key", "decision.validation.unknown_lens", nil)
			}
			if name == "" {
				name = "decision.lens." + key // a default lens in its own words
			}
			lenses[i] = pk.Lens{Key: key, Name: name, Weight: l.Weight}
		}
		doc, _ := json.Marshal(lenses)
		now, by := fmtTime(tx.now), nullString(pk.UserIDFromContext(ctx))
		if cur.Default {
			res, err := tx.ExecContext(ctx, `INSERT INTO lens_sets (partnership_id, lenses, version, updated_by, updated_at)
				VALUES ($1, $2, 1, $3, $4) ON CONFLICT DO NOTHING`, pid, string(doc), by, now)
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n == 0 {
				return pk.Conflict(1) // another coordinator was first
			}
		} else {
			if err := tx.bumpVersion(ctx, "lens_sets", "partnership_id = $1", in.Version, pid); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE lens_sets SET lenses = $2, updated_by = $3, updated_at = $4 WHERE partnership_id = $1`,
				pid, string(doc), by, now); err != nil {
				return err
			}
		}
		if out, err = loadLenses(ctx, tx, pid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "decision.lenses", "lenses", pid, "", nil, map[string]any{"lenses": lenses})
	})
	return out, err
}
