package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
)

const relationshipColumns = `r.id, r.from_actor, fa.name, r.to_actor, ta.name, r.type, r.directed, r.strength,
	COALESCE(r.from_date, ''), COALESCE(r.until_date, ''), r.note, r.sensitive, r.version, r.created_at`

// relationshipFrom joins both actors; relationshipVisible is the privacy
// rule: a tie is seen when it and both its actors are not sensitive, or by
// people who may see sensitive data. Its one parameter is pk.MaySeeSensitive.
const (
	relationshipJoins = ` JOIN actors fa ON fa.id = r.from_actor JOIN actors ta ON ta.id = r.to_actor `
	relationshipFrom  = ` FROM relationships r` + relationshipJoins
)

func relationshipVisible(n string) string {
	return "(" + n + " OR (NOT r.sensitive AND NOT fa.sensitive AND NOT ta.sensitive))"
}

func scanRelationship(row rowScanner) (*pk.Relationship, error) {
	x := &pk.Relationship{}
	err := row.Scan(&x.ID, &x.From, &x.FromName, &x.To, &x.ToName, &x.Type, &x.Directed, &x.Strength,
		&x.FromDate, &x.UntilDate, &x.Note, &x.Sensitive, &x.Version, ts(&x.CreatedAt))
	return x, err
}

func loadRelationship(ctx context.Context, q queryer, p *pk.Partnership, id string) (*pk.Relationship, error) {
	x, err := scanRelationship(q.QueryRowContext(ctx, `SELECT `+relationshipColumns+relationshipFrom+`
		WHERE r.id = $1 AND r.partnership_id = $2 AND `+relationshipVisible("$3"), id, p.ID, pk.MaySeeSensitive(p.MyRole)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return x, err
}

func nullText(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// relationshipEnds checks that both actors are in the register and seen by
// the asker (an actor they may not see does not exist for them).
func relationshipEnds(ctx context.Context, tx *Tx, p *pk.Partnership, in pk.RelationshipInput) error {
	var v pk.Validator
	for _, end := range []struct{ field, id string }{{"from", in.From}, {"to", in.To}} {
		if _, err := loadActor(ctx, tx, p, end.id); pk.ErrorCode(err) == pk.ENOTFOUND {
			v.Add(end.field, "actors.relationships.validation.unknown_actor", nil)
		} else if err != nil {
			return err
		}
	}
	return v.Err()
}

func relationshipAudit(x *pk.Relationship) map[string]any {
	return map[string]any{"from": x.From, "to": x.To, "type": x.Type, "directed": x.Directed, "strength": x.Strength,
		"from_date": x.FromDate, "until_date": x.UntilDate, "note": x.Note, "sensitive": x.Sensitive}
}

// relationshipSummary names both ends in the activity feed unless the tie
// or an end is sensitive.
func relationshipSummary(x *pk.Relationship, sensitiveEnd bool) string {
	if x.Sensitive || sensitiveEnd {
		return ""
	}
	return x.FromName + " – " + x.ToName
}

// CreateRelationship records a tie between two actors.
func (store *ActorStore) CreateRelationship(ctx context.Context, pid string, in pk.RelationshipInput) (*pk.Relationship, error) {
	var out *pk.Relationship
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := relationshipEnds(ctx, tx, p, in); err != nil {
			return err
		}
		id := newID()
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO relationships (id, partnership_id, from_actor, to_actor, type, directed, strength, from_date, until_date, note, sensitive, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
			id, pid, in.From, in.To, in.Type, in.Directed, in.Strength, nullText(in.FromDate), nullText(in.UntilDate), in.Note, in.Sensitive,
			fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadRelationship(ctx, tx, p, id); err != nil {
			// A member who marks a tie sensitive no longer sees it.
			if pk.ErrorCode(err) != pk.ENOTFOUND {
				return err
			}
			out = &pk.Relationship{ID: id, From: in.From, To: in.To, Type: in.Type, Directed: in.Directed, Strength: in.Strength,
				FromDate: in.FromDate, UntilDate: in.UntilDate, Note: in.Note, Sensitive: in.Sensitive, Version: 1, CreatedAt: tx.now}
		}
		ends, err := sensitiveEnds(ctx, tx, in.From, in.To)
		if err != nil {
			return err
		}
		return tx.auditSensitive(ctx, out.Sensitive || ends, pid, "relationship.create", "relationship", id, relationshipSummary(out, ends), nil, relationshipAudit(out))
	})
	return out, err
}

func sensitiveEnds(ctx context.Context, tx *Tx, from, to string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM actors WHERE id IN ($1, $2) AND sensitive`, from, to).Scan(&n)
	return n > 0, err
}

// Relationship returns one tie.
func (store *ActorStore) Relationship(ctx context.Context, pid, id string) (*pk.Relationship, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, err
	}
	return loadRelationship(ctx, store.db.read, p, id)
}

// Relationships lists ties, filtered by type or actor, ordered by the
// names of their ends.
func (store *ActorStore) Relationships(ctx context.Context, pid string, f pk.RelationshipFilter, pg pk.PageRequest) ([]*pk.Relationship, string, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, "", err
	}
	var v pk.Validator
	v.OneOf("type", f.Type, false, pk.RelationshipTypes)
	if err := v.Err(); err != nil {
		return nil, "", err
	}
	return store.db.relationships(ctx, p, f, pg)
}

func (db *DB) relationships(ctx context.Context, p *pk.Partnership, f pk.RelationshipFilter, pg pk.PageRequest) ([]*pk.Relationship, string, error) {
	if pg.Limit <= pk.MaxPageSize {
		pg = pg.Normalize()
	}
	parts, ok := decodeCursor(pg.Cursor, 3)
	if !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	}
	ar := args{p.ID, pk.MaySeeSensitive(p.MyRole)}
	where := "r.partnership_id = $1 AND " + relationshipVisible("$2")
	if f.Type != "" {
		where += " AND r.type = " + ar.add(f.Type)
	}
	from := relationshipFrom
	if f.ActorID != "" {
		// One actor's ties, found through the index of each end and only
		// then ordered: with "from = a OR to = a" the planner walks the
		// partnership's ties in name order instead. A tie to itself is
		// counted once.
		a := ar.add(f.ActorID)
		from = " FROM (SELECT * FROM relationships WHERE from_actor = " + a +
			" UNION ALL SELECT * FROM relationships WHERE to_actor = " + a + " AND from_actor <> " + a + ") r" + relationshipJoins
	}
	if parts != nil {
		fn, tn, id := ar.add(parts[0]), ar.add(parts[1]), ar.add(parts[2])
		where += " AND (fa.name > " + fn + " OR (fa.name = " + fn + " AND (ta.name > " + tn + " OR (ta.name = " + tn + " AND r.id > " + id + "))))"
	}
	out, err := collect(scanRelationship)(db.read.QueryContext(ctx, `SELECT `+relationshipColumns+from+`WHERE `+where+
		` ORDER BY fa.name, ta.name, r.id LIMIT `+ar.add(pg.Limit+1), ar...))
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, pg.Limit, func(last *pk.Relationship) string {
		return encodeCursor(last.FromName, last.ToName, last.ID)
	})
	return out, next, nil
}

// UpdateRelationship changes a tie, if version is still current.
func (store *ActorStore) UpdateRelationship(ctx context.Context, pid, id string, in pk.RelationshipInput) (*pk.Relationship, error) {
	var out *pk.Relationship
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors)
		if err != nil {
			return err
		}
		before, err := loadRelationship(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := relationshipEnds(ctx, tx, p, in); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "relationships", "id = $1", in.Version, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE relationships SET from_actor = $1, to_actor = $2, type = $3, directed = $4, strength = $5, from_date = $6, until_date = $7,
				note = $8, sensitive = $9 WHERE id = $10`,
			in.From, in.To, in.Type, in.Directed, in.Strength, nullText(in.FromDate), nullText(in.UntilDate), in.Note, in.Sensitive, id); err != nil {
			return err
		}
		if out, err = loadRelationship(ctx, tx, p, id); err != nil {
			if pk.ErrorCode(err) != pk.ENOTFOUND {
				return err
			}
			out = &pk.Relationship{ID: id, From: in.From, To: in.To, Type: in.Type, Directed: in.Directed, Strength: in.Strength,
				FromDate: in.FromDate, UntilDate: in.UntilDate, Note: in.Note, Sensitive: in.Sensitive, Version: in.Version + 1, CreatedAt: before.CreatedAt}
		}
		ends, err := sensitiveEnds(ctx, tx, in.From, in.To)
		if err != nil {
			return err
		}
		return tx.auditSensitive(ctx, out.Sensitive || ends || before.Sensitive, pid, "relationship.update", "relationship", id, relationshipSummary(out, ends || before.Sensitive),
			relationshipAudit(before), relationshipAudit(out))
	})
	return out, err
}

// DeleteRelationship removes a tie, if version is still current; it waits
// in the bin.
func (store *ActorStore) DeleteRelationship(ctx context.Context, pid, id string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors)
		if err != nil {
			return err
		}
		before, err := loadRelationship(ctx, tx, p, id)
		if err != nil {
			return err
		}
		// Copied for the bin before the version check raises the version.
		bin := &binItem{kind: pk.BinRelationship, subjectID: id, title: before.FromName + " – " + before.ToName}
		if err := tx.lockForBin(ctx, "relationships", id); err != nil {
			return err
		}
		if err := bin.capture(ctx, tx, "relationships", "id = $1", id); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "relationships", "id = $1", version, id); err != nil {
			return err
		}
		ends, err := sensitiveEnds(ctx, tx, before.From, before.To)
		if err != nil {
			return err
		}
		binned, err := tx.putInBin(ctx, pid, bin)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM relationships WHERE id = $1`, id); err != nil {
			return err
		}
		return tx.auditSensitive(ctx, before.Sensitive || ends, pid, "relationship.delete", "relationship", id, relationshipSummary(before, ends),
			relationshipAudit(before), binned.auditAfter(before.Sensitive || ends))
	})
}
