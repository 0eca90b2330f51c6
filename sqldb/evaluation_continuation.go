package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
)

// OpenContinuation asks the continuation question: from now on members
// add pros and cons.
func (store *EvaluationStore) OpenContinuation(ctx context.Context, pid, evid string) (*pk.Evaluation, error) {
	var out *pk.Evaluation
	err := store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, _ *pk.Partnership, e *pk.Evaluation) error {
		if e.Continuation != "" {
			return pk.Errorf(pk.ECONFLICT, "evaluation.error.already_asked", nil)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET continuation = $2, updated_at = $3, version = version + 1 WHERE id = $1`,
			evid, pk.ContinuationOpen, fmtTime(tx.now)); err != nil {
			return err
		}
		var err error
		if out, err = loadEvaluation(ctx, tx, pid, evid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.continuation_open", "evaluation", evid, e.Title, nil, map[string]any{"continuation": pk.ContinuationOpen})
	})
	return out, err
}

// continuationArea is where the charter sends the continuation question:
// its own "continuation" area when it has one, else the area of agreement
// changes (continuing, changing or ending the partnership changes what
// its members agreed). The body is the one the charter gives that area.
func continuationArea(c *pk.Charter) (area, bodyID string, ok bool) {
	for _, want := range []string{pk.AreaContinuation, pk.AreaAgreementChanges} {
		if i := slices.IndexFunc(c.Areas, func(a pk.AreaRule) bool { return a.Area == want }); i >= 0 {
			return want, c.Areas[i].BodyID, true
		}
	}
	return "", "", false
}

// ProposeContinuation brings the continuation question to the body the
// charter names, as a proposal decided by the charter's rule for that
// area: the decisions module takes the votes; the evaluation records the
// outcome when the proposal closes. The pros and cons become the
// proposal's background.
func (store *EvaluationStore) ProposeContinuation(ctx context.Context, pid, evid string, in pk.ContinuationProposalInput) (*pk.Proposal, error) {
	var out *pk.Proposal
	err := store.editEvaluation(ctx, pid, evid, pk.ActionManageEvaluations, func(tx *Tx, part *pk.Partnership, e *pk.Evaluation) error {
		// The proposal's own fields first, so a refused form names them
		// whatever the question's state.
		if err := in.Validate(); err != nil {
			return err
		}
		check := pk.ProposalInput{Title: in.Title, Text: in.Text, BodyID: "-", ClosesAt: in.ClosesAt, TimeZone: in.TimeZone}
		check.Normalise()
		if err := check.Validate(); err != nil {
			return err
		}
		switch e.Continuation {
		case pk.ContinuationProposed:
			return pk.Errorf(pk.ECONFLICT, "evaluation.error.proposal_open", nil)
		case pk.ContinuationDecided:
			return pk.Errorf(pk.ECONFLICT, "evaluation.error.decided", nil)
		}
		c, err := loadCharter(ctx, store.db, tx, pid)
		if pk.ErrorCode(err) == pk.ENOTFOUND {
			return pk.FieldInvalid("direction", "decision.validation.no_charter", nil)
		} else if err != nil {
			return err
		}
		area, bodyID, ok := continuationArea(c)
		if !ok {
			return pk.FieldInvalid("direction", "evaluation.validation.no_area", nil)
		}
		background, err := pointsText(ctx, tx, evid)
		if err != nil {
			return err
		}
		if out, err = tx.createProposal(ctx, pid, part.MyRole, pk.ProposalInput{Title: in.Title, Text: in.Text, Background: background,
			BodyID: bodyID, Area: area, ClosesAt: in.ClosesAt, TimeZone: in.TimeZone}); err != nil {
			return err
		}
		// position orders the proposals on the question: the latest counts.
		if _, err := tx.ExecContext(ctx, `INSERT INTO continuation_proposals (proposal_id, partnership_id, evaluation_id, direction, position, created_at)
			VALUES ($1, $2, $3, $4, (SELECT COUNT(*) + 1 FROM continuation_proposals WHERE evaluation_id = $3), $5)`,
			out.ID, pid, evid, in.Direction, fmtTime(tx.now)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET continuation = $2, updated_at = $3, version = version + 1 WHERE id = $1`,
			evid, pk.ContinuationProposed, fmtTime(tx.now)); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "evaluation.continuation_propose", "evaluation", evid, e.Title, nil,
			map[string]any{"proposal_id": out.ID, "direction": in.Direction, "area": area, "body_id": bodyID})
	})
	if err != nil {
		return nil, err
	}
	return (&DecisionStore{store.db}).Proposal(ctx, pid, out.ID)
}

// pointsText lists the pros and cons as the proposal's background, pros
// first, one per line.
func pointsText(ctx context.Context, tx *Tx, evid string) (string, error) {
	points, err := collect(scanPoint)(tx.QueryContext(ctx, pointSelect+`WHERE cp.evaluation_id = $1
		ORDER BY cp.side DESC, cp.created_at, cp.id LIMIT $2`, evid, pk.MaxContinuationPoints))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, p := range points {
		mark := "+ "
		if p.Side == "con" {
			mark = "− "
		}
		b.WriteString(mark + p.Text + "\n")
	}
	return clip(b.String(), 20000), nil
}

// recordContinuation is called when a proposal closes with its outcome: a
// continuation proposal that passed decides the evaluation's question in
// its direction; any other outcome leaves the question open for another
// proposal. It runs in the transaction that records the decision.
func (tx *Tx) recordContinuation(ctx context.Context, pid, proposalID, outcome string) error {
	var evid, direction, title string
	err := tx.QueryRowContext(ctx, `SELECT cp.evaluation_id, cp.direction, e.title FROM continuation_proposals cp
		JOIN evaluations e ON e.id = cp.evaluation_id WHERE cp.proposal_id = $1 AND cp.partnership_id = $2`, proposalID, pid).
		Scan(&evid, &direction, &title)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	} else if err != nil {
		return err
	}
	state, result, decidedOn := pk.ContinuationOpen, "", ""
	if outcome == string(decision.Passed) {
		state, result, decidedOn = pk.ContinuationDecided, direction, day(tx.now)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE evaluations SET continuation = $2, outcome = $3, decided_on = $4, updated_at = $5,
		version = version + 1 WHERE id = $1`, evid, state, result, decidedOn, fmtTime(tx.now)); err != nil {
		return err
	}
	return tx.audit(ctx, pid, "evaluation.continuation_decided", "evaluation", evid, title, nil,
		map[string]any{"proposal_id": proposalID, "proposal_outcome": outcome, "direction": direction, "outcome": result})
}
