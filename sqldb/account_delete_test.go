package sqldb_test

import (
	"context"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Deleting an account is refused while a partnership or an organisation
// would be left without anyone to run it, naming each; the password must be
// right.
func TestDeleteAccountNeedsHandOverAndPassword(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c := w.DB, w.Coordinator
		// The coordinator is Welcome City's only coordinator and Bridges
		// Youth's only administrator.
		hs, err := db.Accounts.HandOvers(c.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []pk.HandOver{{Kind: pk.HandOverPartnership, ID: w.Partnership.ID, Name: w.Partnership.Name},
			{Kind: pk.HandOverOrganisation, ID: w.Org.ID, Name: w.Org.Name}}
		if len(hs) != len(want) || hs[0] != want[0] || hs[1] != want[1] {
			t.Fatalf("hand-overs %+v, want %+v", hs, want)
		}
		err = db.Accounts.DeleteAccount(c.Ctx, sqldbtest.Password)
		wantCode(t, err, pk.ECONFLICT)
		e, _ := pk.AsError(err)
		if len(e.Fields) != 2 || e.Fields[0].Field != "partnership:"+w.Partnership.ID || e.Fields[1].Field != "organisation:"+w.Org.ID {
			t.Fatalf("refusal names %+v", e.Fields)
		}
		// A wrong password is refused before anything else.
		wantField(t, db.Accounts.DeleteAccount(w.Observer.Ctx, "not the password"), "password")

		// Nothing changed: everyone still signs in.
		for _, p := range []*sqldbtest.Person{c, w.Observer} {
			if _, _, err := db.Accounts.SignIn(context.Background(), p.Email, sqldbtest.Password, "192.0.2.1", "test"); err != nil {
				t.Fatalf("%s: %v", p.Name, err)
			}
		}

		// Another coordinator and another administrator: nothing to hand over.
		m, err := db.Members.Members(c.Ctx, w.Partnership.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m.People {
			if p.UserID == w.Member.ID {
				if _, err := db.Members.SetRole(c.Ctx, w.Partnership.ID, p.UserID, pk.RoleCoordinator, p.Version); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := db.Organisations.AddOrganisationPerson(c.Ctx, w.Org.ID, w.Observer.Email, true); err != nil {
			t.Fatal(err)
		}
		if hs, err := db.Accounts.HandOvers(c.Ctx); err != nil || len(hs) != 0 {
			t.Fatalf("hand-overs %+v %v", hs, err)
		}
		if err := db.Accounts.DeleteAccount(c.Ctx, sqldbtest.Password); err != nil {
			t.Fatal(err)
		}
	})
}

// A deleted account's personal data is gone and every way in with it; what
// the person contributed stays, by "a former member".
func TestDeleteAccountErasesAndKeepsContributions(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, me, c, pid := w.DB, w.Member, w.Coordinator, w.Partnership.ID
		bg := context.Background()
		// The member runs Diaspora Voices: give it a second administrator.
		if err := db.Organisations.AddOrganisationPerson(me.Ctx, w.MemberOrg.ID, c.Email, true); err != nil {
			t.Fatal(err)
		}
		actor, err := db.Actors.CreateActor(me.Ctx, pid, pk.ActorInput{Name: "Neighbourhood Sports Club", Kind: "group"})
		if err != nil {
			t.Fatal(err)
		}
		u, secret, err := db.Accounts.SignIn(bg, me.Email, sqldbtest.Password, "192.0.2.1", "test")
		if err != nil {
			t.Fatal(err)
		}
		token, err := db.Accounts.CreateToken(me.Ctx, "script")
		if err != nil {
			t.Fatal(err)
		}
		// An invitation waiting for the address, in another partnership.
		if _, err := db.Members.Invite(w.Outsider.Ctx, w.Other.ID, pk.InvitationInput{Email: me.Email, Role: "member"}); err != nil {
			t.Fatal(err)
		}

		if err := db.Accounts.DeleteAccount(me.Ctx, sqldbtest.Password); err != nil {
			t.Fatal(err)
		}

		// No way in: neither the password, nor the session, nor the token,
		// nor a reset link, nor a new token from the command line.
		if _, _, err := db.Accounts.SignIn(bg, me.Email, sqldbtest.Password, "192.0.2.2", "test"); err == nil {
			t.Error("signed in after deletion")
		}
		if _, _, err := db.Accounts.UserBySession(bg, secret); pk.ErrorCode(err) != pk.EUNAUTHORIZED {
			t.Errorf("session: %v", err)
		}
		if _, err := db.Accounts.UserByToken(bg, token.Secret); pk.ErrorCode(err) != pk.EUNAUTHORIZED {
			t.Errorf("token: %v", err)
		}
		tomb := pk.FormerMemberEmail(u.ID)
		if _, err := db.Accounts.CreateTokenForEmail(bg, tomb, "x"); pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("token for the erased address: %v", err)
		}
		if _, err := db.Accounts.SignUp(bg, pk.SignUpInput{Email: tomb, Name: "Impostor", Password: sqldbtest.Password}); pk.ErrorCode(err) != pk.EINVALID {
			t.Errorf("sign-up with the erased address: %v", err)
		}
		// The address is free again for a new account of its owner's.
		if _, err := db.Accounts.CreateUser(bg, pk.SignUpInput{Email: me.Email, Name: "Omar Again", Password: sqldbtest.Password}, false); err != nil {
			t.Errorf("the address stays taken: %v", err)
		}

		// The memberships ended; the partnership keeps the actor.
		m, err := db.Members.Members(c.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m.People {
			if p.UserID == u.ID {
				t.Errorf("still a member: %+v", p)
			}
		}
		ps, err := db.Organisations.OrganisationPeople(c.Ctx, w.MemberOrg.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range ps {
			if p.UserID == u.ID {
				t.Errorf("still in the organisation: %+v", p)
			}
		}
		if _, err := db.Actors.Actor(c.Ctx, pid, actor.ID); err != nil {
			t.Errorf("the contribution went: %v", err)
		}
		// The log names a former member, for the deletion and for what the
		// person did before; nowhere the old name.
		entries, _, err := db.Partnerships.Audit(c.Ctx, pid, pk.PageRequest{Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		var deleted, created bool
		for _, e := range entries {
			if x := e.Summary + e.Before + e.After; strings.Contains(x, me.Email) || strings.Contains(x, me.Name) {
				t.Errorf("the log still names the person: %+v", e)
			}
			if e.UserID != u.ID {
				continue
			}
			if e.UserName != pk.FormerMemberName {
				t.Errorf("entry %s by %q", e.Action, e.UserName)
			}
			deleted = deleted || e.Action == "account.delete"
			created = created || (e.Action == "actor.create" && e.SubjectID == actor.ID)
		}
		if !deleted || !created {
			t.Errorf("audit: deletion %v, earlier contribution %v", deleted, created)
		}
		// The invitation to the address is gone with it.
		inv, err := db.Members.Invitations(w.Outsider.Ctx, w.Other.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range inv {
			if strings.EqualFold(x.Email, me.Email) {
				t.Errorf("invitation to the erased address: %+v", x)
			}
		}
	})
}
