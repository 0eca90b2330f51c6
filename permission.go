package partnerkit

// Action is something a person may or may not do in a partnership or in an
// organisation. The two scopes share the type so that one table lists
// everything, but an action belongs to exactly one scope: Can refuses
// organisation actions and CanInOrganisation partnership ones.
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
	// ActionExportPartnership is downloading the whole partnership as one
	// archive. Coordinators only: the archive holds sensitive records and
	// every member's address.
	ActionExportPartnership Action = "partnership.export"

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

	// The partnership agreement: coordinators draft and circulate it, the
	// authorised representatives of member organisations sign it (the store
	// checks that the signer is a person of the organisation signed for),
	// observers read it.
	ActionViewAgreements Action = "agreements.view"
	ActionEditAgreements Action = "agreements.edit"
	ActionSignAgreements Action = "agreements.sign"
	// Members comment on a section of the text before they sign; the
	// author, or a coordinator, deletes a comment (the store checks which).
	ActionCommentAgreements Action = "agreements.comment"

	// The bin of deleted records. Coordinators only: an item may hold what
	// its deleter could not see (sensitive ties, positions, tactics), and a
	// title may name an actor marked sensitive since. A member who deleted
	// something by mistake asks a coordinator to restore it.
	ActionViewBin   Action = "bin.view"
	ActionManageBin Action = "bin.manage" // restore, purge, empty

	// Governance: bodies, their seats and the charter. Observers read them
	// (an observer may be asked to sit in an advisory group and should know
	// the rules); coordinators change them, as the charter is adopted by the
	// partnership and only recorded here.
	ActionViewGovernance Action = "governance.view"
	ActionEditGovernance Action = "governance.edit"

	// Admission of new members. Observers follow the pipeline (who is a
	// candidate, the stage, the criteria met or not, the decision); the
	// candidates' contact details, their motivation and the evidence of
	// each check are for members and coordinators (AdmissionDetails), as a
	// candidate organisation shared them with the partnership, not with
	// everyone who reads it. Members propose a candidate (an application
	// they received, or their own organisation's nomination); coordinators
	// record every later step, as they record the charter's adoption.
	ActionViewAdmissions    Action = "admissions.view"
	ActionAdmissionDetails  Action = "admissions.details"
	ActionProposeAdmissions Action = "admissions.propose"
	ActionManageAdmissions  Action = "admissions.manage"
	// Decisions: observers read proposals and the decision log; members
	// bring proposals, vote (the store checks they hold a seat, or
	// represent a seated organisation) and ask to re-open a decision;
	// coordinators close voting early and choose a stricter method.
	// Members give a proxy (the store checks the charter allows it and both
	// are eligible) and record a chair's decision (the store checks they
	// hold the chair of the body, or coordinate); coordinators edit the
	// partnership's strategic lenses.
	ActionViewDecisions Action = "decisions.view"
	ActionPropose       Action = "decisions.propose"
	ActionVote          Action = "decisions.vote"
	ActionCloseProposal Action = "decisions.close"
	ActionSupportReopen Action = "decisions.reopen"
	ActionChooseMethod  Action = "decisions.method"

	// Contributions and the budget (seed 001, activity 11; seed 000, step
	// 3). Members see them (an organisation's money is shared with its
	// partners, not with observers) and record their own organisation's
	// contributions and barriers (the store checks they are a person of it;
	// coordinators record for any member). Expenses are the plan's
	// conveners' and the coordinators' (the store checks the seat), the
	// currency and time zone the coordinators'.
	ActionViewContributions   Action = "contributions.view"
	ActionRecordContributions Action = "contributions.record"
	ActionRecordExpenses      Action = "contributions.expenses"
	ActionEditBudgetSettings  Action = "contributions.settings"
	// Reports and roll-ups: observers read them (a committee may seat
	// observers); conveners write their plan's reports (the store checks
	// the seat); coordinators write any and make the roll-ups.
	ActionViewReports     Action = "reports.view"
	ActionWriteReports    Action = "reports.write"
	ActionGenerateRollups Action = "reports.rollup"

	// Implementation: goals, action plans and tasks (seed 001, activities
	// 11–14; seed 004, stages 2–3). Observers read them; coordinators set
	// goals and open plans. A plan is managed (changed, with its
	// milestones, budget, staffing and tasks) by coordinators and by the
	// conveners of its action group: ActionManagePlan is a member action
	// and the store checks the convener's seat on the record. Members
	// change the status of the tasks given to them (ActionUpdateOwnTask;
	// the store checks the assignee).
	ActionViewPlans     Action = "plans.view"
	ActionEditGoals     Action = "plans.goals"
	ActionCreatePlans   Action = "plans.create"
	ActionManagePlan    Action = "plans.manage"
	ActionUpdateOwnTask Action = "plans.task_status"

	// Meetings: everyone in the partnership sees agendas, minutes and
	// action items (seed 002's transparency); members schedule meetings,
	// build agendas, record attendance and action items; the minutes are
	// drafted and their approval recorded by the body's secretary or a
	// coordinator (the store checks the seat); coordinators delete.
	ActionViewMeetings   Action = "meetings.view"
	ActionEditMeetings   Action = "meetings.edit"
	ActionRecordMinutes  Action = "meetings.minutes"
	ActionDeleteMeetings Action = "meetings.delete"
	ActionGiveProxy      Action = "decisions.proxy"
	ActionChairDecide    Action = "decisions.chair"
	ActionEditLenses     Action = "decisions.lenses"
	// Health: members see the aggregates of the health check and of the
	// trust survey, and the behaviour signals, and rate; coordinators open
	// and close rounds. Observers (funders, facilitators) see none of it:
	// members rate their partners and their partnership candidly because
	// only the partnership reads the result. Nobody, coordinators
	// included, sees another person's or organisation's ratings: the
	// store gives each rater their own and everyone else aggregates.
	ActionViewHealth   Action = "health.view"
	ActionRateHealth   Action = "health.rate"
	ActionManageHealth Action = "health.manage"
	// Evaluations (seed 004, stage 4): observers read them; members write
	// findings and evidence and add pros and cons of continuing;
	// coordinators create and manage them, record the changes made, bring
	// the continuation question to a decision and keep the closure plan.
	ActionViewEvaluations   Action = "evaluations.view"
	ActionAddFindings       Action = "evaluations.findings"
	ActionManageEvaluations Action = "evaluations.manage"

	// Surveys: everyone in the partnership sees the surveys and their
	// results (anonymous ones only in groups of SurveyMinGroup or more);
	// coordinators build them and hand out the links, as a link is a key
	// to answer in the partnership's name. Exporting the answers is for
	// members; the names of a named survey's respondents for coordinators
	// (the store decides the column).
	ActionViewSurveys   Action = "surveys.view"
	ActionEditSurveys   Action = "surveys.edit"
	ActionExportSurveys Action = "surveys.export"
	// Indicators against targets: everyone in the partnership follows them
	// (seed 002's transparency); members record measurements; an indicator
	// is defined by a coordinator, or for a plan by a convener of its
	// action group (the store checks, with the plans' own rule).
	ActionViewIndicators     Action = "indicators.view"
	ActionDefineIndicators   Action = "indicators.define"
	ActionRecordMeasurements Action = "indicators.measure"
	// The partnership report reads every module; each of its sections asks
	// that module's own service, so a role sees in the report what it may
	// see anyway.
	ActionViewPartnershipReport Action = "partnership_report.view"
	// Webhooks tell a chat room or another system of what happens; they
	// hold secrets and send outside, so coordinators alone see and set
	// them.
	ActionViewWebhooks   Action = "webhooks.view"
	ActionManageWebhooks Action = "webhooks.manage"
)

// Organisation actions: the organisation scope of the table, decided by
// CanInOrganisation on the person's OrgRole. Reading a profile needs no
// action: any signed-in person may (that is how partners find each other).
const (
	ActionViewOrgPeople       Action = "organisation.people.view"
	ActionManageOrgPeople     Action = "organisation.people.manage"
	ActionEditOrgProfile      Action = "organisation.profile.edit"
	ActionViewOrgSelfAnalysis Action = "organisation.selfanalysis.view"
	ActionEditOrgSelfAnalysis Action = "organisation.selfanalysis.edit"
	// ActionLeaveOrganisation is taking oneself out; taking someone else
	// out is ActionManageOrgPeople.
	ActionLeaveOrganisation Action = "organisation.leave"
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
	ActionExportPartnership:  RoleCoordinator,

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

	ActionViewAgreements:    RoleObserver,
	ActionEditAgreements:    RoleCoordinator,
	ActionSignAgreements:    RoleMember,
	ActionCommentAgreements: RoleMember,

	ActionViewBin:   RoleCoordinator,
	ActionManageBin: RoleCoordinator,

	ActionViewGovernance: RoleObserver,
	ActionEditGovernance: RoleCoordinator,

	ActionViewAdmissions:    RoleObserver,
	ActionAdmissionDetails:  RoleMember,
	ActionProposeAdmissions: RoleMember,
	ActionManageAdmissions:  RoleCoordinator,
	ActionViewDecisions:     RoleObserver,
	ActionPropose:           RoleMember,
	ActionVote:              RoleMember,
	ActionCloseProposal:     RoleCoordinator,
	ActionSupportReopen:     RoleMember,
	ActionChooseMethod:      RoleCoordinator,
	ActionViewMeetings:      RoleObserver,
	ActionEditMeetings:      RoleMember,
	ActionRecordMinutes:     RoleMember,
	ActionDeleteMeetings:    RoleCoordinator,
	ActionGiveProxy:         RoleMember,
	ActionChairDecide:       RoleMember,
	ActionEditLenses:        RoleCoordinator,
	ActionViewHealth:        RoleMember,
	ActionRateHealth:        RoleMember,
	ActionManageHealth:      RoleCoordinator,

	ActionViewPlans:           RoleObserver,
	ActionEditGoals:           RoleCoordinator,
	ActionCreatePlans:         RoleCoordinator,
	ActionManagePlan:          RoleMember,
	ActionUpdateOwnTask:       RoleMember,
	ActionViewContributions:   RoleMember,
	ActionRecordContributions: RoleMember,
	ActionRecordExpenses:      RoleMember,
	ActionEditBudgetSettings:  RoleCoordinator,
	ActionViewReports:         RoleObserver,
	ActionWriteReports:        RoleMember,
	ActionGenerateRollups:     RoleCoordinator,
	ActionViewEvaluations:     RoleObserver,
	ActionAddFindings:         RoleMember,
	ActionManageEvaluations:   RoleCoordinator,
	ActionViewSurveys:         RoleObserver,
	ActionEditSurveys:         RoleCoordinator,
	ActionExportSurveys:       RoleMember,

	ActionViewIndicators:        RoleObserver,
	ActionDefineIndicators:      RoleMember,
	ActionRecordMeasurements:    RoleMember,
	ActionViewWebhooks:          RoleCoordinator,
	ActionManageWebhooks:        RoleCoordinator,
	ActionViewPartnershipReport: RoleObserver,
}

// orgPermissions maps each organisation action to the least organisation
// role that may take it.
var orgPermissions = map[Action]OrgRole{
	// Addresses are personal: only the organisation's own people see them.
	ActionViewOrgPeople:       OrgRoleMember,
	ActionManageOrgPeople:     OrgRoleAdmin,
	ActionEditOrgProfile:      OrgRoleAdmin,
	ActionViewOrgSelfAnalysis: OrgRoleMember,
	// Each contribution stays its author's (the store checks authorship).
	ActionEditOrgSelfAnalysis: OrgRoleMember,
	ActionLeaveOrganisation:   OrgRoleMember,
}

// Can reports whether a person with role may take action. Unknown actions
// are refused, so a forgotten table entry fails closed.
func Can(role Role, a Action) bool {
	need, ok := permissions[a]
	return ok && role.AtLeast(need)
}

// MaySeeSensitive is the one rule for sensitive data (actors and ties
// marked sensitive, and anything that names them): whether a person with
// role in a partnership may see it. Every read that filters sensitive rows
// and every audit entry that hides them asks this, so changing who may see
// them is one line of the table above. A role that cannot be read (empty,
// unknown) gets false: privacy fails closed.
func MaySeeSensitive(role Role) bool { return Can(role, ActionViewSensitive) }

// CanInOrganisation reports whether a person with role in an organisation
// may take action. Unknown actions, partnership actions and unknown roles
// are refused, so a forgotten table entry fails closed.
func CanInOrganisation(role OrgRole, a Action) bool {
	need, ok := orgPermissions[a]
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
	ActionViewAgreements:  true,
	ActionViewBin:         true,
	ActionViewGovernance:  true,
	ActionViewAdmissions:  true,
	// Reading the details only reads.
	ActionAdmissionDetails: true,
	ActionViewDecisions:    true,
	// Contributions and reports: reading (and exporting) only reads.
	ActionViewContributions:     true,
	ActionViewReports:           true,
	ActionViewPlans:             true,
	ActionViewMeetings:          true,
	ActionViewHealth:            true,
	ActionViewEvaluations:       true,
	ActionViewSurveys:           true,
	ActionExportSurveys:         true,
	ActionViewIndicators:        true,
	ActionViewPartnershipReport: true,
	ActionViewWebhooks:          true,
	// Exporting only reads (its audit entry aside), so an archived
	// partnership can still be taken elsewhere.
	ActionExportPartnership: true,
}

// ReadOnly reports whether an action only reads.
func ReadOnly(a Action) bool { return readActions[a] }

// RequiredOrgRole returns the least organisation role for an action (for
// documentation and tests); false for actions outside the organisation
// scope.
func RequiredOrgRole(a Action) (OrgRole, bool) {
	r, ok := orgPermissions[a]
	return r, ok
}

// privateOrgActions touch what only an organisation's own people may know
// exists (its self-analysis), or their own membership: an outsider is told
// "not found" for them, as for anything in a partnership. The organisation
// itself is public, so other refusals say "forbidden".
var privateOrgActions = map[Action]bool{
	ActionViewOrgSelfAnalysis: true,
	ActionEditOrgSelfAnalysis: true,
	ActionLeaveOrganisation:   true,
}

// HiddenFromOutsiders reports whether an organisation action is refused to
// people outside the organisation as if there were nothing to refuse.
func HiddenFromOutsiders(a Action) bool { return privateOrgActions[a] }
