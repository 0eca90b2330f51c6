package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Every organisation method asks the organisation scope of the permission
// table: admins keep the profile and the people, the organisation's people
// see each other, outsiders read only the public profile.
func TestOrganisationPermissions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		oid := w.MemberOrg.ID // the member is its admin
		admin, person, outsider := w.Member, w.Observer, w.Outsider
		if err := db.Organisations.AddOrganisationPerson(admin.Ctx, oid, person.Email, false); err != nil {
			t.Fatal(err)
		}

		for _, c := range []struct {
			who  *sqldbtest.Person
			want pk.OrgRole
		}{{admin, pk.OrgRoleAdmin}, {person, pk.OrgRoleMember}, {outsider, pk.OrgRoleNone}} {
			o, err := db.Organisations.Organisation(c.who.Ctx, oid)
			if err != nil || o.MyRole != c.want {
				t.Errorf("%s: role %q %v, want %q", c.who.Name, o.MyRole, err, c.want)
			}
		}

		// The profile: admins only.
		in := pk.OrganisationInput{Name: "Diaspora Voices e.V.", Kind: "diaspora", Version: 1}
		_, err := db.Organisations.UpdateOrganisation(person.Ctx, oid, in)
		wantCode(t, err, pk.EFORBIDDEN)
		_, err = db.Organisations.UpdateOrganisation(outsider.Ctx, oid, in)
		wantCode(t, err, pk.EFORBIDDEN)
		if _, err := db.Organisations.UpdateOrganisation(admin.Ctx, oid, in); err != nil {
			t.Fatal(err)
		}

		// The people: seen by the organisation's people, managed by admins.
		ps, err := db.Organisations.OrganisationPeople(person.Ctx, oid)
		if err != nil || len(ps) != 2 {
			t.Fatalf("%+v %v", ps, err)
		}
		_, err = db.Organisations.OrganisationPeople(outsider.Ctx, oid)
		wantCode(t, err, pk.EFORBIDDEN)
		wantCode(t, db.Organisations.AddOrganisationPerson(person.Ctx, oid, outsider.Email, false), pk.EFORBIDDEN)
		wantCode(t, db.Organisations.RemoveOrganisationPerson(person.Ctx, oid, admin.ID), pk.EFORBIDDEN)
		// Leaving: one's own choice, but outsiders have nothing to leave and
		// the last admin stays.
		wantCode(t, db.Organisations.RemoveOrganisationPerson(outsider.Ctx, oid, outsider.ID), pk.ENOTFOUND)
		wantCode(t, db.Organisations.RemoveOrganisationPerson(admin.Ctx, oid, admin.ID), pk.EINVALID)
		if err := db.Organisations.RemoveOrganisationPerson(person.Ctx, oid, person.ID); err != nil {
			t.Fatal(err)
		}

		// An organisation that does not exist is not found, whatever is asked.
		_, err = db.Organisations.UpdateOrganisation(admin.Ctx, "nope", in)
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Organisations.OrganisationPeople(admin.Ctx, "nope")
		wantCode(t, err, pk.ENOTFOUND)
		_, err = db.Preparation.OrganisationSelfAnalysis(admin.Ctx, "nope")
		wantCode(t, err, pk.ENOTFOUND)
	})
}

// The directory never lists more than a page, whatever the caller asks
// (the world holds three organisations: two members and a candidate for
// admission).
func TestOrganisationDirectoryBounded(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		w := sqldbtest.NewWorld(t, db)
		for _, c := range []struct{ limit, want int }{{1, 1}, {0, 3}, {-5, 3}, {1 << 30, 3}} {
			os, err := db.Organisations.OrganisationDirectory(w.Outsider.Ctx, "", c.limit)
			if err != nil || len(os) != c.want {
				t.Errorf("limit %d: %d organisations, %v", c.limit, len(os), err)
			}
		}
	})
}
