package partnerkit

// Action is something a person may or may not do in a partnership.
type Action string

// Platform actions. Modules add theirs to the same table below, so that who
// may do what is decided in exactly one place.
const (
	ActionViewPartnership    Action = "partnership.view"
	ActionViewActivity       Action = "partnership.activity"
	ActionEditPartnership    Action = "partnership.edit"
	ActionArchivePartnership Action = "partnership.archive"
	ActionViewMembers        Action = "members.view"
	ActionManageMembers      Action = "members.manage"
	ActionInvite             Action = "members.invite"
	ActionLeave              Action = "members.leave"
	ActionViewAudit          Action = "audit.view"

	// Mapping actors (stakeholder register, relationships, maps, network).
	ActionViewActors    Action = "actors.view"
	ActionEditActors    Action = "actors.edit"
	ActionViewSensitive Action = "actors.sensitive"
	ActionViewMaps      Action = "maps.view" // observers: shared maps only
	ActionEditMaps      Action = "maps.edit"
	ActionShareMap      Action = "maps.share"
	ActionViewNetwork   Action = "network.view"

	// Preparing and forming the partnership (self-analysis, readiness,
	// theory of change, form advice, playbooks, outreach, profile).
	ActionViewPreparation Action = "preparation.view"
	ActionEditPreparation Action = "preparation.edit"
	ActionAdoptForm       Action = "preparation.adopt_form"
	ActionManagePlaybook  Action = "playbook.manage"
	ActionViewProspects   Action = "prospects.view"
	ActionEditProspects   Action = "prospects.edit"

	// The bin of deleted records. Coordinators only: an item may hold what
	// its deleter could not see (sensitive ties, positions, tactics), and a
	// title may name an actor marked sensitive since. A member who deleted
	// something by mistake asks a coordinator to restore it.
	ActionViewBin   Action = "bin.view"
	ActionManageBin Action = "bin.manage" // restore, purge, empty
)

// permissions maps each action to the least role that may take it.
var permissions = map[Action]Role{
	ActionViewPartnership:    RoleObserver,
	ActionViewActivity:       RoleMember,
	ActionEditPartnership:    RoleCoordinator,
	ActionArchivePartnership: RoleCoordinator,
	ActionViewMembers:        RoleObserver,
	ActionManageMembers:      RoleCoordinator,
	ActionInvite:             RoleCoordinator,
	ActionLeave:              RoleObserver,
	ActionViewAudit:          RoleCoordinator,

	ActionViewActors:    RoleMember,
	ActionEditActors:    RoleMember,
	ActionViewSensitive: RoleCoordinator,
	ActionViewMaps:      RoleObserver,
	ActionEditMaps:      RoleMember,
	ActionShareMap:      RoleCoordinator,
	ActionViewNetwork:   RoleMember,

	ActionViewPreparation: RoleObserver,
	ActionEditPreparation: RoleMember,
	ActionAdoptForm:       RoleCoordinator,
	ActionManagePlaybook:  RoleCoordinator,
	ActionViewProspects:   RoleMember,
	ActionEditProspects:   RoleMember,

	ActionViewBin:   RoleCoordinator,
	ActionManageBin: RoleCoordinator,
}

// Can reports whether a person with role may take action. Unknown actions
// are refused, so a forgotten table entry fails closed.
func Can(role Role, a Action) bool {
	need, ok := permissions[a]
	return ok && role.AtLeast(need)
}

// RequiredRole returns the least role for an action (for documentation and
// the permission-matrix test).
func RequiredRole(a Action) (Role, bool) {
	r, ok := permissions[a]
	return r, ok
}

// readActions may be taken in an archived partnership; everything else is
// refused there until it is restored.
var readActions = map[Action]bool{
	ActionViewPartnership: true,
	ActionViewActivity:    true,
	ActionViewMembers:     true,
	ActionViewAudit:       true,
	ActionLeave:           true,
	ActionViewActors:      true,
	ActionViewSensitive:   true,
	ActionViewMaps:        true,
	ActionViewNetwork:     true,
	ActionViewPreparation: true,
	ActionViewProspects:   true,
	ActionViewBin:         true,
}

// ReadOnly reports whether an action only reads.
func ReadOnly(a Action) bool { return readActions[a] }
