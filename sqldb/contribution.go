package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/cadence"
	"github.com/partnerkit/partnerkit/money"
)

// ContributionStore keeps contributions, barriers, expenses, the money
// settings and the budget computed from them.
type ContributionStore struct{ db *DB }

const contributionSelect = `
	SELECT c.id, c.organisation_id, o.name, COALESCE(c.plan_id, ''), COALESCE(pl.title, ''), c.kind, c.description, c.funder,
		c.amount, c.amount_delivered, c.hours, c.hours_delivered, c.pledged_on, c.delivered_on, c.withdrawn,
		COALESCE(bs.currency, 'EUR'), c.version, c.created_at, c.updated_at
	FROM contributions c
	JOIN organisations o ON o.id = c.organisation_id
	LEFT JOIN plans pl ON pl.id = c.plan_id
	LEFT JOIN budget_settings bs ON bs.partnership_id = c.partnership_id `

func scanContribution(row rowScanner) (*pk.Contribution, error) {
	c := &pk.Contribution{}
	err := row.Scan(&c.ID, &c.OrganisationID, &c.OrganisationName, &c.PlanID, &c.PlanTitle, &c.Kind, &c.Description, &c.Funder,
		&c.Amount, &c.AmountDelivered, &c.Hours, &c.HoursDelivered, &c.PledgedOn, &c.DeliveredOn, &c.Withdrawn,
		&c.Currency, &c.Version, ts(&c.CreatedAt), ts(&c.UpdatedAt))
	if err != nil {
		return nil, err
	}
	c.Status = pk.ContributionStatus(c)
	c.KindText = "contributions.kind." + c.Kind
	return c, nil
}

// Contributions lists the contributions a filter keeps, by organisation
// and pledge date.
func (store *ContributionStore) Contributions(ctx context.Context, pid string, f pk.ContributionFilter) ([]*pk.Contribution, bool, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, false, err
	}
	return listContributions(ctx, store.db.read, pid, f)
}

func listContributions(ctx context.Context, q queryer, pid string, f pk.ContributionFilter) ([]*pk.Contribution, bool, error) {
	// The status is derived, so it is filtered after reading; the other
	// filters narrow the query.
	out, err := collect(scanContribution)(q.QueryContext(ctx, contributionSelect+`
		WHERE c.partnership_id = $1 AND ($2 = '' OR c.organisation_id = $2) AND ($3 = '' OR c.plan_id = $3) AND ($4 = '' OR c.kind = $4)
		ORDER BY o.name, c.pledged_on, c.id LIMIT $5`, pid, f.OrganisationID, f.PlanID, f.Kind, pk.MaxContributions+1))
	if err != nil {
		return nil, false, err
	}
	cut := len(out) > pk.MaxContributions
	if cut {
		out = out[:pk.MaxContributions]
	}
	if f.Status != "" {
		kept := out[:0]
		for _, c := range out {
			if c.Status == f.Status {
				kept = append(kept, c)
			}
		}
		out = kept
	}
	return out, cut, nil
}

// Contribution returns one contribution.
func (store *ContributionStore) Contribution(ctx context.Context, pid, cid string) (*pk.Contribution, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, err
	}
	return loadContribution(ctx, store.db.read, pid, cid)
}

func loadContribution(ctx context.Context, q queryer, pid, cid string) (*pk.Contribution, error) {
	c, err := scanContribution(q.QueryRowContext(ctx, contributionSelect+`WHERE c.id = $1 AND c.partnership_id = $2`, cid, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	}
	return c, err
}

// mayRecordFor is the rule on whose contributions and barriers a person
// records: a coordinator for any active member organisation; a member
// only for an active member organisation they are a person of (as an
// agreement is signed). Field errors name organisation_id.
func mayRecordFor(ctx context.Context, q queryer, part *pk.Partnership, oid string) error {
	var active int
	if err := q.QueryRowContext(ctx, `
		SELECT COUNT(*) FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2 AND status = 'active'`,
		part.ID, oid).Scan(&active); err != nil {
		return err
	}
	if active == 0 {
		return pk.FieldInvalid("organisation_id", "contributions.validation.not_member_organisation", nil)
	}
	if part.MyRole.AtLeast(pk.RoleCoordinator) {
		return nil
	}
	var mine int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisation_people WHERE organisation_id = $1 AND user_id = $2`,
		oid, pk.UserIDFromContext(ctx)).Scan(&mine); err != nil {
		return err
	}
	if mine == 0 {
		return pk.Errorf(pk.EFORBIDDEN, "contributions.error.not_your_organisation", nil)
	}
	return nil
}

// checkPlanOf checks that a plan (optional) is one of the partnership's.
func checkPlanOf(ctx context.Context, q queryer, pid, plid string) error {
	if plid == "" {
		return nil
	}
	var n int
	if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM plans WHERE id = $1 AND partnership_id = $2`, plid, pid).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return pk.FieldInvalid("plan_id", "contributions.validation.unknown_plan", nil)
	}
	return nil
}

// RecordContribution records a pledge.
func (store *ContributionStore) RecordContribution(ctx context.Context, pid string, in pk.ContributionInput) (*pk.Contribution, error) {
	var out *pk.Contribution
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordContributions)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if err := mayRecordFor(ctx, tx, part, in.OrganisationID); err != nil {
			return err
		}
		if err := checkPlanOf(ctx, tx, pid, in.PlanID); err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO contributions (id, partnership_id, organisation_id, plan_id, kind, description, funder, amount, amount_delivered,
				hours, hours_delivered, pledged_on, delivered_on, withdrawn, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)`,
			id, pid, in.OrganisationID, nullString(in.PlanID), in.Kind, in.Description, in.Funder, in.Amount, in.AmountDelivered,
			in.Hours, in.HoursDelivered, in.PledgedOn, in.DeliveredOn, in.Withdrawn, nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if out, err = loadContribution(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "contribution.record", "contribution", id, out.OrganisationName+": "+out.Kind, nil, out)
	})
	return out, err
}

// UpdateContribution changes a contribution. The rule applies to the
// organisation it was for and to the one it is moved to.
func (store *ContributionStore) UpdateContribution(ctx context.Context, pid, cid string, in pk.ContributionInput) (*pk.Contribution, error) {
	var out *pk.Contribution
	err := store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordContributions)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		before, err := loadContribution(ctx, tx, pid, cid)
		if err != nil {
			return err
		}
		if err := mayRecordFor(ctx, tx, part, before.OrganisationID); err != nil && pk.ErrorCode(err) == pk.EFORBIDDEN {
			return err
		}
		if err := mayRecordFor(ctx, tx, part, in.OrganisationID); err != nil {
			return err
		}
		if err := checkPlanOf(ctx, tx, pid, in.PlanID); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "contributions", "id = $1 AND partnership_id = $2", in.Version, cid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE contributions SET organisation_id = $2, plan_id = $3, kind = $4, description = $5, funder = $6, amount = $7,
				amount_delivered = $8, hours = $9, hours_delivered = $10, pledged_on = $11, delivered_on = $12, withdrawn = $13, updated_at = $14
			WHERE id = $1`,
			cid, in.OrganisationID, nullString(in.PlanID), in.Kind, in.Description, in.Funder, in.Amount, in.AmountDelivered,
			in.Hours, in.HoursDelivered, in.PledgedOn, in.DeliveredOn, in.Withdrawn, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadContribution(ctx, tx, pid, cid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "contribution.update", "contribution", cid, out.OrganisationName+": "+out.Kind, before, out)
	})
	return out, err
}

// DeleteContribution removes a contribution recorded by mistake (a pledge
// taken back is withdrawn instead, so its history stays).
func (store *ContributionStore) DeleteContribution(ctx context.Context, pid, cid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		part, err := store.db.authorize(ctx, tx, pid, pk.ActionRecordContributions)
		if err != nil {
			return err
		}
		before, err := loadContribution(ctx, tx, pid, cid)
		if err != nil {
			return err
		}
		if err := mayRecordFor(ctx, tx, part, before.OrganisationID); err != nil && pk.ErrorCode(err) == pk.EFORBIDDEN {
			return err
		}
		if err := tx.bumpVersion(ctx, "contributions", "id = $1 AND partnership_id = $2", version, cid, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM contributions WHERE id = $1`, cid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "contribution.delete", "contribution", cid, before.OrganisationName+": "+before.Kind, before, nil)
	})
}

// MyOrganisations lists the active member organisations the asker may
// record for.
func (store *ContributionStore) MyOrganisations(ctx context.Context, pid string) ([]*pk.MemberOrganisation, error) {
	part, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionRecordContributions)
	if err != nil {
		return nil, err
	}
	coordinator := part.MyRole.AtLeast(pk.RoleCoordinator)
	return collect(func(row rowScanner) (*pk.MemberOrganisation, error) {
		m := &pk.MemberOrganisation{}
		return m, row.Scan(&m.OrganisationID, &m.Name, &m.Kind, &m.Status)
	})(store.db.read.QueryContext(ctx, `
		SELECT o.id, o.name, o.kind, po.status FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
		WHERE po.partnership_id = $1 AND po.status = 'active'
			AND ($2 OR EXISTS (SELECT 1 FROM organisation_people op WHERE op.organisation_id = o.id AND op.user_id = $3))
		ORDER BY o.name, o.id LIMIT $4`, pid, coordinator, pk.UserIDFromContext(ctx), pk.MaxMemberOrganisations))
}

// BudgetSettings returns the money settings (defaults until chosen).
func (store *ContributionStore) BudgetSettings(ctx context.Context, pid string) (*pk.BudgetSettings, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewContributions); err != nil {
		return nil, err
	}
	return loadBudgetSettings(ctx, store.db.read, pid)
}

// loadBudgetSettings reads the settings; a partnership that never chose
// has EUR, UTC and version 0.
func loadBudgetSettings(ctx context.Context, q queryer, pid string) (*pk.BudgetSettings, error) {
	s, _, err := loadBudgetSettingsRow(ctx, q, pid)
	return s, err
}

// loadBudgetSettingsRow also says whether a coordinator has stored them
// (the defaults are not stored).
func loadBudgetSettingsRow(ctx context.Context, q queryer, pid string) (*pk.BudgetSettings, bool, error) {
	// The defaults stand as version 1, so that every change names a
	// version, the first one too.
	s := &pk.BudgetSettings{Currency: money.DefaultCurrency, TimeZone: "UTC", Version: 1}
	err := q.QueryRowContext(ctx, `SELECT currency, time_zone, version FROM budget_settings WHERE partnership_id = $1`, pid).
		Scan(&s.Currency, &s.TimeZone, &s.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return s, false, nil
	}
	return s, err == nil, err
}

// SeedBudgetSettings stores a partnership's currency and time zone
// without scheduling the reporting cadence, for test worlds.
func (store *Seeder) SeedBudgetSettings(ctx context.Context, pid, currency, timeZone string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO budget_settings (partnership_id, currency, time_zone, version, updated_at)
			VALUES ($1, $2, $3, 2, $4)`, pid, currency, timeZone, fmtTime(tx.now))
		return err
	})
}

// SetBudgetSettings changes the currency and time zone. Amounts already
// recorded keep their minor units: changing the currency says they were
// meant in the new one, so the page asks for confirmation first. Every
// change names the version it is based on (the defaults are version 1).
func (store *ContributionStore) SetBudgetSettings(ctx context.Context, pid string, in pk.BudgetSettingsInput) (*pk.BudgetSettings, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	var out *pk.BudgetSettings
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditBudgetSettings); err != nil {
			return err
		}
		if in.Version <= 0 {
			return pk.FieldInvalid("version", "validation.version_required", nil)
		}
		before, err := loadBudgetSettings(ctx, tx, pid)
		if err != nil {
			return err
		}
		if before.Version != in.Version {
			return pk.Conflict(before.Version)
		}
		res, err := tx.ExecContext(ctx, `UPDATE budget_settings SET currency = $2, time_zone = $3, version = version + 1, updated_at = $4
			WHERE partnership_id = $1 AND version = $5`, pid, in.Currency, in.TimeZone, fmtTime(tx.now), in.Version)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			// No row yet: the defaults (version 1) become the first row,
			// unless someone else was first.
			res, err = tx.ExecContext(ctx, `INSERT INTO budget_settings (partnership_id, currency, time_zone, version, updated_at)
				VALUES ($1, $2, $3, $4, $5) ON CONFLICT (partnership_id) DO NOTHING`, pid, in.Currency, in.TimeZone, in.Version+1, fmtTime(tx.now))
			if err != nil {
				return err
			}
			if n, err := res.RowsAffected(); err != nil {
				return err
			} else if n == 0 {
				return pk.Conflict(before.Version)
			}
		}
		if out, err = loadBudgetSettings(ctx, tx, pid); err != nil {
			return err
		}
		// Start the reporting cadence: the reminder for last month (and the
		// roll-ups it leads to) in the zone now chosen.
		last := cadence.Of(cadence.Monthly, cadence.Today(tx.now, out.Location())).Prev()
		if err := scheduleReportJobs(ctx, tx, pid, last.Prev()); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "budget.settings", "partnership", pid, out.Currency+" "+out.TimeZone, before, out)
	})
	return out, err
}
