package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
)

// AgreementComments lists the comments on an agreement's sections: per
// section its newest MaxAgreementSectionComments (one query, numbered per
// section), shown oldest first, sections in the order of the text.
func (store *AgreementStore) AgreementComments(ctx context.Context, pid, id string) (*pk.AgreementCommentList, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAgreements)
	if err != nil {
		return nil, err
	}
	if _, err := loadAgreement(ctx, store.db.read, pid, id); err != nil {
		return nil, err
	}
	type numbered struct {
		c *pk.AgreementComment
		n int
	}
	rows, err := collect(func(r rowScanner) (numbered, error) {
		c := &pk.AgreementComment{}
		var n int
		err := r.Scan(&c.ID, &c.Section, &c.TextVersion, &c.Body, &c.UserID, &c.UserName, &c.Version, ts(&c.CreatedAt), &n)
		return numbered{c, n}, err
	})(store.db.read.QueryContext(ctx, `
		SELECT id, section, text_version, body, user_id, user_name, version, created_at, n FROM (
			SELECT c.id, c.section, c.text_version, c.body, COALESCE(c.user_id, '') AS user_id, COALESCE(u.name, '') AS user_name, c.version, c.created_at,
				ROW_NUMBER() OVER (PARTITION BY c.section ORDER BY c.created_at DESC, c.id DESC) AS n
			FROM agreement_comments c LEFT JOIN users u ON u.id = c.user_id
			WHERE c.agreement_id = $1 AND c.partnership_id = $2) x
		WHERE n <= $3 ORDER BY created_at, id`, id, pid, pk.MaxAgreementSectionComments+1))
	if err != nil {
		return nil, err
	}
	me := pk.UserIDFromContext(ctx)
	out := &pk.AgreementCommentList{Items: []*pk.AgreementComment{}, Cut: []string{}}
	for _, sec := range agreement.SectionIDs {
		for _, r := range rows {
			if r.c.Section != sec {
				continue
			}
			if r.n > pk.MaxAgreementSectionComments {
				if !slices.Contains(out.Cut, sec) {
					out.Cut = append(out.Cut, sec)
				}
				continue
			}
			r.c.Deletable = mayDeleteComment(p.MyRole, me, r.c.UserID)
			out.Items = append(out.Items, r.c)
		}
	}
	return out, nil
}

// mayDeleteComment: the author deletes their own comment, a coordinator any.
func mayDeleteComment(role pk.Role, me, author string) bool {
	return pk.Can(role, pk.ActionCommentAgreements) && ((author != "" && author == me) || role.AtLeast(pk.RoleCoordinator))
}

// AddAgreementComment comments on a section of the current text. A
// superseded agreement is closed to comments, as to edits.
func (store *AgreementStore) AddAgreementComment(ctx context.Context, pid, id string, in pk.AgreementCommentInput) (*pk.AgreementComment, error) {
	if err := in.Validate(); err != nil {
		// Who may comment is asked first: an outsider learns nothing from
		// the validation of a comment on something they cannot see.
		if _, aerr := store.db.authorize(ctx, store.db.read, pid, pk.ActionCommentAgreements); aerr != nil {
			return nil, aerr
		}
		return nil, err
	}
	body := strings.TrimSpace(agreement.Normalize(in.Body))
	var out *pk.AgreementComment
	err := store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionCommentAgreements); err != nil {
			return err
		}
		a, err := loadAgreement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		if !agreement.Editable(a.Status) {
			return pk.Errorf(pk.ECONFLICT, "agreement.error.superseded", nil)
		}
		uid := pk.UserIDFromContext(ctx)
		out = &pk.AgreementComment{ID: newID(), Section: in.Section, TextVersion: a.TextVersion, Body: body, UserID: uid, CreatedAt: tx.now, Deletable: true, Version: 1}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO agreement_comments (id, agreement_id, partnership_id, section, text_version, body, user_id, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			out.ID, id, pid, in.Section, a.TextVersion, body, nullString(uid), fmtTime(tx.now)); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `SELECT name FROM users WHERE id = $1`, uid).Scan(&out.UserName); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "agreement.comment", "agreement", id, a.Title, nil,
			map[string]any{"comment_id": out.ID, "section": in.Section, "text_version": a.TextVersion})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DeleteAgreementComment deletes a comment: its author's own, or any for a
// coordinator, naming the version read. The audit entry keeps which
// section and version of the text it was on, not its words.
func (store *AgreementStore) DeleteAgreementComment(ctx context.Context, pid, id, cid string, version int) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionCommentAgreements)
		if err != nil {
			return err
		}
		a, err := loadAgreement(ctx, tx, pid, id)
		if err != nil {
			return err
		}
		var section, author string
		var textVersion int
		err = tx.QueryRowContext(ctx, `SELECT section, text_version, COALESCE(user_id, '') FROM agreement_comments
			WHERE id = $1 AND agreement_id = $2 AND partnership_id = $3`, cid, id, pid).Scan(&section, &textVersion, &author)
		if errors.Is(err, sql.ErrNoRows) {
			return pk.NotFound()
		} else if err != nil {
			return err
		}
		if !mayDeleteComment(p.MyRole, pk.UserIDFromContext(ctx), author) {
			return pk.Forbidden()
		}
		if err := tx.bumpVersion(ctx, "agreement_comments", "id = $1 AND agreement_id = $2", version, cid, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM agreement_comments WHERE id = $1`, cid); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "agreement.comment_delete", "agreement", id, a.Title,
			map[string]any{"comment_id": cid, "section": section, "text_version": textVersion, "own": author == pk.UserIDFromContext(ctx)}, nil)
	})
}
