package sqldb

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// The bin (see the root package's bin.go). A delete that cascades first
// copies every row the cascade will destroy into one bin item, in its own
// transaction, whoever asks and whatever they may see: a member deleting an
// actor must not destroy the sensitive ties of it that they were never
// shown. Restoring writes the rows back as they were, IDs kept.

// binTable is the rows of one table in a bin item, in the order the columns
// were read. Tables are kept in the order they are restored in.
type binTable struct {
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
}

// binProspectLinks is not a table but the prospects whose actor_id an actor
// delete sets to NULL: restoring sets it back on those still unlinked.
const binProspectLinks = "prospects.actor_id"

// binRef is a column that points at another table's id. When the row it
// points at is gone, a restore either refuses (the foreign key cascades:
// the record cannot exist without it) or, like the database itself would
// have done, leaves the column empty (ON DELETE SET NULL).
type binRef struct {
	column, table string
	setNull       bool
}

// binRestorable lists the tables a bin item may hold, with their
// references; nothing else is ever written back.
var binRestorable = map[string][]binRef{
	"actors":         {{"organisation_id", "organisations", true}, {"created_by", "users", true}},
	"actor_tags":     {{"actor_id", "actors", false}},
	"maps":           {},
	"relationships":  {{"from_actor", "actors", false}, {"to_actor", "actors", false}},
	"assessments":    {{"map_id", "maps", false}, {"actor_id", "actors", false}, {"assessed_by", "users", true}},
	"tactics":        {{"map_id", "maps", false}, {"actor_id", "actors", false}, {"owner_id", "users", true}},
	binProspectLinks: {},
}

// binActorColumns are the columns that name an actor: a row is about a
// sensitive actor when one of them does.
var binActorColumns = map[string]map[string]bool{
	"actors":         {"id": true},
	"actor_tags":     {"actor_id": true},
	"relationships":  {"from_actor": true, "to_actor": true},
	"assessments":    {"actor_id": true},
	"tactics":        {"actor_id": true},
	binProspectLinks: {"actor_id": true},
}

// binCounted are the tables whose rows count as records that went to the
// bin with the subject (an actor's tags are part of the actor).
var binCounted = map[string]string{
	"relationships":  "relationships",
	"assessments":    "assessments",
	"tactics":        "tactics",
	binProspectLinks: "prospect_links",
}

var sqlIdentifier = regexp.MustCompile(`^[a-z_]+$`)

// binItem is a bin item being filled by a delete.
type binItem struct {
	kind, subjectID, title string
	tables                 []binTable
}

// capture adds the rows of table that where (with args) selects.
func (b *binItem) capture(ctx context.Context, tx *Tx, table, where string, args ...any) error {
	if _, ok := binRestorable[table]; !ok {
		return fmt.Errorf("bin: %s cannot be restored", table)
	}
	order := ""
	if table == "assessments" {
		order = " ORDER BY seq"
	}
	rows, err := tx.QueryContext(ctx, `SELECT * FROM `+table+` WHERE `+where+order, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	t := binTable{Table: table, Columns: cols, Rows: [][]any{}}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, v := range vals {
			// Text may come as bytes; there are no binary columns here.
			if bs, ok := v.([]byte); ok {
				vals[i] = string(bs)
			}
		}
		t.Rows = append(t.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	b.add(t)
	return nil
}

// captureProspectLinks keeps which prospects point at actor id.
func (b *binItem) captureProspectLinks(ctx context.Context, tx *Tx, id string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, actor_id FROM prospects WHERE actor_id = $1 ORDER BY id`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	t := binTable{Table: binProspectLinks, Columns: []string{"id", "actor_id"}, Rows: [][]any{}}
	for rows.Next() {
		var pid, aid string
		if err := rows.Scan(&pid, &aid); err != nil {
			return err
		}
		t.Rows = append(t.Rows, []any{pid, aid})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	b.add(t)
	return nil
}

func (b *binItem) add(t binTable) {
	if len(t.Rows) > 0 {
		b.tables = append(b.tables, t)
	}
}

// lockForBin locks the row a delete starts from before its copy is taken.
// On PostgreSQL others could otherwise add rows that point at it (a tie, a
// position) after the copy and before the delete, and the cascade would
// destroy them uncopied: their foreign-key check takes a KEY SHARE lock,
// which FOR UPDATE waits for and then blocks. SQLite's single writer
// excludes them already.
func (tx *Tx) lockForBin(ctx context.Context, table, id string) error {
	if tx.db.Dialect != Postgres {
		return nil
	}
	if _, ok := binRestorable[table]; !ok {
		return fmt.Errorf("bin: cannot lock %s", table)
	}
	_, err := tx.ExecContext(ctx, `SELECT 1 FROM `+table+` WHERE id = $1 FOR UPDATE`, id)
	return err
}

// binReport is what a delete's audit entry says about its bin item.
type binReport struct {
	id        string
	sensitive bool
	// visible counts the records that anyone who reads the activity feed
	// may see; hidden those sensitive or about a sensitive actor.
	visible, hidden map[string]int
}

// binTrue reads a boolean column as either engine returns it (or as JSON
// gave it back).
func binTrue(v any) bool {
	switch x := v.(type) {
	case bool:
		return x
	case int64:
		return x != 0
	case json.Number:
		return x.String() != "0"
	case string:
		return x == "1" || x == "true"
	}
	return false
}

// putInBin writes the item, before the caller deletes. Whether it is
// sensitive is decided from every row it holds: the sensitive column of
// actors and ties, and the actors each row names, looked up now (they all
// still exist). Any error aborts the delete: nothing is destroyed unless it
// is safely in the bin.
func (tx *Tx) putInBin(ctx context.Context, pid string, b *binItem) (*binReport, error) {
	actorIDs := map[string]bool{}
	for _, t := range b.tables {
		for i, c := range t.Columns {
			if !binActorColumns[t.Table][c] {
				continue
			}
			for _, r := range t.Rows {
				if s, ok := r[i].(string); ok && s != "" {
					actorIDs[s] = true
				}
			}
		}
	}
	hiddenActors, err := sensitiveActors(ctx, tx, actorIDs)
	if err != nil {
		return nil, err
	}
	rep := &binReport{id: newID(), visible: map[string]int{}, hidden: map[string]int{}}
	for _, t := range b.tables {
		for _, r := range t.Rows {
			hidden := false
			for i, c := range t.Columns {
				if c == "sensitive" && binTrue(r[i]) {
					hidden = true
				}
				if s, ok := r[i].(string); ok && binActorColumns[t.Table][c] && hiddenActors[s] {
					hidden = true
				}
			}
			rep.sensitive = rep.sensitive || hidden
			name, counted := binCounted[t.Table]
			if !counted || (b.kind == pk.BinRelationship && t.Table == "relationships") {
				continue
			}
			if hidden {
				rep.hidden[name]++
			} else {
				rep.visible[name]++
			}
		}
	}
	counts := map[string]int{}
	for _, m := range []map[string]int{rep.visible, rep.hidden} {
		for k, n := range m {
			counts[k] += n
		}
	}
	snapshot, err := json.Marshal(b.tables)
	if err != nil {
		return nil, err
	}
	countsJSON, err := json.Marshal(counts)
	if err != nil {
		return nil, err
	}
	var uid any
	if u := pk.UserIDFromContext(ctx); u != "" {
		uid = u
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO bin_items (id, partnership_id, kind, subject_id, title, snapshot, counts, sensitive, deleted_by, deleted_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		rep.id, pid, b.kind, b.subjectID, b.title, string(snapshot), string(countsJSON), rep.sensitive, uid,
		fmtTime(tx.now), fmtTime(tx.now.Add(pk.BinRetention)))
	if err != nil {
		return nil, err
	}
	return rep, nil
}

// sensitiveActors returns which of ids are sensitive actors.
func sensitiveActors(ctx context.Context, q queryer, ids map[string]bool) (map[string]bool, error) {
	all := make([]string, 0, len(ids))
	for id := range ids {
		all = append(all, id)
	}
	slices.Sort(all)
	out := map[string]bool{}
	for i := 0; i < len(all); i += 500 {
		var ar args
		rows, err := q.QueryContext(ctx, `SELECT id FROM actors WHERE sensitive AND id IN (`+ar.inList(all[i:min(i+500, len(all))])+`)`, ar...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// auditAfter is the part of a delete's audit entry about the bin: the
// records the entry's readers may know of. An entry members read
// (sensitive false) counts only what they may see; one for coordinators
// counts everything.
func (r *binReport) auditAfter(entrySensitive bool) map[string]any {
	counts := r.visible
	if entrySensitive {
		counts = map[string]int{}
		for _, m := range []map[string]int{r.visible, r.hidden} {
			for k, n := range m {
				counts[k] += n
			}
		}
	}
	return map[string]any{"bin_item": r.id, "to_bin": counts}
}

// auditHidden records, for coordinators only, the hidden records a delete
// sent to the bin when its own entry is one members read: the deleter may
// not have known they existed, and the coordinators must.
func (tx *Tx) auditHidden(ctx context.Context, pid, subjectType, subjectID string, r *binReport, entrySensitive bool) error {
	if entrySensitive || len(r.hidden) == 0 {
		return nil
	}
	return tx.auditSensitive(ctx, true, pid, "bin.hidden", subjectType, subjectID, "", nil,
		map[string]any{"bin_item": r.id, "to_bin": r.hidden})
}

const binColumns = `b.id, b.kind, b.subject_id, b.title, b.counts, b.sensitive, COALESCE(b.deleted_by, ''), COALESCE(u.name, ''),
	b.deleted_at, b.expires_at`

const binFrom = ` FROM bin_items b LEFT JOIN users u ON u.id = b.deleted_by `

func scanBinItem(row rowScanner) (*pk.BinItem, error) {
	it := &pk.BinItem{}
	var counts string
	if err := row.Scan(&it.ID, &it.Kind, &it.SubjectID, &it.Title, &counts, &it.Sensitive, &it.DeletedBy, &it.DeletedByName,
		ts(&it.DeletedAt), ts(&it.ExpiresAt)); err != nil {
		return nil, err
	}
	it.Counts = map[string]int{}
	if counts != "" {
		if err := json.Unmarshal([]byte(counts), &it.Counts); err != nil {
			return nil, err
		}
	}
	return it, nil
}

// loadBinItem reads one item that has not expired, or ENOTFOUND.
func loadBinItem(ctx context.Context, q queryer, pid, id, now string) (*pk.BinItem, error) {
	it, err := scanBinItem(q.QueryRowContext(ctx, `SELECT `+binColumns+binFrom+`
		WHERE b.id = $1 AND b.partnership_id = $2 AND b.expires_at > $3`, id, pid, now))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return it, err
}

// BinItems lists the bin newest first, one page at a time. Expired items
// are gone even before the purge has run.
func (store *BinStore) BinItems(ctx context.Context, pid string, pg pk.PageRequest) ([]*pk.BinItem, string, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewBin); err != nil {
		return nil, "", err
	}
	pg = pg.Normalize()
	parts, ok := decodeCursor(pg.Cursor, 2)
	if !ok {
		return nil, "", pk.FieldInvalid("cursor", "validation.cursor", nil)
	}
	ar := args{pid, fmtTime(store.db.now())}
	where := "b.partnership_id = $1 AND b.expires_at > $2"
	if parts != nil {
		at, id := ar.add(parts[0]), ar.add(parts[1])
		where += " AND (b.deleted_at < " + at + " OR (b.deleted_at = " + at + " AND b.id < " + id + "))"
	}
	out, err := collect(scanBinItem)(store.db.read.QueryContext(ctx, `SELECT `+binColumns+binFrom+`WHERE `+where+
		` ORDER BY b.deleted_at DESC, b.id DESC LIMIT `+ar.add(pg.Limit+1), ar...))
	if err != nil {
		return nil, "", err
	}
	out, next := cutPage(out, pg.Limit, func(last *pk.BinItem) string {
		return encodeCursor(fmtTime(last.DeletedAt), last.ID)
	})
	return out, next, nil
}

// BinItem returns one item of the bin.
func (store *BinStore) BinItem(ctx context.Context, pid, id string) (*pk.BinItem, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewBin); err != nil {
		return nil, err
	}
	return loadBinItem(ctx, store.db.read, pid, id, fmtTime(store.db.now()))
}

// RestoreBinItem writes every row of an item back, IDs kept, in the order
// they depend on each other, and removes the item. It refuses as a whole
// (ECONFLICT) when a record it needs is gone since or one of its records
// exists again; references that the database would have emptied anyway
// (a person or organisation deleted since) are left empty.
func (store *BinStore) RestoreBinItem(ctx context.Context, pid, id string) (*pk.BinItem, error) {
	var out *pk.BinItem
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageBin); err != nil {
			return err
		}
		it, err := loadBinItem(ctx, tx, pid, id, fmtTime(tx.now))
		if err != nil {
			return err
		}
		var snapshot string
		if err := tx.QueryRowContext(ctx, `SELECT snapshot FROM bin_items WHERE id = $1`, id).Scan(&snapshot); err != nil {
			return err
		}
		dec := json.NewDecoder(bytes.NewReader([]byte(snapshot)))
		dec.UseNumber()
		var tables []binTable
		if err := dec.Decode(&tables); err != nil {
			return fmt.Errorf("bin item %s: %w", id, err)
		}
		for _, t := range tables {
			for _, r := range t.Rows {
				if err := tx.restoreRow(ctx, pid, t, r); err != nil {
					return err
				}
			}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM bin_items WHERE id = $1`, id); err != nil {
			return err
		}
		out = it
		return tx.auditSensitive(ctx, it.Sensitive, pid, "bin.restore", it.Kind, it.SubjectID, auditSummary(it.Title, it.Sensitive),
			nil, map[string]any{"bin_item": it.ID, "counts": it.Counts})
	})
	return out, err
}

// restoreRow writes one row of table t back.
func (tx *Tx) restoreRow(ctx context.Context, pid string, t binTable, row []any) error {
	refs, ok := binRestorable[t.Table]
	if !ok || len(row) != len(t.Columns) {
		return fmt.Errorf("bin: cannot restore a row of %q", t.Table)
	}
	vals := make([]any, len(row))
	col := map[string]int{}
	for i, c := range t.Columns {
		if !sqlIdentifier.MatchString(c) {
			return fmt.Errorf("bin: column %q", c)
		}
		col[c] = i
		vals[i] = row[i]
		if n, ok := row[i].(json.Number); ok {
			v, err := n.Int64()
			if err != nil {
				return fmt.Errorf("bin: %s.%s: %w", t.Table, c, err)
			}
			vals[i] = v
		}
	}
	if i, ok := col["partnership_id"]; ok && vals[i] != pid {
		return fmt.Errorf("bin: a row of %s belongs to another partnership", t.Table)
	}
	if t.Table == binProspectLinks {
		// The link is optional: a prospect deleted or linked anew since
		// keeps what it has now.
		_, err := tx.ExecContext(ctx, `UPDATE prospects SET actor_id = $1 WHERE id = $2 AND partnership_id = $3 AND actor_id IS NULL`,
			vals[col["actor_id"]], vals[col["id"]], pid)
		return err
	}
	for _, ref := range refs {
		i, ok := col[ref.column]
		if !ok || vals[i] == nil {
			continue
		}
		exists, err := rowExists(ctx, tx, ref.table, vals[i])
		if err != nil {
			return err
		}
		if exists {
			continue
		}
		if ref.setNull {
			vals[i] = nil
			continue
		}
		key := "bin.error.actor_gone"
		if ref.table == "maps" {
			key = "bin.error.map_gone"
		}
		return pk.Errorf(pk.ECONFLICT, key, nil)
	}
	if i, ok := col["id"]; ok {
		exists, err := rowExists(ctx, tx, t.Table, vals[i])
		if err != nil {
			return err
		}
		if exists {
			return pk.Errorf(pk.ECONFLICT, "bin.error.exists", nil)
		}
	}
	var ar args
	overriding := ""
	if tx.db.Dialect == Postgres && t.Table == "assessments" {
		// seq is an identity column there; the restored one keeps its
		// place in the actor's history.
		overriding = " OVERRIDING SYSTEM VALUE"
	}
	for _, v := range vals {
		ar.add(v)
	}
	ps := make([]string, len(vals))
	for i := range ps {
		ps[i] = fmt.Sprintf("$%d", i+1)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO `+t.Table+` (`+strings.Join(t.Columns, ", ")+`)`+overriding+
		` VALUES (`+strings.Join(ps, ", ")+`)`, ar...)
	return err
}

func rowExists(ctx context.Context, q queryer, table string, id any) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = $1`, id).Scan(&n)
	return n > 0, err
}

// PurgeBinItem destroys one item for good.
func (store *BinStore) PurgeBinItem(ctx context.Context, pid, id string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageBin); err != nil {
			return err
		}
		it, err := loadBinItem(ctx, tx, pid, id, fmtTime(tx.now))
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM bin_items WHERE id = $1`, id); err != nil {
			return err
		}
		return tx.auditSensitive(ctx, it.Sensitive, pid, "bin.purge", it.Kind, it.SubjectID, auditSummary(it.Title, it.Sensitive),
			nil, map[string]any{"bin_item": it.ID, "counts": it.Counts})
	})
}

// EmptyBin destroys every item of the partnership's bin. The audit entry
// is for coordinators only when anything sensitive went, so that its count
// reveals nothing to members.
func (store *BinStore) EmptyBin(ctx context.Context, pid string) (int, error) {
	n := 0
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageBin); err != nil {
			return err
		}
		var sensitive int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN sensitive THEN 1 ELSE 0 END), 0) FROM bin_items
			WHERE partnership_id = $1`, pid).Scan(&n, &sensitive); err != nil {
			return err
		}
		if n == 0 {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM bin_items WHERE partnership_id = $1`, pid); err != nil {
			return err
		}
		return tx.auditSensitive(ctx, sensitive > 0, pid, "bin.empty", "partnership", pid, "", nil, map[string]any{"count": n})
	})
	return n, err
}

// PurgeExpiredBin destroys every item older than pk.BinRetention, in all
// partnerships, and returns how many. The server runs it now and then; the
// lists and restore already ignore expired items, so a late purge shows
// nothing it should not.
func (store *BinStore) PurgeExpiredBin(ctx context.Context) (int, error) {
	var n int64
	err := store.db.inTx(ctx, func(tx *Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM bin_items WHERE expires_at <= $1`, fmtTime(tx.now))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// The bin is one service, for the page and the API route to come.
var _ pk.BinService = (*BinStore)(nil)
