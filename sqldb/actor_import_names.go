package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// pendingNames is visibleNames under way on the read pool while the
// import parses, checks and writes the file: the reading of a large
// register's names is mostly the database's work and the network's, which
// the parsing and the writing need not wait for.
type pendingNames struct {
	done   chan struct{}
	names  map[string]bool
	err    error
	cancel context.CancelFunc
}

// lookUpNames starts reading the names p's asker may see.
func (db *DB) lookUpNames(ctx context.Context, p *pk.Partnership) *pendingNames {
	ctx, cancel := context.WithCancel(ctx)
	n := &pendingNames{done: make(chan struct{}), cancel: cancel}
	go func() {
		defer close(n.done)
		n.names, n.err = visibleNames(ctx, db.read, p)
	}()
	return n
}

// wait returns the names once read.
func (n *pendingNames) wait() (map[string]bool, error) {
	<-n.done
	return n.names, n.err
}

// stop ends the reading if nobody needs it any more (the file was refused)
// and waits for its connection to be given back.
func (n *pendingNames) stop() {
	n.cancel()
	<-n.done
}
