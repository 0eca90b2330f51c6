package sqldb_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// contributionIDs lists the IDs of a person's contributions of one type.
func contributionIDs(d *pk.PersonalData, kind string) map[string]bool {
	out := map[string]bool{}
	for _, c := range d.Contributions {
		if c.Type == kind {
			id, _ := c.Fields["id"].(string)
			out[id] = true
		}
	}
	return out
}

// The personal-data document holds the profile, memberships, what the
// person wrote, sessions and tokens without their secrets, and the audit
// entries by them; a sensitive record they wrote but may no longer see is
// left out and counted, and the export of a sensitive one is audited.
func TestMyData(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, c, pid := w.DB, w.Coordinator, w.Partnership.ID
		a := w.Actors()
		_, secret, err := db.Accounts.SignIn(context.Background(), c.Email, sqldbtest.Password, "192.0.2.1", "test browser")
		if err != nil {
			t.Fatal(err)
		}
		token, err := db.Accounts.CreateToken(c.Ctx, "my script")
		if err != nil {
			t.Fatal(err)
		}

		d, err := db.Accounts.MyData(c.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d.Format != pk.PersonalDataFormat || d.SchemaVersion != pk.PersonalDataSchemaVersion || d.Profile.Email != c.Email || d.Profile.Name != c.Name {
			t.Fatalf("header and profile: %+v", d)
		}
		if len(d.Partnerships) != 1 || d.Partnerships[0].ID != pid || d.Partnerships[0].Role != pk.RoleCoordinator {
			t.Errorf("partnerships %+v", d.Partnerships)
		}
		if len(d.Organisations) != 1 || d.Organisations[0].ID != w.Org.ID || !d.Organisations[0].Admin {
			t.Errorf("organisations %+v", d.Organisations)
		}
		actors := contributionIDs(d, "actor")
		if !actors[a.Actor.ID] || !actors[a.Sensitive.ID] {
			t.Errorf("a coordinator's own actors, sensitive one included: %v", actors)
		}
		if !contributionIDs(d, "partnership")[pid] {
			t.Error("the partnership they created is missing")
		}
		if len(d.Sessions) != 1 || d.Sessions[0].UserAgent != "test browser" || len(d.Tokens) != 1 || d.Tokens[0].Name != "my script" {
			t.Errorf("sessions %+v tokens %+v", d.Sessions, d.Tokens)
		}
		var byMe bool
		for _, e := range d.Audit {
			byMe = byMe || (e.ByMe && e.Action == "actor.create" && e.SubjectID == a.Actor.ID && e.Summary != "")
		}
		if !byMe {
			t.Errorf("audit entries by me: %+v", d.Audit)
		}
		// Never a secret or a hash.
		b, _ := json.Marshal(d)
		for _, s := range []string{secret, token.Secret, "argon2", "secret_hash"} {
			if strings.Contains(string(b), s) {
				t.Errorf("the document holds %q", s)
			}
		}
		// Including a sensitive record is an export of sensitive data.
		entries, _, err := db.Partnerships.Audit(c.Ctx, pid, pk.PageRequest{Limit: 5})
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) == 0 || entries[0].Action != "account.export" {
			t.Errorf("export not audited: %+v", entries)
		}

		// Once a member, the coordinator no longer sees the sensitive actor
		// they wrote: it is left out, and the document says so.
		m, err := db.Members.Members(c.Ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range m.People {
			if p.UserID == w.Member.ID {
				if _, err := db.Members.SetRole(c.Ctx, pid, p.UserID, pk.RoleCoordinator, p.Version); err != nil {
					t.Fatal(err)
				}
			}
		}
		m, _ = db.Members.Members(w.Member.Ctx, pid)
		for _, p := range m.People {
			if p.UserID == c.ID {
				if _, err := db.Members.SetRole(w.Member.Ctx, pid, p.UserID, pk.RoleMember, p.Version); err != nil {
					t.Fatal(err)
				}
			}
		}
		d, err = db.Accounts.MyData(c.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		actors = contributionIDs(d, "actor")
		if !actors[a.Actor.ID] || actors[a.Sensitive.ID] {
			t.Errorf("as a member: %v", actors)
		}
		var omitted int
		for _, o := range d.Omitted {
			if o.Type == "actor" {
				omitted = o.Count
			}
		}
		if omitted != 1 {
			t.Errorf("omitted %+v", d.Omitted)
		}
		b, _ = json.Marshal(d)
		if strings.Contains(string(b), sqldbtest.SensitiveActorName2) || strings.Contains(string(b), a.Sensitive.Name) {
			t.Error("the sensitive actor's name is in a member's document")
		}

		// Someone else's document holds nothing of this partnership.
		d, err = db.Accounts.MyData(w.Outsider.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range d.Contributions {
			if x.PartnershipID == pid {
				t.Errorf("outsider's document: %+v", x)
			}
		}
	})
}
