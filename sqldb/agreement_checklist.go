package sqldb

import (
	"context"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
)

// AgreementChecklist is the agreement checklist with its answers, every
// item in order whether answered or not.
func (store *AgreementStore) AgreementChecklist(ctx context.Context, pid, id string) (*pk.AgreementChecklist, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAgreements); err != nil {
		return nil, err
	}
	return loadChecklist(ctx, store.db.read, pid, id)
}

func loadChecklist(ctx context.Context, q queryer, pid, id string) (*pk.AgreementChecklist, error) {
	if _, err := loadAgreement(ctx, q, pid, id); err != nil {
		return nil, err
	}
	stored, err := collect(func(r rowScanner) (*pk.AgreementChecklistAnswer, error) {
		a := &pk.AgreementChecklistAnswer{}
		var at time.Time
		if err := r.Scan(&a.Item, &a.Answer, &a.Note, ts(&at)); err != nil {
			return nil, err
		}
		a.UpdatedAt = &at
		return a, nil
	})(q.QueryContext(ctx, `SELECT item, answer, note, updated_at FROM agreement_checklist WHERE agreement_id = $1 AND partnership_id = $2`, id, pid))
	if err != nil {
		return nil, err
	}
	byItem := map[string]*pk.AgreementChecklistAnswer{}
	answers := map[string]string{}
	for _, a := range stored {
		byItem[a.Item], answers[a.Item] = a, a.Answer
	}
	out := &pk.AgreementChecklist{}
	for _, c := range agreement.Checklist {
		a := byItem[c.ID]
		if a == nil {
			a = &pk.AgreementChecklistAnswer{Item: c.ID}
		}
		a.Group = c.Group
		out.Items = append(out.Items, a)
	}
	out.Done, out.Total = agreement.ChecklistDone(answers)
	return out, nil
}

// SetAgreementChecklist answers checklist items; an empty answer clears
// one. Coordinators keep the checklist, as they keep the text.
func (store *AgreementStore) SetAgreementChecklist(ctx context.Context, pid, id string, in pk.AgreementChecklistInput) (*pk.AgreementChecklist, error) {
	var out *pk.AgreementChecklist
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditAgreements); err != nil {
			return err
		}
		ag, err := loadAgreement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		changed := map[string]string{}
		for _, a := range in.Answers {
			if _, err := tx.ExecContext(ctx, `DELETE FROM agreement_checklist WHERE agreement_id = $1 AND item = $2`, id, a.Item); err != nil {
				return err
			}
			changed[a.Item] = a.Answer
			if a.Answer == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO agreement_checklist (agreement_id, partnership_id, item, answer, note, user_id, updated_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`,
				id, pid, a.Item, a.Answer, a.Note, nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now)); err != nil {
				return err
			}
		}
		if out, err = loadChecklist(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "agreement.checklist", "agreement", id, ag.Title, nil, changed)
	})
	return out, err
}
