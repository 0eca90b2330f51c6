package sqldb

import (
	"context"
	"slices"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/admission"
)

// addAdmissionStep writes one dated step of an admission's history.
func (tx *Tx) addAdmissionStep(ctx context.Context, pid, id, from, to, on, note string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO admission_steps (id, partnership_id, admission_id, seq, from_stage, to_stage, step_on, note, user_id, recorded_at)
		SELECT $1, $2, $3, COALESCE(MAX(seq), 0) + 1, $4, $5, $6, $7, $8, $9 FROM admission_steps WHERE admission_id = $3`,
		newID(), pid, id, from, to, on, note, nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now))
	return err
}

// today is the transaction's date, for steps given no date.
func (tx *Tx) today() string { return tx.now.Format("2006-01-02") }

// checkCandidateOrganisation checks the organisation an admission is linked
// to: it exists on the platform, is not an active member already, and has
// no other open admission in the partnership (id is the admission itself).
func checkCandidateOrganisation(ctx context.Context, tx *Tx, pid, id, org string) error {
	if org == "" {
		return nil
	}
	var exists, member, open int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE id = $1`, org).Scan(&exists); err != nil {
		return err
	}
	if exists == 0 {
		return pk.FieldInvalid("organisation_id", "validation.unknown_organisation", nil)
	}
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2 AND status = 'active'`,
		pid, org).Scan(&member); err != nil {
		return err
	}
	if member > 0 {
		return pk.FieldInvalid("organisation_id", "admission.validation.member_already", nil)
	}
	if err := tx.QueryRowContext(ctx, `
		SELECT COUNT(*) FROM admissions WHERE organisation_id = $1 AND partnership_id = $2 AND id <> $3
		AND stage NOT IN ('active', 'declined', 'withdrawn')`, org, pid, id).Scan(&open); err != nil {
		return err
	}
	if open > 0 {
		return pk.FieldInvalid("organisation_id", "admission.validation.open_already", nil)
	}
	return nil
}

// CreateAdmission records an application, a nomination by an active member
// organisation, or an outreach prospect proposed for admission.
func (store *AdmissionStore) CreateAdmission(ctx context.Context, pid string, in pk.AdmissionInput) (*pk.Admission, error) {
	var out *pk.Admission
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionProposeAdmissions); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if in.Source != pk.SourceNomination {
			in.NominatedByID = ""
		}
		if in.Source != pk.SourceProspect {
			in.ProspectID = ""
		}
		var v pk.Validator
		if in.NominatedByID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2 AND status = 'active'`,
				pid, in.NominatedByID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				v.Add("nominated_by_id", "admission.validation.not_member_organisation", nil)
			}
		}
		if in.ProspectID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM prospects WHERE id = $1 AND partnership_id = $2`, in.ProspectID, pid).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				v.Add("prospect_id", "admission.validation.unknown_prospect", nil)
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		if err := checkCandidateOrganisation(ctx, tx, pid, "", in.OrganisationID); err != nil {
			return err
		}
		id, now, stage := newID(), fmtTime(tx.now), admission.FirstStage(in.Source)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO admissions (id, partnership_id, candidate_name, organisation_id, contact_name, contact_email, contact_phone, motivation,
				source, nominated_by_id, prospect_id, stage, stage_on, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)`,
			id, pid, in.CandidateName, nullString(in.OrganisationID), in.ContactName, in.ContactEmail, in.ContactPhone, in.Motivation,
			in.Source, nullString(in.NominatedByID), nullString(in.ProspectID), stage, tx.today(), nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		if err := tx.addAdmissionStep(ctx, pid, id, "", stage, tx.today(), ""); err != nil {
			return err
		}
		var err error
		if out, _, err = loadAdmission(ctx, tx.db, tx, pid, id, true); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "admission.create", "admission", id, out.CandidateName, nil,
			map[string]string{"source": in.Source, "stage": stage, "organisation_id": in.OrganisationID})
	})
	return out, err
}

// admissionStep runs one write of an admission under the manage action: it
// validates the input (once the asker may act, so that nobody learns
// anything from a refusal), loads the admission and its state, lets write check and change it, moves
// the version on (a stale version is a conflict), and reads it back.
func (store *AdmissionStore) admissionStep(ctx context.Context, pid, id string, version int, validate func() error,
	write func(tx *Tx, a *pk.Admission, st admission.State) error) (*pk.Admission, error) {
	var out *pk.Admission
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionManageAdmissions); err != nil {
			return err
		}
		if err := validate(); err != nil {
			return err
		}
		a, st, err := loadAdmission(ctx, tx.db, tx, pid, id, true)
		if err != nil {
			return err
		}
		if err := write(tx, a, st); err != nil {
			return err
		}
		if err := tx.bumpVersion(ctx, "admissions", "id = $1 AND partnership_id = $2", version, id, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE admissions SET updated_at = $2 WHERE id = $1`, id, fmtTime(tx.now)); err != nil {
			return err
		}
		out, _, err = loadAdmission(ctx, tx.db, tx, pid, id, true)
		return err
	})
	return out, err
}

// moveStage stores a new stage and writes the step and the audit entry.
func (tx *Tx) moveStage(ctx context.Context, pid string, a *pk.Admission, to, on, note, action string, after map[string]any) error {
	if _, err := tx.ExecContext(ctx, `UPDATE admissions SET stage = $2, stage_on = $3 WHERE id = $1`, a.ID, to, on); err != nil {
		return err
	}
	if err := tx.addAdmissionStep(ctx, pid, a.ID, a.Stage, to, on, note); err != nil {
		return err
	}
	if after == nil {
		after = map[string]any{}
	}
	after["stage"], after["on"] = to, on
	return tx.audit(ctx, pid, action, "admission", a.ID, a.CandidateName, map[string]string{"stage": a.Stage}, after)
}

// UpdateAdmission changes the candidate's details and links it to an
// organisation on the platform.
// The input is checked whole, but how the candidate came (source,
// nominating organisation, prospect) stays as it was recorded.
func (store *AdmissionStore) UpdateAdmission(ctx context.Context, pid, id string, in pk.AdmissionInput) (*pk.Admission, error) {
	return store.admissionStep(ctx, pid, id, in.Version, in.Validate, func(tx *Tx, a *pk.Admission, st admission.State) error {
		if err := admission.CanEdit(st, in.OrganisationID); err != nil {
			return err
		}
		if in.OrganisationID != a.OrganisationID {
			if err := checkCandidateOrganisation(ctx, tx, pid, id, in.OrganisationID); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE admissions SET candidate_name = $2, organisation_id = $3, contact_name = $4, contact_email = $5, contact_phone = $6,
				motivation = $7 WHERE id = $1`,
			id, in.CandidateName, nullString(in.OrganisationID), in.ContactName, in.ContactEmail, in.ContactPhone, in.Motivation); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "admission.update", "admission", id, in.CandidateName,
			map[string]string{"candidate_name": a.CandidateName, "organisation_id": a.OrganisationID},
			map[string]string{"candidate_name": in.CandidateName, "organisation_id": in.OrganisationID})
	})
}

// CheckAdmission records checks of the charter's criteria; when the last
// criterion gets its check, the admission's history says it reached
// "criteria checked".
func (store *AdmissionStore) CheckAdmission(ctx context.Context, pid, id string, in pk.AdmissionChecksInput) (*pk.Admission, error) {
	return store.admissionStep(ctx, pid, id, in.Version, in.Validate, func(tx *Tx, a *pk.Admission, st admission.State) error {
		if err := admission.CanCheck(st); err != nil {
			return err
		}
		text := map[string]string{}
		for _, c := range a.Criteria {
			text[c.ID] = c.Text
		}
		var v pk.Validator
		for i, c := range in.Checks {
			if _, ok := text[c.CriterionID]; !ok {
				v.Add("checks."+strconv.Itoa(i)+".criterion_id", "admission.validation.unknown_criterion", nil)
			}
		}
		if err := v.Err(); err != nil {
			return err
		}
		results := map[string]string{}
		for _, c := range a.Criteria {
			if c.Check != nil {
				results[c.ID] = c.Check.Result
			}
		}
		audit := map[string]any{}
		for _, c := range in.Checks {
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO admission_checks (admission_id, partnership_id, criterion_id, criterion, result, evidence, evidence_url, charter_version,
					checked_by, checked_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
				ON CONFLICT (admission_id, criterion_id) DO UPDATE SET criterion = excluded.criterion, result = excluded.result,
					evidence = excluded.evidence, evidence_url = excluded.evidence_url, charter_version = excluded.charter_version,
					checked_by = excluded.checked_by, checked_at = excluded.checked_at`,
				id, pid, c.CriterionID, text[c.CriterionID], c.Result, c.Evidence, c.EvidenceURL, st.Charter.Version,
				nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now)); err != nil {
				return err
			}
			results[c.CriterionID], audit[c.CriterionID] = c.Result, c.Result
		}
		st.Checked, st.NotMet = 0, 0
		for _, c := range a.Criteria {
			if r, ok := results[c.ID]; ok {
				st.Checked++
				if r == pk.CheckNotMet {
					st.NotMet++
				}
			}
		}
		if admission.Effective(st) == pk.StageChecked && a.Stage != pk.StageChecked {
			if err := tx.addAdmissionStep(ctx, pid, id, a.Stage, pk.StageChecked, tx.today(), ""); err != nil {
				return err
			}
		}
		return tx.audit(ctx, pid, "admission.check", "admission", id, a.CandidateName, nil, map[string]any{"checks": audit})
	})
}

// DecideAdmission records the decision of the body the charter names for
// the admission area.
func (store *AdmissionStore) DecideAdmission(ctx context.Context, pid, id string, in pk.AdmissionDecisionInput) (*pk.Admission, error) {
	return store.admissionStep(ctx, pid, id, in.Version, in.Validate, func(tx *Tx, a *pk.Admission, st admission.State) error {
		if err := admission.Decide(st, in); err != nil {
			return err
		}
		b, err := loadBody(ctx, tx, pid, in.BodyID)
		if err != nil {
			return err
		}
		stage := pk.StageAdmitted
		if in.Outcome == pk.OutcomeDeclined {
			stage = pk.StageDeclined
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE admissions SET outcome = $2, decision_body_id = $3, decision_body_name = $4, decided_on = $5, decision_note = $6 WHERE id = $1`,
			id, in.Outcome, b.ID, b.Name, in.DecidedOn, in.Note); err != nil {
			return err
		}
		return tx.moveStage(ctx, pid, a, stage, in.DecidedOn, in.Note, "admission.decide",
			map[string]any{"outcome": in.Outcome, "body_id": b.ID, "body": b.Name})
	})
}

// SignAdmission records that the candidate's organisation signed every
// agreement in force: each gets the organisation's signature of its current
// text, typed by the person who signed for it (recorded by a coordinator,
// so no account signs). The signature counts once the organisation is an
// active member.
func (store *AdmissionStore) SignAdmission(ctx context.Context, pid, id string, in pk.AdmissionStepInput) (*pk.Admission, error) {
	return store.admissionStep(ctx, pid, id, in.Version, in.Validate, func(tx *Tx, a *pk.Admission, st admission.State) error {
		if err := admission.Sign(st, in.Signatory); err != nil {
			return err
		}
		on := in.On
		if on == "" {
			on = tx.today()
		}
		var signed []map[string]any
		for _, ag := range a.Agreements {
			if ag.Signed {
				continue
			}
			x, err := loadAgreement(ctx, tx, pid, ag.ID)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO agreement_signatures (id, agreement_id, partnership_id, organisation_id, user_id, text_version, typed_name, text_sha256, signed_at)
				VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8)`,
				newID(), x.ID, pid, a.OrganisationID, x.TextVersion, in.Signatory, x.TextSHA256, fmtTime(tx.now)); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE agreements SET version = version + 1, updated_at = $2 WHERE id = $1`, x.ID, fmtTime(tx.now)); err != nil {
				return err
			}
			entry := map[string]any{"organisation_id": a.OrganisationID, "text_version": x.TextVersion, "text_sha256": x.TextSHA256, "status": x.Status}
			if err := tx.audit(ctx, pid, "agreement.sign", "agreement", x.ID, x.Title, nil, entry); err != nil {
				return err
			}
			signed = append(signed, map[string]any{"agreement_id": x.ID, "text_sha256": x.TextSHA256})
		}
		if _, err := tx.ExecContext(ctx, `UPDATE admissions SET signatory = $2, signed_on = $3 WHERE id = $1`, id, in.Signatory, on); err != nil {
			return err
		}
		return tx.moveStage(ctx, pid, a, pk.StageSigned, on, in.Note, "admission.sign", map[string]any{"agreements": signed})
	})
}

// ActivateAdmission makes the organisation an active member of the
// partnership, the way an accepted invitation does; a prospect it came from
// is marked joined. Its people join through invitations, as everyone does.
func (store *AdmissionStore) ActivateAdmission(ctx context.Context, pid, id string, in pk.AdmissionStepInput) (*pk.Admission, error) {
	return store.admissionStep(ctx, pid, id, in.Version, in.Validate, func(tx *Tx, a *pk.Admission, st admission.State) error {
		if err := admission.Activate(st, in.Note); err != nil {
			return err
		}
		on := in.On
		if on == "" {
			on = tx.today()
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO partnership_organisations (partnership_id, organisation_id, status, since) VALUES ($1, $2, 'active', $3)
			ON CONFLICT (partnership_id, organisation_id) DO UPDATE SET status = 'active', since = excluded.since,
				version = partnership_organisations.version + 1`, pid, a.OrganisationID, fmtTime(tx.now)); err != nil {
			return err
		}
		if a.ProspectID != "" {
			var status string
			if err := tx.QueryRowContext(ctx, `SELECT status FROM prospects WHERE id = $1`, a.ProspectID).Scan(&status); err != nil {
				return err
			}
			if status != pk.ProspectJoined {
				if _, err := tx.ExecContext(ctx, `UPDATE prospects SET status = $2, status_at = $3, updated_at = $3, version = version + 1 WHERE id = $1`,
					a.ProspectID, pk.ProspectJoined, fmtTime(tx.now)); err != nil {
					return err
				}
				if err := tx.addStatusChange(ctx, pid, a.ProspectID, status, pk.ProspectJoined, in.Note); err != nil {
					return err
				}
			}
		}
		unsigned := !slices.ContainsFunc(a.Agreements, func(x *pk.AdmissionAgreement) bool { return x.Signed })
		return tx.moveStage(ctx, pid, a, pk.StageActive, on, in.Note, "admission.activate",
			map[string]any{"organisation_id": a.OrganisationID, "without_agreement": unsigned})
	})
}

// WithdrawAdmission ends an open admission the candidate no longer wants.
func (store *AdmissionStore) WithdrawAdmission(ctx context.Context, pid, id string, in pk.AdmissionStepInput) (*pk.Admission, error) {
	return store.admissionStep(ctx, pid, id, in.Version, in.Validate, func(tx *Tx, a *pk.Admission, st admission.State) error {
		if err := admission.Withdraw(st); err != nil {
			return err
		}
		on := in.On
		if on == "" {
			on = tx.today()
		}
		return tx.moveStage(ctx, pid, a, pk.StageWithdrawn, on, in.Note, "admission.withdraw", nil)
	})
}
