package sqldb

import (
	"context"
	"database/sql"
	"errors"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/admission"
)

// AdmissionStore keeps the admission of new member organisations: the
// candidates, the criteria checks, the decisions and the dated steps.
type AdmissionStore struct{ db *DB }

const admissionSelect = `
	SELECT a.id, a.candidate_name, COALESCE(a.organisation_id, ''), COALESCE(o.name, ''), a.contact_name, a.contact_email,
		a.contact_phone, a.motivation, a.source, COALESCE(a.nominated_by_id, ''), COALESCE(n.name, ''), COALESCE(a.prospect_id, ''),
		COALESCE(pr.name, ''), a.stage, a.stage_on, a.outcome, COALESCE(a.decision_body_id, ''), a.decision_body_name, a.decided_on,
		a.decision_note, a.signatory, a.signed_on, COALESCE(u.name, ''), a.version, a.created_at, a.updated_at
	FROM admissions a
	LEFT JOIN organisations o ON o.id = a.organisation_id
	LEFT JOIN organisations n ON n.id = a.nominated_by_id
	LEFT JOIN prospects pr ON pr.id = a.prospect_id
	LEFT JOIN users u ON u.id = a.created_by `

func scanAdmission(row rowScanner) (*pk.Admission, error) {
	a := &pk.Admission{}
	return a, row.Scan(&a.ID, &a.CandidateName, &a.OrganisationID, &a.OrganisationName, &a.ContactName, &a.ContactEmail,
		&a.ContactPhone, &a.Motivation, &a.Source, &a.NominatedByID, &a.NominatedByName, &a.ProspectID,
		&a.ProspectName, &a.Stage, &a.StageOn, &a.Outcome, &a.DecisionBodyID, &a.DecisionBodyName, &a.DecidedOn,
		&a.DecisionNote, &a.Signatory, &a.SignedOn, &a.CreatedByName, &a.Version, ts(&a.CreatedAt), ts(&a.UpdatedAt))
}

// admissionCharter is the charter in force and its criteria, or nil and
// none when the partnership has no charter yet.
func admissionCharter(ctx context.Context, db *DB, q queryer, pid string) (*pk.Charter, []admission.Criterion, error) {
	c, err := loadCharter(ctx, db, q, pid)
	if pk.ErrorCode(err) == pk.ENOTFOUND {
		return nil, nil, nil
	} else if err != nil {
		return nil, nil, err
	}
	return c, admission.Criteria(c.AdmissionCriteria), nil
}

// checkResults maps each admission to its checks' results by criterion.
func checkResults(ctx context.Context, q queryer, where string, arg string) (map[string]map[string]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT admission_id, criterion_id, result FROM admission_checks WHERE `+where, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]map[string]string{}
	for rows.Next() {
		var aid, cid, res string
		if err := rows.Scan(&aid, &cid, &res); err != nil {
			return nil, err
		}
		if out[aid] == nil {
			out[aid] = map[string]string{}
		}
		out[aid][cid] = res
	}
	return out, rows.Err()
}

// count fills the criteria counts and the stage shown; details says
// whether the reader may see contact details, motivation and notes.
func count(a *pk.Admission, criteria []admission.Criterion, results map[string]string, details bool) {
	a.CriteriaTotal = len(criteria)
	a.CriteriaChecked, a.CriteriaNotMet = admission.Tally(criteria, results)
	a.Stage = admission.Effective(admission.State{Stage: a.Stage, Criteria: a.CriteriaTotal, Checked: a.CriteriaChecked})
	a.DetailsShown = details
	if !details {
		a.ContactName, a.ContactEmail, a.ContactPhone, a.Motivation, a.DecisionNote = "", "", "", "", ""
	}
}

// Admissions lists the partnership's admissions, newest first.
func (store *AdmissionStore) Admissions(ctx context.Context, pid string) (*pk.AdmissionList, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAdmissions)
	if err != nil {
		return nil, err
	}
	q := store.db.read
	items, err := collect(scanAdmission)(q.QueryContext(ctx,
		admissionSelect+`WHERE a.partnership_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2`, pid, pk.MaxAdmissions+1))
	if err != nil {
		return nil, err
	}
	list := &pk.AdmissionList{Items: items}
	list.Items, list.Cut = cut(items, pk.MaxAdmissions)
	_, criteria, err := admissionCharter(ctx, store.db, q, pid)
	if err != nil {
		return nil, err
	}
	results, err := checkResults(ctx, q, "partnership_id = $1", pid)
	if err != nil {
		return nil, err
	}
	details := pk.Can(p.MyRole, pk.ActionAdmissionDetails)
	for _, a := range list.Items {
		count(a, criteria, results[a.ID], details)
	}
	return list, nil
}

// Admission returns one admission with the criteria and their checks,
// the body that decides and the agreements in force.
func (store *AdmissionStore) Admission(ctx context.Context, pid, id string) (*pk.Admission, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAdmissions)
	if err != nil {
		return nil, err
	}
	a, _, err := loadAdmission(ctx, store.db, store.db.read, pid, id, pk.Can(p.MyRole, pk.ActionAdmissionDetails))
	return a, err
}

// loadAdmission reads an admission whole and the state its rules need.
func loadAdmission(ctx context.Context, db *DB, q queryer, pid, id string, details bool) (*pk.Admission, admission.State, error) {
	var st admission.State
	a, err := scanAdmission(q.QueryRowContext(ctx, admissionSelect+`WHERE a.id = $1 AND a.partnership_id = $2`, id, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, st, pk.NotFound()
	} else if err != nil {
		return nil, st, err
	}
	c, criteria, err := admissionCharter(ctx, db, q, pid)
	if err != nil {
		return nil, st, err
	}
	checks, err := collect(func(r rowScanner) (*pk.AdmissionCheck, error) {
		x := &pk.AdmissionCheck{}
		return x, r.Scan(&x.CriterionID, &x.Criterion, &x.Result, &x.Evidence, &x.EvidenceURL, &x.CharterVersion, &x.CheckedByName, ts(&x.CheckedAt))
	})(q.QueryContext(ctx, `
		SELECT c.criterion_id, c.criterion, c.result, c.evidence, c.evidence_url, c.charter_version, COALESCE(u.name, ''), c.checked_at
		FROM admission_checks c LEFT JOIN users u ON u.id = c.checked_by
		WHERE c.admission_id = $1 ORDER BY c.criterion_id LIMIT $2`, id, pk.MaxAdmissionChecks*4))
	if err != nil {
		return nil, st, err
	}
	byID, results := map[string]*pk.AdmissionCheck{}, map[string]string{}
	for _, x := range checks {
		if !details {
			x.Evidence, x.EvidenceURL = "", ""
		}
		byID[x.CriterionID], results[x.CriterionID] = x, x.Result
	}
	a.Criteria = make([]*pk.AdmissionCriterion, len(criteria))
	for i, cr := range criteria {
		a.Criteria[i] = &pk.AdmissionCriterion{ID: cr.ID, Text: cr.Text, Check: byID[cr.ID]}
	}
	stored := a.Stage
	count(a, criteria, results, details)
	if body := admission.DecidingBody(c); body != "" {
		if b, err := loadBody(ctx, q, pid, body); err == nil {
			a.DecidingBody = &pk.Choice{ID: b.ID, Name: b.Name}
		} else if pk.ErrorCode(err) != pk.ENOTFOUND {
			return nil, st, err
		}
	}
	if a.Agreements, err = agreementsInForce(ctx, q, pid, a.OrganisationID); err != nil {
		return nil, st, err
	}
	st = admission.State{Stage: stored, Criteria: a.CriteriaTotal, Checked: a.CriteriaChecked, NotMet: a.CriteriaNotMet,
		OrganisationID: a.OrganisationID, Charter: c}
	for _, x := range a.Agreements {
		st.Agreements = append(st.Agreements, *x)
	}
	return a, st, nil
}

// agreementsInForce lists the partnership's agreements in force and
// whether org (may be empty) signed the current text of each.
func agreementsInForce(ctx context.Context, q queryer, pid, org string) ([]*pk.AdmissionAgreement, error) {
	return collect(func(r rowScanner) (*pk.AdmissionAgreement, error) {
		x := &pk.AdmissionAgreement{}
		return x, r.Scan(&x.ID, &x.Title, &x.Signed)
	})(q.QueryContext(ctx, `
		SELECT a.id, a.title, EXISTS (
			SELECT 1 FROM agreement_signatures s JOIN agreement_versions v ON v.agreement_id = a.id AND v.number = a.text_version
			WHERE s.agreement_id = a.id AND s.organisation_id = $2 AND s.text_sha256 = v.text_sha256)
		FROM agreements a WHERE a.partnership_id = $1 AND a.status = 'in_force' ORDER BY a.created_at, a.id LIMIT $3`,
		pid, org, pk.MaxAgreements))
}

// AdmissionSteps is an admission's dated history, oldest first. Notes are
// for members and coordinators.
func (store *AdmissionStore) AdmissionSteps(ctx context.Context, pid, id string) (*pk.AdmissionStepList, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAdmissions)
	if err != nil {
		return nil, err
	}
	var n int
	if err := store.db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM admissions WHERE id = $1 AND partnership_id = $2`, id, pid).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, pk.NotFound()
	}
	items, err := collect(func(r rowScanner) (*pk.AdmissionStep, error) {
		x := &pk.AdmissionStep{}
		return x, r.Scan(&x.From, &x.To, &x.On, &x.Note, &x.UserName, ts(&x.At))
	})(store.db.read.QueryContext(ctx, `
		SELECT s.from_stage, s.to_stage, s.step_on, s.note, COALESCE(u.name, ''), s.recorded_at
		FROM admission_steps s LEFT JOIN users u ON u.id = s.user_id
		WHERE s.admission_id = $1 ORDER BY s.seq LIMIT $2`, id, pk.MaxAdmissionSteps+1))
	if err != nil {
		return nil, err
	}
	list := &pk.AdmissionStepList{}
	list.Items, list.Cut = cut(items, pk.MaxAdmissionSteps)
	if !pk.Can(p.MyRole, pk.ActionAdmissionDetails) {
		for _, x := range list.Items {
			x.Note = ""
		}
	}
	return list, nil
}

// AdmissionChoices lists the active member organisations that may
// nominate, the partnership's prospects and its bodies, each by name.
func (store *AdmissionStore) AdmissionChoices(ctx context.Context, pid string) (*pk.AdmissionChoices, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionProposeAdmissions); err != nil {
		return nil, err
	}
	q, out := store.db.read, &pk.AdmissionChoices{}
	for _, l := range []struct {
		into  *[]pk.Choice
		query string
	}{
		{&out.MemberOrganisations, `SELECT o.id, o.name FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
			WHERE po.partnership_id = $1 AND po.status = 'active' ORDER BY o.name, o.id LIMIT $2`},
		{&out.Prospects, `SELECT id, name FROM prospects WHERE partnership_id = $1 ORDER BY name, id LIMIT $2`},
		{&out.Bodies, `SELECT id, name FROM bodies WHERE partnership_id = $1 ORDER BY name, id LIMIT $2`},
	} {
		xs, err := collect(func(r rowScanner) (pk.Choice, error) {
			var c pk.Choice
			return c, r.Scan(&c.ID, &c.Name)
		})(q.QueryContext(ctx, l.query, pid, pk.MaxChoices+1))
		if err != nil {
			return nil, err
		}
		var wasCut bool
		*l.into, wasCut = cut(xs, pk.MaxChoices)
		out.Cut = out.Cut || wasCut
	}
	return out, nil
}
