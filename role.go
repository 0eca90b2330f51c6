package partnerkit

// Role is a person's place in a partnership.
type Role string

// The three roles, from least to most rights.
const (
	RoleNone        Role = ""
	RoleObserver    Role = "observer"
	RoleMember      Role = "member"
	RoleCoordinator Role = "coordinator"
)

// Roles lists the roles a person can be given.
var Roles = []string{string(RoleCoordinator), string(RoleMember), string(RoleObserver)}

// Rank orders roles: observer < member < coordinator; none is 0.
func (r Role) Rank() int {
	switch r {
	case RoleObserver:
		return 1
	case RoleMember:
		return 2
	case RoleCoordinator:
		return 3
	}
	return 0
}

// AtLeast reports whether r has at least the rights of min.
func (r Role) AtLeast(min Role) bool { return r.Rank() >= min.Rank() && r.Rank() > 0 }

// OrgRole is a person's place in an organisation: its administrators keep
// its profile and its people; its other people take part in its own
// self-analysis. What each may do is in the organisation scope of the
// permission table (permission.go).
type OrgRole string

// The organisation roles, from least to most rights. The values are those
// the API shows as an organisation's my_role; do not rename them.
const (
	OrgRoleNone   OrgRole = ""
	OrgRoleMember OrgRole = "member"
	OrgRoleAdmin  OrgRole = "admin"
)

// OrgRoleOf is the role stored as organisation_people.admin.
func OrgRoleOf(admin bool) OrgRole {
	if admin {
		return OrgRoleAdmin
	}
	return OrgRoleMember
}

// Rank orders organisation roles: member < admin; none (or an unknown
// value) is 0.
func (r OrgRole) Rank() int {
	switch r {
	case OrgRoleMember:
		return 1
	case OrgRoleAdmin:
		return 2
	}
	return 0
}

// AtLeast reports whether r has at least the rights of min.
func (r OrgRole) AtLeast(min OrgRole) bool { return r.Rank() >= min.Rank() && r.Rank() > 0 }
