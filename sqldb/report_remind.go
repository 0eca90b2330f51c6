package sqldb

import (
	"context"
	"encoding/json"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/cadence"
)

// The jobs of the reporting cadence: a reminder to the conveners whose
// plans have no report for a month that has ended, and the committees'
// roll-ups made when a period's reports fall due.
const (
	ReportReminderJob = "report.remind"
	RollupJob         = "rollup.generate"
)

// ReportJob is the payload of both: the partnership and the period (a
// month for reminders and the executive committee, a quarter for the
// strategic committee).
type ReportJob struct {
	PartnershipID string `json:"partnership_id"`
	Period        string `json:"period"`
	BodyKind      string `json:"body_kind,omitempty"`
}

// scheduleReportJobs queues, once each (unique keys), the reminder for
// the month after period, and the roll-ups of period's month and quarter
// at their due time in the partnership's time zone. Each reminder queues
// the next, so a partnership that reports keeps being reminded.
//
// The cadence runs in the time zone the partnership chose: until a
// coordinator has confirmed the currency and time zone (stored them),
// nothing is scheduled; the page still lists what is due.
func scheduleReportJobs(ctx context.Context, tx *Tx, pid string, month cadence.Period) error {
	settings, stored, err := loadBudgetSettingsRow(ctx, tx, pid)
	if err != nil || !stored {
		return err
	}
	loc := settings.Location()
	next := month.Next()
	if err := tx.enqueueAt(ctx, ReportReminderJob, ReportJob{PartnershipID: pid, Period: next.Key()},
		"report-remind:"+pid+":"+next.Key(), next.OpensAt(loc)); err != nil {
		return err
	}
	quarter := cadence.Of(cadence.Quarterly, month.Start())
	for _, j := range []struct {
		kind string
		p    cadence.Period
	}{{pk.BodyExecutiveCommittee, month}, {pk.BodyStrategicCommittee, quarter}} {
		if err := tx.enqueueAt(ctx, RollupJob, ReportJob{PartnershipID: pid, Period: j.p.Key(), BodyKind: j.kind},
			"rollup:"+pid+":"+j.kind+":"+j.p.Key(), j.p.DueAt(loc)); err != nil {
			return err
		}
	}
	return nil
}

// RemindConveners is the reminder job's handler: a report.due event for
// the conveners (or, for a plan without one, the coordinators) of each
// active plan with no report for the period, once each; then it queues
// the next month's. The inbox, mail and webhooks take it from the event.
func (store *ReportStore) RemindConveners(ctx context.Context, payload []byte) error {
	var j ReportJob
	if err := json.Unmarshal(payload, &j); err != nil {
		return err
	}
	period, ok := cadence.Parse(j.Period)
	if !ok || period.Kind != cadence.Monthly {
		return nil
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		var archived bool
		err := tx.QueryRowContext(ctx, `SELECT archived FROM partnerships WHERE id = $1`, j.PartnershipID).Scan(&archived)
		if err != nil || archived {
			return nil // gone or archived: nothing to remind
		}
		plans, err := reportablePlans(ctx, store.db, tx, j.PartnershipID)
		if err != nil {
			return err
		}
		settings, err := loadBudgetSettings(ctx, tx, j.PartnershipID)
		if err != nil {
			return err
		}
		wrote := false
		for _, pl := range plans {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM plan_reports WHERE plan_id = $1 AND period = $2`, pl.ID, j.Period).Scan(&n); err != nil {
				return err
			}
			if n > 0 || (pl.Start != "" && pl.Start[:7] > j.Period) {
				continue
			}
			var people []string
			for _, c := range pl.Conveners {
				people = append(people, c.UserID)
			}
			if len(pl.Conveners) == 0 {
				if people, err = coordinatorsOf(ctx, tx, j.PartnershipID); err != nil {
					return err
				}
			}
			ok, err := tx.writeEvent(ctx, j.PartnershipID, "", nil, &draft{kind: pk.EventReportDue, subjectType: "plan", subjectID: pl.ID,
				audience: pk.AudiencePeople, recipients: people, occasion: string(pk.EventReportDue) + ":" + pl.ID + ":" + j.Period,
				data: map[string]string{"plan_title": pl.Title, "period": j.Period, "due": period.DueDay().Format(time.DateOnly)}})
			if err != nil {
				return err
			}
			wrote = wrote || ok
		}
		if wrote {
			if err := tx.enqueueConsumers(ctx); err != nil {
				return err
			}
		}
		next := period.Next()
		return tx.enqueueAt(ctx, ReportReminderJob, ReportJob{PartnershipID: j.PartnershipID, Period: next.Key()},
			"report-remind:"+j.PartnershipID+":"+next.Key(), next.OpensAt(settings.Location()))
	})
}

// coordinatorsOf lists a partnership's coordinators.
func coordinatorsOf(ctx context.Context, q queryer, pid string) ([]string, error) {
	return collect(func(row rowScanner) (string, error) {
		var id string
		return id, row.Scan(&id)
	})(q.QueryContext(ctx, `SELECT user_id FROM partnership_people WHERE partnership_id = $1 AND role = 'coordinator' ORDER BY user_id`, pid))
}

// placeholders writes "$from, $from+1, …" for n arguments ("NULL" for
// none, which matches nothing).
func placeholders(from, n int) string {
	if n == 0 {
		return "NULL"
	}
	s := ""
	for i := range n {
		if i > 0 {
			s += ", "
		}
		s += "$" + itoa(from+i)
	}
	return s
}

// MakeRollup is the roll-up job's handler: when a period's reports fall
// due, it makes the roll-up for each committee of the kind the job names
// (none when the partnership has no such committee).
func (store *ReportStore) MakeRollup(ctx context.Context, payload []byte) error {
	var j ReportJob
	if err := json.Unmarshal(payload, &j); err != nil {
		return err
	}
	return store.db.inTx(ctx, func(tx *Tx) error {
		var archived bool
		if err := tx.QueryRowContext(ctx, `SELECT archived FROM partnerships WHERE id = $1`, j.PartnershipID).Scan(&archived); err != nil || archived {
			return nil
		}
		ids, err := collect(func(row rowScanner) (string, error) {
			var id string
			return id, row.Scan(&id)
		})(tx.QueryContext(ctx, `SELECT id FROM bodies WHERE partnership_id = $1 AND kind = $2 ORDER BY name, id LIMIT $3`,
			j.PartnershipID, j.BodyKind, pk.MaxBodies))
		if err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := generateRollup(ctx, tx, j.PartnershipID, pk.RollupInput{BodyID: id, Period: j.Period}); err != nil && pk.ErrorCode(err) == "" {
				return err
			}
		}
		return nil
	})
}
