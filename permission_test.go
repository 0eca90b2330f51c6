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
