package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Job is a unit of background work (sending a mail, for now), kept in the
// jobs table so that it survives restarts and is done once across instances.
type Job struct {
	ID       string
	Kind     string
	Payload  []byte
	Attempts int
	// Claim is this claim's token: FinishJob acts only while the job is
	// still held under it.
	Claim string
}

// MailJob is the payload of a "mail" job: which message to compose, in
// which language, for whom. Path is appended to the instance's base URL.
type MailJob struct {
	To       string            `json:"to"`
	Language string            `json:"language"`
	Template string            `json:"template"`
	Path     string            `json:"path,omitempty"`
	Data     map[string]string `json:"data,omitempty"`
}

// jobLease is how long a claimed job stays claimed; a crashed worker's job
// becomes claimable again after it.
const jobLease = 5 * time.Minute

// maxJobAttempts before a job is set aside as dead.
const maxJobAttempts = 8

// enqueue adds a job in the transaction; uniqueKey (optional) de-duplicates:
// while a job of the key waits or runs, nothing is added, and a job of the
// key set aside as dead is brought back (a periodic job that failed for
// good must not block its key for ever).
func (tx *Tx) enqueue(ctx context.Context, kind string, payload any, uniqueKey string) error {
	return tx.enqueueAt(ctx, kind, payload, uniqueKey, tx.now)
}

// enqueueAt adds a job that becomes due at runAt (a reminder before a
// deadline, say).
func (tx *Tx) enqueueAt(ctx context.Context, kind string, payload any, uniqueKey string, runAt time.Time) error {
	b, err := json.Marshal(payload)
	if err != nil {
		return err
	}
	var key any
	if uniqueKey != "" {
		key = uniqueKey
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO jobs (id, kind, payload, unique_key, run_at, created_at) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (unique_key) DO UPDATE SET dead = FALSE, attempts = 0, last_error = '', locked_until = NULL, claim = NULL,
			payload = excluded.payload, run_at = excluded.run_at
		WHERE jobs.dead`,
		newID(), kind, string(b), key, fmtTime(runAt), fmtTime(tx.now))
	if err == nil {
		tx.after = append(tx.after, tx.db.wakeJobs)
	}
	return err
}

// ClaimJob takes the oldest due job, or returns nil when none is due.
func (store *JobStore) ClaimJob(ctx context.Context) (*Job, error) {
	var job *Job
	err := store.db.inTx(ctx, func(tx *Tx) error {
		now := fmtTime(tx.now)
		j := &Job{}
		var payload string
		// "dead = FALSE", not "NOT dead": SQLite uses the jobs_due index
		// only for an equality on its first column.
		err := tx.QueryRowContext(ctx, `
			SELECT id, kind, payload, attempts FROM jobs
			WHERE dead = FALSE AND run_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
			ORDER BY run_at LIMIT 1`+store.db.Dialect.SkipLocked(), now).Scan(&j.ID, &j.Kind, &payload, &j.Attempts)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		} else if err != nil {
			return err
		}
		j.Payload = []byte(payload)
		j.Attempts++
		j.Claim = newID()
		_, err = tx.ExecContext(ctx, `UPDATE jobs SET locked_until = $1, attempts = attempts + 1, claim = $2 WHERE id = $3`,
			fmtTime(tx.now.Add(jobLease)), j.Claim, j.ID)
		job = j
		return err
	})
	return job, err
}

// ErrClaimLost is returned by FinishJob when the job is no longer held
// under the claim: its lease ran out and another worker claimed it since
// (or finished it). The outcome is not recorded; the other claim's is.
var ErrClaimLost = errors.New("job claim lost: the lease ran out and the job was claimed again")

// FinishJob records the outcome of the claim j: success deletes the job
// (and with it any secret link in its payload); failure retries later with
// backoff. It acts only while the job is still held under j's claim.
func (store *JobStore) FinishJob(ctx context.Context, j *Job, jobErr error) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		var res sql.Result
		var err error
		if jobErr == nil {
			res, err = tx.ExecContext(ctx, `DELETE FROM jobs WHERE id = $1 AND claim = $2`, j.ID, j.Claim)
		} else {
			backoff := time.Duration(1<<min(j.Attempts, 10)) * 10 * time.Second
			res, err = tx.ExecContext(ctx, `
				UPDATE jobs SET locked_until = NULL, claim = NULL, run_at = $1, last_error = $2, dead = $3 WHERE id = $4 AND claim = $5`,
				fmtTime(tx.now.Add(backoff)), truncate(jobErr.Error(), 1000), j.Attempts >= maxJobAttempts, j.ID, j.Claim)
		}
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return ErrClaimLost
		}
		return nil
	})
}

// PendingJobs counts jobs not yet done (for operations and tests).
func (store *JobStore) PendingJobs(ctx context.Context) (int, error) {
	var n int
	err := store.db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM jobs WHERE dead = FALSE`).Scan(&n)
	return n, err
}

// JobHandler does one kind of job.
type JobHandler func(ctx context.Context, payload []byte) error

// RunJobs works through due jobs until ctx ends, polling every interval and
// waking early when this process enqueues one.
func (store *JobStore) RunJobs(ctx context.Context, interval time.Duration, handlers map[string]JobHandler, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		for store.RunDueJobs(ctx, handlers, log) > 0 && ctx.Err() == nil {
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-store.db.jobWake():
		}
	}
}

// RunDueJobs does every job that is due now and returns how many it ran.
func (store *JobStore) RunDueJobs(ctx context.Context, handlers map[string]JobHandler, log *slog.Logger) int {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	n := 0
	for ctx.Err() == nil {
		j, err := store.ClaimJob(ctx)
		if err != nil {
			if ctx.Err() == nil {
				log.Error("claim job", "err", err)
			}
			return n
		}
		if j == nil {
			return n
		}
		n++
		h, ok := handlers[j.Kind]
		if !ok {
			err = fmt.Errorf("no handler for job kind %q", j.Kind)
		} else {
			err = h(ctx, j.Payload)
		}
		if err != nil && ctx.Err() != nil {
			// Stopping: a job cut short did not fail. Its claim lapses
			// and it runs again, here after a restart or on another
			// instance.
			log.Info("job interrupted by the stop", "kind", j.Kind, "id", j.ID)
			return n
		}
		if err != nil {
			log.Warn("job failed", "kind", j.Kind, "id", j.ID, "attempt", j.Attempts, "err", err)
		}
		// A job done as the server stops is still recorded as done.
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		ferr := store.FinishJob(fctx, j, err)
		cancel()
		if errors.Is(ferr, ErrClaimLost) {
			log.Warn("job outlived its lease; the newer claim decides", "kind", j.Kind, "id", j.ID)
		} else if ferr != nil {
			log.Error("finish job", "err", ferr)
		}
	}
	return n
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// EnqueueOnce queues a job of kind with no payload unless one of the kind
// is already waiting (its unique key is the kind): the periodic jobs use
// it, from every instance, and still run once each time.
func (store *JobStore) EnqueueOnce(ctx context.Context, kind string) error {
	return store.db.inTx(ctx, func(tx *Tx) error { return tx.enqueue(ctx, kind, struct{}{}, kind) })
}
