package sqldb

import (
	"context"
	"encoding/json"

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

// RemindConveners is the reminder job's handler: one mail to each
// convener (or, for a plan without one, each coordinator) of an active
// plan with no report for the period; then it queues the next month's.
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
		var name string
		var archived bool
		err := tx.QueryRowContext(ctx, `SELECT name, archived FROM partnerships WHERE id = $1`, j.PartnershipID).Scan(&name, &archived)
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
		for _, pl := range plans {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM plan_reports WHERE plan_id = $1 AND period = $2`, pl.ID, j.Period).Scan(&n); err != nil {
				return err
			}
			if n > 0 || (pl.Start != "" && pl.Start[:7] > j.Period) {
				continue
			}
			query := `SELECT u.email, u.name, u.language FROM users u WHERE u.id IN (` + placeholders(1, len(pl.Conveners)) + `) ORDER BY u.email`
			var args []any
			for _, c := range pl.Conveners {
				args = append(args, c.UserID)
			}
			if len(pl.Conveners) == 0 {
				args = []any{j.PartnershipID}
				query = `SELECT u.email, u.name, u.language FROM partnership_people pp JOIN users u ON u.id = pp.user_id
					WHERE pp.partnership_id = $1 AND pp.role = 'coordinator' ORDER BY u.email`
			}
			rows, err := tx.QueryContext(ctx, query, args...)
			if err != nil {
				return err
			}
			type person struct{ email, name, lang string }
			var people []person
			for rows.Next() {
				var x person
				if err := rows.Scan(&x.email, &x.name, &x.lang); err != nil {
					rows.Close()
					return err
				}
				people = append(people, x)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, x := range people {
				lang := x.lang
				if lang == "" {
					lang = pk.Languages[0]
				}
				if err := tx.enqueue(ctx, "mail", MailJob{To: x.email, Language: lang, Template: "mail.report_reminder",
					Path: "/p/" + j.PartnershipID + "/reports/new?plan_id=" + pl.ID + "&period=" + j.Period,
					Data: map[string]string{"Name": x.name, "Plan": pl.Title, "Partnership": name, "Period": j.Period,
						"DueDay": period.DueDay().Format("2006-01-02")}}, ""); err != nil {
					return err
				}
			}
		}
		next := period.Next()
		return tx.enqueueAt(ctx, ReportReminderJob, ReportJob{PartnershipID: j.PartnershipID, Period: next.Key()},
			"report-remind:"+j.PartnershipID+":"+next.Key(), next.OpensAt(settings.Location()))
	})
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
