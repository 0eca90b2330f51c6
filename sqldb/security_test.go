package sqldb_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Regression tests for the holes found by probing as an attacker (issue 8),
// on both engines. Each says what the attack was.

// queuedMails runs the due mail jobs and returns them.
func queuedMails(t *testing.T, db *sqldb.DB) []sqldb.MailJob {
	t.Helper()
	var out []sqldb.MailJob
	db.Jobs.RunDueJobs(context.Background(), map[string]sqldb.JobHandler{"mail": func(_ context.Context, payload []byte) error {
		var j sqldb.MailJob
		if err := json.Unmarshal(payload, &j); err != nil {
			return err
		}
		out = append(out, j)
		return nil
	}}, nil)
	return out
}

// orgStatus is the organisation's standing in a partnership ("" for none).
func orgStatus(t *testing.T, db *sqldb.DB, pid, oid string) string {
	t.Helper()
	var s string
	rawDB(t, db).QueryRow(`SELECT status FROM partnership_organisations WHERE partnership_id = $1 AND organisation_id = $2`, pid, oid).Scan(&s)
	return s
}

// The attack: a person creates their own partnership, invites a second
// account of theirs "on behalf of" someone else's organisation, accepts,
// and is now a person of that organisation (its people's addresses, its
// private self-analysis) and shows it as an active member.
func TestInvitationDoesNotJoinSomeoneElsesOrganisation(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		victim := w.Org // the coordinator's organisation; the outsider is not in it
		attacker, accomplice := w.Outsider, w.Observer
		x, err := db.Members.Invite(attacker.Ctx, w.Other.ID, pk.InvitationInput{Email: accomplice.Email, Role: "member", OrganisationID: victim.ID})
		if err != nil {
			t.Fatal(err)
		}
		p, err := db.Members.AcceptInvitation(accomplice.Ctx, x.ID, "")
		if err != nil || p.MyRole != pk.RoleMember {
			t.Fatalf("the invitee should still join the partnership as a person: %v %v", p, err)
		}
		if _, err := db.Organisations.OrganisationPeople(accomplice.Ctx, victim.ID); code(err) != pk.EFORBIDDEN {
			t.Fatalf("accepting made the invitee a person of an organisation nobody of it chose: %v", err)
		}
		if s := orgStatus(t, db, w.Other.ID, victim.ID); s == "active" {
			t.Fatal("the organisation shows as an active member of a partnership none of its people joined")
		}
		var org string
		rawDB(t, db).QueryRow(`SELECT COALESCE(organisation_id, '') FROM partnership_people WHERE partnership_id = $1 AND user_id = $2`,
			w.Other.ID, accomplice.ID).Scan(&org)
		if org != "" {
			t.Fatalf("the invitee represents %q", org)
		}

		// Choosing the organisation at acceptance is no way round it.
		x, err = db.Members.Invite(attacker.Ctx, w.Other.ID, pk.InvitationInput{Email: w.Member.Email, Role: "member", OrganisationID: victim.ID})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Members.AcceptInvitation(w.Member.Ctx, x.ID, victim.ID)
		wantField(t, err, "organisation_id")

		// An invitation issued by one of the organisation's administrators
		// does bring a new person into it.
		x, err = db.Members.Invite(w.Coordinator.Ctx, w.Partnership.ID, pk.InvitationInput{Email: attacker.Email, Role: "observer", OrganisationID: victim.ID})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Members.AcceptInvitation(attacker.Ctx, x.ID, ""); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Organisations.OrganisationPeople(attacker.Ctx, victim.ID); err != nil {
			t.Fatalf("an invitation from the organisation's administrator should make its invitee one of its people: %v", err)
		}
		// And a person already in an organisation represents it wherever invited.
		if s := orgStatus(t, db, w.Partnership.ID, w.MemberOrg.ID); s != "active" {
			t.Fatalf("the member's own organisation is %q, want active", s)
		}
	})
}

// The attack: any signed-in account accepted an emailed invitation link
// meant for someone else.
func TestInvitationLinkOnlyForTheInvitedAddress(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		ctx := context.Background()
		pid := w.Partnership.ID
		queuedMails(t, db)
		if _, err := db.Members.Invite(w.Coordinator.Ctx, pid, pk.InvitationInput{Email: "invitee@example.org", Role: "member"}); err != nil {
			t.Fatal(err)
		}
		token := lastMailToken(t, db, "/invitations/")
		_, err := db.Members.AcceptInvitation(w.Outsider.Ctx, token, "")
		wantCode(t, err, pk.EFORBIDDEN)
		wantCode(t, db.Members.DeclineInvitation(w.Outsider.Ctx, token), pk.EFORBIDDEN)
		if _, err := db.Partnerships.Partnership(w.Outsider.Ctx, pid); code(err) != pk.ENOTFOUND {
			t.Fatalf("another account joined through someone else's link: %v", err)
		}
		// The invited address, even before it is confirmed, accepts with the
		// link: holding the link proves the address.
		db.SignupOpen = true
		u, err := db.Accounts.SignUp(ctx, pk.SignUpInput{Email: "invitee@example.org", Name: "Invitee", Password: "long enough password"})
		if err != nil {
			t.Fatal(err)
		}
		uctx := pk.NewContextWithUser(ctx, u)
		if ok, _ := db.Accounts.EmailVerified(uctx); ok {
			t.Fatal("address confirmed before any link was followed")
		}
		if _, err := db.Members.AcceptInvitation(uctx, token, ""); err != nil {
			t.Fatal(err)
		}
		if ok, _ := db.Accounts.EmailVerified(uctx); !ok {
			t.Fatal("following the invitation link should confirm the address")
		}
	})
}

// The attack: after one reset link was used, another outstanding one
// changed the password again, and API tokens kept working.
func TestPasswordResetVoidsOtherLinksAndTokens(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		ctx := context.Background()
		queuedMails(t, db)
		tok, err := db.Accounts.CreateToken(w.Member.Ctx, "script")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Accounts.RequestPasswordReset(ctx, w.Member.Email, "en"); err != nil {
			t.Fatal(err)
		}
		first := lastMailToken(t, db, "/reset/")
		if err := db.Accounts.RequestPasswordReset(ctx, w.Member.Email, "en"); err != nil {
			t.Fatal(err)
		}
		second := lastMailToken(t, db, "/reset/")
		if err := db.Accounts.ResetPassword(ctx, second, "first new password"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.Accounts.ResetPassword(ctx, first, "someone else's password"), pk.ENOTFOUND)
		if _, _, err := db.Accounts.SignIn(ctx, w.Member.Email, "first new password", "10.0.0.9", "test"); err != nil {
			t.Fatalf("the password of the used link should hold: %v", err)
		}
		if _, err := db.Accounts.UserByToken(ctx, tok.Secret); code(err) != pk.EUNAUTHORIZED {
			t.Fatalf("an API token survived a password reset: %v", err)
		}
		// Other people's tokens are not touched.
		other, err := db.Accounts.CreateToken(w.Coordinator.Ctx, "script")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Accounts.RequestPasswordReset(ctx, w.Member.Email, "en"); err != nil {
			t.Fatal(err)
		}
		if err := db.Accounts.ResetPassword(ctx, lastMailToken(t, db, "/reset/"), "second new password"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Accounts.UserByToken(ctx, other.Secret); err != nil {
			t.Fatalf("someone else's reset revoked the coordinator's token: %v", err)
		}
	})
}

// The attack: 30 wrong current passwords, then the right one, accepted.
func TestPasswordChangeIsThrottled(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		ctx := w.Member.Ctx
		throttled := 0
		for range 30 {
			err := db.Accounts.ChangePassword(ctx, "a wrong guess", "a new long password")
			switch code(err) {
			case pk.ETOOMANY:
				throttled++
			case pk.EINVALID:
			default:
				t.Fatalf("wrong current password: %v", err)
			}
		}
		if throttled == 0 {
			t.Fatal("30 wrong current passwords were all checked")
		}
		wantCode(t, db.Accounts.ChangePassword(ctx, sqldbtest.Password, "a new long password"), pk.ETOOMANY)
		// The same counter guards sign-in: guessing through one door does
		// not reset the other.
		_, _, err := db.Accounts.SignIn(context.Background(), w.Member.Email, sqldbtest.Password, "10.0.0.3", "test")
		wantCode(t, err, pk.ETOOMANY)
		// After the wait the right password is taken again.
		w.Clock.Advance(time.Hour + time.Minute)
		if err := db.Accounts.ChangePassword(ctx, sqldbtest.Password, "a new long password"); err != nil {
			t.Fatal(err)
		}
	})
}

// The attack: sign-up said "there is already an account with this email
// address", telling anyone who uses the instance.
func TestSignUpDoesNotTellWhoHasAnAccount(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		ctx := context.Background()
		db.SignupOpen = true
		queuedMails(t, db)
		before, _ := db.Accounts.UserCount(ctx)
		taken, errTaken := db.Accounts.SignUp(ctx, pk.SignUpInput{Email: strings.ToUpper(w.Member.Email), Name: "Someone", Password: "an attacker's password"})
		fresh, errFresh := db.Accounts.SignUp(ctx, pk.SignUpInput{Email: "fresh@example.org", Name: "Someone", Password: "an attacker's password"})
		if errTaken != nil || errFresh != nil {
			t.Fatalf("answers differ: %v / %v", errTaken, errFresh)
		}
		if taken.Email != w.Member.Email || taken.Name != "Someone" || taken.ID == "" || taken.ID == w.Member.ID || taken.Admin != fresh.Admin ||
			taken.Version != fresh.Version {
			t.Fatalf("the answer for a taken address stands out: %+v vs %+v", taken, fresh)
		}
		if after, _ := db.Accounts.UserCount(ctx); after != before+1 {
			t.Fatalf("users %d → %d, want one new (the fresh address only)", before, after)
		}
		if _, _, err := db.Accounts.SignIn(ctx, w.Member.Email, "an attacker's password", "10.0.0.4", "test"); code(err) != pk.EINVALID {
			t.Fatalf("the attacker's password opened the account: %v", err)
		}
		if _, _, err := db.Accounts.SignIn(ctx, w.Member.Email, sqldbtest.Password, "10.0.0.4", "test"); err != nil {
			t.Fatalf("the owner's password changed: %v", err)
		}
		var told bool
		for _, m := range queuedMails(t, db) {
			if m.To == w.Member.Email && m.Template == "mail.signup_exists" && strings.HasPrefix(m.Path, "/reset/") {
				told = true
			}
		}
		if !told {
			t.Fatal("the owner was not told that someone tried to sign up with their address")
		}
		// A closed instance answers the same refusal for both.
		db.SignupOpen = false
		_, errTaken = db.Accounts.SignUp(ctx, pk.SignUpInput{Email: w.Member.Email, Name: "Someone", Password: "an attacker's password"})
		_, errFresh = db.Accounts.SignUp(ctx, pk.SignUpInput{Email: "other@example.org", Name: "Someone", Password: "an attacker's password"})
		wantCode(t, errTaken, pk.EFORBIDDEN)
		wantCode(t, errFresh, pk.EFORBIDDEN)
	})
}

// The attack: a version of 2^31 made PostgreSQL fail to encode it (500).
func TestVersionBeyondColumnIsAFieldError(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		for _, v := range []int{sqldb.MaxVersion + 1, 1 << 40} {
			_, err := db.Accounts.UpdateProfile(w.Member.Ctx, pk.ProfileInput{Name: "Omar", Version: v})
			wantField(t, err, "version")
			_, err = db.Organisations.UpdateOrganisation(w.Member.Ctx, w.MemberOrg.ID, pk.OrganisationInput{Name: "Diaspora Voices", Kind: "diaspora", Version: v})
			wantField(t, err, "version")
		}
		// The largest version that fits is only stale.
		_, err := db.Accounts.UpdateProfile(w.Member.Ctx, pk.ProfileInput{Name: "Omar", Version: sqldb.MaxVersion})
		wantCode(t, err, pk.ECONFLICT)
	})
}

// SECURITY.md promises that passwords and every secret a link or a script
// carries are stored only as hashes: a copy of the database opens nothing.
func TestSecretsAreStoredHashed(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		ctx := context.Background()
		raw := rawDB(t, db)
		var hash string
		if err := raw.QueryRow(`SELECT password_hash FROM users WHERE id = $1`, w.Member.ID).Scan(&hash); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(hash, "$argon2id$") || strings.Contains(hash, sqldbtest.Password) {
			t.Fatalf("password stored as %q", hash)
		}
		tok, err := db.Accounts.CreateToken(w.Member.Ctx, "script")
		if err != nil {
			t.Fatal(err)
		}
		queuedMails(t, db)
		if err := db.Accounts.RequestPasswordReset(ctx, w.Member.Email, "en"); err != nil {
			t.Fatal(err)
		}
		reset := lastMailToken(t, db, "/reset/")
		if _, err := db.Members.Invite(w.Coordinator.Ctx, w.Partnership.ID, pk.InvitationInput{Email: "someone@example.org", Role: "member"}); err != nil {
			t.Fatal(err)
		}
		invitation := lastMailToken(t, db, "/invitations/")
		for table, secret := range map[string]string{"api_tokens": tok.Secret, "email_tokens": reset, "invitations": invitation} {
			var n int
			if err := raw.QueryRow(`SELECT COUNT(*) FROM `+table+` WHERE secret_hash = $1`, secret).Scan(&n); err != nil || n != 0 {
				t.Errorf("%s: secret stored in clear (%d, %v)", table, n, err)
			}
		}
	})
}
