package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/powermap"
	"golang.org/x/text/unicode/norm"
)

// Privacy of the register: a sensitive actor exists only for people who may
// see sensitive data. Every query below carries that condition itself
// (pk.MaySeeSensitive is its parameter), so no page, export or count can forget it.

const actorColumns = `a.id, a.name, a.kind, a.sector, a.motivation, a.contribution, a.notes, COALESCE(a.organisation_id, ''),
	a.sensitive, a.version, a.created_at, a.updated_at`

func scanActor(row rowScanner) (*pk.Actor, error) {
	a := &pk.Actor{Tags: []string{}}
	err := row.Scan(&a.ID, &a.Name, &a.Kind, &a.Sector, &a.Motivation, &a.Contribution, &a.Notes, &a.OrganisationID,
		&a.Sensitive, &a.Version, ts(&a.CreatedAt), ts(&a.UpdatedAt))
	return a, err
}

// args numbers query arguments as they are added.
type args []any

func (a *args) add(v any) string {
	*a = append(*a, v)
	return fmt.Sprintf("$%d", len(*a))
}

// inList is "$3, $4, …" for values, added to a.
func (a *args) inList(values []string) string {
	ps := make([]string, len(values))
	for i, v := range values {
		ps[i] = a.add(v)
	}
	return strings.Join(ps, ", ")
}

// likePattern escapes a search text for ContainsFold.
func likePattern(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// loadActor reads one actor the asker may see; anything else is ENOTFOUND.
func loadActor(ctx context.Context, q queryer, p *pk.Partnership, id string) (*pk.Actor, error) {
	a, err := scanActor(q.QueryRowContext(ctx, `SELECT `+actorColumns+` FROM actors a
		WHERE a.id = $1 AND a.partnership_id = $2 AND ($3 OR NOT a.sensitive)`, id, p.ID, pk.MaySeeSensitive(p.MyRole)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	if err := loadTags(ctx, q, []*pk.Actor{a}); err != nil {
		return nil, err
	}
	return a, nil
}

// loadTags fills the tags of actors with one query.
func loadTags(ctx context.Context, q queryer, actors []*pk.Actor) error {
	if len(actors) == 0 {
		return nil
	}
	byID := map[string]*pk.Actor{}
	ids := make([]string, len(actors))
	for i, a := range actors {
		byID[a.ID] = a
		ids[i] = a.ID
	}
	var ar args
	rows, err := q.QueryContext(ctx, `SELECT actor_id, tag FROM actor_tags WHERE actor_id IN (`+ar.inList(ids)+`) ORDER BY actor_id, tag`, ar...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return err
		}
		if a := byID[id]; a != nil {
			a.Tags = append(a.Tags, tag)
		}
	}
	return rows.Err()
}

// checkOrganisation accepts an organisation link only to an organisation
// of the partnership, so that IDs of others cannot be probed.
func checkOrganisation(ctx context.Context, tx *Tx, pid, oid string) (any, error) {
	if oid == "" {
		return nil, nil
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2`,
		pid, oid).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, pk.FieldInvalid("organisation_id", "validation.unknown_organisation", nil)
	}
	return oid, nil
}

// writeTags replaces an actor's tags.
func (tx *Tx) writeTags(ctx context.Context, pid, id string, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM actor_tags WHERE actor_id = $1`, id); err != nil {
		return err
	}
	return tx.addTags(ctx, pid, id, tags)
}

// addTags adds tags to an actor that has none of them yet.
func (tx *Tx) addTags(ctx context.Context, pid, id string, tags []string) error {
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO actor_tags (actor_id, partnership_id, tag) VALUES ($1, $2, $3)`, id, pid, t); err != nil {
			return err
		}
	}
	return nil
}

// auditSummary names an actor in the activity feed, which members read,
// unless it is sensitive.
func auditSummary(name string, sensitive bool) string {
	if sensitive {
		return ""
	}
	return name
}

// actorAudit is the part of an actor the audit log compares.
func actorAudit(a *pk.Actor) map[string]any {
	return map[string]any{"name": a.Name, "kind": a.Kind, "sector": a.Sector, "tags": a.Tags, "motivation": a.Motivation,
		"contribution": a.Contribution, "notes": a.Notes, "organisation_id": a.OrganisationID, "sensitive": a.Sensitive}
}

func inputActor(in pk.ActorInput) *pk.Actor {
	return &pk.Actor{Name: in.Name, Kind: in.Kind, Sector: in.Sector, Tags: in.Tags, Motivation: in.Motivation,
		Contribution: in.Contribution, Notes: in.Notes, OrganisationID: in.OrganisationID, Sensitive: in.Sensitive}
}

// insertActor writes a validated actor.
func (tx *Tx) insertActor(ctx context.Context, pid string, in pk.ActorInput, org any) (string, error) {
	id := newID()
	var uid any
	if u := pk.UserIDFromContext(ctx); u != "" {
		uid = u
	}
	if _, err := tx.ExecContext(ctx, `
		INSERT INTO actors (id, partnership_id, name, kind, sector, motivation, contribution, notes, organisation_id, sensitive, created_by, created_at, updated_at, search)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13)`,
		id, pid, in.Name, in.Kind, in.Sector, in.Motivation, in.Contribution, in.Notes, org, in.Sensitive, uid, fmtTime(tx.now), searchFold(in.Name)); err != nil {
		return "", err
	}
	return id, tx.addTags(ctx, pid, id, in.Tags)
}

// insertActors writes many new actors with multi-row INSERTs, as
// insertActor would one by one (an import of thousands of rows holds the
// writer for a few statements instead of one per actor and tag).
func (tx *Tx) insertActors(ctx context.Context, pid string, ins []pk.ActorInput, keys importedRows) error {
	var uid any
	if u := pk.UserIDFromContext(ctx); u != "" {
		uid = u
	}
	now := fmtTime(tx.now)
	err := tx.bulkInsert(ctx, `INSERT INTO actors (id, partnership_id, name, kind, sector, motivation, contribution, notes, organisation_id, sensitive, created_by, created_at, updated_at, search) VALUES `,
		14, len(ins), func(i int) []any {
			in := ins[i]
			return []any{keys.ids[i], pid, in.Name, in.Kind, in.Sector, in.Motivation, in.Contribution, in.Notes, nil, in.Sensitive, uid, now, now, searchFold(in.Name)}
		})
	if err != nil {
		return err
	}
	return tx.bulkInsert(ctx, `INSERT INTO actor_tags (actor_id, partnership_id, tag) VALUES `, 3, len(keys.tags), func(i int) []any {
		return []any{keys.tags[i].actor, pid, keys.tags[i].tag}
	})
}

// CreateActor adds an actor to the register. Members may mark an actor
// sensitive (to protect someone), after which only coordinators see it.
func (store *ActorStore) CreateActor(ctx context.Context, pid string, in pk.ActorInput) (*pk.Actor, error) {
	var out *pk.Actor
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		org, err := checkOrganisation(ctx, tx, pid, in.OrganisationID)
		if err != nil {
			return err
		}
		id, err := tx.insertActor(ctx, pid, in, org)
		if err != nil {
			return err
		}
		out = inputActor(in)
		out.ID, out.Version, out.CreatedAt, out.UpdatedAt = id, 1, tx.now, tx.now
		return tx.auditSensitive(ctx, in.Sensitive, pid, "actor.create", "actor", id, auditSummary(in.Name, in.Sensitive), nil, actorAudit(out))
	})
	return out, err
}

// Actor returns one actor of the register.
func (store *ActorStore) Actor(ctx context.Context, pid, id string) (*pk.Actor, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, err
	}
	return loadActor(ctx, store.db.read, p, id)
}

// ActorPage returns an actor with its relationships and, for an
// organisation, the individuals who work there.
func (store *ActorStore) ActorPage(ctx context.Context, pid, id string) (*pk.ActorPage, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, err
	}
	kept, _, err := store.db.keptMapsIn(ctx, actorPageCache, pid, "actor\x00"+strconv.FormatBool(pk.MaySeeSensitive(p.MyRole))+"\x00"+id,
		func() (any, error) { return store.db.readActorPage(ctx, p, id) })
	if err != nil {
		return nil, err
	}
	return copyActorPage(kept.(*pk.ActorPage)), nil
}

// readActorPage reads what ActorPage keeps.
func (db *DB) readActorPage(ctx context.Context, p *pk.Partnership, id string) (*pk.ActorPage, error) {
	a, err := loadActor(ctx, db.read, p, id)
	if err != nil {
		return nil, err
	}
	out := &pk.ActorPage{Actor: a, KeyIndividuals: []*pk.Actor{}}
	var more string
	out.Relationships, more, err = db.relationships(ctx, p, pk.RelationshipFilter{ActorID: id}, pk.PageRequest{Limit: pk.MaxActorTies})
	if err != nil {
		return nil, err
	}
	out.RelationshipsCut = more != ""
	var keys []string
	for _, r := range out.Relationships {
		if r.Type == "works_at" && r.To == id {
			keys = append(keys, r.From)
		}
	}
	if len(keys) > 0 {
		ar := args{p.ID, pk.MaySeeSensitive(p.MyRole)}
		rows, err := db.read.QueryContext(ctx, `SELECT `+actorColumns+` FROM actors a
			WHERE a.partnership_id = $1 AND ($2 OR NOT a.sensitive) AND a.kind = 'individual' AND a.id IN (`+ar.inList(keys)+`)
			ORDER BY a.name, a.id`, ar...)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			x, err := scanActor(rows)
			if err != nil {
				return nil, err
			}
			out.KeyIndividuals = append(out.KeyIndividuals, x)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// actorWhere is the condition of a filtered list, sensitive actors left
// out unless the role may see them.
func (db *DB) actorWhere(ctx context.Context, p *pk.Partnership, f pk.ActorFilter, ar *args) (string, error) {
	w := []string{"a.partnership_id = " + ar.add(p.ID), "(" + ar.add(pk.MaySeeSensitive(p.MyRole)) + " OR NOT a.sensitive)"}
	if f.Kind != "" {
		w = append(w, "a.kind = "+ar.add(f.Kind))
	}
	if f.Sector != "" {
		w = append(w, "a.sector = "+ar.add(f.Sector))
	}
	if f.Tag != "" {
		w = append(w, "EXISTS (SELECT 1 FROM actor_tags t WHERE t.actor_id = a.id AND LOWER(t.tag) = LOWER("+ar.add(f.Tag)+"))")
	}
	if f.Query != "" {
		// The folded name ignores case and accents on both engines; actors
		// written before it existed (or seeded directly) fall back to the
		// name, where SQLite's LIKE folds ASCII letters only.
		ar.add(likePattern(f.Query))
		byName := db.Dialect.ContainsFold("a.name", len(*ar))
		ar.add(likePattern(searchFold(f.Query)))
		w = append(w, "("+byName+" OR (a.search <> '' AND a.search LIKE '%' || $"+strconv.Itoa(len(*ar))+" || '%' ESCAPE '\\'))")
	}
	if f.MapID != "" {
		var n int
		if err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM maps WHERE id = $1 AND partnership_id = $2`, f.MapID, p.ID).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return "", pk.FieldInvalid("map", "actors.validation.unknown_map", nil)
		}
		if f.Segment != "" || f.Strategy != "" {
			// The actor's position on the map is its latest assessment.
			m := ar.add(f.MapID)
			latest := `(SELECT s.support, s.influence FROM assessments s WHERE s.map_id = ` + m + ` AND s.actor_id = a.id
				AND s.seq = (SELECT MAX(s2.seq) FROM assessments s2 WHERE s2.map_id = ` + m + ` AND s2.actor_id = a.id))`
			var cond []string
			if f.Segment != "" {
				support, _ := pk.SegmentSupport(f.Segment)
				cond = append(cond, "pos.support = "+ar.add(support))
			}
			if f.Strategy != "" {
				hiS, hiI := ar.add(powermap.SupportThreshold), ar.add(powermap.InfluenceThreshold)
				switch powermap.Strategy(f.Strategy) {
				case powermap.Partner:
					cond = append(cond, "pos.support >= "+hiS+" AND pos.influence >= "+hiI)
				case powermap.AwarenessRaising:
					cond = append(cond, "pos.support < "+hiS+" AND pos.influence >= "+hiI)
				case powermap.CapacityDevelopment:
					cond = append(cond, "pos.support >= "+hiS+" AND pos.influence < "+hiI)
				default:
					cond = append(cond, "pos.support < "+hiS+" AND pos.influence < "+hiI)
				}
			}
			w = append(w, "EXISTS (SELECT 1 FROM "+latest+" pos WHERE "+strings.Join(cond, " AND ")+")")
		}
	}
	return strings.Join(w, " AND "), nil
}

// Actors lists the register by name, filtered, one page at a time.
func (store *ActorStore) Actors(ctx context.Context, pid string, f pk.ActorFilter, pg pk.PageRequest) ([]*pk.Actor, string, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, "", err
	}
	if err := f.Validate(); err != nil {
		return nil, "", err
	}
	pg = pg.Normalize()
	parts, ok := decodeCursor(pg.Cursor, 2)
	if !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	}
	read := func() (any, error) {
		var ar args
		where, err := store.db.actorWhere(ctx, p, f, &ar)
		if err != nil {
			return nil, err
		}
		if parts != nil {
			n, i := ar.add(parts[0]), ar.add(parts[1])
			where += " AND (a.name > " + n + " OR (a.name = " + n + " AND a.id > " + i + "))"
		}
		out, err := collect(scanActor)(store.db.read.QueryContext(ctx, `SELECT `+actorColumns+` FROM actors a WHERE `+where+
			` ORDER BY a.name, a.id LIMIT `+ar.add(pg.Limit+1), ar...))
		if err != nil {
			return nil, err
		}
		out, next := cutPage(out, pg.Limit, func(last *pk.Actor) string { return encodeCursor(last.Name, last.ID) })
		if err := loadTags(ctx, store.db.read, out); err != nil {
			return nil, err
		}
		return actorPage{out, next}, nil
	}
	scope, kept := registerKept(f, pg, pk.MaySeeSensitive(p.MyRole))
	if !kept {
		page, err := read()
		if err != nil {
			return nil, "", err
		}
		return page.(actorPage).actors, page.(actorPage).next, nil
	}
	page, err := store.db.keptRegister(ctx, pid, scope, read)
	if err != nil {
		return nil, "", err
	}
	return copyActorsOut(page.(actorPage).actors), page.(actorPage).next, nil
}

// CountActors counts the actors a filter keeps (that the asker may see).
func (store *ActorStore) CountActors(ctx context.Context, pid string, f pk.ActorFilter) (int, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return 0, err
	}
	if err := f.Validate(); err != nil {
		return 0, err
	}
	count := func() (any, error) {
		var ar args
		where, err := store.db.actorWhere(ctx, p, f, &ar)
		if err != nil {
			return 0, err
		}
		var n int
		err = store.db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM actors a WHERE `+where, ar...).Scan(&n)
		return n, err
	}
	// The count of a kept view reads every actor it keeps: kept with it.
	scope, kept := registerKept(f, pk.PageRequest{}, pk.MaySeeSensitive(p.MyRole))
	if !kept {
		n, err := count()
		if err != nil {
			return 0, err
		}
		return n.(int), nil
	}
	n, err := store.db.keptRegister(ctx, pid, "count\x00"+scope, count)
	if err != nil {
		return 0, err
	}
	return n.(int), nil
}

// ActorTags lists the tags in use on actors the asker may see: the first
// pk.MaxTagChoices by name; ActorTagList also says whether there were more.
func (store *ActorStore) ActorTags(ctx context.Context, pid string) ([]string, error) {
	l, err := store.ActorTagList(ctx, pid)
	if err != nil {
		return nil, err
	}
	return l.Tags, nil
}

// ActorTagList is ActorTags saying whether the list was cut.
func (store *ActorStore) ActorTagList(ctx context.Context, pid string) (*pk.ActorTagList, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, err
	}
	sensitive := pk.MaySeeSensitive(p.MyRole)
	kept, err := store.db.keptRegister(ctx, pid, "tags\x00"+strconv.FormatBool(sensitive), func() (any, error) {
		rows, err := store.db.read.QueryContext(ctx, `SELECT DISTINCT t.tag FROM actor_tags t JOIN actors a ON a.id = t.actor_id
			WHERE t.partnership_id = $1 AND ($2 OR NOT a.sensitive) ORDER BY t.tag LIMIT $3`, pid, sensitive, pk.MaxTagChoices+1)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := &pk.ActorTagList{Tags: []string{}}
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				return nil, err
			}
			out.Tags = append(out.Tags, t)
		}
		out.Tags, out.Cut = cut(out.Tags, pk.MaxTagChoices)
		return out, rows.Err()
	})
	if err != nil {
		return nil, err
	}
	l := kept.(*pk.ActorTagList)
	return &pk.ActorTagList{Tags: slices.Clone(l.Tags), Cut: l.Cut}, nil
}

// UpdateActor changes an actor, if version is still current.
func (store *ActorStore) UpdateActor(ctx context.Context, pid, id string, in pk.ActorInput) (*pk.Actor, error) {
	var out *pk.Actor
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors)
		if err != nil {
			return err
		}
		before, err := loadActor(ctx, tx, p, id)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		org, err := checkOrganisation(ctx, tx, pid, in.OrganisationID)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "actors", "id = $1", in.Version, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE actors SET name = $1, kind = $2, sector = $3, motivation = $4, contribution = $5, notes = $6, organisation_id = $7,
				sensitive = $8, updated_at = $9, search = $10 WHERE id = $11`,
			in.Name, in.Kind, in.Sector, in.Motivation, in.Contribution, in.Notes, org, in.Sensitive, fmtTime(tx.now), searchFold(in.Name), id); err != nil {
			return err
		}
		if err := tx.writeTags(ctx, pid, id, in.Tags); err != nil {
			return err
		}
		out = inputActor(in)
		out.ID, out.Version, out.CreatedAt, out.UpdatedAt = id, in.Version+1, before.CreatedAt, tx.now
		return tx.auditSensitive(ctx, in.Sensitive || before.Sensitive, pid, "actor.update", "actor", id, auditSummary(in.Name, in.Sensitive || before.Sensitive), actorAudit(before), actorAudit(out))
	})
	return out, err
}

// DeleteActor removes an actor with its relationships, assessments and
// tactics, all of which (the ones the asker cannot see included) go to the
// bin first; the audit entry counts them.
func (store *ActorStore) DeleteActor(ctx context.Context, pid, id string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors)
		if err != nil {
			return err
		}
		before, err := loadActor(ctx, tx, p, id)
		if err != nil {
			return err
		}
		// The copy for the bin is taken before the version check raises
		// the version, so that a restore gives back the actor as it was.
		b, err := binActor(ctx, tx, id, before.Name)
		if err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "actors", "id = $1", version, id); err != nil {
			return err
		}
		bin, err := tx.putInBin(ctx, pid, b)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM actors WHERE id = $1`, id); err != nil {
			return err
		}
		if err := tx.auditSensitive(ctx, before.Sensitive, pid, "actor.delete", "actor", id, auditSummary(before.Name, before.Sensitive),
			actorAudit(before), bin.auditAfter(before.Sensitive)); err != nil {
			return err
		}
		return tx.auditHidden(ctx, pid, "actor", id, bin, before.Sensitive)
	})
}

// binActor copies an actor with everything its delete cascades to, the
// records the asker cannot see included.
func binActor(ctx context.Context, tx *Tx, id, name string) (*binItem, error) {
	if err := tx.lockForBin(ctx, "actors", id); err != nil {
		return nil, err
	}
	b := &binItem{kind: pk.BinActor, subjectID: id, title: name}
	for _, c := range []struct{ table, where string }{
		{"actors", "id = $1"},
		{"actor_tags", "actor_id = $1"},
		{"relationships", "from_actor = $1 OR to_actor = $1"},
		{"assessments", "actor_id = $1"},
		{"tactics", "actor_id = $1"},
	} {
		if err := b.capture(ctx, tx, c.table, c.where, id); err != nil {
			return nil, err
		}
	}
	if err := b.captureProspectLinks(ctx, tx, id); err != nil {
		return nil, err
	}
	return b, nil
}

// MergeActors folds duplicate into keep: relationships (dropping the ones
// between the two, which would become self-loops), assessments and tactics
// move over, tags are joined, keep's empty fields take duplicate's values,
// and duplicate is deleted. If either was sensitive the result is, so that
// merging never reveals anything.
func (store *ActorStore) MergeActors(ctx context.Context, pid, keep, duplicate string) (*pk.Actor, error) {
	var out *pk.Actor
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors)
		if err != nil {
			return err
		}
		k, err := loadActor(ctx, tx, p, keep)
		if err != nil {
			return err
		}
		if strings.TrimSpace(duplicate) == "" {
			return pk.FieldInvalid("duplicate", "validation.required", nil)
		}
		if duplicate == keep {
			return pk.FieldInvalid("duplicate", "actors.validation.merge_self", nil)
		}
		d, err := loadActor(ctx, tx, p, duplicate)
		if err != nil {
			return err
		}
		// The duplicate's own record (its name, the fields keep's values
		// win over) and the ties between the two are destroyed, not moved:
		// they go to the bin first.
		if err := tx.lockForBin(ctx, "actors", d.ID); err != nil {
			return err
		}
		bin := &binItem{kind: pk.BinMerge, subjectID: d.ID, title: d.Name}
		for _, c := range []struct {
			table, where string
			args         []any
		}{
			{"actors", "id = $1", []any{duplicate}},
			{"actor_tags", "actor_id = $1", []any{duplicate}},
			{"relationships", "(from_actor = $1 AND to_actor = $2) OR (from_actor = $2 AND to_actor = $1)", []any{keep, duplicate}},
		} {
			if err := bin.capture(ctx, tx, c.table, c.where, c.args...); err != nil {
				return err
			}
		}
		binned, err := tx.putInBin(ctx, pid, bin)
		if err != nil {
			return err
		}
		moved := map[string]int64{}
		for _, s := range []struct{ name, sql string }{
			{"relationships_dropped", `DELETE FROM relationships WHERE (from_actor = $1 AND to_actor = $2) OR (from_actor = $2 AND to_actor = $1)`},
			{"relationships_from", `UPDATE relationships SET from_actor = $1 WHERE from_actor = $2`},
			{"relationships_to", `UPDATE relationships SET to_actor = $1 WHERE to_actor = $2`},
			{"assessments", `UPDATE assessments SET actor_id = $1 WHERE actor_id = $2`},
			{"tactics", `UPDATE tactics SET actor_id = $1 WHERE actor_id = $2`},
			{"tags", `INSERT INTO actor_tags (actor_id, partnership_id, tag)
				SELECT $1, partnership_id, tag FROM actor_tags d WHERE d.actor_id = $2
				AND NOT EXISTS (SELECT 1 FROM actor_tags k WHERE k.actor_id = $1 AND LOWER(k.tag) = LOWER(d.tag))`},
		} {
			res, err := tx.ExecContext(ctx, s.sql, keep, duplicate)
			if err != nil {
				return fmt.Errorf("merge %s: %w", s.name, err)
			}
			moved[s.name], _ = res.RowsAffected()
		}
		pick := func(a, b string) string {
			if strings.TrimSpace(a) == "" {
				return b
			}
			return a
		}
		m := *k
		m.Sector, m.Motivation, m.Contribution = pick(k.Sector, d.Sector), pick(k.Motivation, d.Motivation), pick(k.Contribution, d.Contribution)
		m.Notes, m.OrganisationID = pick(k.Notes, d.Notes), pick(k.OrganisationID, d.OrganisationID)
		m.Sensitive = k.Sensitive || d.Sensitive
		m.Version, m.UpdatedAt = k.Version+1, tx.now
		var org any
		if m.OrganisationID != "" {
			org = m.OrganisationID
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM actors WHERE id = $1`, duplicate); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE actors SET sector = $1, motivation = $2, contribution = $3, notes = $4, organisation_id = $5, sensitive = $6,
				version = version + 1, updated_at = $7 WHERE id = $8`,
			m.Sector, m.Motivation, m.Contribution, m.Notes, org, m.Sensitive, fmtTime(tx.now), keep); err != nil {
			return err
		}
		out, err = loadActor(ctx, tx, p, keep)
		if err != nil {
			return err
		}
		after := binned.auditAfter(m.Sensitive)
		after["actor"], after["moved"] = actorAudit(out), moved
		if err := tx.auditSensitive(ctx, m.Sensitive, pid, "actor.merge", "actor", keep, auditSummary(k.Name, m.Sensitive),
			map[string]any{"kept": actorAudit(k), "duplicate": actorAudit(d), "duplicate_id": d.ID}, after); err != nil {
			return err
		}
		return tx.auditHidden(ctx, pid, "actor", keep, binned, m.Sensitive)
	})
	return out, err
}

// AddMemberOrganisations adds the partnership's active member
// organisations to the register, those not there yet, and returns how
// many it added. The partnership's own members belong on its maps too.
func (store *ActorStore) AddMemberOrganisations(ctx context.Context, pid string) (int, error) {
	n := 0
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `
			SELECT o.id, o.name, o.kind, o.mission FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
			WHERE po.partnership_id = $1 AND po.status = 'active'
			AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.partnership_id = $1 AND a.organisation_id = o.id)
			ORDER BY o.name, o.id`, pid)
		if err != nil {
			return err
		}
		var ins []pk.ActorInput
		for rows.Next() {
			var in pk.ActorInput
			var kind, mission string
			if err := rows.Scan(&in.OrganisationID, &in.Name, &kind, &mission); err != nil {
				rows.Close()
				return err
			}
			in.Kind, in.Sector, in.Notes = "organisation", sectorOfOrganisation(kind), mission
			in.Tags = []string{"member"}
			ins = append(ins, in)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		var names []string
		for _, in := range ins {
			if err := in.Validate(); err != nil {
				return err
			}
			if _, err := tx.insertActor(ctx, pid, in, in.OrganisationID); err != nil {
				return err
			}
			names = append(names, in.Name)
		}
		n = len(ins)
		if n == 0 {
			return nil
		}
		return tx.audit(ctx, pid, "actor.add_members", "partnership", pid, strings.Join(names, ", "), nil, map[string]any{"count": n})
	})
	return n, err
}

// sectorOfOrganisation maps an organisation profile's kind to a sector.
func sectorOfOrganisation(kind string) string {
	switch kind {
	case "public_body":
		return "public"
	case "business":
		return "private"
	case "faith_based", "academic", "funder":
		return kind
	}
	return "civil_society"
}

// searchFold is the form names are searched in: lower case, without
// accents or Arabic vowel marks, spaces kept.
func searchFold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
