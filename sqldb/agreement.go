package sqldb

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
)

// agreementSelect reads an agreement with its current version's text.
const agreementSelect = `
	SELECT a.id, a.kind, a.title, a.status, a.text_version, v.sections, v.body, v.text_sha256, a.version, a.created_at, a.updated_at
	FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id AND v.number = a.text_version `

func scanAgreement(row rowScanner) (*pk.Agreement, error) {
	x := &pk.Agreement{}
	var sections string
	if err := row.Scan(&x.ID, &x.Kind, &x.Title, &x.Status, &x.TextVersion, &sections, &x.Text, &x.TextSHA256,
		&x.Version, ts(&x.CreatedAt), ts(&x.UpdatedAt)); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(sections), &x.Sections); err != nil {
		return nil, err
	}
	return x, nil
}

// Agreements lists the partnership's agreements, newest first (without who
// signed: that is Agreement's).
func (store *AgreementStore) Agreements(ctx context.Context, pid string) (*pk.AgreementList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAgreements); err != nil {
		return nil, err
	}
	items, err := collect(scanAgreement)(store.db.read.QueryContext(ctx,
		agreementSelect+`WHERE a.partnership_id = $1 ORDER BY a.created_at DESC, a.id DESC LIMIT $2`, pid, pk.MaxAgreements+1))
	if err != nil {
		return nil, err
	}
	list := &pk.AgreementList{Items: items}
	if len(items) > pk.MaxAgreements {
		list.Items, list.Cut = items[:pk.MaxAgreements], true
	}
	return list, nil
}

// Agreement returns one agreement with who signed its current text.
func (store *AgreementStore) Agreement(ctx context.Context, pid, id string) (*pk.Agreement, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAgreements); err != nil {
		return nil, err
	}
	return loadAgreement(ctx, store.db.read, pid, id)
}

func loadAgreement(ctx context.Context, q queryer, pid, id string) (*pk.Agreement, error) {
	x, err := scanAgreement(q.QueryRowContext(ctx, agreementSelect+`WHERE a.id = $1 AND a.partnership_id = $2`, id, pid))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	members, err := collect(func(r rowScanner) (pk.AgreementParty, error) {
		var m pk.AgreementParty
		return m, r.Scan(&m.OrganisationID, &m.Name)
	})(q.QueryContext(ctx, `
		SELECT o.id, o.name FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
		WHERE po.partnership_id = $1 AND po.status = 'active' ORDER BY o.name, o.id`, pid))
	if err != nil {
		return nil, err
	}
	sigs, err := collect(scanSignature)(q.QueryContext(ctx, signatureSelect+`
		WHERE s.agreement_id = $1 AND s.text_version = $2 ORDER BY s.signed_at, s.id`, id, x.TextVersion))
	if err != nil {
		return nil, err
	}
	ids, names := make([]string, len(members)), map[string]string{}
	for i, m := range members {
		ids[i], names[m.OrganisationID] = m.OrganisationID, m.Name
	}
	rule := make([]agreement.Signature, len(sigs))
	for i, s := range sigs {
		rule[i] = agreement.Signature{OrganisationID: s.OrganisationID, UserID: s.UserID, TypedName: s.TypedName, SignedAt: s.SignedAt, TextSHA256: s.TextSHA256}
		s.Valid = s.TextSHA256 == x.TextSHA256
	}
	signed, missing := agreement.Tally(ids, x.Text, rule)
	x.Signatures, x.SignedBy, x.Missing = sigs, parties(signed, names), parties(missing, names)
	return x, nil
}

func parties(ids []string, names map[string]string) []pk.AgreementParty {
	out := make([]pk.AgreementParty, len(ids))
	for i, id := range ids {
		out[i] = pk.AgreementParty{OrganisationID: id, Name: names[id]}
	}
	return out
}

const signatureSelect = `
	SELECT s.id, s.organisation_id, o.name, COALESCE(s.user_id, ''), s.typed_name, s.text_version, s.text_sha256, s.signed_at
	FROM agreement_signatures s JOIN organisations o ON o.id = s.organisation_id `

func scanSignature(row rowScanner) (*pk.AgreementSignature, error) {
	s := &pk.AgreementSignature{}
	return s, row.Scan(&s.ID, &s.OrganisationID, &s.OrganisationName, &s.UserID, &s.TypedName, &s.TextVersion, &s.TextSHA256, ts(&s.SignedAt))
}

// AgreementFacts reads what a first draft names: active member
// organisations with the people who represent them, the partnership's
// purpose and the vision of its theory of change, the "added value"
// answers of the partnership's self-analysis with their authors'
// organisations (organisations' own self-analyses stay private to them),
// and the charter in force with the bodies (agreementGovernance).
func (store *AgreementStore) AgreementFacts(ctx context.Context, pid string) (*agreement.Facts, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionEditAgreements)
	if err != nil {
		return nil, err
	}
	q := store.db.read
	f := &agreement.Facts{Purpose: p.Purpose}
	rows, err := q.QueryContext(ctx, `
		SELECT o.id, o.name, COALESCE(u.name, '')
		FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
		LEFT JOIN partnership_people pp ON pp.partnership_id = po.partnership_id AND pp.organisation_id = o.id AND pp.role IN ('member', 'coordinator')
		LEFT JOIN users u ON u.id = pp.user_id
		WHERE po.partnership_id = $1 AND po.status = 'active' ORDER BY o.name, o.id, u.name LIMIT $2`, pid, pk.MaxMemberPeople)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	last := ""
	for rows.Next() {
		var oid, org, person string
		if err := rows.Scan(&oid, &org, &person); err != nil {
			return nil, err
		}
		if oid != last {
			f.Members = append(f.Members, agreement.Member{Name: org})
			last = oid
		}
		if person != "" {
			m := &f.Members[len(f.Members)-1]
			m.Representatives = append(m.Representatives, person)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	var visions []string
	vrows, err := collect(func(r rowScanner) (string, error) {
		var s string
		return s, r.Scan(&s)
	})(q.QueryContext(ctx, `SELECT then_text FROM change_statements WHERE partnership_id = $1 AND level = 'vision' ORDER BY created_at, id LIMIT 20`, pid))
	if err != nil {
		return nil, err
	}
	for _, v := range vrows {
		if strings.TrimSpace(v) != "" {
			visions = append(visions, strings.TrimSpace(v))
		}
	}
	f.Vision = strings.Join(visions, "\n\n")
	f.Offers, err = collect(func(r rowScanner) (agreement.Offer, error) {
		var o agreement.Offer
		return o, r.Scan(&o.Organisation, &o.Offer)
	})(q.QueryContext(ctx, `
		SELECT COALESCE(o.name, ''), e.body FROM self_analysis_entries e
		LEFT JOIN partnership_people pp ON pp.partnership_id = e.partnership_id AND pp.user_id = e.author_id
		LEFT JOIN organisations o ON o.id = pp.organisation_id
		WHERE e.partnership_id = $1 AND e.section = 'added_value' AND e.body <> '' ORDER BY e.created_at, e.id LIMIT 100`, pid))
	if err != nil {
		return nil, err
	}
	f.Governance, err = agreementGovernance(ctx, store.db, q, pid, store.db.now().UTC().Format("2006-01-02"))
	return f, err
}

func sectionsJSON(ss []agreement.Section) string {
	for i := range ss {
		ss[i].Title = strings.Join(strings.Fields(ss[i].Title), " ")
		ss[i].Body = agreement.Normalize(ss[i].Body)
	}
	b, _ := json.Marshal(ss)
	return string(b)
}

// orderSections puts sections in the order of agreement.SectionIDs.
func orderSections(ss []agreement.Section) []agreement.Section {
	out := make([]agreement.Section, 0, len(ss))
	for _, id := range agreement.SectionIDs {
		for _, s := range ss {
			if s.ID == id {
				out = append(out, s)
			}
		}
	}
	return out
}

func (tx *Tx) addAgreementVersion(ctx context.Context, pid, id string, number int, ss []agreement.Section, note string) (string, error) {
	js := sectionsJSON(ss)
	text := agreement.Join(ss)
	h := agreement.Hash(text)
	_, err := tx.ExecContext(ctx, `
		INSERT INTO agreement_versions (agreement_id, partnership_id, number, sections, body, text_sha256, note, user_id, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
		id, pid, number, js, text, h, note, nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now))
	return h, err
}

// CreateAgreement starts an agreement as a draft, version 1 of its text.
func (store *AgreementStore) CreateAgreement(ctx context.Context, pid string, in pk.AgreementInput) (*pk.Agreement, error) {
	var out *pk.Agreement
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditAgreements); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		id, now := newID(), fmtTime(tx.now)
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO agreements (id, partnership_id, kind, title, status, text_version, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $7)`,
			id, pid, in.Kind, strings.TrimSpace(in.Title), agreement.StatusDraft, nullString(pk.UserIDFromContext(ctx)), now); err != nil {
			return err
		}
		h, err := tx.addAgreementVersion(ctx, pid, id, 1, orderSections(in.Sections), "")
		if err != nil {
			return err
		}
		if out, err = loadAgreement(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "agreement.create", "agreement", id, out.Title, nil,
			map[string]any{"kind": out.Kind, "status": out.Status, "text_version": 1, "text_sha256": h})
	})
	return out, err
}

// UpdateAgreementText changes the text. A draft is changed in place (its
// version 1 rewritten, no one has signed); once circulated every change is a
// new version, and since its hash is new, every signature must be given again
// (agreement.Tally counts only signatures of the current hash).
func (store *AgreementStore) UpdateAgreementText(ctx context.Context, pid, id string, in pk.AgreementTextInput) (*pk.Agreement, error) {
	var out *pk.Agreement
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditAgreements); err != nil {
			return err
		}
		before, err := loadAgreement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		if !agreement.Editable(before.Status) {
			return pk.Errorf(pk.ECONFLICT, "agreement.error.superseded", nil)
		}
		if err := tx.bumpVersion(ctx, "agreements", "id = $1 AND partnership_id = $2", in.Version, id, pid); err != nil {
			return err
		}
		ss := orderSections(in.Sections)
		if agreement.Join(ss) == before.Text {
			out = before
			out.Version++
			return nil
		}
		number := before.TextVersion
		var h string
		if agreement.EditMakesVersion(before.Status) {
			number++
			h, err = tx.addAgreementVersion(ctx, pid, id, number, ss, strings.TrimSpace(in.Note))
		} else {
			text := agreement.Join(ss)
			h = agreement.Hash(text)
			_, err = tx.ExecContext(ctx, `UPDATE agreement_versions SET sections = $3, body = $4, text_sha256 = $5, note = $6, user_id = $7, created_at = $8
				WHERE agreement_id = $1 AND number = $2`,
				id, number, sectionsJSON(ss), text, h, strings.TrimSpace(in.Note), nullString(pk.UserIDFromContext(ctx)), fmtTime(tx.now))
		}
		if err != nil {
			return err
		}
		status := agreement.AfterEdit(before.Status)
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET text_version = $2, status = $3, updated_at = $4 WHERE id = $1`,
			id, number, status, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadAgreement(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "agreement.edit", "agreement", id, out.Title,
			map[string]any{"status": before.Status, "text_version": before.TextVersion, "text_sha256": before.TextSHA256},
			map[string]any{"status": status, "text_version": number, "text_sha256": h})
	})
	return out, err
}

// SetAgreementStatus circulates a draft or marks a circulated, signing or
// in-force agreement superseded.
func (store *AgreementStore) SetAgreementStatus(ctx context.Context, pid, id string, in pk.AgreementStatusInput) (*pk.Agreement, error) {
	var out *pk.Agreement
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditAgreements); err != nil {
			return err
		}
		before, err := loadAgreement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		ok := (in.Status == agreement.StatusCirculated && before.Status == agreement.StatusDraft) ||
			(in.Status == agreement.StatusSuperseded && before.Status != agreement.StatusDraft && before.Status != agreement.StatusSuperseded)
		if !ok {
			return pk.FieldInvalid("status", "agreement.validation.status_move", nil)
		}
		if err := tx.bumpVersion(ctx, "agreements", "id = $1 AND partnership_id = $2", in.Version, id, pid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET status = $2, updated_at = $3 WHERE id = $1`, id, in.Status, fmtTime(tx.now)); err != nil {
			return err
		}
		if out, err = loadAgreement(ctx, tx, pid, id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "agreement.status", "agreement", id, out.Title,
			map[string]string{"status": before.Status}, map[string]string{"status": in.Status})
	})
	return out, err
}

// AgreementVersions lists the versions of the text, newest first.
func (store *AgreementStore) AgreementVersions(ctx context.Context, pid, id string) (*pk.AgreementVersionList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAgreements); err != nil {
		return nil, err
	}
	if _, err := loadAgreement(ctx, store.db.read, pid, id); err != nil {
		return nil, err
	}
	items, err := collect(func(r rowScanner) (*pk.AgreementVersion, error) {
		v := &pk.AgreementVersion{}
		var sections string
		if err := r.Scan(&v.Number, &sections, &v.Text, &v.TextSHA256, &v.Note, &v.UserName, ts(&v.CreatedAt)); err != nil {
			return nil, err
		}
		return v, json.Unmarshal([]byte(sections), &v.Sections)
	})(store.db.read.QueryContext(ctx, `
		SELECT v.number, v.sections, v.body, v.text_sha256, v.note, COALESCE(u.name, ''), v.created_at
		FROM agreement_versions v LEFT JOIN users u ON u.id = v.user_id
		WHERE v.agreement_id = $1 AND v.partnership_id = $2 ORDER BY v.number DESC LIMIT $3`, id, pid, pk.MaxAgreementVersions+1))
	if err != nil {
		return nil, err
	}
	list := &pk.AgreementVersionList{Items: items}
	if len(items) > pk.MaxAgreementVersions {
		list.Items, list.Cut = items[:pk.MaxAgreementVersions], true
	}
	return list, nil
}

// SignAgreement records an organisation's signature of the current text.
// The signer must be a person of that organisation (in its people) who is a
// member or coordinator of the partnership on its behalf, and the
// organisation an active member; each organisation signs a version once.
func (store *AgreementStore) SignAgreement(ctx context.Context, pid, id string, in pk.AgreementSignInput) (*pk.Agreement, error) {
	var out *pk.Agreement
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionSignAgreements); err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		x, err := loadAgreement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if !agreement.Signable(x.Status) {
			return pk.Errorf(pk.ECONFLICT, "agreement.error.not_signable", nil)
		}
		if in.TextSHA256 != "" && in.TextSHA256 != x.TextSHA256 {
			return pk.Errorf(pk.ECONFLICT, "agreement.error.text_changed", nil)
		}
		uid := pk.UserIDFromContext(ctx)
		var n int
		if err := tx.QueryRowContext(ctx, `
			SELECT COUNT(*) FROM partnership_people pp
			JOIN partnership_organisations po ON po.partnership_id = pp.partnership_id AND po.organisation_id = pp.organisation_id AND po.status = 'active'
			JOIN organisation_people op ON op.organisation_id = pp.organisation_id AND op.user_id = pp.user_id
			WHERE pp.partnership_id = $1 AND pp.user_id = $2 AND pp.organisation_id = $3 AND pp.role IN ('member', 'coordinator')`,
			pid, uid, in.OrganisationID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return pk.FieldInvalid("organisation_id", "agreement.validation.not_representative", nil)
		}
		for _, s := range x.Signatures {
			if s.OrganisationID == in.OrganisationID && s.Valid {
				return pk.FieldInvalid("organisation_id", "agreement.validation.signed_already", nil)
			}
		}
		sid := newID()
		name := strings.Join(strings.Fields(in.TypedName), " ")
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO agreement_signatures (id, agreement_id, partnership_id, organisation_id, user_id, text_version, typed_name, text_sha256, signed_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
			sid, id, pid, in.OrganisationID, uid, x.TextVersion, name, x.TextSHA256, fmtTime(tx.now)); err != nil {
			return err
		}
		x, err = loadAgreement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		// The version moves with every signature, so an editor who read the
		// agreement before it was signed is told it changed.
		status := agreement.AfterSignature(orgIDs(x.Missing))
		if _, err := tx.ExecContext(ctx, `UPDATE agreements SET status = $2, version = version + 1, updated_at = $3 WHERE id = $1`, id, status, fmtTime(tx.now)); err != nil {
			return err
		}
		if x, err = loadAgreement(ctx, tx, pid, id); err != nil {
			return err
		}
		out = x
		// The typed name stays in the signature, not in the log: the entry
		// names its author by account, which deleting the account erases.
		return tx.audit(ctx, pid, "agreement.sign", "agreement", id, x.Title, nil, map[string]any{
			"organisation_id": in.OrganisationID, "text_version": x.TextVersion, "text_sha256": x.TextSHA256, "status": x.Status})
	})
	return out, err
}

func orgIDs(ps []pk.AgreementParty) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.OrganisationID
	}
	return out
}

// AgreementLog is the signing log: every version written and every
// signature given, oldest first, each with the hash of its text.
func (store *AgreementStore) AgreementLog(ctx context.Context, pid, id string) (*pk.AgreementLog, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAgreements); err != nil {
		return nil, err
	}
	if _, err := loadAgreement(ctx, store.db.read, pid, id); err != nil {
		return nil, err
	}
	items, err := collect(func(r rowScanner) (*pk.AgreementLogEntry, error) {
		e := &pk.AgreementLogEntry{}
		return e, r.Scan(&e.Event, ts(&e.At), &e.TextVersion, &e.TextSHA256, &e.Name, &e.OrganisationName)
	})(store.db.read.QueryContext(ctx, `
		SELECT 'version', v.created_at, v.number, v.text_sha256, COALESCE(u.name, ''), ''
		FROM agreement_versions v LEFT JOIN users u ON u.id = v.user_id WHERE v.agreement_id = $1
		UNION ALL
		SELECT 'signature', s.signed_at, s.text_version, s.text_sha256, s.typed_name, o.name
		FROM agreement_signatures s JOIN organisations o ON o.id = s.organisation_id WHERE s.agreement_id = $1
		ORDER BY 2, 3, 1 DESC LIMIT $2`, id, pk.MaxAgreementLog+1))
	if err != nil {
		return nil, err
	}
	log := &pk.AgreementLog{Items: items}
	if len(items) > pk.MaxAgreementLog {
		log.Items, log.Cut = items[:pk.MaxAgreementLog], true
	}
	return log, nil
}
