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
