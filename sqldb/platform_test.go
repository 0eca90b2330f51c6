package sqldb_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func code(err error) string { return pk.ErrorCode(err) }

func wantCode(t *testing.T, err error, want string) {
	t.Helper()
	if got := code(err); got != want {
		t.Fatalf("error %v: code %q, want %q", err, got, want)
	}
}

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	e, ok := pk.AsError(err)
	if !ok || e.Code != pk.EINVALID {
		t.Fatalf("want invalid %s, got %v", field, err)
	}
	for _, f := range e.Fields {
		if f.Field == field {
			return
		}
	}
	t.Fatalf("want a message for field %q, got %v", field, err)
}

func TestPartnershipLifecycle(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID

		// Everyone inside sees it with their own role; the outsider sees nothing.
		for role, want := range map[string]pk.Role{"coordinator": pk.RoleCoordinator, "member": pk.RoleMember, "observer": pk.RoleObserver} {
			p, err := db.Partnerships.Partnership(w.As(role).Ctx, pid)
			if err != nil || p.MyRole != want {
				t.Fatalf("%s: %v %v", role, p, err)
			}
		}
		_, err := db.Partnerships.Partnership(w.Outsider.Ctx, pid)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Partnerships.Partnership(w.Coordinator.Ctx, w.Other.ID)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Partnerships.Partnership(w.Coordinator.Ctx, "no-such-id")
		wantCode(t, err, pk.ENOTFOUND)

		// Only coordinators edit; a stale version changes nothing.
		in := pk.PartnershipInput{Name: "Welcome City Coalition", Form: "campaign_coalition", Version: w.Partnership.Version}
		_, err = db.Partnerships.UpdatePartnership(w.Member.Ctx, pid, in)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Partnerships.UpdatePartnership(w.Outsider.Ctx, pid, in)
		wantCode(t, err, pk.ENOTFOUND)
		p, err := db.Partnerships.UpdatePartnership(w.Coordinator.Ctx, pid, in)
		if err != nil || p.Name != in.Name || p.Version != in.Version+1 {
			t.Fatalf("update: %+v %v", p, err)
		}
		stale := in
		stale.Name = "Overwritten"
		_, err = db.Partnerships.UpdatePartnership(w.Coordinator.Ctx, pid, stale)
		wantCode(t, err, pk.ECONFLICT)
		if e, _ := pk.AsError(err); e.Version != p.Version {
			t.Fatalf("conflict carries version %d, want %d", e.Version, p.Version)
		}
		p, _ = db.Partnerships.Partnership(w.Coordinator.Ctx, pid)
		if p.Name != in.Name {
			t.Fatalf("stale write changed the name to %q", p.Name)
		}
		// Bad input names the field and changes nothing.
		_, err = db.Partnerships.UpdatePartnership(w.Coordinator.Ctx, pid, pk.PartnershipInput{Name: "", Form: "empire", Version: p.Version})
		wantField(t, err, "name")
		wantField(t, err, "form")
		_, err = db.Partnerships.UpdatePartnership(w.Coordinator.Ctx, pid, pk.PartnershipInput{Name: strings.Repeat("x", 201), Version: p.Version})
		wantField(t, err, "name")
		_, err = db.Partnerships.UpdatePartnership(w.Coordinator.Ctx, pid, pk.PartnershipInput{Name: "No version"})
		wantField(t, err, "version")

		// Archiving makes it read-only; restoring makes it editable again.
		p, err = db.Partnerships.SetArchived(w.Coordinator.Ctx, pid, true, p.Version)
		if err != nil || !p.Archived {
			t.Fatal(p, err)
		}
		_, err = db.Partnerships.UpdatePartnership(w.Coordinator.Ctx, pid, pk.PartnershipInput{Name: "x", Version: p.Version})
		wantCode(t, err, pk.EFORBIDDEN)
		if _, err := db.Members.Members(w.Observer.Ctx, pid); err != nil {
			t.Fatal("reading an archived partnership:", err)
		}
		list, _, err := db.Partnerships.Partnerships(w.Coordinator.Ctx, pk.PageRequest{}, false)
		if err != nil || len(list) != 0 {
			t.Fatalf("archived partnership listed: %v %v", list, err)
		}
		p, err = db.Partnerships.SetArchived(w.Coordinator.Ctx, pid, false, p.Version)
		if err != nil || p.Archived {
			t.Fatal(p, err)
		}

		// The audit log has each change with before and after; only coordinators read it.
		entries, _, err := db.Partnerships.Audit(w.Coordinator.Ctx, pid, pk.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		var update *pk.AuditEntry
		for _, e := range entries {
			if e.Action == "partnership.update" {
				update = e
			}
		}
		if update == nil || !strings.Contains(update.Before, "Welcome City") || !strings.Contains(update.After, "campaign_coalition") || update.UserName != w.Coordinator.Name {
			t.Fatalf("audit entry for update: %+v", update)
		}
		if entries[0].Action != "partnership.restore" {
			t.Fatalf("newest entry first: %s", entries[0].Action)
		}
		_, _, err = db.Partnerships.Audit(w.Member.Ctx, pid, pk.PageRequest{})
		wantCode(t, err, pk.EFORBIDDEN)
	})
}

func TestPaginationCursor(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		for i := 0; i < 7; i++ {
			if _, err := db.Partnerships.CreatePartnership(w.Member.Ctx, pk.PartnershipInput{Name: "Network " + string(rune('A'+i))}); err != nil {
				t.Fatal(err)
			}
		}
		var names []string
		cursor := ""
		for pages := 0; pages < 10; pages++ {
			ps, next, err := db.Partnerships.Partnerships(w.Member.Ctx, pk.PageRequest{Limit: 3, Cursor: cursor}, false)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				names = append(names, p.Name)
			}
			if next == "" {
				break
			}
			cursor = next
		}
		if len(names) != 8 || names[0] != "Network A" || names[7] != "Welcome City" {
			t.Fatalf("pages gave %v", names)
		}
		_, _, err := db.Partnerships.Partnerships(w.Member.Ctx, pk.PageRequest{Cursor: "%%%"}, false)
		wantField(t, err, "cursor")
	})
}

func TestMembersAndCoordinators(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		m, err := db.Members.Members(w.Observer.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		if len(m.People) != 3 || len(m.Organisations) != 2 {
			t.Fatalf("members: %d people, %d organisations", len(m.People), len(m.Organisations))
		}
		for _, p := range m.People {
			if p.Email != "" {
				t.Fatalf("observer sees email of %s", p.Name)
			}
		}
		m, _ = db.Members.Members(w.Coordinator.Ctx, pid)
		var coord *pk.Person
		for _, p := range m.People {
			if p.Email == "" {
				t.Fatalf("coordinator does not see email of %s", p.Name)
			}
			if p.UserID == w.Coordinator.ID {
				coord = p
			}
		}
		// The last coordinator can neither step down nor leave.
		_, err = db.Members.SetRole(w.Coordinator.Ctx, pid, w.Coordinator.ID, pk.RoleMember, coord.Version)
		wantCode(t, err, pk.EINVALID)
		wantCode(t, db.Members.Leave(w.Coordinator.Ctx, pid), pk.EINVALID)
		// Members cannot change roles.
		_, err = db.Members.SetRole(w.Member.Ctx, pid, w.Observer.ID, pk.RoleMember, 1)
		wantCode(t, err, pk.EFORBIDDEN)
		// Handing over keeps exactly one coordinator.
		if err := db.Members.HandOver(w.Coordinator.Ctx, pid, w.Member.ID); err != nil {
			t.Fatal(err)
		}
		p, _ := db.Partnerships.Partnership(w.Coordinator.Ctx, pid)
		if p.MyRole != pk.RoleMember {
			t.Fatalf("after hand-over the old coordinator is %s", p.MyRole)
		}
		p, _ = db.Partnerships.Partnership(w.Member.Ctx, pid)
		if p.MyRole != pk.RoleCoordinator {
			t.Fatalf("after hand-over the new coordinator is %s", p.MyRole)
		}
		// The member leaves; their organisation, with nobody left, has left too.
		if err := db.Members.Leave(w.Coordinator.Ctx, pid); err != nil {
			t.Fatal(err)
		}
		_, err = db.Partnerships.Partnership(w.Coordinator.Ctx, pid)
		wantCode(t, err, pk.ENOTFOUND)
		if err := db.Members.RemovePerson(w.Member.Ctx, pid, w.Observer.ID); err != nil {
			t.Fatal(err)
		}
		m, _ = db.Members.Members(w.Member.Ctx, pid)
		for _, o := range m.Organisations {
			if o.OrganisationID == w.Org.ID && o.Status != "left" {
				t.Fatalf("organisation of the coordinator who left is %s", o.Status)
			}
		}
		// Setting a status needs the current version.
		var mo *pk.MemberOrganisation
		for _, o := range m.Organisations {
			if o.OrganisationID == w.MemberOrg.ID {
				mo = o
			}
		}
		_, err = db.Members.SetOrganisationStatus(w.Member.Ctx, pid, mo.OrganisationID, "left", mo.Version+5)
		wantCode(t, err, pk.ECONFLICT)
		_, err = db.Members.SetOrganisationStatus(w.Member.Ctx, pid, mo.OrganisationID, "gone", mo.Version)
		wantField(t, err, "status")
		got, err := db.Members.SetOrganisationStatus(w.Member.Ctx, pid, mo.OrganisationID, "left", mo.Version)
		if err != nil || got.Status != "left" || got.Version != mo.Version+1 {
			t.Fatal(got, err)
		}
	})
}

func TestInvitations(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		ctx := context.Background()
		// A mail job carries the link; its token opens the invitation.
		token := lastMailToken(t, db, "/invitations/")
		x, err := db.Members.InvitationByToken(ctx, token)
		if err != nil || x.Email != "newcomer@example.org" || x.PartnershipName != "Welcome City" {
			t.Fatal(x, err)
		}
		// Only coordinators invite; duplicates of members are refused.
		_, err = db.Members.Invite(w.Member.Ctx, pid, pk.InvitationInput{Email: "a@example.org", Role: "member"})
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Members.Invite(w.Coordinator.Ctx, pid, pk.InvitationInput{Email: w.Member.Email, Role: "member"})
		wantField(t, err, "email")
		_, err = db.Members.Invite(w.Coordinator.Ctx, pid, pk.InvitationInput{Email: "not-an-address", Role: "king"})
		wantField(t, err, "email")
		wantField(t, err, "role")

		// Someone signs up on the invitation link (signup closed) and accepts it.
		db.SignupOpen = false
		_, err = db.Accounts.SignUp(ctx, pk.SignUpInput{Email: "stranger@example.org", Name: "Stranger", Password: "long enough password"})
		wantCode(t, err, pk.EFORBIDDEN)
		u, err := db.Accounts.SignUp(ctx, pk.SignUpInput{Email: "newcomer@example.org", Name: "Newcomer", Password: "long enough password", Invitation: token})
		if err != nil {
			t.Fatal(err)
		}
		uctx := pk.NewContextWithUser(ctx, u)
		if mine, _ := db.Members.MyInvitations(uctx); len(mine) != 1 {
			t.Fatalf("the newcomer's verified address should list the invitation, got %d", len(mine))
		}
		p, err := db.Members.AcceptInvitation(uctx, token, "")
		if err != nil || p.MyRole != pk.RoleMember {
			t.Fatal(p, err)
		}
		_, err = db.Members.AcceptInvitation(uctx, token, "")
		wantCode(t, err, pk.ECONFLICT)

		// Invitations expire.
		w.Clock.Advance(time.Minute)
		x2, err := db.Members.Invite(w.Coordinator.Ctx, pid, pk.InvitationInput{Email: w.Outsider.Email, Role: "observer"})
		if err != nil {
			t.Fatal(err)
		}
		w.Clock.Advance(pk.InvitationTTL + time.Hour)
		_, err = db.Members.AcceptInvitation(w.Outsider.Ctx, x2.ID, "")
		wantCode(t, err, pk.ECONFLICT)
		if list, _ := db.Members.Invitations(w.Coordinator.Ctx, pid); !list[0].Expired || list[0].ID != x2.ID {
			t.Fatalf("newest invitation should show as expired: %+v", list[0])
		}
		// Someone else cannot take an invitation by its ID.
		x3, _ := db.Members.Invite(w.Coordinator.Ctx, pid, pk.InvitationInput{Email: w.Outsider.Email, Role: "observer"})
		_, err = db.Members.AcceptInvitation(w.Member.Ctx, x3.ID, "")
		wantCode(t, err, pk.ENOTFOUND)
		if err := db.Members.DeclineInvitation(w.Outsider.Ctx, x3.ID); err != nil {
			t.Fatal(err)
		}
		list, _ := db.Members.Invitations(w.Coordinator.Ctx, pid)
		statuses := map[string]string{}
		for _, x := range list {
			if x.Expired {
				statuses[x.ID] = "expired"
			} else {
				statuses[x.ID] = x.Status
			}
		}
		if statuses[x2.ID] != "revoked" || statuses[x3.ID] != "declined" || statuses[w.Invitation.ID] != "accepted" {
			t.Fatalf("statuses %v", statuses)
		}
	})
}

// lastMailToken reads the secret of the newest queued mail whose link path
// starts with prefix.
func lastMailToken(t *testing.T, db *sqldb.DB, prefix string) string {
	t.Helper()
	var found string
	db.Jobs.RunDueJobs(context.Background(), map[string]sqldb.JobHandler{"mail": func(_ context.Context, payload []byte) error {
		var j sqldb.MailJob
		if err := json.Unmarshal(payload, &j); err != nil {
			return err
		}
		if strings.HasPrefix(j.Path, prefix) {
			found = strings.TrimPrefix(j.Path, prefix)
		}
		return nil
	}}, nil)
	if found == "" {
		t.Fatalf("no mail with a %s link", prefix)
	}
	return found
}

func TestAccounts(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		ctx := context.Background()
		db.SignupOpen = true
		// A taken address answers like a new one: TestSignUpDoesNotTellWhoHasAnAccount.
		_, err := db.Accounts.SignUp(ctx, pk.SignUpInput{Email: "x@example.org", Name: "", Password: "short"})
		wantField(t, err, "name")
		wantField(t, err, "password")

		u, secret, err := db.Accounts.SignIn(ctx, strings.ToUpper(w.Member.Email), sqldbtest.Password, "10.0.0.1", "test")
		if err != nil || u.ID != w.Member.ID {
			t.Fatal(u, err)
		}
		got, s, err := db.Accounts.UserBySession(ctx, secret)
		if err != nil || got.ID != u.ID {
			t.Fatal(got, err)
		}
		// Secrets are stored hashed only.
		var n int
		if err := rawDB(t, db).QueryRow(`SELECT COUNT(*) FROM sessions WHERE secret_hash = $1 OR id = $1`, secret).Scan(&n); err != nil || n != 0 {
			t.Fatalf("session secret stored in clear (%d, %v)", n, err)
		}
		mctx := pk.NewContextWithSession(pk.NewContextWithUser(ctx, u), s.ID)
		tok, err := db.Accounts.CreateToken(mctx, "script")
		if err != nil || !strings.HasPrefix(tok.Secret, "pk_") {
			t.Fatal(tok, err)
		}
		if u2, err := db.Accounts.UserByToken(ctx, tok.Secret); err != nil || u2.ID != u.ID {
			t.Fatal(u2, err)
		}
		tokens, _ := db.Accounts.Tokens(mctx)
		if len(tokens) != 1 || tokens[0].Secret != "" {
			t.Fatalf("token list %+v", tokens)
		}
		wantCode(t, db.Accounts.RevokeToken(w.Coordinator.Ctx, tok.ID), pk.ENOTFOUND)
		if err := db.Accounts.RevokeToken(mctx, tok.ID); err != nil {
			t.Fatal(err)
		}
		_, err = db.Accounts.UserByToken(ctx, tok.Secret)
		wantCode(t, err, pk.EUNAUTHORIZED)

		// Changing the password signs out the other sessions, not this one.
		_, other, _ := db.Accounts.SignIn(ctx, w.Member.Email, sqldbtest.Password, "10.0.0.2", "phone")
		wantField(t, db.Accounts.ChangePassword(mctx, "wrong", "a new long password"), "current_password")
		if err := db.Accounts.ChangePassword(mctx, sqldbtest.Password, "a new long password"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.Accounts.UserBySession(ctx, other); code(err) != pk.EUNAUTHORIZED {
			t.Fatal("other session survived a password change")
		}
		if _, _, err := db.Accounts.UserBySession(ctx, secret); err != nil {
			t.Fatal("current session ended by a password change")
		}
		// Profile with versions.
		p, err := db.Accounts.UpdateProfile(mctx, pk.ProfileInput{Name: "Omar M.", Language: "ar", Version: u.Version})
		if err != nil || p.Language != "ar" {
			t.Fatal(p, err)
		}
		_, err = db.Accounts.UpdateProfile(mctx, pk.ProfileInput{Name: "Stale", Version: u.Version})
		wantCode(t, err, pk.ECONFLICT)
		_, err = db.Accounts.UpdateProfile(mctx, pk.ProfileInput{Name: "Omar", Language: "de", Version: p.Version})
		wantField(t, err, "language")
	})
}

func rawDB(t *testing.T, db *sqldb.DB) *sql.DB { t.Helper(); return sqldb.RawForTest(db) }

func TestPasswordReset(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		ctx := context.Background()
		lastMailToken(t, db, "/invitations/") // drain the world's mails
		if err := db.Accounts.RequestPasswordReset(ctx, "nobody@example.org", "en"); err != nil {
			t.Fatal("unknown address must not be revealed:", err)
		}
		var n int
		if err := rawDB(t, db).QueryRow(`SELECT COUNT(*) FROM jobs WHERE kind = 'mail' AND dead = FALSE`).Scan(&n); err != nil || n != 0 {
			t.Fatalf("a mail was queued for an unknown address (%d, %v)", n, err)
		}
		if err := db.Accounts.RequestPasswordReset(ctx, w.Observer.Email, "fr"); err != nil {
			t.Fatal(err)
		}
		token := lastMailToken(t, db, "/reset/")
		wantField(t, db.Accounts.ResetPassword(ctx, token, "short"), "password")
		if err := db.Accounts.ResetPassword(ctx, token, "brand new password"); err != nil {
			t.Fatal(err)
		}
		wantCode(t, db.Accounts.ResetPassword(ctx, token, "another new password"), pk.ENOTFOUND)
		if _, _, err := db.Accounts.SignIn(ctx, w.Observer.Email, "brand new password", "1.2.3.4", ""); err != nil {
			t.Fatal(err)
		}
		// Links expire.
		db.Accounts.RequestPasswordReset(ctx, w.Observer.Email, "en")
		token = lastMailToken(t, db, "/reset/")
		w.Clock.Advance(2 * time.Hour)
		wantCode(t, db.Accounts.ResetPassword(ctx, token, "brand new password 2"), pk.ENOTFOUND)
	})
}

func TestSignInThrottle(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		ctx := context.Background()
		for i := 0; i < 5; i++ {
			_, _, err := db.Accounts.SignIn(ctx, w.Member.Email, "wrong", "192.0.2.1", "")
			wantField(t, err, "password")
		}
		// Now even the right password waits.
		_, _, err := db.Accounts.SignIn(ctx, w.Member.Email, sqldbtest.Password, "192.0.2.1", "")
		wantCode(t, err, pk.ETOOMANY)
		w.Clock.Advance(31 * time.Second)
		if _, _, err := db.Accounts.SignIn(ctx, w.Member.Email, sqldbtest.Password, "192.0.2.1", ""); err != nil {
			t.Fatal("after the wait:", err)
		}
		// Per address too: many accounts tried from one address.
		for i := 0; i < 20; i++ {
			db.Accounts.SignIn(ctx, "guess"+string(rune('a'+i))+"@example.org", "x", "198.51.100.7", "")
		}
		_, _, err = db.Accounts.SignIn(ctx, w.Observer.Email, sqldbtest.Password, "198.51.100.7", "")
		wantCode(t, err, pk.ETOOMANY)
	})
}

func TestJobsRetryAndDeduplicate(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		ctx := context.Background()
		n, _ := db.Jobs.PendingJobs(ctx)
		if n == 0 {
			t.Fatal("the world's invitations queued no mail")
		}
		// The mails fail; the jobs of notifications (queued by the
		// world's events, de-duplicated to one each) succeed.
		fails := 0
		done := func(context.Context, []byte) error { return nil }
		ran := db.Jobs.RunDueJobs(ctx, map[string]sqldb.JobHandler{"mail": func(context.Context, []byte) error {
			fails++
			return context.DeadlineExceeded
		}, sqldb.EventsDerivedJob: done, sqldb.NotifyEmailJob: done, sqldb.WebhookFanoutJob: done}, nil)
		if ran != n || fails == 0 || n-fails > 3 {
			t.Fatalf("ran %d of %d, %d mails", ran, n, fails)
		}
		n = fails
		// Failed jobs wait for their backoff, then run again.
		if again := db.Jobs.RunDueJobs(ctx, map[string]sqldb.JobHandler{"mail": func(context.Context, []byte) error { return nil }}, nil); again != 0 {
			t.Fatalf("%d jobs ran before their backoff", again)
		}
		w.Clock.Advance(time.Hour)
		if again := db.Jobs.RunDueJobs(ctx, map[string]sqldb.JobHandler{"mail": func(context.Context, []byte) error { return nil }}, nil); again != n {
			t.Fatalf("after backoff %d of %d ran", again, n)
		}
		if left, _ := db.Jobs.PendingJobs(ctx); left != 0 {
			t.Fatalf("%d jobs left", left)
		}
	})
}

// A job set aside as dead comes back when its key is queued again: a
// periodic job that failed for good does not block its key for ever; one
// that waits is not queued twice.
func TestDeadJobQueuedAgain(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, ctx := w.DB, context.Background()
		fail := map[string]sqldb.JobHandler{"test.periodic": func(context.Context, []byte) error { return context.DeadlineExceeded }}
		if err := db.Jobs.EnqueueOnce(ctx, "test.periodic"); err != nil {
			t.Fatal(err)
		}
		for range 8 {
			w.Clock.Advance(24 * time.Hour)
			db.Jobs.RunDueJobs(ctx, fail, nil)
		}
		var dead bool
		if err := sqldb.RawForTest(db).QueryRow(`SELECT dead FROM jobs WHERE unique_key = 'test.periodic'`).Scan(&dead); err != nil || !dead {
			t.Fatalf("after eight failures: dead %v, %v", dead, err)
		}
		for range 2 {
			if err := db.Jobs.EnqueueOnce(ctx, "test.periodic"); err != nil {
				t.Fatal(err)
			}
		}
		var n int
		if err := sqldb.RawForTest(db).QueryRow(`SELECT COUNT(*) FROM jobs WHERE unique_key = 'test.periodic' AND NOT dead AND attempts = 0`).Scan(&n); err != nil || n != 1 {
			t.Fatalf("queued again: %d waiting, %v", n, err)
		}
		ran := 0
		db.Jobs.RunDueJobs(ctx, map[string]sqldb.JobHandler{"test.periodic": func(context.Context, []byte) error { ran++; return nil }}, nil)
		if ran != 1 {
			t.Fatalf("the revived job ran %d times", ran)
		}
	})
}

func TestBackup(t *testing.T) {
	t.Parallel()
	w := sqldbtest.OpenWorld(t, "sqlite")
	db := w.DB
	to := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(context.Background(), to); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(context.Background(), to); err == nil {
		t.Fatal("backup overwrote an existing file")
	}
	copyDB, err := sqldb.Open(to)
	if err != nil {
		t.Fatal(err)
	}
	defer copyDB.Close()
	p, err := copyDB.Partnerships.Partnership(w.Coordinator.Ctx, w.Partnership.ID)
	if err != nil || p.Name != "Welcome City" {
		t.Fatal(p, err)
	}
}

// The activity feed never tells a member that something sensitive happened.
func TestActivityFeedHidesSensitiveChanges(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		w.Clock.Advance(time.Minute)
		if _, err := db.Actors.CreateActor(w.Coordinator.Ctx, pid, pk.ActorInput{Name: "Hidden Activist", Kind: "individual", Sensitive: true}); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Actors.CreateActor(w.Coordinator.Ctx, pid, pk.ActorInput{Name: "City Hall", Kind: "institution"}); err != nil {
			t.Fatal(err)
		}
		count := func(who *sqldbtest.Person) (creates int) {
			d, err := db.Partnerships.Dashboard(who.Ctx, pid)
			if err != nil {
				t.Fatal(err)
			}
			for _, e := range d.Recent {
				if e.Action == "actor.create" {
					creates++
				}
			}
			return creates
		}
		if n := count(w.Member); n != 1 {
			t.Fatalf("member sees %d actor creations in the feed, want 1", n)
		}
		if n := count(w.Coordinator); n != 2 {
			t.Fatalf("coordinator sees %d actor creations in the feed, want 2", n)
		}
	})
}
