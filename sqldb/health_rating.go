package sqldb

import (
	"context"
	"database/sql"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/health"
)

// MyHealthRatings is the asker's own ratings in a health round, by item
// order. Nobody reads anyone else's: the query names the asker.
func (store *HealthStore) MyHealthRatings(ctx context.Context, pid, rid string) ([]pk.HealthRating, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionRateHealth); err != nil {
		return nil, err
	}
	if _, err := loadRoundOfKind(ctx, store.db.read, pid, rid, pk.RoundHealth); err != nil {
		return nil, err
	}
	return myHealthRatings(ctx, store.db.read, rid, pk.UserIDFromContext(ctx))
}

func myHealthRatings(ctx context.Context, q queryer, rid, uid string) ([]pk.HealthRating, error) {
	rows, err := collect(func(r rowScanner) (pk.HealthRating, error) {
		var x pk.HealthRating
		return x, r.Scan(&x.Item, &x.Score, &x.Comment)
	})(q.QueryContext(ctx, `SELECT item, score, comment FROM health_ratings WHERE round_id = $1 AND user_id = $2`, rid, uid))
	if err != nil {
		return nil, err
	}
	byItem := map[string]pk.HealthRating{}
	for _, r := range rows {
		byItem[r.Item] = r
	}
	out := make([]pk.HealthRating, 0, len(health.Items))
	for _, it := range health.Items {
		r, ok := byItem[it.Key]
		if !ok {
			r = pk.HealthRating{Item: it.Key}
		}
		out = append(out, r)
	}
	return out, nil
}

// RateHealth saves the asker's ratings in an open health round: each item
// sent replaces theirs, a score of 0 takes it back. The audit entry says
// how many items were rated, never the scores or comments.
func (store *HealthStore) RateHealth(ctx context.Context, pid, rid string, in pk.HealthRatingInput) ([]pk.HealthRating, error) {
	verr := in.Validate()
	var out []pk.HealthRating
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionRateHealth); err != nil {
			return err
		}
		r, err := loadRoundOfKind(ctx, tx, pid, rid, pk.RoundHealth)
		if err != nil {
			return err
		}
		if verr != nil {
			return verr
		}
		if r.Status != pk.RoundOpen {
			return pk.Errorf(pk.ECONFLICT, "health.error.round_closed", nil)
		}
		uid, now := pk.UserIDFromContext(ctx), fmtTime(tx.now)
		for _, x := range in.Ratings {
			if _, err := tx.ExecContext(ctx, `DELETE FROM health_ratings WHERE round_id = $1 AND user_id = $2 AND item = $3`, rid, uid, x.Item); err != nil {
				return err
			}
			if x.Score == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO health_ratings (round_id, partnership_id, user_id, item, score, comment, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, rid, pid, uid, x.Item, x.Score, x.Comment, now); err != nil {
				return err
			}
		}
		if out, err = myHealthRatings(ctx, tx, rid, uid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "health.rate", "health_round", rid, r.Title, nil, map[string]any{"items": len(in.Ratings)})
	})
	return out, err
}

// HealthResults is a health round's aggregate: one query for the scores
// (without who gave them) and one for the comments, ordered by item and
// text so that their order says nothing of their authors.
func (store *HealthStore) HealthResults(ctx context.Context, pid, rid string) (*pk.HealthResults, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewHealth); err != nil {
		return nil, err
	}
	r, err := loadRoundOfKind(ctx, store.db.read, pid, rid, pk.RoundHealth)
	if err != nil {
		return nil, err
	}
	scores, err := roundScores(ctx, store.db.read, []string{rid})
	if err != nil {
		return nil, err
	}
	out := &pk.HealthResults{Round: r, Items: aggregates(scores[rid]), Comments: []pk.HealthComment{}}
	out.Overall, out.Shown = health.Overall(out.Items)
	shown := map[string]bool{}
	for _, a := range out.Items {
		shown[a.Item] = a.Colour != health.TooFew
	}
	comments, err := collect(func(row rowScanner) (pk.HealthComment, error) {
		var c pk.HealthComment
		return c, row.Scan(&c.Item, &c.Text)
	})(store.db.read.QueryContext(ctx, `
		SELECT item, comment FROM health_ratings WHERE round_id = $1 AND comment <> ''
		ORDER BY item, comment LIMIT $2`, rid, pk.MaxHealthComments+1))
	if err != nil {
		return nil, err
	}
	out.CommentsCut = len(comments) > pk.MaxHealthComments
	for i, c := range comments {
		// An item's comments appear only where its aggregate does: below
		// the small-number rule a comment could be told apart by its author.
		if i < pk.MaxHealthComments && shown[c.Item] {
			out.Comments = append(out.Comments, c)
		}
	}
	return out, nil
}

// roundScores reads the scores of rounds by round and item, without who
// gave them, in one query that counts each score (a few rows per item, not
// one per rating).
func roundScores(ctx context.Context, q queryer, rids []string) (map[string]map[string][]int, error) {
	out := map[string]map[string][]int{}
	var a args
	err := forEachRow(func(rows *sql.Rows) error {
		var rid, item string
		var score, n int
		if err := rows.Scan(&rid, &item, &score, &n); err != nil {
			return err
		}
		if out[rid] == nil {
			out[rid] = map[string][]int{}
		}
		for range n {
			out[rid][item] = append(out[rid][item], score)
		}
		return nil
	})(q.QueryContext(ctx, `SELECT round_id, item, score, COUNT(*) FROM health_ratings
		WHERE round_id IN (`+a.inList(rids)+`) GROUP BY round_id, item, score`, a...))
	return out, err
}

func aggregates(byItem map[string][]int) []health.Aggregate {
	out := make([]health.Aggregate, len(health.Items))
	for i, it := range health.Items {
		out[i] = health.AggregateScores(it.Key, byItem[it.Key])
	}
	return out
}

// HealthTrend is every health round's aggregate, oldest first.
func (store *HealthStore) HealthTrend(ctx context.Context, pid string) (*pk.HealthTrend, error) {
	list, err := store.Rounds(ctx, pid, pk.RoundHealth)
	if err != nil {
		return nil, err
	}
	out := &pk.HealthTrend{Rounds: []pk.HealthTrendRound{}, Cut: list.Cut}
	if len(list.Items) == 0 {
		return out, nil
	}
	rids := make([]string, len(list.Items))
	for i, r := range list.Items {
		rids[i] = r.ID
	}
	scores, err := roundScores(ctx, store.db.read, rids)
	if err != nil {
		return nil, err
	}
	for i := len(list.Items) - 1; i >= 0; i-- {
		r := list.Items[i]
		t := pk.HealthTrendRound{Round: r, Items: aggregates(scores[r.ID])}
		t.Overall, _ = health.Overall(t.Items)
		out.Rounds = append(out.Rounds, t)
	}
	return out, nil
}
