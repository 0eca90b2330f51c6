package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/network"
	"github.com/partnerkit/partnerkit/powermap"
	"github.com/partnerkit/partnerkit/spectrum"
)

// Network loads the network of partnership pid that the asker may see (one
// query for the actors, one for the relationships) and analyses it.
func (store *NetworkStore) Network(ctx context.Context, pid string, f pk.NetworkFilter) (*pk.Network, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewNetwork)
	if err != nil {
		return nil, err
	}
	var v pk.Validator
	// Sorted and without repeats, so that filters compare and audit alike.
	f.Types = slices.Compact(slices.Sorted(slices.Values(f.Types)))
	f.Types = slices.DeleteFunc(f.Types, func(t string) bool { return t == "" })
	for _, t := range f.Types {
		if !v.Has("type") {
			v.OneOf("type", t, false, network.Types)
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	n := &pk.Network{Partnership: p, Filter: f, MayViewSensitive: pk.MaySeeSensitive(p.MyRole)}
	if f.MapID != "" {
		var one int
		err := store.db.read.QueryRowContext(ctx, `SELECT 1 FROM maps WHERE id = $1 AND partnership_id = $2`, f.MapID, pid).Scan(&one)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, pk.NotFound()
		} else if err != nil {
			return nil, err
		}
	}
	if err := store.db.readNetwork(ctx, n); err != nil {
		return nil, err
	}
	analyseNetwork(n)
	store.db.networkViews.saw(n, time.Now())
	return n, nil
}

// analyseNetwork gives n, its rows read, its measures: kept under its key,
// worked out from the analysis of an earlier version when there is one.
func analyseNetwork(n *pk.Network) {
	n.Result = network.Cached(n.Key, "analyse", func(prev any) any {
		p, _ := prev.(*network.Result)
		return network.Update(p, n.Nodes, n.Edges, n.Filter.Types)
	}).(*network.Result)
	if n.Filter.MapID != "" {
		// Rows read for this request alone: filled in place.
		for _, a := range n.Actors {
			a.NodeMetrics = n.Result.Metrics[a.ID]
		}
		return
	}
	// Kept rows (readNetwork): the actors with their measures are kept
	// beside them, filled once per version, shared and never changed.
	rows, res := n.Actors, n.Result
	n.Actors = network.Cached(n.Key, "actors", func(any) any {
		vals := make([]pk.NetworkActor, len(rows))
		out := make([]*pk.NetworkActor, len(rows))
		for i, a := range rows {
			vals[i] = *a
			vals[i].NodeMetrics = res.Metrics[a.ID]
			out[i] = &vals[i]
		}
		return out
	}).([]*pk.NetworkActor)
}

// readNetwork reads the network's version, actors and relationships in one
// read transaction, a single snapshot: the version read is the version of
// the rows read, so an analysis kept under it is exactly theirs.
func (db *DB) readNetwork(ctx context.Context, n *pk.Network) error {
	if n.Filter.MapID == "" {
		// The version the request read with the asker's role names rows
		// that may be kept already: then there is nothing to read.
		if v, ok := pk.MemoFromContext(ctx).Get(versionKey("network_version", n.Partnership.ID)); ok {
			version, _ := strconv.ParseInt(v.(string), 10, 64)
			n.Key = db.networkKey(n, version)
			if kept, ok := network.Lookup(n.Key, "rows"); ok {
				keptNetworkRows(n, kept.(*pk.Network))
				return nil
			}
		}
	}
	txo := &sql.TxOptions{ReadOnly: true}
	if db.Dialect == Postgres {
		txo.Isolation = sql.LevelRepeatableRead
	}
	rtx, err := db.read.BeginTx(ctx, txo)
	if err != nil {
		return err
	}
	defer rtx.Rollback()
	var version int64
	if err := rtx.QueryRowContext(ctx, `SELECT network_version FROM partnerships WHERE id = $1`, n.Partnership.ID).Scan(&version); err != nil {
		return err
	}
	n.Key = db.networkKey(n, version)
	if n.Filter.MapID != "" {
		// A map's segments and strategies come from assessments, which do
		// not raise the network's version: read them every time.
		if err := networkNodes(ctx, rtx, n); err != nil {
			return err
		}
		if err := networkEdges(ctx, rtx, n); err != nil {
			return err
		}
		return rtx.Commit()
	}
	// Without a map, the rows are exactly those of the version: on a
	// national network reading 60,000 of them costs more than the rest of
	// a view whose analysis is kept, so they are kept beside it.
	var readErr error
	kept, _ := network.Cached(n.Key, "rows", func(any) any {
		rows := &pk.Network{Partnership: n.Partnership, Filter: n.Filter, MayViewSensitive: n.MayViewSensitive}
		if readErr = networkNodes(ctx, rtx, rows); readErr == nil {
			readErr = networkEdges(ctx, rtx, rows)
		}
		if readErr != nil {
			return nil // nothing is kept
		}
		return rows
	}).(*pk.Network)
	if readErr != nil {
		return readErr
	}
	keptNetworkRows(n, kept)
	return rtx.Commit()
}

// networkKey names the view of n at a version: which database (a process
// may open several, as tests do), whose network, with or without sensitive
// rows, which types.
func (db *DB) networkKey(n *pk.Network, version int64) network.Key {
	return network.Key{
		Scope: db.opened + " " + n.Partnership.ID + " sensitive=" + strconv.FormatBool(n.MayViewSensitive) +
			" types=" + strings.Join(n.Filter.Types, ","),
		Version: version,
	}
}

// keptNetworkRows gives n the kept rows of its view: shared and only read
// (Network hands out copies with their measures, kept beside these).
func keptNetworkRows(n, kept *pk.Network) {
	n.Nodes, n.Edges, n.HasSensitive, n.Actors = kept.Nodes, kept.Edges, kept.HasSensitive, kept.Actors
}

func networkNodes(ctx context.Context, q queryer, n *pk.Network) error {
	// The latest assessment per actor on the map is the one with the
	// highest seq (assessments are never overwritten). Scalar subqueries
	// walk the (map_id, actor_id, seq) index once per actor; a join against
	// a grouped subquery can be planned as a nested loop over every pair
	// when PostgreSQL has no statistics yet (right after an import).
	rows, err := q.QueryContext(ctx, `
		SELECT a.id, a.name, a.kind, a.sector, a.sensitive,
		  COALESCE((SELECT s.support FROM assessments s WHERE s.map_id = $3 AND s.actor_id = a.id ORDER BY s.seq DESC LIMIT 1), -99),
		  COALESCE((SELECT s.influence FROM assessments s WHERE s.map_id = $3 AND s.actor_id = a.id ORDER BY s.seq DESC LIMIT 1), 0)
		FROM actors a
		WHERE a.partnership_id = $1 AND ($2 OR NOT a.sensitive)
		ORDER BY a.name, a.id`, n.Partnership.ID, n.MayViewSensitive, n.Filter.MapID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		a := &pk.NetworkActor{}
		var support, influence int
		if err := rows.Scan(&a.ID, &a.Name, &a.Kind, &a.Sector, &a.Sensitive, &support, &influence); err != nil {
			return err
		}
		attrs := map[string]string{pk.NetAttrSector: a.Sector}
		if n.Filter.MapID != "" {
			if support != -99 {
				a.Segment = spectrum.SegmentOf(support).Key()
				a.Strategy = string(powermap.StrategyFor(support, influence))
			}
			attrs[pk.NetAttrSegment] = a.Segment
			attrs[pk.NetAttrStrategy] = a.Strategy
		}
		n.HasSensitive = n.HasSensitive || a.Sensitive
		n.Actors = append(n.Actors, a)
		n.Nodes = append(n.Nodes, network.Node{ID: a.ID, Label: a.Name, Kind: a.Kind, Attrs: attrs})
	}
	return rows.Err()
}

func networkEdges(ctx context.Context, q queryer, n *pk.Network) error {
	// A relationship shows only when it and both its actors may be seen.
	// The few sensitive actors are looked up once (NOT IN stays a hashed
	// subplan) rather than joining every relationship to its two actors,
	// which PostgreSQL without statistics plans as a loop over actors.
	// Ties to actors outside the partnership cannot occur, and would be
	// dropped by the analysis and the exports, which only know our actors.
	query := `
		SELECT r.from_actor, r.to_actor, r.type, r.directed, r.strength, r.sensitive
		FROM relationships r
		WHERE r.partnership_id = $1 AND ($2 OR (NOT r.sensitive
		  AND r.from_actor NOT IN (SELECT id FROM actors WHERE partnership_id = $1 AND sensitive)
		  AND r.to_actor NOT IN (SELECT id FROM actors WHERE partnership_id = $1 AND sensitive)))`
	args := []any{n.Partnership.ID, n.MayViewSensitive}
	if len(n.Filter.Types) > 0 {
		ph := make([]string, len(n.Filter.Types))
		for i, t := range n.Filter.Types {
			args = append(args, t)
			ph[i] = "$" + strconv.Itoa(len(args))
		}
		query += ` AND r.type IN (` + strings.Join(ph, ", ") + `)`
	}
	query += ` ORDER BY r.created_at, r.id`
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e network.Edge
		var sensitive bool
		if err := rows.Scan(&e.From, &e.To, &e.Type, &e.Directed, &e.Strength, &sensitive); err != nil {
			return err
		}
		n.HasSensitive = n.HasSensitive || sensitive
		n.Edges = append(n.Edges, e)
	}
	return rows.Err()
}

// NetworkExport is Network for a download (GEXF, GraphML, JSON, CSV, SVG):
// the same visible network, with the export recorded in the audit log
// (format, filters, and whether sensitive rows went out).
func (store *NetworkStore) NetworkExport(ctx context.Context, pid, format string, f pk.NetworkFilter) (*pk.Network, error) {
	n, err := store.Network(ctx, pid, f)
	if err != nil {
		return nil, err
	}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		types := n.Filter.Types
		if types == nil {
			types = []string{}
		}
		return tx.audit(ctx, pid, "network.export", "network", pid, format, nil, map[string]any{
			"format": format, "types": types, "map": n.Filter.MapID, "sensitive": n.HasSensitive,
			"actors": len(n.Nodes), "relationships": len(n.Edges),
		})
	})
	if err != nil {
		return nil, err
	}
	return n, nil
}

// NetworkSeed is a bulk load of actors, relationships and assessments.
type NetworkSeed struct {
	Actors        []SeedNetworkActor
	Relationships []SeedNetworkRelationship
	// MapTitle, when set, makes a map that Assessments are written on.
	MapTitle    string
	Assessments []SeedNetworkAssessment
}

// SeedNetworkActor is a bare actor record.
type SeedNetworkActor struct {
	Name, Kind, Sector string
	Sensitive          bool
}

// SeedNetworkRelationship joins two seeded actors (indexes into Actors).
type SeedNetworkRelationship struct {
	From, To  int
	Type      string
	Directed  bool
	Strength  int
	Sensitive bool
}

// SeedNetworkAssessment places a seeded actor on the seeded map; later
// entries for the same actor are newer.
type SeedNetworkAssessment struct {
	Actor              int
	Support, Influence int
}

// SeededNetwork names what SeedNetwork made.
type SeededNetwork struct {
	ActorIDs []string
	MapID    string
}

// SeedNetwork writes a network straight into partnership pid with
// multi-row INSERTs in one transaction, without permission checks or audit
// entries. It exists for test fixtures and benchmarks (thousands of rows in
// well under a second); never call it from a page or the API.
func (store *Seeder) SeedNetwork(ctx context.Context, pid string, s NetworkSeed) (*SeededNetwork, error) {
	out := &SeededNetwork{ActorIDs: make([]string, len(s.Actors))}
	for i := range s.Actors {
		out.ActorIDs[i] = newID()
	}
	err := store.db.inTx(ctx, func(tx *Tx) error {
		now := fmtTime(tx.now)
		err := tx.bulkInsert(ctx, `INSERT INTO actors (id, partnership_id, name, kind, sector, sensitive, created_at, updated_at) VALUES `,
			8, len(s.Actors), func(i int) []any {
				a := s.Actors[i]
				return []any{out.ActorIDs[i], pid, a.Name, a.Kind, a.Sector, a.Sensitive, now, now}
			})
		if err != nil {
			return err
		}
		err = tx.bulkInsert(ctx, `INSERT INTO relationships (id, partnership_id, from_actor, to_actor, type, directed, strength, sensitive, created_at) VALUES `,
			9, len(s.Relationships), func(i int) []any {
				r := s.Relationships[i]
				return []any{newID(), pid, out.ActorIDs[r.From], out.ActorIDs[r.To], r.Type, r.Directed, r.Strength, r.Sensitive, now}
			})
		if err != nil {
			return err
		}
		if s.MapTitle == "" {
			return nil
		}
		out.MapID = newID()
		if _, err := tx.ExecContext(ctx, `INSERT INTO maps (id, partnership_id, title, created_at) VALUES ($1, $2, $3, $4)`,
			out.MapID, pid, s.MapTitle, now); err != nil {
			return err
		}
		return tx.bulkInsert(ctx, `INSERT INTO assessments (id, partnership_id, map_id, actor_id, support, influence, assessed_at) VALUES `,
			7, len(s.Assessments), func(i int) []any {
				a := s.Assessments[i]
				return []any{newID(), pid, out.MapID, out.ActorIDs[a.Actor], a.Support, a.Influence, now}
			})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// bulkInsert runs prefix + "($1, …), (…)" over n rows of cols values, in
// chunks of about 500 parameters on SQLite, which looks numbered parameters
// up in a list while parsing (a cost growing with the square of their
// number), and of about 8,000 on PostgreSQL, where each statement is a
// round trip and parameters are cheap (its limit is 65,535).
func (tx *Tx) bulkInsert(ctx context.Context, prefix string, cols, n int, row func(i int) []any) error {
	params := 4000
	if tx.db.Dialect == Postgres {
		params = 8000
	}
	chunk := max(1, params/cols)
	// Full chunks share one prepared statement; only the last, shorter
	// one is parsed again.
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, chunk*cols)
	for start := 0; start < n; start += chunk {
		end := min(n, start+chunk)
		args = args[:0]
		for i := start; i < end; i++ {
			args = append(args, row(i)...)
		}
		if end-start < chunk {
			if _, err := tx.ExecContext(ctx, valuesSQL(tx.db.Dialect, prefix, cols, end-start), args...); err != nil {
				return err
			}
			continue
		}
		if full == nil {
			var err error
			if full, err = tx.PrepareContext(ctx, valuesSQL(tx.db.Dialect, prefix, cols, chunk)); err != nil {
				return err
			}
		}
		if _, err := full.ExecContext(ctx, args...); err != nil {
			return err
		}
	}
	return nil
}

// valuesSQL is prefix + "($1, …, $cols), (…)" for rows rows. On SQLite
// the placeholders are plain "?": the driver looks up each numbered
// parameter's name in a list as long as the statement's parameters, which
// for thousands of them costs more than the insert.
func valuesSQL(d Dialect, prefix string, cols, rows int) string {
	var sb strings.Builder
	sb.WriteString(prefix)
	for r := range rows {
		if r > 0 {
			sb.WriteString(", ")
		}
		sb.WriteByte('(')
		for c := range cols {
			if c > 0 {
				sb.WriteString(", ")
			}
			if d == SQLite {
				sb.WriteByte('?')
			} else {
				sb.WriteString("$" + strconv.Itoa(r*cols+c+1))
			}
		}
		sb.WriteByte(')')
	}
	return sb.String()
}
