package sqldb

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
)

// DecisionReopenJob is the kind of the job that re-opens a decision on
// the first day the charter allows, when enough people asked before it.
const DecisionReopenJob = "decision.reopen"

// DecisionReopen is its payload.
type DecisionReopen struct {
	PartnershipID string `json:"partnership_id"`
	DecisionID    string `json:"decision_id"`
}

// scheduleReopen queues the re-opening for the start of day (UTC). The key
// carries the day, so a charter change that moves it queues the new day.
func (tx *Tx) scheduleReopen(ctx context.Context, pid, decisionID, day string) error {
	at, err := time.Parse("2006-01-02", day)
	if err != nil {
		return err
	}
	return tx.enqueueAt(ctx, DecisionReopenJob, DecisionReopen{PartnershipID: pid, DecisionID: decisionID},
		"decision-reopen:"+decisionID+":"+day, at)
}

// ReopenDue is the job handler: it re-opens the decision when, on its day,
// the charter's threshold is still met and nobody re-opened it already.
// Several instances may run it: the decision is re-opened once (the last
// step checks reopened_by in the same transaction), and the others find
// nothing to do.
func (store *DecisionStore) ReopenDue(ctx context.Context, payload []byte) error {
	var j DecisionReopen
	if err := json.Unmarshal(payload, &j); err != nil {
		return err
	}
	// Re-opening by the clock is nobody's act: the audit entry names no one.
	system := pk.NewContextWithUser(ctx, nil)
	err := store.db.inTx(system, func(tx *Tx) error {
		r, err := loadDecision(system, tx, j.PartnershipID, j.DecisionID)
		if pk.ErrorCode(err) == pk.ENOTFOUND {
			return nil // gone with its partnership
		} else if err != nil {
			return err
		}
		if r.ReopenedBy != "" || r.Outcome == nil {
			return nil
		}
		rule, err := store.reopenRule(system, tx, j.PartnershipID)
		if err != nil {
			return err
		}
		if !rule.available || !rule.met(r.ReopenSupporters, r.orgSupporters) {
			return nil // the charter changed since: it no longer re-opens
		}
		if from := rule.from(r.DecidedOn); day(tx.now) < from {
			return tx.scheduleReopen(system, j.PartnershipID, j.DecisionID, from)
		}
		return tx.reopen(system, j.PartnershipID, r.Decision)
	})
	if pk.ErrorCode(err) == pk.ECONFLICT {
		return nil // another instance was first
	}
	return err
}

// sortLevels orders organisations from least to most committed, then by
// name, so that the order says nothing of when each voted.
func sortLevels(gs []pk.Gap) {
	levels := decision.Choices(decision.Commitment)
	slices.SortStableFunc(gs, func(a, b pk.Gap) int {
		return cmp.Or(cmp.Compare(slices.Index(levels, a.Choice), slices.Index(levels, b.Choice)),
			cmp.Compare(a.Name, b.Name), cmp.Compare(a.OrganisationID, b.OrganisationID))
	})
}
