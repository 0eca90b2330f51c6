package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

const invitationColumns = `i.id, i.partnership_id, p.name, i.email, i.role, COALESCE(i.organisation_id, ''), COALESCE(o.name, ''),
	i.message, i.status, COALESCE(u.name, ''), i.expires_at, i.created_at`

const invitationFrom = ` FROM invitations i JOIN partnerships p ON p.id = i.partnership_id
	LEFT JOIN organisations o ON o.id = i.organisation_id LEFT JOIN users u ON u.id = i.invited_by `

func (db *DB) scanInvitation(row rowScanner) (*pk.Invitation, error) {
	x := &pk.Invitation{}
	var role string
	err := row.Scan(&x.ID, &x.PartnershipID, &x.PartnershipName, &x.Email, &role, &x.OrganisationID, &x.OrganisationName,
		&x.Message, &x.Status, &x.InvitedBy, ts(&x.ExpiresAt), ts(&x.CreatedAt))
	x.Role = pk.Role(role)
	x.Expired = x.Status == "pending" && !x.ExpiresAt.After(db.now())
	return x, err
}

// Invite sends an invitation link by email. Inviting on behalf of an
// organisation adds it to the partnership as "invited" until someone accepts.
func (store *MemberStore) Invite(ctx context.Context, pid string, in pk.InvitationInput) (*pk.Invitation, error) {
	var out *pk.Invitation
	err := store.db.inTx(ctx, func(tx *Tx) error {
		p, err := store.db.authorize(ctx, tx, pid, pk.ActionInvite)
		if err != nil {
			return err
		}
		if err := in.Validate(); err != nil {
			return err
		}
		var already int
		if err := tx.QueryRowContext(ctx, `
			SELECT COUNT(*) FROM partnership_people pp JOIN users u ON u.id = pp.user_id
			WHERE pp.partnership_id = $1 AND u.email = $2`, pid, in.Email).Scan(&already); err != nil {
			return err
		}
		if already > 0 {
			return pk.FieldInvalid("email", "validation.already_member", nil)
		}
		var org any
		if in.OrganisationID != "" {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE id = $1`, in.OrganisationID).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return pk.FieldInvalid("organisation_id", "validation.unknown_organisation", nil)
			}
			org = in.OrganisationID
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO partnership_organisations (partnership_id, organisation_id, status, since) VALUES ($1, $2, 'invited', $3)
				ON CONFLICT (partnership_id, organisation_id) DO UPDATE SET
					status = CASE WHEN partnership_organisations.status = 'left' THEN 'invited' ELSE partnership_organisations.status END`,
				pid, org, fmtTime(tx.now)); err != nil {
				return err
			}
		}
		// A new invitation to the same address replaces an open one.
		if _, err := tx.ExecContext(ctx, `UPDATE invitations SET status = 'revoked' WHERE partnership_id = $1 AND email = $2 AND status = 'pending'`,
			pid, in.Email); err != nil {
			return err
		}
		secret := newSecret("i_")
		id := newID()
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO invitations (id, partnership_id, email, role, organisation_id, message, secret_hash, status, invited_by, expires_at, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10)`,
			id, pid, in.Email, in.Role, org, in.Message, hashSecret(secret), pk.UserIDFromContext(ctx),
			fmtTime(tx.now.Add(pk.InvitationTTL)), fmtTime(tx.now)); err != nil {
			return err
		}
		lang := in.Language
		if lang == "" {
			if u := pk.UserFromContext(ctx); u != nil {
				lang = u.Language
			}
		}
		inviter := ""
		if u := pk.UserFromContext(ctx); u != nil {
			inviter = u.Name
		}
		if err := tx.enqueue(ctx, "mail", MailJob{To: in.Email, Language: lang, Template: "mail.invitation", Path: "/invitations/" + secret,
			Data: map[string]string{"Partnership": p.Name, "Inviter": inviter, "Role": in.Role, "Message": in.Message}}, ""); err != nil {
			return err
		}
		if err := tx.audit(ctx, pid, "invitation.create", "invitation", id, in.Email, nil,
			map[string]string{"email": in.Email, "role": in.Role, "organisation_id": in.OrganisationID}); err != nil {
			return err
		}
		out, err = store.db.scanInvitation(tx.QueryRowContext(ctx, `SELECT `+invitationColumns+invitationFrom+`WHERE i.id = $1`, id))
		return err
	})
	return out, err
}

// Invitations lists a partnership's invitations, newest first: the first
// pk.MaxInvitations (InvitationList also says whether there were more).
func (store *MemberStore) Invitations(ctx context.Context, pid string) ([]*pk.Invitation, error) {
	l, err := store.InvitationList(ctx, pid)
	if err != nil {
		return nil, err
	}
	return l.Invitations, nil
}

// InvitationList lists a partnership's invitations, newest first, at most
// pk.MaxInvitations, and says when there were more.
func (store *MemberStore) InvitationList(ctx context.Context, pid string) (*pk.InvitationList, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionInvite); err != nil {
		return nil, err
	}
	xs, err := store.db.invitations(ctx, `WHERE i.partnership_id = $1 ORDER BY i.created_at DESC, i.id LIMIT $2`, pid, pk.MaxInvitations+1)
	if err != nil {
		return nil, err
	}
	l := &pk.InvitationList{}
	l.Invitations, l.Cut = cut(xs, pk.MaxInvitations)
	return l, nil
}

func (db *DB) invitations(ctx context.Context, where string, args ...any) ([]*pk.Invitation, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT `+invitationColumns+invitationFrom+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []*pk.Invitation{}
	for rows.Next() {
		x, err := db.scanInvitation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// RevokeInvitation withdraws a pending invitation.
func (store *MemberStore) RevokeInvitation(ctx context.Context, pid, id string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionInvite); err != nil {
			return err
		}
		var email string
		err := tx.QueryRowContext(ctx, `SELECT email FROM invitations WHERE id = $1 AND partnership_id = $2 AND status = 'pending'`, id, pid).Scan(&email)
		if errors.Is(err, sql.ErrNoRows) {
			return pk.NotFound()
		} else if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE invitations SET status = 'revoked', answered_at = $1 WHERE id = $2`, fmtTime(tx.now), id); err != nil {
			return err
		}
		return tx.audit(ctx, pid, "invitation.revoke", "invitation", id, email, nil, nil)
	})
}

// InvitationByToken shows the invitation behind a link.
func (store *MemberStore) InvitationByToken(ctx context.Context, token string) (*pk.Invitation, error) {
	x, err := store.db.scanInvitation(store.db.read.QueryRowContext(ctx, `SELECT `+invitationColumns+invitationFrom+`WHERE i.secret_hash = $1`, hashSecret(token)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.Errorf(pk.ENOTFOUND, "error.link_invalid", nil)
	}
	return x, err
}

// MyInvitations lists pending invitations to the asker's verified address,
// newest first, at most pk.MaxMyInvitations.
func (store *MemberStore) MyInvitations(ctx context.Context) ([]*pk.Invitation, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	return store.db.invitations(ctx, `JOIN users me ON me.email = i.email AND me.email_verified
		WHERE me.id = $1 AND i.status = 'pending' AND i.expires_at > $2 ORDER BY i.created_at DESC, i.id LIMIT $3`, uid, fmtTime(store.db.now()), pk.MaxMyInvitations)
}

// findInvitation resolves a link token, or an ID of an invitation to the
// asker's verified address, for the asker to answer.
//
// An invitation is answered only by the address it was sent to. By ID, that
// address must be confirmed. By link token, the asker's account must carry
// the invited address: holding the link that went to that mailbox proves
// the address (AcceptInvitation then marks it confirmed), but a link that
// was forwarded, leaked or guessed from a mailbox must not let another
// account in.
func (tx *Tx) findInvitation(ctx context.Context, tokenOrID string) (*pk.Invitation, error) {
	where := `WHERE i.secret_hash = $1`
	args := []any{hashSecret(tokenOrID)}
	byToken := strings.HasPrefix(tokenOrID, "i_")
	if !byToken {
		where = `JOIN users me ON me.email = i.email AND me.email_verified WHERE i.id = $1 AND me.id = $2`
		args = []any{tokenOrID, pk.UserIDFromContext(ctx)}
	}
	x, err := tx.db.scanInvitation(tx.QueryRowContext(ctx, `SELECT `+invitationColumns+invitationFrom+where, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.Errorf(pk.ENOTFOUND, "error.link_invalid", nil)
	} else if err != nil {
		return nil, err
	}
	if byToken {
		var email string
		err := tx.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, pk.UserIDFromContext(ctx)).Scan(&email)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, pk.Unauthorized()
		} else if err != nil {
			return nil, err
		}
		if email != x.Email {
			return nil, pk.Errorf(pk.EFORBIDDEN, "error.invitation_other_address", map[string]any{"Email": x.Email})
		}
	}
	if x.Status != "pending" {
		return nil, pk.Errorf(pk.ECONFLICT, "error.invitation_answered", map[string]any{"Status": x.Status})
	}
	if x.Expired {
		return nil, pk.Errorf(pk.ECONFLICT, "error.invitation_expired", nil)
	}
	return x, nil
}

// AcceptInvitation joins the asking person to the partnership in the
// invited role, for the invited organisation or one of their own.
//
// A person joins an organisation only through that organisation's own
// administrators. Any coordinator may name any organisation in an
// invitation (to invite it into the partnership), so naming it is no
// entitlement: the accepter represents the invited organisation only when
// they already belong to it, or when the inviter is one of its
// administrators (checked now, not when inviting), and only then are they
// added to it and the organisation made an active member. Otherwise they
// join the partnership as a person without an organisation, and the
// organisation stays invited until one of its own people accepts. That is
// kinder than refusing: the invitee is let in, and can be added to the
// organisation by its administrators later. Only when the accepter asks by
// name to represent an organisation they may not is the answer a field
// error, so that they learn why.
func (store *MemberStore) AcceptInvitation(ctx context.Context, tokenOrID, organisationID string) (*pk.Partnership, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	var pid string
	err = store.db.inTx(ctx, func(tx *Tx) error {
		x, err := tx.findInvitation(ctx, tokenOrID)
		if err != nil {
			return err
		}
		pid = x.PartnershipID
		var in int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`, pid, uid).Scan(&in); err != nil {
			return err
		}
		if in > 0 {
			return pk.Errorf(pk.ECONFLICT, "error.already_member", nil)
		}
		org := organisationID
		if org == "" {
			org = x.OrganisationID
		}
		if org != "" {
			in, err := tx.inOrganisation(ctx, org, uid)
			if err != nil {
				return err
			}
			entitled := in
			if !in && org == x.OrganisationID {
				if entitled, err = tx.invitedByOrgAdmin(ctx, x.ID, org); err != nil {
					return err
				}
			}
			switch {
			case entitled:
			case organisationID != "":
				// Asked for by name: say why not, rather than quietly drop it.
				return pk.FieldInvalid("organisation_id", "validation.not_your_organisation", nil)
			default:
				org = ""
			}
		}
		var orgArg any
		if org != "" {
			orgArg = org
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO partnership_organisations (partnership_id, organisation_id, status, since) VALUES ($1, $2, 'active', $3)
				ON CONFLICT (partnership_id, organisation_id) DO UPDATE SET status = 'active', since = excluded.since,
					version = partnership_organisations.version + 1`, pid, org, fmtTime(tx.now)); err != nil {
				return err
			}
			// The person joins the organisation they represent, if not yet in it.
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO organisation_people (organisation_id, user_id, admin) VALUES ($1, $2, FALSE)
				ON CONFLICT (organisation_id, user_id) DO NOTHING`, org, uid); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO partnership_people (partnership_id, user_id, role, organisation_id, since) VALUES ($1, $2, $3, $4, $5)`,
			pid, uid, x.Role, orgArg, fmtTime(tx.now)); err != nil {
			return err
		}
		// Following the link proves the address it went to.
		if _, err := tx.ExecContext(ctx, `UPDATE users SET email_verified = TRUE WHERE id = $1 AND email = $2`, uid, x.Email); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE invitations SET status = 'accepted', answered_at = $1 WHERE id = $2`, fmtTime(tx.now), x.ID); err != nil {
			return err
		}
		name := ""
		if u := pk.UserFromContext(ctx); u != nil {
			name = u.Name
		}
		return tx.audit(ctx, pid, "invitation.accept", "person", uid, name, nil, map[string]string{"role": string(x.Role), "organisation_id": org})
	})
	if err != nil {
		return nil, err
	}
	return store.db.Partnerships.Partnership(ctx, pid)
}

// DeclineInvitation says no to an invitation.
func (store *MemberStore) DeclineInvitation(ctx context.Context, tokenOrID string) error {
	return store.db.inTx(ctx, func(tx *Tx) error {
		x, err := tx.findInvitation(ctx, tokenOrID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE invitations SET status = 'declined', answered_at = $1 WHERE id = $2`, fmtTime(tx.now), x.ID); err != nil {
			return err
		}
		if x.OrganisationID != "" {
			if _, err := tx.ExecContext(ctx, `
				DELETE FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2 AND status = 'invited'
				AND NOT EXISTS (SELECT 1 FROM invitations WHERE partnership_id = $1 AND organisation_id = $2 AND status = 'pending')`,
				x.PartnershipID, x.OrganisationID); err != nil {
				return err
			}
		}
		return tx.audit(ctx, x.PartnershipID, "invitation.decline", "invitation", x.ID, x.Email, nil, nil)
	})
}

// inOrganisation reports whether the person belongs to the organisation.
func (tx *Tx) inOrganisation(ctx context.Context, org, uid string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisation_people WHERE organisation_id = $1 AND user_id = $2`, org, uid).Scan(&n)
	return n > 0, err
}

// invitedByOrgAdmin reports whether the invitation was issued by someone
// who is, now, an administrator of the organisation.
func (tx *Tx) invitedByOrgAdmin(ctx context.Context, invitationID, org string) (bool, error) {
	var n int
	err := tx.QueryRowContext(ctx, `
		SELECT COUNT(*) FROM invitations i JOIN organisation_people op ON op.user_id = i.invited_by
		WHERE i.id = $1 AND op.organisation_id = $2 AND op.admin`, invitationID, org).Scan(&n)
	return n > 0, err
}
