package sqldb

import (
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// Times are stored as fixed-width UTC text on both engines. It sorts and
// compares correctly as text, reads well in either engine's shell, and
// sidesteps the two drivers' different ideas of a time column.
const timeLayout = "2006-01-02T15:04:05.000000Z"

func fmtTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// nullTime formats an optional time for a nullable column.
func nullTime(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return fmtTime(*t)
}

// timeScanner reads a stored time into *T.
type timeScanner struct{ t *time.Time }

func ts(t *time.Time) sql.Scanner { return timeScanner{t} }

func (s timeScanner) Scan(v any) error {
	switch x := v.(type) {
	case string:
		return s.parse(x)
	case []byte:
		return s.parse(string(x))
	case time.Time:
		*s.t = x.UTC()
		return nil
	case nil:
		*s.t = time.Time{}
		return nil
	}
	return fmt.Errorf("cannot read %T as time", v)
}

func (s timeScanner) parse(x string) error {
	t, err := time.Parse(timeLayout, x)
	if err != nil {
		t, err = time.Parse(time.RFC3339Nano, x)
	}
	*s.t = t
	return err
}

// nullTimeScanner reads an optional stored time into **T.
type nullTimeScanner struct{ t **time.Time }

func nts(t **time.Time) sql.Scanner { return nullTimeScanner{t} }

func (s nullTimeScanner) Scan(v any) error {
	if v == nil {
		*s.t = nil
		return nil
	}
	var t time.Time
	if err := (timeScanner{&t}).Scan(v); err != nil {
		return err
	}
	*s.t = &t
	return nil
}

var idEncoding = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// newID returns an opaque, unguessable record ID.
func newID() string {
	b := make([]byte, 12)
	rand.Read(b)
	return idEncoding.EncodeToString(b)
}

// newSecret returns a secret for a session, token or emailed link.
func newSecret(prefix string) string {
	b := make([]byte, 32)
	rand.Read(b)
	return prefix + base64.RawURLEncoding.EncodeToString(b)
}

// hashSecret is how secrets are stored: a plain SHA-256 is enough for
// 256-bit random values (no dictionary to guard against).
func hashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// Cursors are opaque to clients: base64 of the sort key parts.
func encodeCursor(parts ...string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strings.Join(parts, "\x00")))
}

func decodeCursor(c string, n int) ([]string, bool) {
	if c == "" {
		return nil, true
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return nil, false
	}
	parts := strings.Split(string(b), "\x00")
	if len(parts) != n {
		return nil, false
	}
	return parts, true
}

// rowScanner is what both *sql.Row and *sql.Rows offer.
type rowScanner interface{ Scan(...any) error }

// collect reads every row of a query with scan and closes the rows. It
// takes the query's own results, so that a call reads
// collect(scanX)(q.QueryContext(…)).
func collect[T any](scan func(rowScanner) (T, error)) func(*sql.Rows, error) ([]T, error) {
	return func(rows *sql.Rows, err error) ([]T, error) {
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := []T{}
		for rows.Next() {
			x, err := scan(rows)
			if err != nil {
				return nil, err
			}
			out = append(out, x)
		}
		return out, rows.Err()
	}
}

// cutPage trims a list read with LIMIT limit+1 to limit and returns the
// cursor of its last item, or "" when there was nothing more.
func cutPage[T any](out []T, limit int, cursor func(last T) string) ([]T, string) {
	if len(out) <= limit {
		return out, ""
	}
	out = out[:limit]
	return out, cursor(out[len(out)-1])
}
