package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"slices"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/charter"
	"github.com/partnerkit/partnerkit/keep"
)

// CharterStore keeps the versions of the partnership's charter.
type CharterStore struct{ db *DB }

// charterContent is what a version's content column holds: the rules and
// the texts, read and written whole.
type charterContent struct {
	Rules []pk.BodyRule `json:"rules"`
	Areas []pk.AreaRule `json:"areas"`
	pk.CharterText
}

const charterSelect = `
	SELECT version, adopted_on, COALESCE(adopted_body_id, ''), adoption_note, content, COALESCE(created_by, ''), created_at
	FROM charter_versions `

// charterRow is a charter version as stored: its rules are JSON in content.
type charterRow struct {
	c       pk.Charter
	content string
}

func scanCharterRow(row rowScanner) (charterRow, error) {
	var r charterRow
	err := row.Scan(&r.c.Version, &r.c.AdoptedOn, &r.c.AdoptedByBody, &r.c.AdoptionNote, &r.content, &r.c.CreatedBy, ts(&r.c.CreatedAt))
	return r, err
}

func scanCharter(row rowScanner) (*pk.Charter, error) {
	r, err := scanCharterRow(row)
	if err != nil {
		return nil, err
	}
	cc, err := parseCharterContent(r.content)
	if err != nil {
		return nil, err
	}
	return r.with(cc), nil
}

// parseCharterContent reads a version's rules and texts from their JSON.
func parseCharterContent(content string) (charterContent, error) {
	var cc charterContent
	err := json.Unmarshal([]byte(content), &cc)
	return cc, err
}

// with builds the charter from the row and its parsed content, the lists
// of rules copied, so that nothing it holds is shared with another caller.
func (r *charterRow) with(cc charterContent) *pk.Charter {
	c := r.c
	c.Rules, c.Areas, c.CharterText = slices.Clone(cc.Rules), slices.Clone(cc.Areas), cc.CharterText
	if c.Rules == nil {
		c.Rules = []pk.BodyRule{}
	}
	if c.Areas == nil {
		c.Areas = []pk.AreaRule{}
	}
	return &c
}

// loadCharter reads the charter in force. Outside a transaction it is kept
// under the partnership's data version, which every write to the charter's
// versions raises (a meeting's page, a proposal's and the agreements' ask
// for its rules on every view). Its rules are read from their JSON once per
// content (charterParses), not at every change of that version. Each
// caller is handed a copy.
func loadCharter(ctx context.Context, db *DB, q queryer, pid string) (*pk.Charter, error) {
	var c *pk.Charter
	if _, pool := q.(*sql.DB); pool {
		kept, err := db.keptFact(ctx, pid, "charter", func() (any, error) { return readCharter(ctx, q, pid) })
		if err != nil {
			return nil, err
		}
		c = kept.(*pk.Charter)
	} else {
		var err error
		if c, err = readCharter(ctx, q, pid); err != nil {
			return nil, err
		}
	}
	if c == nil {
		return nil, pk.NotFound()
	}
	return copyCharter(c), nil
}

// readCharter reads the charter in force, nil when there is none yet.
func readCharter(ctx context.Context, q queryer, pid string) (*pk.Charter, error) {
	r, err := scanCharterRow(q.QueryRowContext(ctx, charterSelect+`WHERE partnership_id = $1 ORDER BY version DESC LIMIT 1`, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	// The content is the version the parse is kept under: a parse is a
	// function of the text alone, so no change of the row can be missed.
	cc, err := charterParses.Get("charter\x00"+pid, r.content, func(any) (any, error) { return parseCharterContent(r.content) })
	if err != nil {
		return nil, err
	}
	return r.with(cc.(charterContent)), nil
}

// charterParses holds the rules last read from each partnership's charter.
var charterParses = keep.New(256, 1)

// copyCharter copies a charter, its lists of rules included.
func copyCharter(c *pk.Charter) *pk.Charter {
	out := *c
	out.Rules, out.Areas = slices.Clone(c.Rules), slices.Clone(c.Areas)
	return &out
}

// Charter returns the version in force.
func (store *CharterStore) Charter(ctx context.Context, pid string) (*pk.Charter, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewGovernance); err != nil {
		return nil, err
	}
	return loadCharter(ctx, store.db, store.db.read, pid)
}

// CharterVersions lists every version, newest first.
func (store *CharterStore) CharterVersions(ctx context.Context, pid string) ([]*pk.Charter, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewGovernance); err != nil {
		return nil, false, err
	}
	out, err := collect(scanCharter)(store.db.read.QueryContext(ctx,
		charterSelect+`WHERE partnership_id = $1 ORDER BY version DESC LIMIT $2`, pid, pk.MaxCharterVersions+1))
	if err != nil {
		return nil, false, err
	}
	if len(out) > pk.MaxCharterVersions {
		return out[:pk.MaxCharterVersions], true, nil
	}
	return out, false, nil
}

// AdoptCharter records a new version of the charter, checked by the rule
// package against the partnership's bodies. in.Version must be the version
// in force (0 for the first), so two coordinators writing at once cannot
// both win: the second gets a conflict with the version now in force.
func (store *CharterStore) AdoptCharter(ctx context.Context, pid string, in pk.CharterInput) (*pk.Charter, error) {
	var out *pk.Charter
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditGovernance); err != nil {
			return err
		}
		if in.Version < 0 || in.Version > MaxVersion {
			return pk.FieldInvalid("version", "validation.range", map[string]any{"Min": 0, "Max": MaxVersion})
		}
		// Validation first: what is wrong with the text is worth knowing
		// whatever version it was based on.
		bodies, err := tx.column(ctx, `SELECT id FROM bodies WHERE partnership_id = $1`, pid)
		if err != nil {
			return err
		}
		if err := charter.Validate(&in, bodies); err != nil {
			return err
		}
		var current int
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM charter_versions WHERE partnership_id = $1`, pid).Scan(&current); err != nil {
			return err
		}
		if in.Version != current {
			return pk.Conflict(current)
		}
		content, err := json.Marshal(charterContent{Rules: in.Rules, Areas: in.Areas, CharterText: in.CharterText})
		if err != nil {
			return err
		}
		// The primary key (partnership, version) stops a concurrent writer
		// that read the same version in force: it gets a conflict, not an
		// error from the engine.
		res, err := tx.ExecContext(ctx, `
			INSERT INTO charter_versions (partnership_id, version, adopted_on, adopted_body_id, adoption_note, content, created_by, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
			pid, current+1, in.AdoptedOn, in.AdoptedByBody, in.AdoptionNote, string(content),
			nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now))
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return pk.Conflict(current + 1)
		}
		if out, err = loadCharter(ctx, store.db, tx, pid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "charter.adopt", "charter", pid, "v"+itoa(out.Version)+" "+out.AdoptedOn, nil, out)
	})
	return out, err
}

// CharterRule answers who decides, by the version in force.
func (store *CharterStore) CharterRule(ctx context.Context, pid, bid, area string) (pk.Rule, error) {
	c, err := store.Charter(ctx, pid)
	if err != nil {
		return pk.Rule{}, err
	}
	return charter.Lookup(c, bid, area)
}
