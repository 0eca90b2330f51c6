package sqldb

import (
	"context"
	"fmt"
	"maps"
	"slices"

	pk "github.com/partnerkit/partnerkit"
)

// maxPersonalRows bounds each kind of record in a personal-data document;
// a kind cut short says so in the document's notes.
const maxPersonalRows = 20000

// omittedSensitive is the reason given for records left out because the
// person may no longer see them.
const omittedSensitive = "sensitive_not_visible_to_you"

// contribution is one kind of record a person is tied to. Its query takes
// the person's ID as $1 and the row bound as $2, and selects
// partnership_id, organisation_id and sensitive (1 when the record is, or
// is about, a sensitive actor) first, then the record's own columns.
type contribution struct {
	kind, as, query string
}

// contributions are every record that carries a person's ID as its author,
// owner or doer. Columns that hold other people's personal data (a
// prospect's contact, an invitee's address) and copies of deleted records
// (the bin's snapshots) are left out: they are not about the asker.
var contributions = []contribution{
	{"partnership", "creator", `SELECT id AS partnership_id, '' AS organisation_id, 0 AS sensitive, id, name, created_at
		FROM partnerships WHERE created_by = $1 ORDER BY created_at, id LIMIT $2`},
	{"organisation", "creator", `SELECT '' AS partnership_id, id AS organisation_id, 0 AS sensitive, id, name, created_at
		FROM organisations WHERE created_by = $1 ORDER BY created_at, id LIMIT $2`},
	{"actor", "author", `SELECT partnership_id, '' AS organisation_id, CASE WHEN sensitive THEN 1 ELSE 0 END AS sensitive,
		id, name, kind, sector, motivation, contribution, notes, version, created_at, updated_at
		FROM actors WHERE created_by = $1 ORDER BY created_at, id LIMIT $2`},
	{"assessment", "assessor", `SELECT a.partnership_id, '' AS organisation_id, CASE WHEN ac.sensitive THEN 1 ELSE 0 END AS sensitive,
		a.id, a.map_id, a.actor_id, a.support, a.influence, a.interest, a.note, a.assessed_at
		FROM assessments a JOIN actors ac ON ac.id = a.actor_id WHERE a.assessed_by = $1 ORDER BY a.seq LIMIT $2`},
	{"tactic", "owner", `SELECT t.partnership_id, '' AS organisation_id, CASE WHEN ac.sensitive THEN 1 ELSE 0 END AS sensitive,
		t.id, t.map_id, t.actor_id, t.title, t.description, t.status, t.due, t.version, t.created_at
		FROM tactics t JOIN actors ac ON ac.id = t.actor_id WHERE t.owner_id = $1 ORDER BY t.created_at, t.id LIMIT $2`},
	{"self_analysis_entry", "author", `SELECT COALESCE(partnership_id, '') AS partnership_id, COALESCE(organisation_id, '') AS organisation_id,
		0 AS sensitive, id, section, body, answer, version, created_at, updated_at
		FROM self_analysis_entries WHERE author_id = $1 ORDER BY created_at, id LIMIT $2`},
	{"readiness_answer", "author", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, question_id, answer, note, version, answered_at
		FROM readiness_answers WHERE user_id = $1 ORDER BY answered_at, partnership_id, question_id LIMIT $2`},
	{"change_statement", "author", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive,
		id, level, if_text, then_text, because_text, version, created_at, updated_at
		FROM change_statements WHERE created_by = $1 ORDER BY created_at, id LIMIT $2`},
	{"form_choice", "chooser", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, kind, item, choice, chosen_at
		FROM form_choices WHERE chosen_by = $1 ORDER BY chosen_at, partnership_id LIMIT $2`},
	{"playbook_choice", "chooser", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, playbook, chosen_at
		FROM partnership_playbooks WHERE chosen_by = $1 ORDER BY chosen_at, partnership_id LIMIT $2`},
	{"playbook_stage_change", "author", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, id, playbook, from_stage, to_stage, changed_at
		FROM playbook_stage_history WHERE user_id = $1 ORDER BY changed_at, id LIMIT $2`},
	{"playbook_step", "done_by", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, playbook, step, done_at
		FROM playbook_steps WHERE done_by = $1 ORDER BY done_at, partnership_id, step LIMIT $2`},
	{"playbook_answer", "author", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, id, playbook, question, body, version, created_at, updated_at
		FROM playbook_answers WHERE user_id = $1 ORDER BY created_at, id LIMIT $2`},
	{"prospect", "point_of_contact", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive,
		id, name, kind, status, status_at, next_step, next_step_due, version, created_at, updated_at
		FROM prospects WHERE user_id = $1 ORDER BY created_at, id LIMIT $2`},
	{"prospect", "creator", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive,
		id, name, kind, status, status_at, created_at
		FROM prospects WHERE created_by = $1 ORDER BY created_at, id LIMIT $2`},
	{"prospect_status_change", "author", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive,
		id, prospect_id, from_status, to_status, note, changed_at
		FROM prospect_status_changes WHERE user_id = $1 ORDER BY changed_at, id LIMIT $2`},
	{"agreement_comment", "author", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, id, agreement_id, section, text_version, body, created_at
		FROM agreement_comments WHERE user_id = $1 ORDER BY created_at, id LIMIT $2`},
	{"invitation", "sender", `SELECT COALESCE(partnership_id, '') AS partnership_id, '' AS organisation_id, 0 AS sensitive,
		id, role, status, created_at
		FROM invitations WHERE invited_by = $1 ORDER BY created_at, id LIMIT $2`},
	{"proposal", "proposer", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, id, body_id, title, method, secret, created_at
		FROM proposals WHERE created_by = $1 ORDER BY created_at, id LIMIT $2`},
	// Open ballots with their choice; of a secret ballot only that one
	// voted, as nothing else ties it to the voter.
	{"ballot", "voter", `SELECT partnership_id, COALESCE(organisation_id, '') AS organisation_id, 0 AS sensitive,
		proposal_id, choice, reason, created_at, updated_at
		FROM ballots WHERE user_id = $1 ORDER BY created_at, id LIMIT $2`},
	{"secret_ballot", "voter", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, proposal_id
		FROM proposal_voters WHERE user_id = $1 ORDER BY proposal_id LIMIT $2`},
	{"reopen_request", "supporter", `SELECT partnership_id, '' AS organisation_id, 0 AS sensitive, decision_id, created_at
		FROM reopen_supporters WHERE user_id = $1 ORDER BY created_at, decision_id LIMIT $2`},
	// Meetings: what the person took on, and whether they came.
	{"action_item", "responsible", `SELECT partnership_id, COALESCE(organisation_id, '') AS organisation_id, 0 AS sensitive,
		id, meeting_id, what, due_date, status, version, created_at, updated_at
		FROM meeting_action_items WHERE user_id = $1 ORDER BY created_at, id LIMIT $2`},
	{"attendance", "attendee", `SELECT a.partnership_id, '' AS organisation_id, 0 AS sensitive,
		a.meeting_id, m.title AS meeting_title, m.starts_at, a.status, a.recorded_at
		FROM meeting_attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.user_id = $1 ORDER BY m.starts_at, a.meeting_id LIMIT $2`},
	// The inbox: what the person was told, while they may still see it
	// (the same rule as the inbox itself).
	{"notification", "recipient", `SELECT n.partnership_id, '' AS organisation_id, 0 AS sensitive,
		n.id, e.kind, e.subject_type, e.subject_id, e.data, n.created_at, n.read_at
		FROM notifications n JOIN events e ON e.id = n.event_id
		JOIN partnership_people pp ON pp.partnership_id = n.partnership_id AND pp.user_id = n.user_id
		WHERE n.user_id = $1 AND ` + eventVisible + ` ORDER BY n.created_at, n.id LIMIT $2`},
	{"bin_item", "deleter", `SELECT partnership_id, '' AS organisation_id, CASE WHEN sensitive THEN 1 ELSE 0 END AS sensitive,
		id, kind, subject_id, title, deleted_at, expires_at
		FROM bin_items WHERE deleted_by = $1 ORDER BY deleted_at, id LIMIT $2`},
}

// MyData is everything Partnerkit holds about the asking user. Records
// they wrote that are (or are about) sensitive actors are included only
// where their role today lets them see sensitive data; the others are
// counted in Omitted and the notes say so. Privacy fails closed: leaving a
// partnership, or a lower role, takes away what a role once showed. An
// export that includes sensitive records is recorded in that partnership's
// audit log, like every export of sensitive data.
func (store *AccountStore) MyData(ctx context.Context) (*pk.PersonalData, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	db := store.db
	d := &pk.PersonalData{Format: pk.PersonalDataFormat, SchemaVersion: pk.PersonalDataSchemaVersion, ExportedAt: db.now(),
		Notes: []string{
			"Everything this Partnerkit instance holds about you: your profile, memberships, what you wrote or own, your sessions and API tokens (never their secrets), audit entries made by you or about you, and invitations sent to your address.",
			"Never included: your password (only a one-way hash of it is stored), the secrets of sessions and tokens, other people's contact details, copies of deleted records.",
			"Records you wrote about sensitive actors are included only where your role today lets you see sensitive data; the others are left out and counted under \"omitted\".",
		},
		Partnerships: []pk.PersonalPartnership{}, Organisations: []pk.PersonalOrganisation{}, Contributions: []pk.PersonalContribution{},
		Audit: []pk.PersonalAuditEntry{}, Omitted: []pk.PersonalDataOmission{}, Invitations: []pk.PersonalInvitationFor{}}
	p := &d.Profile
	var email string
	if err := db.read.QueryRowContext(ctx, `SELECT id, email, email_verified, name, language, admin, created_at, lived_experience, young FROM users WHERE id = $1`, uid).
		Scan(&p.ID, &email, &p.EmailVerified, &p.Name, &p.Language, &p.Admin, ts(&p.CreatedAt), &p.SelfDeclared.LivedExperience, &p.SelfDeclared.Young); err != nil {
		return nil, err
	}
	p.Email = email
	roles := map[string]pk.Role{}
	if err := store.myMemberships(ctx, uid, d, roles); err != nil {
		return nil, err
	}
	omitted := map[string]int{}
	sensitiveIn := map[string]bool{}
	for _, c := range contributions {
		n, err := store.myContributions(ctx, uid, c, roles, d, omitted, sensitiveIn)
		if err != nil {
			return nil, err
		}
		if n > maxPersonalRows {
			d.Notes = append(d.Notes, fmt.Sprintf("Only the first %d records of type %q (as %s) are included.", maxPersonalRows, c.kind, c.as))
		}
	}
	if err := store.myAudit(ctx, uid, roles, d, omitted); err != nil {
		return nil, err
	}
	if err := store.myInvitations(ctx, email, d); err != nil {
		return nil, err
	}
	if d.Sessions, err = store.Sessions(ctx); err != nil {
		return nil, err
	}
	if d.Tokens, err = store.Tokens(ctx); err != nil {
		return nil, err
	}
	d.Sessions, d.Tokens = pkNonNil(d.Sessions), pkNonNil(d.Tokens)
	for _, kind := range slices.Sorted(maps.Keys(omitted)) {
		d.Omitted = append(d.Omitted, pk.PersonalDataOmission{Type: kind, Count: omitted[kind], Reason: omittedSensitive})
	}
	if len(sensitiveIn) > 0 {
		err := db.inTx(ctx, func(tx *Tx) error {
			for _, pid := range slices.Sorted(maps.Keys(sensitiveIn)) {
				if err := tx.auditSensitive(ctx, true, pid, "account.export", "user", uid, "", nil, nil); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}

// myMemberships fills the person's partnerships and organisations, and
// their role in each partnership.
func (store *AccountStore) myMemberships(ctx context.Context, uid string, d *pk.PersonalData, roles map[string]pk.Role) error {
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT p.id, p.name, pp.role, COALESCE(pp.organisation_id, ''), COALESCE(o.name, ''), pp.since
		FROM partnership_people pp JOIN partnerships p ON p.id = pp.partnership_id LEFT JOIN organisations o ON o.id = pp.organisation_id
		WHERE pp.user_id = $1 ORDER BY p.name, p.id`, uid)
	if err != nil {
		return err
	}
	for rows.Next() {
		var x pk.PersonalPartnership
		if err := rows.Scan(&x.ID, &x.Name, &x.Role, &x.OrganisationID, &x.OrganisationName, &x.Since); err != nil {
			rows.Close()
			return err
		}
		roles[x.ID] = x.Role
		d.Partnerships = append(d.Partnerships, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	rows, err = store.db.read.QueryContext(ctx, `
		SELECT o.id, o.name, op.admin FROM organisation_people op JOIN organisations o ON o.id = op.organisation_id
		WHERE op.user_id = $1 ORDER BY o.name, o.id`, uid)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var x pk.PersonalOrganisation
		if err := rows.Scan(&x.ID, &x.Name, &x.Admin); err != nil {
			return err
		}
		d.Organisations = append(d.Organisations, x)
	}
	return rows.Err()
}

// myContributions adds the records of one kind, leaving out sensitive ones
// the person may not see today; it returns how many rows the query gave.
func (store *AccountStore) myContributions(ctx context.Context, uid string, c contribution, roles map[string]pk.Role,
	d *pk.PersonalData, omitted map[string]int, sensitiveIn map[string]bool) (int, error) {
	rows, err := store.db.read.QueryContext(ctx, c.query, uid, maxPersonalRows+1)
	if err != nil {
		return 0, fmt.Errorf("personal data, %s: %w", c.kind, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return 0, err
	}
	n := 0
	for rows.Next() {
		n++
		if n > maxPersonalRows {
			break
		}
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return 0, err
		}
		x := pk.PersonalContribution{Type: c.kind, As: c.as, Fields: map[string]any{}}
		sensitive := false
		for i, col := range cols {
			v := plainValue(vals[i])
			switch col {
			case "partnership_id":
				x.PartnershipID, _ = v.(string)
			case "organisation_id":
				x.OrganisationID, _ = v.(string)
			case "sensitive":
				sensitive = fmt.Sprint(v) == "1"
			default:
				x.Fields[col] = v
			}
		}
		if sensitive {
			if !pk.MaySeeSensitive(roles[x.PartnershipID]) {
				omitted[c.kind]++
				continue
			}
			sensitiveIn[x.PartnershipID] = true
		}
		d.Contributions = append(d.Contributions, x)
	}
	return n, rows.Err()
}

// plainValue turns what a driver scanned into a JSON-friendly value: bytes
// become text, integers stay numbers, NULL stays null.
func plainValue(v any) any {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case int32:
		return int64(x)
	}
	return v
}

// myAudit adds the audit entries made by the person or about them. An
// entry about sensitive data is left out unless the person may see it
// today; the summary is given where the person is still a member (the
// activity feed shows it to members), the before and after only where they
// may read the full log.
func (store *AccountStore) myAudit(ctx context.Context, uid string, roles map[string]pk.Role, d *pk.PersonalData, omitted map[string]int) error {
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT partnership_id, CASE WHEN sensitive THEN 1 ELSE 0 END, COALESCE(user_id, ''), action, subject_type, subject_id,
			summary, before_json, after_json, created_at
		FROM audit_log WHERE user_id = $1 OR subject_id = $1 ORDER BY seq LIMIT $2`, uid, maxPersonalRows+1)
	if err != nil {
		return err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		n++
		if n > maxPersonalRows {
			d.Notes = append(d.Notes, fmt.Sprintf("Only the first %d audit entries are included.", maxPersonalRows))
			break
		}
		var e pk.PersonalAuditEntry
		var sensitive int
		var by, summary, before, after string
		if err := rows.Scan(&e.PartnershipID, &sensitive, &by, &e.Action, &e.SubjectType, &e.SubjectID, &summary, &before, &after, ts(&e.CreatedAt)); err != nil {
			return err
		}
		role := roles[e.PartnershipID]
		if sensitive == 1 && !pk.MaySeeSensitive(role) {
			omitted["audit_entry"]++
			continue
		}
		e.ByMe, e.AboutMe = by == uid, e.SubjectID == uid
		if role != "" {
			e.Summary = summary
		}
		if pk.Can(role, pk.ActionViewAudit) {
			e.Before, e.After = before, after
		}
		d.Audit = append(d.Audit, e)
	}
	return rows.Err()
}

// myInvitations adds the invitations sent to the person's address.
func (store *AccountStore) myInvitations(ctx context.Context, email string, d *pk.PersonalData) error {
	rows, err := store.db.read.QueryContext(ctx, `
		SELECT id, COALESCE(partnership_id, ''), role, status, created_at FROM invitations WHERE email = $1 ORDER BY created_at, id LIMIT $2`,
		email, maxPersonalRows)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var x pk.PersonalInvitationFor
		if err := rows.Scan(&x.ID, &x.PartnershipID, &x.Role, &x.Status, ts(&x.CreatedAt)); err != nil {
			return err
		}
		d.Invitations = append(d.Invitations, x)
	}
	return rows.Err()
}

// pkNonNil gives an empty list for nil, so the document says [] rather
// than null.
func pkNonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}
