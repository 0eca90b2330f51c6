package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/readiness"
)

// saScope is whose self-analysis is meant: a partnership's (audited in its
// log) or one organisation's (private to its people).
type saScope struct {
	col string // partnership_id or organisation_id
	id  string
	pid string // the partnership, for the audit log; "" for organisations
}

// SelfAnalysis returns a partnership's self-analysis: every section with
// everyone's contributions, oldest first.
func (store *PreparationStore) SelfAnalysis(ctx context.Context, pid string) (*pk.SelfAnalysis, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPreparation); err != nil {
		return nil, err
	}
	sa, err := store.db.selfAnalysis(ctx, saScope{col: "partnership_id", id: pid, pid: pid})
	if sa != nil {
		sa.PartnershipID = pid
	}
	return sa, err
}

// OrganisationSelfAnalysis returns an organisation's own self-analysis; only
// its people may read it.
func (store *PreparationStore) OrganisationSelfAnalysis(ctx context.Context, oid string) (*pk.SelfAnalysis, error) {
	if _, err := store.db.authorizeOrg(ctx, store.db.read, oid, pk.ActionViewOrgSelfAnalysis); err != nil {
		return nil, err
	}
	sa, err := store.db.selfAnalysis(ctx, saScope{col: "organisation_id", id: oid})
	if sa != nil {
		sa.OrganisationID = oid
	}
	return sa, err
}

func (db *DB) selfAnalysis(ctx context.Context, s saScope) (*pk.SelfAnalysis, error) {
	uid := pk.UserIDFromContext(ctx)
	rows, err := db.read.QueryContext(ctx, `
		SELECT e.id, e.section, e.body, e.answer, COALESCE(e.author_id, ''), COALESCE(u.name, ''), e.version, e.created_at, e.updated_at
		FROM self_analysis_entries e LEFT JOIN users u ON u.id = e.author_id
		WHERE e.`+s.col+` = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT $2`, s.id, pk.MaxSelfAnalysisEntries+1)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	// The latest entries are read, newest first, so that a cut list keeps
	// what people are writing now; each section is then turned round.
	var all []*pk.SelfAnalysisEntry
	for rows.Next() {
		e := &pk.SelfAnalysisEntry{}
		if err := rows.Scan(&e.ID, &e.Section, &e.Text, &e.Answer, &e.AuthorID, &e.AuthorName, &e.Version, ts(&e.CreatedAt), ts(&e.UpdatedAt)); err != nil {
			return nil, err
		}
		e.Mine = e.AuthorID != "" && e.AuthorID == uid
		all = append(all, e)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sa := &pk.SelfAnalysis{Source: readiness.SelfAnalysisSource}
	all, sa.Cut = cut(all, pk.MaxSelfAnalysisEntries)
	slices.Reverse(all)
	bySection := map[string][]*pk.SelfAnalysisEntry{}
	for _, e := range all {
		bySection[e.Section] = append(bySection[e.Section], e)
	}
	for _, sec := range readiness.SelfAnalysisSections {
		x := &pk.SelfAnalysisSection{ID: sec.ID, Kind: string(sec.Kind), Title: sec.Title, Prompt: sec.Prompt, Entries: bySection[sec.ID]}
		if x.Entries == nil {
			x.Entries = []*pk.SelfAnalysisEntry{}
		}
		if sec.Kind == readiness.YesNo {
			t := &readiness.Tally{}
			for _, e := range x.Entries {
				switch readiness.Answer(e.Answer) {
				case readiness.Yes:
					t.Yes++
				case readiness.No:
					t.No++
				case readiness.NotSure:
					t.NotSure++
				}
			}
			x.Tally = t
		}
		sa.Sections = append(sa.Sections, x)
	}
	return sa, nil
}

// AddSelfAnalysis adds the asking person's contribution to a section of the
// partnership's self-analysis.
func (store *PreparationStore) AddSelfAnalysis(ctx context.Context, pid string, in pk.SelfAnalysisInput) (*pk.SelfAnalysisEntry, error) {
	var e *pk.SelfAnalysisEntry
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		var err error
		e, err = store.db.addSelfAnalysis(ctx, tx, saScope{col: "partnership_id", id: pid, pid: pid}, in)
		return err
	})
	return e, err
}

// AddOrganisationSelfAnalysis adds a contribution to an organisation's own
// self-analysis; only its people may.
func (store *PreparationStore) AddOrganisationSelfAnalysis(ctx context.Context, oid string, in pk.SelfAnalysisInput) (*pk.SelfAnalysisEntry, error) {
	var e *pk.SelfAnalysisEntry
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorizeOrg(ctx, tx, oid, pk.ActionEditOrgSelfAnalysis); err != nil {
			return err
		}
		var err error
		e, err = store.db.addSelfAnalysis(ctx, tx, saScope{col: "organisation_id", id: oid}, in)
		return err
	})
	return e, err
}

func (db *DB) addSelfAnalysis(ctx context.Context, tx *Tx, s saScope, in pk.SelfAnalysisInput) (*pk.SelfAnalysisEntry, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	u := pk.UserFromContext(ctx)
	e := &pk.SelfAnalysisEntry{ID: newID(), Section: in.Section, Text: in.Text, Answer: in.Answer, AuthorID: u.ID, AuthorName: u.Name,
		Mine: true, Version: 1, CreatedAt: tx.now, UpdatedAt: tx.now}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO self_analysis_entries (id, `+s.col+`, section, body, answer, author_id, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`, e.ID, s.id, e.Section, e.Text, e.Answer, e.AuthorID, fmtTime(tx.now)); err != nil {
		return nil, err
	}
	if s.pid != "" {
		return e, tx.audit(ctx, s.pid, "self_analysis.add", "self_analysis", e.ID, e.Section, nil, in)
	}
	return e, nil
}

// UpdateSelfAnalysis changes the asking person's own contribution (its
// section stays); other people's contributions are refused.
func (store *PreparationStore) UpdateSelfAnalysis(ctx context.Context, pid, id string, in pk.SelfAnalysisInput) (*pk.SelfAnalysisEntry, error) {
	var e *pk.SelfAnalysisEntry
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		var err error
		e, err = store.db.updateSelfAnalysis(ctx, tx, saScope{col: "partnership_id", id: pid, pid: pid}, id, in)
		return err
	})
	return e, err
}

// UpdateOrganisationSelfAnalysis is UpdateSelfAnalysis for an organisation.
func (store *PreparationStore) UpdateOrganisationSelfAnalysis(ctx context.Context, oid, id string, in pk.SelfAnalysisInput) (*pk.SelfAnalysisEntry, error) {
	var e *pk.SelfAnalysisEntry
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorizeOrg(ctx, tx, oid, pk.ActionEditOrgSelfAnalysis); err != nil {
			return err
		}
		var err error
		e, err = store.db.updateSelfAnalysis(ctx, tx, saScope{col: "organisation_id", id: oid}, id, in)
		return err
	})
	return e, err
}

// ownEntry loads a contribution of the scope and checks that the asking
// person wrote it.
func (db *DB) ownEntry(ctx context.Context, tx *Tx, s saScope, id string) (*pk.SelfAnalysisEntry, error) {
	e := &pk.SelfAnalysisEntry{ID: id}
	err := tx.QueryRowContext(ctx, `
		SELECT section, body, answer, COALESCE(author_id, ''), version, created_at FROM self_analysis_entries
		WHERE id = $1 AND `+s.col+` = $2`, id, s.id).Scan(&e.Section, &e.Text, &e.Answer, &e.AuthorID, &e.Version, ts(&e.CreatedAt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	if e.AuthorID != pk.UserIDFromContext(ctx) {
		return nil, pk.Errorf(pk.EFORBIDDEN, "preparation.error.not_your_contribution", nil)
	}
	return e, nil
}

func (db *DB) updateSelfAnalysis(ctx context.Context, tx *Tx, s saScope, id string, in pk.SelfAnalysisInput) (*pk.SelfAnalysisEntry, error) {
	if in.Version <= 0 {
		return nil, pk.FieldInvalid("version", "validation.version_required", nil)
	}
	before, err := db.ownEntry(ctx, tx, s, id)
	if err != nil {
		return nil, err
	}
	in.Section = before.Section
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if err := tx.bumpVersion(ctx, "self_analysis_entries", "id = $1", in.Version, id); err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE self_analysis_entries SET body = $1, answer = $2, updated_at = $3 WHERE id = $4`,
		in.Text, in.Answer, fmtTime(tx.now), id); err != nil {
		return nil, err
	}
	u := pk.UserFromContext(ctx)
	e := &pk.SelfAnalysisEntry{ID: id, Section: before.Section, Text: in.Text, Answer: in.Answer, AuthorID: u.ID, AuthorName: u.Name, Mine: true,
		Version: in.Version + 1, CreatedAt: before.CreatedAt, UpdatedAt: tx.now}
	if s.pid != "" {
		return e, tx.audit(ctx, s.pid, "self_analysis.update", "self_analysis", id, e.Section,
			map[string]string{"text": before.Text, "answer": before.Answer}, map[string]string{"text": in.Text, "answer": in.Answer})
	}
	return e, nil
}

// DeleteSelfAnalysis removes the asking person's own contribution, if it
// still has the given version.
func (store *PreparationStore) DeleteSelfAnalysis(ctx context.Context, pid, id string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		return store.db.deleteSelfAnalysis(ctx, tx, saScope{col: "partnership_id", id: pid, pid: pid}, id, version)
	})
}

// DeleteOrganisationSelfAnalysis is DeleteSelfAnalysis for an organisation.
func (store *PreparationStore) DeleteOrganisationSelfAnalysis(ctx context.Context, oid, id string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorizeOrg(ctx, tx, oid, pk.ActionEditOrgSelfAnalysis); err != nil {
			return err
		}
		return store.db.deleteSelfAnalysis(ctx, tx, saScope{col: "organisation_id", id: oid}, id, version)
	})
}

func (db *DB) deleteSelfAnalysis(ctx context.Context, tx *Tx, s saScope, id string, version int) error {
	if version <= 0 {
		return pk.FieldInvalid("version", "validation.version_required", nil)
	}
	before, err := db.ownEntry(ctx, tx, s, id)
	if err != nil {
		return err
	}
	if err := tx.bumpVersion(ctx, "self_analysis_entries", "id = $1", version, id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM self_analysis_entries WHERE id = $1`, id); err != nil {
		return err
	}
	if s.pid != "" {
		return tx.audit(ctx, s.pid, "self_analysis.delete", "self_analysis", id, before.Section,
			map[string]string{"text": before.Text, "answer": before.Answer}, nil)
	}
	return nil
}
