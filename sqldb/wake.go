package sqldb

// jobWake is poked by enqueue so the worker in this process need not wait
// for its next poll.
func (db *DB) jobWake() chan struct{} { return db.wake }

func (db *DB) wakeJobs() {
	select {
	case db.wake <- struct{}{}:
	default:
	}
}
