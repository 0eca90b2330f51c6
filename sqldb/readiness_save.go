package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// SaveReadiness records the asking member's answers from the checklist
// page. Deciding which answers changed happens inside the transaction, so
// that two tabs saving at once compare against what is really stored.
func (store *PreparationStore) SaveReadiness(ctx context.Context, pid string, ins []pk.ReadinessInput) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditPreparation); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT question_id, answer, note FROM readiness_answers WHERE partnership_id = $1 AND user_id = $2`,
			pid, pk.UserIDFromContext(ctx))
		if err != nil {
			return err
		}
		current := map[string]pk.ReadinessInput{}
		for rows.Next() {
			var in pk.ReadinessInput
			if err := rows.Scan(&in.QuestionID, &in.Answer, &in.Note); err != nil {
				rows.Close()
				return err
			}
			current[in.QuestionID] = in
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		var changed []pk.ReadinessInput
		for _, in := range ins {
			if cur, ok := current[in.QuestionID]; in.Answer == "" || (ok && cur == in) {
				continue
			}
			changed = append(changed, in)
		}
		var fields []pk.FieldError
		for i := range changed {
			if e, ok := pk.AsError(changed[i].Validate()); ok {
				for _, f := range e.Fields {
					f.Field += "_" + changed[i].QuestionID
					fields = append(fields, f)
				}
			}
		}
		if len(fields) > 0 {
			return pk.Invalid(fields...)
		}
		for _, in := range changed {
			if _, err := answerReadiness(ctx, tx, pid, in); err != nil {
				return err
			}
		}
		return nil
	})
}
