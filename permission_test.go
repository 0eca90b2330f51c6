package partnerkit

import "testing"

func TestCan(t *testing.T) {
	for _, c := range []struct {
		role Role
		a    Action
		want bool
	}{
		{RoleObserver, ActionViewPartnership, true},
		{RoleNone, ActionViewPartnership, false},
		{RoleObserver, ActionViewActors, false},
		{RoleMember, ActionViewActors, true},
		{RoleMember, ActionViewSensitive, false},
		{RoleCoordinator, ActionViewSensitive, true},
		{RoleMember, ActionInvite, false},
		{RoleCoordinator, ActionInvite, true},
		{RoleCoordinator, Action("no.such.action"), false},
		{Role("king"), ActionViewPartnership, false},
	} {
		if got := Can(c.role, c.a); got != c.want {
			t.Errorf("Can(%q, %q) = %v, want %v", c.role, c.a, got, c.want)
		}
	}
}

// Every action has a role, and read-only ones are a subset of the table.
func TestPermissionTableComplete(t *testing.T) {
	for a := range readActions {
		if _, ok := permissions[a]; !ok {
			t.Errorf("read-only action %q has no role", a)
		}
	}
	for a, r := range permissions {
		if r.Rank() == 0 {
			t.Errorf("action %q has no valid role", a)
		}
	}
}

func TestValidator(t *testing.T) {
	var v Validator
	v.Text("name", "", true, 10)
	v.Text("long", "abcdefghijk", false, 10)
	v.Text("ok", "عربي", true, 10)
	v.Email("email", "not an email")
	v.URL("site", "javascript:alert(1)")
	v.OneOf("form", "empire", false, PartnershipForms)
	v.IntRange("n", 7, 1, 5)
	err := v.Err()
	e, ok := AsError(err)
	if !ok || e.Code != EINVALID {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, f := range e.Fields {
		got[f.Field] = true
	}
	for _, f := range []string{"name", "long", "email", "site", "form", "n"} {
		if !got[f] {
			t.Errorf("no error for %s", f)
		}
	}
	if got["ok"] {
		t.Error("ten Arabic letters counted as too long")
	}
}

// The sensitive-data rule follows the table and refuses whatever role it
// cannot read.
func TestMaySeeSensitive(t *testing.T) {
	for _, c := range []struct {
		role Role
		want bool
	}{
		{RoleCoordinator, true},
		{RoleMember, false},
		{RoleObserver, false},
		{RoleNone, false},
		{Role("Coordinator"), false},
		{Role("admin"), false},
	} {
		if got := MaySeeSensitive(c.role); got != c.want {
			t.Errorf("MaySeeSensitive(%q) = %v, want %v", c.role, got, c.want)
		}
	}
}

func TestCanInOrganisation(t *testing.T) {
	for _, c := range []struct {
		role OrgRole
		a    Action
		want bool
	}{
		{OrgRoleAdmin, ActionEditOrgProfile, true},
		{OrgRoleMember, ActionEditOrgProfile, false},
		{OrgRoleNone, ActionEditOrgProfile, false},
		{OrgRoleAdmin, ActionManageOrgPeople, true},
		{OrgRoleMember, ActionManageOrgPeople, false},
		{OrgRoleMember, ActionViewOrgPeople, true},
		{OrgRoleNone, ActionViewOrgPeople, false},
		{OrgRoleMember, ActionViewOrgSelfAnalysis, true},
		{OrgRoleMember, ActionEditOrgSelfAnalysis, true},
		{OrgRoleNone, ActionViewOrgSelfAnalysis, false},
		{OrgRoleMember, ActionLeaveOrganisation, true},
		{OrgRoleNone, ActionLeaveOrganisation, false},
		// Scopes do not mix: an organisation admin is nobody in a
		// partnership, and partnership actions mean nothing here.
		{OrgRoleAdmin, ActionViewPartnership, false},
		{OrgRoleAdmin, ActionViewSensitive, false},
		{OrgRoleAdmin, Action("no.such.action"), false},
		{OrgRole("owner"), ActionViewOrgPeople, false},
	} {
		if got := CanInOrganisation(c.role, c.a); got != c.want {
			t.Errorf("CanInOrganisation(%q, %q) = %v, want %v", c.role, c.a, got, c.want)
		}
	}
	// And the other way round: a partnership coordinator cannot use a
	// partnership role for an organisation action.
	if Can(RoleCoordinator, ActionEditOrgProfile) {
		t.Error("Can allowed an organisation action")
	}
}

// Every organisation action has a valid role, belongs to one scope only,
// and actions hidden from outsiders are organisation actions.
func TestOrgPermissionTableComplete(t *testing.T) {
	for a, r := range orgPermissions {
		if r.Rank() == 0 {
			t.Errorf("organisation action %q has no valid role", a)
		}
		if _, ok := permissions[a]; ok {
			t.Errorf("action %q is in both scopes", a)
		}
		if _, ok := RequiredOrgRole(a); !ok {
			t.Errorf("RequiredOrgRole(%q) unknown", a)
		}
	}
	for a := range privateOrgActions {
		if _, ok := orgPermissions[a]; !ok {
			t.Errorf("hidden action %q is not an organisation action", a)
		}
	}
	if _, ok := RequiredOrgRole(ActionViewActors); ok {
		t.Error("a partnership action has an organisation role")
	}
}

func TestOrgRole(t *testing.T) {
	if OrgRoleOf(true) != OrgRoleAdmin || OrgRoleOf(false) != OrgRoleMember {
		t.Error("OrgRoleOf")
	}
	if !OrgRoleAdmin.AtLeast(OrgRoleMember) || OrgRoleMember.AtLeast(OrgRoleAdmin) || OrgRoleNone.AtLeast(OrgRoleNone) {
		t.Error("AtLeast")
	}
}
