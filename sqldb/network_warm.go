package sqldb

import (
	"context"
	"database/sql"
	"log/slog"
	"slices"
	"sync"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// A network's measures take seconds to work out on a national network,
// and a change to its shape (a new tie) means working them out again. A
// coordinator who adds a tie and goes back to the network would wait for
// that. So the networks someone read lately are watched: when one's version
// moves on (a write here, or on another instance sharing the database), it
// is read and analysed again in the background, under the same keys a page
// uses, and the next view finds it done or joins the work under way
// (network.Cached lets one computation serve all who ask for it).
//
// Only views someone read are watched, the few most recent, and only while
// they are read: a network nobody opens costs nothing. A view is one
// person's kind of view (with or without sensitive rows, which types), and
// it is analysed as the next reader of that kind would be shown it; who may
// read it is decided on each request, never here.

const (
	// warmViews: at most this many views are kept analysed, the ones read
	// last (each holds its rows and measures in the network cache).
	warmViews = 4
	// warmFor: a view not read for this long is no longer watched.
	warmFor = 15 * time.Minute
)

// networkViews are the views of networks read lately.
type networkViews struct {
	mu    sync.Mutex
	views map[string]*networkView // by network.Key.Scope
}

// networkView is one view read lately: what reads it again, the version
// last analysed and when it was last read.
type networkView struct {
	scope       string // network.Key.Scope
	partnership *pk.Partnership
	sensitive   bool
	types       []string
	version     int64
	seen        time.Time
}

// saw notes that n, analysed, was read at now.
func (nv *networkViews) saw(n *pk.Network, now time.Time) {
	nv.mu.Lock()
	defer nv.mu.Unlock()
	if nv.views == nil {
		nv.views = map[string]*networkView{}
	}
	v := nv.views[n.Key.Scope]
	if v == nil {
		v = &networkView{scope: n.Key.Scope, partnership: n.Partnership, sensitive: n.MayViewSensitive, types: slices.Clone(n.Filter.Types)}
		nv.views[n.Key.Scope] = v
	}
	v.version, v.seen = max(v.version, n.Key.Version), now
}

// watched lets go of the views not read for warmFor, and of all but the
// warmViews read last, and returns copies of those left, the most
// recently read first.
func (nv *networkViews) watched(now time.Time) []networkView {
	nv.mu.Lock()
	defer nv.mu.Unlock()
	scopes := make([]string, 0, len(nv.views))
	for scope, v := range nv.views {
		if now.Sub(v.seen) > warmFor {
			delete(nv.views, scope)
			continue
		}
		scopes = append(scopes, scope)
	}
	slices.SortFunc(scopes, func(a, b string) int { return nv.views[b].seen.Compare(nv.views[a].seen) })
	var out []networkView
	for i, scope := range scopes {
		if i >= warmViews {
			delete(nv.views, scope)
			continue
		}
		out = append(out, *nv.views[scope])
	}
	return out
}

// analysed records that the view named scope was analysed at version.
func (nv *networkViews) analysed(scope string, version int64) {
	nv.mu.Lock()
	defer nv.mu.Unlock()
	if v := nv.views[scope]; v != nil {
		v.version = max(v.version, version)
	}
}

// forget stops watching the views of partnership pid (it is gone).
func (nv *networkViews) forget(pid string) {
	nv.mu.Lock()
	defer nv.mu.Unlock()
	for scope, v := range nv.views {
		if v.partnership.ID == pid {
			delete(nv.views, scope)
		}
	}
}

// WarmNetworks analyses again, every interval, the networks read lately
// that have changed since, until ctx ends. Failures are logged and tried
// again at the next turn.
func (store *NetworkStore) WarmNetworks(ctx context.Context, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if _, err := store.db.warmNetworks(ctx); err != nil && ctx.Err() == nil {
			log.Warn("analyse changed networks", "err", err)
		}
	}
}

// warmNetworks makes one turn of WarmNetworks: one statement reads the
// versions of the watched networks, and each that moved on is read and
// analysed. It returns how many views it analysed.
func (db *DB) warmNetworks(ctx context.Context) (int, error) {
	views := db.networkViews.watched(time.Now())
	if len(views) == 0 {
		return 0, nil
	}
	var ids []string
	for _, v := range views {
		if !slices.Contains(ids, v.partnership.ID) {
			ids = append(ids, v.partnership.ID)
		}
	}
	var ar args
	versions := map[string]int64{}
	err := forEachRow(func(rows *sql.Rows) error {
		var id string
		var version int64
		if err := rows.Scan(&id, &version); err != nil {
			return err
		}
		versions[id] = version
		return nil
	})(db.read.QueryContext(ctx, `SELECT id, network_version FROM partnerships WHERE id IN (`+ar.inList(ids)+`)`, ar...))
	if err != nil {
		return 0, err
	}
	done := 0
	for _, v := range views {
		version, ok := versions[v.partnership.ID]
		if !ok {
			db.networkViews.forget(v.partnership.ID)
			continue
		}
		if version <= v.version {
			continue
		}
		n := &pk.Network{Partnership: v.partnership, Filter: pk.NetworkFilter{Types: v.types}, MayViewSensitive: v.sensitive}
		if err := db.readNetwork(ctx, n); err != nil {
			return done, err
		}
		analyseNetwork(n)
		db.networkViews.analysed(v.scope, n.Key.Version)
		done++
	}
	return done, nil
}
