package partnerkit

import (
	"context"
	"time"

	"github.com/partnerkit/partnerkit/agreement"
)

// The services below are what the pages (web/) and the JSON API (api/) depend
// on, one per module. The storage package implements each with a store of its
// own (sqldb.DB.Actors, .Maps, …). Every method learns who is asking from the
// context and checks the permission table (permission.go) before it reads or
// writes anything; a person outside a partnership gets ENOTFOUND.

// AccountService is a person's own account: signing up and in, sessions, API tokens,
// the profile, the password and the confirmed address.
type AccountService interface {
	// SignUp creates an account. The very first account on an instance becomes its administrator.
	SignUp(ctx context.Context, in SignUpInput) (*User, error)
	// CreateUser adds a user from the command line; the address counts as verified since an
	// administrator vouches for it.
	CreateUser(ctx context.Context, in SignUpInput, admin bool) (*User, error)
	// UserCount is the number of accounts (the first one becomes administrator).
	UserCount(ctx context.Context) (int, error)
	// SignIn checks a password and opens a session.
	SignIn(ctx context.Context, email, password, ip, userAgent string) (*User, string, error)
	// SignOut ends the session with this secret.
	SignOut(ctx context.Context, secret string) error
	// UserBySession finds the user of a live session, sliding its expiry now and then (not on
	// every request, to spare the single writer).
	UserBySession(ctx context.Context, secret string) (*User, *Session, error)
	// UserByToken finds the user of an API token.
	UserByToken(ctx context.Context, token string) (*User, error)
	// UpdateProfile changes the asking user's name and language.
	UpdateProfile(ctx context.Context, in ProfileInput) (*User, error)
	// ChangePassword needs the current password; other sessions are signed out.
	ChangePassword(ctx context.Context, current, next string) error
	// RequestPasswordReset mails a reset link when the address has an account.
	RequestPasswordReset(ctx context.Context, email, lang string) error
	// ResetPassword sets a new password with a mailed link and signs out everywhere. Receiving
	// the link also proves the address.
	ResetPassword(ctx context.Context, secret, password string) error
	// VerifyEmail marks an address as proven by a mailed link.
	VerifyEmail(ctx context.Context, secret string) error
	// EmailVerified reports whether the asking user's address is proven.
	EmailVerified(ctx context.Context) (bool, error)
	// ResendVerification mails a new verification link to the asking user.
	ResendVerification(ctx context.Context) error
	// Sessions lists the asking user's live sessions, the MaxSessions most recently used.
	Sessions(ctx context.Context) ([]*Session, error)
	// RevokeSession signs out one of the asking user's sessions.
	RevokeSession(ctx context.Context, id string) error
	// Tokens lists the asking user's API tokens (never their secrets), the MaxTokens newest.
	Tokens(ctx context.Context) ([]*Token, error)
	// CreateToken makes an API token for the asking user; its secret is in the answer and nowhere
	// else.
	CreateToken(ctx context.Context, name string) (*Token, error)
	// CreateTokenForEmail is the command line's way to make a token.
	CreateTokenForEmail(ctx context.Context, email, name string) (*Token, error)
	// RevokeToken deletes one of the asking user's tokens.
	RevokeToken(ctx context.Context, id string) error
	// SetLanguage keeps the asking user's language choice from the switcher.
	SetLanguage(ctx context.Context, lang string) error
	// MyData is everything Partnerkit holds about the asking user, to download; sensitive
	// records they may no longer see are left out and counted.
	MyData(ctx context.Context) (*PersonalData, error)
	// SelfDeclared returns what the asking person said of themselves for the
	// health signals; SetSelfDeclared changes it (no partnership's log records it).
	SelfDeclared(ctx context.Context) (SelfDeclared, error)
	SetSelfDeclared(ctx context.Context, in SelfDeclared) error
	// HandOvers lists what the asking user must hand over before deleting their account.
	HandOvers(ctx context.Context) ([]HandOver, error)
	// DeleteAccount erases the asking user's personal data and ends their memberships,
	// sessions and tokens after checking their password; their contributions stay, by
	// "a former member". Refused (naming each) while they must hand something over.
	DeleteAccount(ctx context.Context, password string) error
}

// OrganisationService keeps organisations' profiles and their people.
type OrganisationService interface {
	// CreateOrganisation makes an organisation with the asking person as its admin.
	CreateOrganisation(ctx context.Context, in OrganisationInput) (*Organisation, error)
	// Organisation returns an organisation's public profile; any signed-in person may read it
	// (profiles are how partners find each other).
	Organisation(ctx context.Context, id string) (*Organisation, error)
	// Organisations lists the asking person's organisations by name.
	Organisations(ctx context.Context, p PageRequest) ([]*Organisation, string, error)
	// UpdateOrganisation changes a profile; only its admins may.
	UpdateOrganisation(ctx context.Context, id string, in OrganisationInput) (*Organisation, error)
	// OrganisationPeople lists who belongs to an organisation, at most MaxOrganisationPeople;
	// visible to its own people only (addresses are personal).
	OrganisationPeople(ctx context.Context, id string) ([]*OrganisationPerson, error)
	// AddOrganisationPerson adds an existing account to an organisation.
	AddOrganisationPerson(ctx context.Context, id, email string, admin bool) error
	// RemoveOrganisationPerson takes someone out of an organisation; an organisation keeps at
	// least one admin.
	RemoveOrganisationPerson(ctx context.Context, id, userID string) error
	// OrganisationDirectory finds organisations by name, for inviting them: at most limit,
	// itself at most MaxPageSize.
	OrganisationDirectory(ctx context.Context, query string, limit int) ([]*Organisation, error)
}

// PartnershipService keeps partnerships: creating, editing, archiving, the
// overview and the audit log.
type PartnershipService interface {
	// CreatePartnership makes a partnership with the asking person as its first coordinator and,
	// when named, their organisation as first member.
	CreatePartnership(ctx context.Context, in PartnershipInput) (*Partnership, error)
	// Partnership returns one partnership with the asker's role in it.
	Partnership(ctx context.Context, id string) (*Partnership, error)
	// PartnershipFor returns one partnership with the asker's role in it when that role allows
	// action (a page's navigation): outsiders get ENOTFOUND, a role without the action EFORBIDDEN,
	// and an archived partnership refuses every change.
	PartnershipFor(ctx context.Context, id string, action Action) (*Partnership, error)
	// Partnerships lists the asking person's partnerships by name.
	Partnerships(ctx context.Context, p PageRequest, includeArchived bool) ([]*Partnership, string, error)
	// UpdatePartnership changes the profile; coordinators only.
	UpdatePartnership(ctx context.Context, id string, in PartnershipInput) (*Partnership, error)
	// SetArchived archives or restores a partnership; archived ones are read-only.
	SetArchived(ctx context.Context, id string, archived bool, version int) (*Partnership, error)
	// Dashboard gathers a partnership's front page in three queries.
	Dashboard(ctx context.Context, id string) (*Dashboard, error)
	// Audit lists a partnership's audit log, newest first.
	Audit(ctx context.Context, pid string, p PageRequest) ([]*AuditEntry, string, error)
}

// MemberService keeps who is in a partnership: people and their roles,
// member organisations, invitations, leaving and handing over.
type MemberService interface {
	// Members lists a partnership's organisations and people (at most MaxMemberOrganisations
	// and MaxMemberPeople, saying when cut). Email addresses are shown to coordinators only.
	Members(ctx context.Context, pid string) (*Members, error)
	// MemberChoices lists the people and active organisations whose name holds find, by
	// name, at most MaxMemberChoices of each, with those of the chosen IDs whatever the bound.
	MemberChoices(ctx context.Context, pid, find string, chosen ...string) (*MemberChoices, error)
	// SetRole changes a person's role.
	SetRole(ctx context.Context, pid, uid string, role Role, version int) (*Person, error)
	// RemovePerson takes someone out of the partnership.
	RemovePerson(ctx context.Context, pid, uid string) error
	// Leave takes the asking person out of the partnership.
	Leave(ctx context.Context, pid string) error
	// SetOrganisationStatus marks a member organisation active or left.
	SetOrganisationStatus(ctx context.Context, pid, orgID, status string, version int) (*MemberOrganisation, error)
	// HandOver passes coordination to another person in the partnership; the coordinator who
	// hands over stays on as a member.
	HandOver(ctx context.Context, pid, to string) error
	// Invite sends an invitation link by email. Inviting on behalf of an organisation adds it to
	// the partnership as "invited" until someone accepts.
	Invite(ctx context.Context, pid string, in InvitationInput) (*Invitation, error)
	// Invitations lists a partnership's invitations, newest first: the first MaxInvitations.
	Invitations(ctx context.Context, pid string) ([]*Invitation, error)
	// InvitationList is Invitations saying whether the list was cut.
	InvitationList(ctx context.Context, pid string) (*InvitationList, error)
	// RevokeInvitation withdraws a pending invitation.
	RevokeInvitation(ctx context.Context, pid, id string) error
	// InvitationByToken shows the invitation behind a link.
	InvitationByToken(ctx context.Context, token string) (*Invitation, error)
	// MyInvitations lists pending invitations to the asker's verified address, at most
	// MaxMyInvitations.
	MyInvitations(ctx context.Context) ([]*Invitation, error)
	// AcceptInvitation joins the asking person to the partnership in the invited role, for the
	// invited organisation or one of their own.
	AcceptInvitation(ctx context.Context, tokenOrID, organisationID string) (*Partnership, error)
	// DeclineInvitation says no to an invitation.
	DeclineInvitation(ctx context.Context, tokenOrID string) error
}

// ActorService keeps the stakeholder register and the relationships between
// actors. Every method hides sensitive actors and relationships from people
// who may not see them: they are not found.
type ActorService interface {
	// CreateActor adds an actor to the register. Members may mark an actor sensitive (to protect
	// someone), after which only coordinators see it.
	CreateActor(ctx context.Context, pid string, in ActorInput) (*Actor, error)
	// Actor returns one actor of the register.
	Actor(ctx context.Context, pid, id string) (*Actor, error)
	// ActorPage returns an actor with its relationships (the first MaxActorTies) and, for an
	// organisation, the individuals who work there.
	ActorPage(ctx context.Context, pid, id string) (*ActorPage, error)
	// ActorChoices lists the actors a form on one actor's page offers (to merge with, to tie
	// to): the register without that actor, by name, at most MaxActorChoices.
	ActorChoices(ctx context.Context, pid, except string) (*ActorChoices, error)
	// ActorNameChoices lists the names of the actors filter f keeps, without except, at most
	// limit of them; more says the filter keeps others.
	ActorNameChoices(ctx context.Context, pid string, f ActorFilter, except string, limit int) (names []Choice, more bool, err error)
	// Actors lists the register by name, filtered, one page at a time.
	Actors(ctx context.Context, pid string, f ActorFilter, pg PageRequest) ([]*Actor, string, error)
	// CountActors counts the actors a filter keeps (that the asker may see).
	CountActors(ctx context.Context, pid string, f ActorFilter) (int, error)
	// ActorTags lists the tags in use on actors the asker may see: the first MaxTagChoices.
	ActorTags(ctx context.Context, pid string) ([]string, error)
	// ActorTagList is ActorTags saying whether the list was cut.
	ActorTagList(ctx context.Context, pid string) (*ActorTagList, error)
	// UpdateActor changes an actor, if version is still current.
	UpdateActor(ctx context.Context, pid, id string, in ActorInput) (*Actor, error)
	// DeleteActor removes an actor with its relationships, assessments and tactics (the audit log
	// keeps what it was).
	DeleteActor(ctx context.Context, pid, id string, version int) error
	// MergeActors folds duplicate into keep: relationships (dropping the ones between the two,
	// which would become self-loops), assessments and tactics move over, tags are joined, keep's
	// empty fields take duplicate's values, and duplicate is deleted. If either was sensitive the
	// result is, so that merging never reveals anything.
	MergeActors(ctx context.Context, pid, keep, duplicate string) (*Actor, error)
	// AddMemberOrganisations adds the partnership's active member organisations to the register,
	// those not there yet, and returns how many it added. The partnership's own members belong on
	// its maps too.
	AddMemberOrganisations(ctx context.Context, pid string) (int, error)
	// ImportActors reads a CSV or XLSX file into the register. mapping assigns fields to columns
	// by header text ({column: field}); columns it does not name keep the detected field. With
	// dryRun nothing is written and the preview (errors included) is returned; otherwise a file
	// with any error is refused as a whole with every row's problems.
	ImportActors(ctx context.Context, pid string, data []byte, mapping map[string]string, dryRun bool) (*ActorImport, error)
	// MayImportActors answers nil when the asker may import actors into partnership pid, and the
	// error ImportActors would give otherwise (ENOTFOUND for outsiders), so that an upload is read
	// only for those who may import it: outsiders and observers learn nothing from a malformed file.
	MayImportActors(ctx context.Context, pid string) error
	// ExportActors writes the register (filtered, as the asker may see it) as "csv" or "xlsx".
	// The export is recorded in the audit log, saying whether it held sensitive actors.
	ExportActors(ctx context.Context, pid, format string, f ActorFilter) ([]byte, error)
	// CreateRelationship records a tie between two actors.
	CreateRelationship(ctx context.Context, pid string, in RelationshipInput) (*Relationship, error)
	// Relationship returns one tie.
	Relationship(ctx context.Context, pid, id string) (*Relationship, error)
	// Relationships lists ties, filtered by type or actor, ordered by the names of their ends.
	Relationships(ctx context.Context, pid string, f RelationshipFilter, pg PageRequest) ([]*Relationship, string, error)
	// UpdateRelationship changes a tie, if version is still current.
	UpdateRelationship(ctx context.Context, pid, id string, in RelationshipInput) (*Relationship, error)
	// DeleteRelationship removes a tie, if version is still current.
	DeleteRelationship(ctx context.Context, pid, id string, version int) error
}

// MapService keeps maps of actors: their assessments (never overwritten),
// which give the power map and the Spectrum of Allies, and planned tactics.
type MapService interface {
	// CreateMap starts a map for one objective or campaign.
	CreateMap(ctx context.Context, pid string, in MapInput) (*Map, error)
	// Maps lists the maps the asker may see, newest first, with the number of actors placed on
	// each (sensitive actors counted for coordinators only): the first MaxMaps.
	Maps(ctx context.Context, pid string) ([]*Map, error)
	// MapList is Maps saying whether the list was cut.
	MapList(ctx context.Context, pid string) (*MapList, error)
	// Map returns one map with the asker's partnership (for the role).
	Map(ctx context.Context, pid, mid string) (*Map, error)
	// UpdateMap changes a map's title, objective and (coordinators only) whether observers may
	// see it.
	UpdateMap(ctx context.Context, pid, mid string, in MapInput) (*Map, error)
	// DeleteMap removes a map with its assessments and tactics. The version must be current, so
	// that nobody deletes changes they have not seen.
	DeleteMap(ctx context.Context, pid, mid string, version int) error
	// MapActors lists the actors of the partnership that the asker may place on a map, by name
	// (sensitive ones for coordinators only): the first MaxActorChoices.
	MapActors(ctx context.Context, pid string) ([]*MapActor, error)
	// MapActorChoices lists, by name, up to MapActorChoiceLimit actors the asker may place on map
	// mid that are not on it yet, whose name contains query when it is not empty; More says
	// there are others.
	MapActorChoices(ctx context.Context, pid, mid, query string) (*MapActorChoices, error)
	// MapPage gathers a map's overview.
	MapPage(ctx context.Context, pid, mid string) (*MapPage, error)
	// MapActorPage gathers one actor on one map. An actor the asker may not see (sensitive, or
	// of another partnership), or one an observer cannot find on the map, is ENOTFOUND.
	MapActorPage(ctx context.Context, pid, mid, actorID string, p PageRequest) (*MapActorPage, error)
	// UpdateMapDetails changes a map's title and objective and keeps its sharing as it is (the
	// form of those who may not share has no share box).
	UpdateMapDetails(ctx context.Context, pid, mid string, in MapInput) (*Map, error)
	// MapActorList is MapActors saying whether the list was cut.
	MapActorList(ctx context.Context, pid string) (*ActorChoices, error)
	// AddAssessment records a new judgement of an actor on a map. Earlier assessments stay as
	// they are: they are the actor's history.
	AddAssessment(ctx context.Context, pid, mid string, in AssessmentInput) (*Assessment, error)
	// Assessments lists a map's assessments newest first, of one actor when actorID is not empty,
	// paginated by p.
	Assessments(ctx context.Context, pid, mid, actorID string, p PageRequest) ([]*Assessment, string, error)
	// Positions returns each visible actor's latest assessment on a map as it stood at time at
	// (now when at is zero), ordered by actor name: the first MaxMapActors.
	Positions(ctx context.Context, pid, mid string, at time.Time) ([]*Assessment, error)
	// PositionList is Positions saying whether the list was cut.
	PositionList(ctx context.Context, pid, mid string, at time.Time) (*PositionList, error)
	// Moves lists the visible actors whose support changed between since and now, or who were
	// placed on the map after since, by name.
	Moves(ctx context.Context, pid, mid string, since time.Time) ([]*Move, error)
	// Timeline returns every visible assessment of a map in order (oldest first), for charts of
	// the spectrum over time. One query; the rows are small. At most MaxMapTimeline.
	Timeline(ctx context.Context, pid, mid string) ([]*Assessment, error)
	// TimelineList is Timeline saying whether the list was cut.
	TimelineList(ctx context.Context, pid, mid string) (*TimelineList, error)
	// MapLines returns the cooperation and conflict relationships among the actors placed on a
	// map; sensitive relationships, and any touching a sensitive actor, for coordinators only.
	// At most MaxMapLines.
	MapLines(ctx context.Context, pid, mid string) ([]*MapLine, error)
	// MapLineList is MapLines saying whether the list was cut.
	MapLineList(ctx context.Context, pid, mid string) (*MapLineList, error)
	// CreateTactic plans an action to move one actor one step towards us.
	CreateTactic(ctx context.Context, pid, mid string, in TacticInput) (*Tactic, error)
	// UpdateTactic changes a tactic (optimistic locking on its version).
	UpdateTactic(ctx context.Context, pid, mid, id string, in TacticInput) (*Tactic, error)
	// DeleteTactic removes a tactic; the version must be current.
	DeleteTactic(ctx context.Context, pid, mid, id string, version int) error
	// Tactics lists a map's tactics (those about visible actors), by due date: the first
	// MaxMapTactics.
	Tactics(ctx context.Context, pid, mid string) ([]*Tactic, error)
	// TacticList is Tactics saying whether the list was cut.
	TacticList(ctx context.Context, pid, mid string) (*TacticList, error)
	// Tactic returns one tactic.
	Tactic(ctx context.Context, pid, mid, id string) (*Tactic, error)
}

// NetworkService analyses the network of actors a person may see.
type NetworkService interface {
	// Network loads the network of partnership pid that the asker may see (one query for the
	// actors, one for the relationships) and analyses it.
	Network(ctx context.Context, pid string, f NetworkFilter) (*Network, error)
	// NetworkExport is Network for a download (GEXF, GraphML, JSON, CSV, SVG): the same visible
	// network, with the export recorded in the audit log (format, filters, and whether sensitive
	// rows went out).
	NetworkExport(ctx context.Context, pid, format string, f NetworkFilter) (*Network, error)
}

// PreparationService keeps what prepares a partnership: self-analysis (of a
// partnership or an organisation), the start-up checklist, the theory of
// change, choosing the form, and the printable profile.
type PreparationService interface {
	// SelfAnalysis returns a partnership's self-analysis: every section with everyone's
	// contributions, oldest first; the latest MaxSelfAnalysisEntries in all (Cut says so).
	SelfAnalysis(ctx context.Context, pid string) (*SelfAnalysis, error)
	// OrganisationSelfAnalysis returns an organisation's own self-analysis; only its people may
	// read it.
	OrganisationSelfAnalysis(ctx context.Context, oid string) (*SelfAnalysis, error)
	// AddSelfAnalysis adds the asking person's contribution to a section of the partnership's
	// self-analysis.
	AddSelfAnalysis(ctx context.Context, pid string, in SelfAnalysisInput) (*SelfAnalysisEntry, error)
	// AddOrganisationSelfAnalysis adds a contribution to an organisation's own self-analysis;
	// only its people may.
	AddOrganisationSelfAnalysis(ctx context.Context, oid string, in SelfAnalysisInput) (*SelfAnalysisEntry, error)
	// UpdateSelfAnalysis changes the asking person's own contribution (its section stays); other
	// people's contributions are refused.
	UpdateSelfAnalysis(ctx context.Context, pid, id string, in SelfAnalysisInput) (*SelfAnalysisEntry, error)
	// UpdateOrganisationSelfAnalysis is UpdateSelfAnalysis for an organisation.
	UpdateOrganisationSelfAnalysis(ctx context.Context, oid, id string, in SelfAnalysisInput) (*SelfAnalysisEntry, error)
	// DeleteSelfAnalysis removes the asking person's own contribution, if it still has the given
	// version.
	DeleteSelfAnalysis(ctx context.Context, pid, id string, version int) error
	// DeleteOrganisationSelfAnalysis is DeleteSelfAnalysis for an organisation.
	DeleteOrganisationSelfAnalysis(ctx context.Context, oid, id string, version int) error
	// Readiness returns the start-up checklist with everyone's current answers and the verdict.
	// Observers see the counts, not who said what.
	Readiness(ctx context.Context, pid string) (*Readiness, error)
	// AnswerReadiness records the asking member's answer to one question, replacing their earlier
	// answer (the date says when they last changed it).
	AnswerReadiness(ctx context.Context, pid string, in ReadinessInput) (*ReadinessAnswer, error)
	// AnswerReadinessAll records several answers of the asking member at once, all or none: a
	// problem with any answer is reported as a field named answer_<question> or note_<question>,
	// and nothing is saved.
	AnswerReadinessAll(ctx context.Context, pid string, ins []ReadinessInput) error
	// SaveReadiness records the asking member's answers from the checklist page, all or none:
	// answers left blank, and those equal to the member's current answer and note, are skipped,
	// compared inside the same transaction as the writes. Observers are refused even when nothing
	// would change.
	SaveReadiness(ctx context.Context, pid string, ins []ReadinessInput) error
	// TheoryOfChange returns a partnership's statements (oldest first) with their links and the
	// problems the checks find.
	TheoryOfChange(ctx context.Context, pid string) (*TheoryOfChange, error)
	// CreateChangeStatement adds a statement to the theory of change.
	CreateChangeStatement(ctx context.Context, pid string, in ChangeStatementInput) (*ChangeStatement, error)
	// UpdateChangeStatement changes a statement and its links.
	UpdateChangeStatement(ctx context.Context, pid, id string, in ChangeStatementInput) (*ChangeStatement, error)
	// DeleteChangeStatement removes a statement (and the links to and from it), if it still has
	// the given version.
	DeleteChangeStatement(ctx context.Context, pid, id string, version int) error
	// FormAdvice returns the partnership's choices when comparing forms, the recommendations they
	// lead to, and what the partnership has adopted.
	FormAdvice(ctx context.Context, pid string) (*FormAdvice, error)
	// SaveFormChoices replaces the partnership's choices and returns the new recommendations.
	SaveFormChoices(ctx context.Context, pid string, in FormChoices) (*FormAdvice, error)
	// AdoptForm sets the partnership's form, basis or structure (usually the recommended one),
	// with the partnership's version for optimistic locking.
	AdoptForm(ctx context.Context, pid string, in AdoptInput) (*Partnership, error)
	// Profile gathers the partnership profile. Observers may read it; the prospects section is
	// there only for those who may see prospects.
	Profile(ctx context.Context, pid string) (*PartnershipProfile, error)
}

// PlaybookService keeps a partnership's playbook: the chosen one, steps done,
// answers to guiding questions and the current stage.
type PlaybookService interface {
	// Playbook returns the partnership's progress through the playbook it follows (the default
	// until a coordinator chooses another).
	Playbook(ctx context.Context, pid string) (*PlaybookView, error)
	// Playbooks lists the available playbooks, marking the one followed.
	Playbooks(ctx context.Context, pid string) ([]*PlaybookSummary, error)
	// SetPlaybook makes the partnership follow another playbook. What was done in the previous
	// one stays stored and shows again on switching back.
	SetPlaybook(ctx context.Context, pid, id string) (*PlaybookView, error)
	// SetStepDone ticks a step of the current playbook off (who, when) or un-ticks it. Ticking a
	// done step again keeps the first tick.
	SetStepDone(ctx context.Context, pid, step string, done bool) (*PlaybookView, error)
	// AnswerQuestion writes the asking person's answer to a guiding question of the current
	// playbook. Each person keeps one answer per question; changing it needs the version it was
	// read at.
	AnswerQuestion(ctx context.Context, pid, question string, in PlaybookAnswerInput) (*PlaybookAnswer, error)
	// AdvanceStage moves the partnership to the stage after the current one, records who did it
	// and when, and returns the new view. from, when not empty, must be the current stage: a
	// second click on a stale page does not skip a stage. A coordinator may move on before every
	// step is ticked (the page warns); the last stage has nowhere to go.
	AdvanceStage(ctx context.Context, pid, from string) (*PlaybookView, error)
}

// ProspectService keeps the pipeline of prospective partners.
type ProspectService interface {
	// Prospects lists a partnership's prospects by name, optionally of one status, a page at a
	// time.
	Prospects(ctx context.Context, pid string, f ProspectFilter, pg PageRequest) ([]*Prospect, string, error)
	// PipelineProspects returns all prospects (up to the largest page) grouped by status, open
	// next steps first in each column: overdue, then by due date.
	PipelineProspects(ctx context.Context, pid string) ([]*ProspectColumn, bool, error)
	// Prospect returns one prospect.
	Prospect(ctx context.Context, pid, id string) (*Prospect, error)
	// CreateProspect adds a prospective partner, in status identified unless another is given
	// (the message rule applies), and opens its history.
	CreateProspect(ctx context.Context, pid string, in ProspectInput) (*Prospect, error)
	// UpdateProspect changes a prospect's details (not its status: that is SetProspectStatus,
	// which keeps the history). The message rule holds on every write: the message cannot be
	// emptied once the prospect was approached.
	UpdateProspect(ctx context.Context, pid, id string, in ProspectInput) (*Prospect, error)
	// SetProspectStatus moves a prospect to another status, with a note, and records the move
	// (from, to, who, when, note) in its history.
	SetProspectStatus(ctx context.Context, pid, id string, in ProspectStatusInput) (*Prospect, error)
	// ProspectHistory lists a prospect's status changes, oldest first: the latest
	// MaxProspectHistory.
	ProspectHistory(ctx context.Context, pid, id string) ([]*ProspectStatusChange, error)
	// ProspectHistoryList is ProspectHistory saying whether the list was cut.
	ProspectHistoryList(ctx context.Context, pid, id string) (*ProspectHistoryList, error)
	// DeleteProspect removes a prospect and its history.
	DeleteProspect(ctx context.Context, pid, id string, version int) error
	// InviteProspect invites an agreed prospect's contact to the partnership (through Invite, so
	// the usual rules and the email apply) and records the invitation on the prospect. Email and
	// organisation default to the prospect's contact email and linked organisation.
	InviteProspect(ctx context.Context, pid, id string, in ProspectInviteInput) (*Invitation, error)
	// ProspectChoices lists what a prospect form offers, each list by name: members and
	// coordinators as points of contact; the register's actors (sensitive ones only for
	// coordinators); organisations that are members, are linked from the register, or are linked
	// by a prospect already.
	ProspectChoices(ctx context.Context, pid string) (*ProspectChoices, error)
}

// BinService keeps what deletes destroyed for BinRetention, for
// coordinators to restore or purge. A page or an API route is one call.
type BinService interface {
	// BinItems lists the bin newest first, one page at a time.
	BinItems(ctx context.Context, pid string, p PageRequest) ([]*BinItem, string, error)
	// BinItem returns one item of the bin.
	BinItem(ctx context.Context, pid, id string) (*BinItem, error)
	// RestoreBinItem puts every record of an item back as it was, IDs kept, and empties the item.
	// When something a record depends on is gone since (the actor of a relationship, the map of
	// an assessment), nothing is restored and the error is ECONFLICT.
	RestoreBinItem(ctx context.Context, pid, id string) (*BinItem, error)
	// PurgeBinItem destroys one item for good.
	PurgeBinItem(ctx context.Context, pid, id string) error
	// EmptyBin destroys every item of the partnership's bin and returns how many there were.
	EmptyBin(ctx context.Context, pid string) (int, error)
}

// PortabilityService moves whole partnerships in and out of an instance.
type PortabilityService interface {
	// ExportPartnership builds the archive of partnership pid; coordinators
	// only. The export is recorded in the audit log, saying whether
	// sensitive records went out.
	ExportPartnership(ctx context.Context, pid string, opt ExportOptions) (*PartnershipArchive, error)
	// ImportPartnership makes a new partnership from an archive, with the
	// asking person as a coordinator. Everything is checked before anything
	// is written; the first problem is reported naming the document and the
	// record, and nothing is written.
	ImportPartnership(ctx context.Context, archive []byte) (*ArchiveImport, error)
}

// BodyService keeps the partnership's bodies and who sits in them.
type BodyService interface {
	// Bodies lists the partnership's bodies by name, up to MaxBodies; the
	// bool says the list was cut.
	Bodies(ctx context.Context, pid string) ([]*Body, bool, error)
	// Body returns one body.
	Body(ctx context.Context, pid, bid string) (*Body, error)
	// CreateBody adds a body.
	CreateBody(ctx context.Context, pid string, in BodyInput) (*Body, error)
	// UpdateBody changes a body (optimistic locking on in.Version).
	UpdateBody(ctx context.Context, pid, bid string, in BodyInput) (*Body, error)
	// Seats lists a body's seats, held and ended, oldest first, up to
	// MaxBodySeats; the bool says the list was cut.
	Seats(ctx context.Context, pid, bid string) ([]*Seat, bool, error)
	// AllSeats lists the seats held today in every body, for the
	// organisation chart, up to MaxChartSeats.
	AllSeats(ctx context.Context, pid string) ([]*Seat, bool, error)
	// Seat returns one seat of a body, held or ended.
	Seat(ctx context.Context, pid, bid, sid string) (*Seat, error)
	// AddSeat seats a person or a member organisation in a body.
	AddSeat(ctx context.Context, pid, bid string, in SeatInput) (*Seat, error)
	// UpdateSeat changes a seat's position or dates; setting Until ends it.
	UpdateSeat(ctx context.Context, pid, bid, sid string, in SeatInput) (*Seat, error)
}

// CharterService keeps the versions of the partnership's charter.
type CharterService interface {
	// Charter returns the version in force (the latest); not found when
	// none was adopted yet.
	Charter(ctx context.Context, pid string) (*Charter, error)
	// CharterVersions lists every version, newest first, up to
	// MaxCharterVersions; the bool says the list was cut.
	CharterVersions(ctx context.Context, pid string) ([]*Charter, bool, error)
	// AdoptCharter records a new version; in.Version is the version in
	// force the writer saw.
	AdoptCharter(ctx context.Context, pid string, in CharterInput) (*Charter, error)
	// CharterRule says, by the version in force, which body decides area
	// (or how body decides when area is empty), by which method and quorum.
	CharterRule(ctx context.Context, pid, bid, area string) (Rule, error)
}

// AgreementService keeps the partnership's agreements: their text section by
// section, its versions, and the signatures of the member organisations.
type AgreementService interface {
	// Agreements lists the partnership's agreements, newest first.
	Agreements(ctx context.Context, pid string) (*AgreementList, error)
	// Agreement returns one agreement with its current text, who signed
	// that text and who has not.
	Agreement(ctx context.Context, pid, id string) (*Agreement, error)
	// AgreementFacts is what the partnership knows that a first draft
	// puts in: members and representatives, the theory of change's purpose
	// and vision, the self-analysis's offers.
	AgreementFacts(ctx context.Context, pid string) (*agreement.Facts, error)
	// CreateAgreement starts an agreement as a draft, version 1.
	CreateAgreement(ctx context.Context, pid string, in AgreementInput) (*Agreement, error)
	// UpdateAgreementText changes the text: in place while a draft, a new
	// version once circulated (every signature must then be given again).
	UpdateAgreementText(ctx context.Context, pid, id string, in AgreementTextInput) (*Agreement, error)
	// SetAgreementStatus circulates a draft or marks an agreement superseded.
	SetAgreementStatus(ctx context.Context, pid, id string, in AgreementStatusInput) (*Agreement, error)
	// AgreementVersions lists the versions, newest first.
	AgreementVersions(ctx context.Context, pid, id string) (*AgreementVersionList, error)
	// SignAgreement records an organisation's signature of the current text
	// by a person of that organisation who is a member of the partnership.
	SignAgreement(ctx context.Context, pid, id string, in AgreementSignInput) (*Agreement, error)
	// AgreementLog is the signing log: every version and signature, oldest first.
	AgreementLog(ctx context.Context, pid, id string) (*AgreementLog, error)
	// AgreementChecklist is the agreement checklist with its answers.
	AgreementChecklist(ctx context.Context, pid, id string) (*AgreementChecklist, error)
	// SetAgreementChecklist answers checklist items.
	SetAgreementChecklist(ctx context.Context, pid, id string, in AgreementChecklistInput) (*AgreementChecklist, error)
	// AgreementComments lists the comments on the sections, the newest
	// MaxAgreementSectionComments of each section.
	AgreementComments(ctx context.Context, pid, id string) (*AgreementCommentList, error)
	// AddAgreementComment comments on a section of the current text.
	AddAgreementComment(ctx context.Context, pid, id string, in AgreementCommentInput) (*AgreementComment, error)
	// DeleteAgreementComment deletes a comment: the author's own, or any
	// for a coordinator.
	DeleteAgreementComment(ctx context.Context, pid, id, cid string, version int) error
	// ExportAgreement reads an agreement for a download in format (one of
	// AgreementExportFormats) and records the download in the audit log.
	ExportAgreement(ctx context.Context, pid, id, format string) (*Agreement, error)
}

// AdmissionService keeps the admission of new member organisations: the
// candidates, the charter's criteria checked one by one, the decision of the
// body the charter names, the agreement signed, and the organisation made an
// active member. Every step is dated, kept in the history and audited.
type AdmissionService interface {
	// Admissions lists the partnership's admissions, newest first, at most
	// MaxAdmissions (the list says when cut), each with its stage and the
	// count of criteria checked.
	Admissions(ctx context.Context, pid string) (*AdmissionList, error)
	// Admission returns one admission with the charter's criteria and
	// their checks, the body that decides, and the agreements in force.
	Admission(ctx context.Context, pid, id string) (*Admission, error)
	// AdmissionSteps is an admission's dated history, oldest first.
	AdmissionSteps(ctx context.Context, pid, id string) (*AdmissionStepList, error)
	// AdmissionChoices lists what the admission forms offer.
	AdmissionChoices(ctx context.Context, pid string) (*AdmissionChoices, error)
	// CreateAdmission records an application, a nomination or a prospect
	// proposed for admission.
	CreateAdmission(ctx context.Context, pid string, in AdmissionInput) (*Admission, error)
	// UpdateAdmission changes the candidate's details, linking it to an
	// organisation on the platform (optimistic locking on in.Version).
	UpdateAdmission(ctx context.Context, pid, id string, in AdmissionInput) (*Admission, error)
	// CheckAdmission records checks of the charter's criteria.
	CheckAdmission(ctx context.Context, pid, id string, in AdmissionChecksInput) (*Admission, error)
	// DecideAdmission records the decision of the body the charter names.
	DecideAdmission(ctx context.Context, pid, id string, in AdmissionDecisionInput) (*Admission, error)
	// SignAdmission records the candidate's signature of every agreement in force.
	SignAdmission(ctx context.Context, pid, id string, in AdmissionStepInput) (*Admission, error)
	// ActivateAdmission makes the organisation an active member.
	ActivateAdmission(ctx context.Context, pid, id string, in AdmissionStepInput) (*Admission, error)
	// WithdrawAdmission ends an admission the candidate no longer wants.
	WithdrawAdmission(ctx context.Context, pid, id string, in AdmissionStepInput) (*Admission, error)
}

// DecisionService keeps proposals, their ballots (secret ones without any
// link between a voter and a choice) and the decisions they end in.
type DecisionService interface {
	// Proposals lists the partnership's proposals, open first, newest first.
	Proposals(ctx context.Context, pid string) (*ProposalList, error)
	// ProposalChoices lists the proposals of a body (any body for ""), in the order of
	// Proposals, up to MaxProposalChoices, for a form; the bool says more were left out.
	ProposalChoices(ctx context.Context, pid, bodyID string) ([]ProposalChoice, bool, error)
	// Proposal returns one proposal with what the asker may see of its tally.
	Proposal(ctx context.Context, pid, id string) (*Proposal, error)
	// CreateProposal brings a proposal to a body under the charter's rule.
	CreateProposal(ctx context.Context, pid string, in ProposalInput) (*Proposal, error)
	// CastBallot records (or, on an open ballot, changes) the asker's vote.
	CastBallot(ctx context.Context, pid, id string, in BallotInput) (*Proposal, error)
	// CloseProposal closes voting now and records the decision.
	CloseProposal(ctx context.Context, pid, id string, in ChairInput) (*Proposal, error)
	// Decisions is the decision log, of one body when bodyID is set.
	Decisions(ctx context.Context, pid, bodyID string) (*DecisionList, error)
	// Decision returns one decision.
	Decision(ctx context.Context, pid, id string) (*Decision, error)
	// SupportReopening adds the asker to those asking to re-open a
	// decision; at the charter's threshold it re-opens as a new proposal.
	SupportReopening(ctx context.Context, pid, id string) (*Decision, error)
	// GiveProxy gives the asker's vote on a proposal to another voter.
	GiveProxy(ctx context.Context, pid, id string, in ProxyInput) (*Proposal, error)
	// RevokeProxy takes the asker's proxy back while their ballot is uncast.
	RevokeProxy(ctx context.Context, pid, id string) (*Proposal, error)
	// RecordChairDecision records the chair's decision on a chair's
	// proposal (the body's chair, or a coordinator).
	RecordChairDecision(ctx context.Context, pid, id string, in ChairInput) (*Proposal, error)
	// Lenses returns the partnership's strategic lenses.
	Lenses(ctx context.Context, pid string) (*LensSet, error)
	// SetLenses replaces them (coordinators).
	SetLenses(ctx context.Context, pid string, in LensSetInput) (*LensSet, error)
}

// GoalService keeps the partnership's goals, each with its SMART check and
// the theory-of-change statements it serves.
type GoalService interface {
	// Goals lists the partnership's goals, oldest first, up to MaxGoals,
	// each with its SMART check and its progress rolled up from its plans;
	// the bool says the list was cut.
	Goals(ctx context.Context, pid string) ([]*Goal, bool, error)
	// Goal returns one goal.
	Goal(ctx context.Context, pid, gid string) (*Goal, error)
	// CreateGoal sets a goal (coordinators).
	CreateGoal(ctx context.Context, pid string, in GoalInput) (*Goal, error)
	// UpdateGoal changes a goal (optimistic locking on in.Version).
	UpdateGoal(ctx context.Context, pid, gid string, in GoalInput) (*Goal, error)
	// DeleteGoal removes a goal with its plans and their tasks.
	DeleteGoal(ctx context.Context, pid, gid string, version int) error
}

// PlanService keeps the action plans: milestones, budget lines, staffing
// needs, and the public page of a plan the partnership chose to show.
type PlanService interface {
	// Plans lists the partnership's plans (of one goal when goalID is set),
	// up to MaxPlans; the bool says the list was cut.
	Plans(ctx context.Context, pid, goalID string) ([]*Plan, bool, error)
	// PlanChoices lists the plans' IDs and titles in the order of Plans, up
	// to MaxPlans, for a filter or form; the bool says the list was cut.
	PlanChoices(ctx context.Context, pid string) ([]Choice, bool, error)
	// Plan returns one plan.
	Plan(ctx context.Context, pid, plid string) (*Plan, error)
	// PlanPage returns a plan with its parts, task counts and progress.
	PlanPage(ctx context.Context, pid, plid string) (*PlanPage, error)
	// CreatePlan opens a plan under a goal (coordinators).
	CreatePlan(ctx context.Context, pid string, in PlanInput) (*Plan, error)
	// UpdatePlan changes a plan (coordinators and its conveners).
	UpdatePlan(ctx context.Context, pid, plid string, in PlanInput) (*Plan, error)
	// DeletePlan removes a plan with its parts and tasks (coordinators).
	DeletePlan(ctx context.Context, pid, plid string, version int) error
	// AddMilestone, UpdateMilestone and DeleteMilestone keep a plan's milestones.
	AddMilestone(ctx context.Context, pid, plid string, in MilestoneInput) (*Milestone, error)
	UpdateMilestone(ctx context.Context, pid, plid, mid string, in MilestoneInput) (*Milestone, error)
	DeleteMilestone(ctx context.Context, pid, plid, mid string, version int) error
	// AddBudgetLine, UpdateBudgetLine and DeleteBudgetLine keep a plan's budget.
	AddBudgetLine(ctx context.Context, pid, plid string, in BudgetLineInput) (*BudgetLine, error)
	UpdateBudgetLine(ctx context.Context, pid, plid, lid string, in BudgetLineInput) (*BudgetLine, error)
	DeleteBudgetLine(ctx context.Context, pid, plid, lid string, version int) error
	// AddStaffingNeed, UpdateStaffingNeed and DeleteStaffingNeed keep a plan's staffing needs.
	AddStaffingNeed(ctx context.Context, pid, plid string, in StaffingNeedInput) (*StaffingNeed, error)
	UpdateStaffingNeed(ctx context.Context, pid, plid, sid string, in StaffingNeedInput) (*StaffingNeed, error)
	DeleteStaffingNeed(ctx context.Context, pid, plid, sid string, version int) error
	// Timeline returns the plans with their milestones for the timeline
	// chart, up to MaxPlans; the bool says it was cut.
	Timeline(ctx context.Context, pid string) ([]*PlanPage, bool, error)
	// PublicPlan returns a plan the partnership made public, to anyone,
	// without names of people; any other plan is ENOTFOUND.
	PublicPlan(ctx context.Context, plid string) (*PublicPlan, error)
}

// TaskService keeps tasks: per plan, per person, per organisation, overdue,
// and "my tasks" across partnerships.
type TaskService interface {
	// Tasks lists the partnership's tasks a filter keeps, by due date, a
	// page at a time.
	Tasks(ctx context.Context, pid string, f TaskFilter, pg PageRequest) ([]*Task, string, error)
	// TaskList is Tasks naming the kept value the page was read from, for
	// a face that keeps what it makes of it.
	TaskList(ctx context.Context, pid string, f TaskFilter, pg PageRequest) (*TaskList, error)
	// Task returns one task.
	Task(ctx context.Context, pid, tid string) (*Task, error)
	// CreateTask adds a task to a plan (coordinators and the plan's conveners).
	CreateTask(ctx context.Context, pid string, in TaskInput) (*Task, error)
	// UpdateTask changes a task (coordinators and the plan's conveners).
	UpdateTask(ctx context.Context, pid, tid string, in TaskInput) (*Task, error)
	// SetTaskStatus changes a task's status: its assignee, the plan's
	// conveners and coordinators may.
	SetTaskStatus(ctx context.Context, pid, tid string, in TaskStatusInput) (*Task, error)
	// DeleteTask removes a task (coordinators and the plan's conveners).
	DeleteTask(ctx context.Context, pid, tid string, version int) error
	// MyTasks lists the open tasks given to the asker in every partnership
	// they belong to, by due date, a page at a time.
	MyTasks(ctx context.Context, pg PageRequest) ([]*Task, string, error)
}

// ContributionService keeps what member organisations contribute, the
// barriers that restrain them, the plans' spending, the partnership's
// money settings, and the budget computed from all of it.
type ContributionService interface {
	// BudgetSettings returns the partnership's currency and time zone
	// (EUR and UTC until a coordinator chooses).
	BudgetSettings(ctx context.Context, pid string) (*BudgetSettings, error)
	// SetBudgetSettings changes them (coordinators).
	SetBudgetSettings(ctx context.Context, pid string, in BudgetSettingsInput) (*BudgetSettings, error)
	// Contributions lists contributions a filter keeps, by organisation and
	// pledge date, up to MaxContributions; the bool says it was cut.
	Contributions(ctx context.Context, pid string, f ContributionFilter) ([]*Contribution, bool, error)
	// Contribution returns one contribution.
	Contribution(ctx context.Context, pid, cid string) (*Contribution, error)
	// RecordContribution records a pledge: a member for their own
	// organisation, a coordinator for any member organisation.
	RecordContribution(ctx context.Context, pid string, in ContributionInput) (*Contribution, error)
	// UpdateContribution changes it (delivery, withdrawal), by the same rule.
	UpdateContribution(ctx context.Context, pid, cid string, in ContributionInput) (*Contribution, error)
	// DeleteContribution removes a contribution recorded by mistake.
	DeleteContribution(ctx context.Context, pid, cid string, version int) error
	// MyOrganisations lists the member organisations the asker may record
	// contributions and barriers for (all of them for a coordinator).
	MyOrganisations(ctx context.Context, pid string) ([]*MemberOrganisation, error)
	// Barriers lists the barriers named, unresolved first, up to MaxBarriers.
	Barriers(ctx context.Context, pid string) ([]*Barrier, bool, error)
	// Barrier returns one barrier.
	Barrier(ctx context.Context, pid, bid string) (*Barrier, error)
	// NameBarrier, UpdateBarrier and DeleteBarrier keep barriers, by the
	// rule of contributions.
	NameBarrier(ctx context.Context, pid string, in BarrierInput) (*Barrier, error)
	UpdateBarrier(ctx context.Context, pid, bid string, in BarrierInput) (*Barrier, error)
	DeleteBarrier(ctx context.Context, pid, bid string, version int) error
	// Expenses lists a plan's expenses (all plans' when plid is empty),
	// newest first, up to MaxExpenses.
	Expenses(ctx context.Context, pid, plid string) ([]*Expense, bool, error)
	// Expense returns one expense.
	Expense(ctx context.Context, pid, eid string) (*Expense, error)
	// RecordExpense, UpdateExpense and DeleteExpense keep a plan's
	// spending: its conveners and coordinators.
	RecordExpense(ctx context.Context, pid string, in ExpenseInput) (*Expense, error)
	UpdateExpense(ctx context.Context, pid, eid string, in ExpenseInput) (*Expense, error)
	DeleteExpense(ctx context.Context, pid, eid string, version int) error
	// Budget computes needs, pledges, deliveries, spending, funding
	// sources and dominance from stored data.
	Budget(ctx context.Context, pid string) (*Budget, error)
	// BudgetInPeriod is the budget today with the pledges (not withdrawn)
	// and the spending dated in the period, for the partnership report.
	BudgetInPeriod(ctx context.Context, pid string, period ReportPeriod) (*ReportBudget, error)
	// ExportContributions writes one table ("contributions" or "budget",
	// the plans' figures) as CSV ("csv") or XLSX ("xlsx"), with an audit
	// entry; it returns the file name, content type and bytes.
	ExportContributions(ctx context.Context, pid, table, format string) (name, contentType string, body []byte, err error)
}

// ReportService keeps the conveners' periodic reports and the committees'
// roll-ups (seed 001, activity 13).
type ReportService interface {
	// Reports lists reports a filter keeps, newest period first, up to
	// MaxReports; the bool says it was cut.
	Reports(ctx context.Context, pid string, f ReportFilter) ([]*Report, bool, error)
	// Report returns one report.
	Report(ctx context.Context, pid, rid string) (*Report, error)
	// DueReports lists the months reports are owed for, plan by plan, over
	// the last ReportLookback months, and the running month.
	DueReports(ctx context.Context, pid string) ([]*DueReport, bool, error)
	// PreviewFigures returns the figures a report for the plan and month
	// would be filled with now (conveners and coordinators).
	PreviewFigures(ctx context.Context, pid, plid, period string) (*ReportFigures, error)
	// WriteReport writes a plan's report for a month, its figures filled
	// from stored data (conveners and coordinators); one per plan and month.
	WriteReport(ctx context.Context, pid string, in ReportInput) (*Report, error)
	// UpdateReport changes its text; RefreshFigures asks to fill the
	// figures again.
	UpdateReport(ctx context.Context, pid, rid string, in ReportInput, refreshFigures bool) (*Report, error)
	// Rollups lists the roll-ups, newest first, up to MaxRollups.
	Rollups(ctx context.Context, pid string) ([]*Rollup, bool, error)
	// Rollup returns one roll-up with its reports.
	Rollup(ctx context.Context, pid, id string) (*Rollup, error)
	// GenerateRollup makes (or makes again) the roll-up of the reports of a
	// period for a committee (coordinators; the job does it when due).
	GenerateRollup(ctx context.Context, pid string, in RollupInput) (*Rollup, error)
}

// MeetingService keeps the meetings of the partnership's bodies and the
// open ones: the agenda, attendance with the quorum, the minutes and their
// approval, and the action items.
type MeetingService interface {
	// Meetings lists the partnership's meetings, latest start first, up to
	// MaxMeetings; the bool says the list was cut.
	Meetings(ctx context.Context, pid string) ([]*Meeting, bool, error)
	// Meeting returns one meeting.
	Meeting(ctx context.Context, pid, mtid string) (*Meeting, error)
	// CreateMeeting schedules a meeting of a body (or an open one).
	CreateMeeting(ctx context.Context, pid string, in MeetingInput) (*Meeting, error)
	// UpdateMeeting changes a meeting (optimistic locking on in.Version);
	// the agenda must still fit its length.
	UpdateMeeting(ctx context.Context, pid, mtid string, in MeetingInput) (*Meeting, error)
	// DeleteMeeting removes a meeting with its agenda, attendance and
	// action items (coordinators).
	DeleteMeeting(ctx context.Context, pid, mtid string, version int) error
	// ScheduleSeries creates the next in.Count meetings after mtid at the
	// interval, copying its body, title, time, place and link.
	ScheduleSeries(ctx context.Context, pid, mtid string, in SeriesInput) ([]*Meeting, error)
	// Agenda returns a meeting's agenda with the charter's checks.
	Agenda(ctx context.Context, pid, mtid string) (*Agenda, error)
	// AddAgendaItem adds an item; the total must fit the meeting.
	AddAgendaItem(ctx context.Context, pid, mtid string, in AgendaItemInput) (*AgendaItem, error)
	// UpdateAgendaItem changes or moves an item (optimistic locking).
	UpdateAgendaItem(ctx context.Context, pid, mtid, aiid string, in AgendaItemInput) (*AgendaItem, error)
	// DeleteAgendaItem removes an item (the version it was read at).
	DeleteAgendaItem(ctx context.Context, pid, mtid, aiid string, version int) error
	// CirculateAgenda records that the agenda went round now.
	CirculateAgenda(ctx context.Context, pid, mtid string, version int) (*Meeting, error)
	// Attendance is who is expected and who came, with the quorum now.
	Attendance(ctx context.Context, pid, mtid string) (*AttendanceSheet, error)
	// MeetingsHeld lists the meetings begun in the period and by the
	// moment before, latest first, up to MaxReportMeetings, each with its
	// attendance sheet in figures (the partnership report reads them all
	// at once); the bool says more were held.
	MeetingsHeld(ctx context.Context, pid string, period ReportPeriod, before time.Time) ([]*ReportMeeting, bool, error)
	// SetAttendance records attendance entries (all or nothing).
	SetAttendance(ctx context.Context, pid, mtid string, in AttendanceInput) (*AttendanceSheet, error)
	// SaveMinutes saves the draft minutes (the body's secretary or a
	// coordinator); approved minutes no longer change.
	SaveMinutes(ctx context.Context, pid, mtid string, in MinutesInput) (*Meeting, error)
	// ApproveMinutes records the approval of the minutes by a later
	// meeting of the same body that has begun.
	ApproveMinutes(ctx context.Context, pid, mtid string, in MinutesApprovalInput) (*Meeting, error)
	// MinutesApprovers lists the meetings the minutes may be approved at: the later ones of
	// the same body that have begun, latest first, up to MaxMinutesApprovers.
	MinutesApprovers(ctx context.Context, pid, mtid string) ([]*Meeting, error)
	// ActionItems lists a meeting's action items, oldest first.
	ActionItems(ctx context.Context, pid, mtid string) ([]*ActionItem, bool, error)
	// AddActionItem records an action item.
	AddActionItem(ctx context.Context, pid, mtid string, in ActionItemInput) (*ActionItem, error)
	// UpdateActionItem changes an action item or its status.
	UpdateActionItem(ctx context.Context, pid, mtid, acid string, in ActionItemInput) (*ActionItem, error)
	// MyActionItems lists the asking person's action items in the
	// partnerships they are in, open ones first, up to MaxMyActionItems.
	MyActionItems(ctx context.Context) ([]*ActionItem, bool, error)
}

// MeetingDecisionService joins meetings and decisions: what a vote in the
// room would count for each open proposal on an agenda, the vote itself
// (the outcome computed, the decision logged with the meeting), and the
// decisions taken at a meeting.
type MeetingDecisionService interface {
	// RoomVotes lists the open proposals on a meeting's agenda with the
	// eligible, the present and the quorum a vote in the room would count.
	RoomVotes(ctx context.Context, pid, mtid string) ([]*RoomVote, error)
	// RecordRoomVote records the vote taken in the room (the body's
	// secretary or a coordinator, once the meeting has begun).
	RecordRoomVote(ctx context.Context, pid, mtid string, in RoomVoteInput) (*Decision, error)
	// MeetingDecisions lists the decisions taken at a meeting, up to
	// MaxMeetingDecisions; the bool says the list was cut.
	MeetingDecisions(ctx context.Context, pid, mtid string) ([]*Decision, bool, error)
}

// CalendarService keeps each person's private calendar feed.
type CalendarService interface {
	// CalendarFeed says whether the asking person has a feed.
	CalendarFeed(ctx context.Context) (*CalendarFeed, error)
	// RenewCalendarFeed makes a new secret address (the old one stops).
	RenewCalendarFeed(ctx context.Context) (*CalendarFeed, error)
	// RevokeCalendarFeed ends the feed.
	RevokeCalendarFeed(ctx context.Context) error
	// FeedMeetings are the meetings the feed with this secret serves: of
	// the bodies its person sits in and the open meetings of their
	// partnerships, from CalendarFeedPastDays ago on. An unknown secret is
	// not found.
	FeedMeetings(ctx context.Context, secret string) ([]*CalendarMeeting, error)
}

// HealthService keeps the partnership's health: rounds of the health check
// and of the partner relationship survey, the asker's own ratings, and what
// everyone else sees of them — aggregates only — beside the signals read
// from what members do.
type HealthService interface {
	// Rounds lists the partnership's rounds of kind (RoundKinds), newest
	// first, up to MaxHealthRounds.
	Rounds(ctx context.Context, pid, kind string) (*RoundList, error)
	// Round returns one round with its count of raters.
	Round(ctx context.Context, pid, rid string) (*Round, error)
	// OpenRound opens a round; one round of a kind is open at a time.
	OpenRound(ctx context.Context, pid string, in RoundInput) (*Round, error)
	// CloseRound closes an open round (optimistic locking on version).
	CloseRound(ctx context.Context, pid, rid string, version int) (*Round, error)
	// MyHealthRatings is the asker's own ratings in a health round.
	MyHealthRatings(ctx context.Context, pid, rid string) ([]HealthRating, error)
	// RateHealth saves the asker's ratings in an open health round.
	RateHealth(ctx context.Context, pid, rid string, in HealthRatingInput) ([]HealthRating, error)
	// HealthResults is a health round's aggregate and its comments without names.
	HealthResults(ctx context.Context, pid, rid string) (*HealthResults, error)
	// HealthTrend is every health round's aggregate, oldest first.
	HealthTrend(ctx context.Context, pid string) (*HealthTrend, error)
	// TrustSheet is the ratings by an organisation the asker represents
	// (oid, or their first) in a trust round (rid, or the open one).
	TrustSheet(ctx context.Context, pid, rid, oid string) (*TrustSheet, error)
	// RateTrust saves an organisation's ratings in the open trust round; the
	// asker must represent it (the agreement signing rule).
	RateTrust(ctx context.Context, pid string, in TrustRatingInput) (*TrustSheet, error)
	// TrustSummary is a trust round's aggregate (rid, or the latest round).
	TrustSummary(ctx context.Context, pid, rid string) (*TrustSummary, error)
	// Signals computes the behaviour signals from the partnership's records.
	Signals(ctx context.Context, pid string) (*SignalReport, error)
}

// EvaluationService keeps the partnership's evaluations: questions with
// findings and evidence, the changes made, the pros and cons of
// continuing, the continuation question decided through a proposal, and
// the closure plan whose items become tasks.
type EvaluationService interface {
	// Evaluations lists the partnership's evaluations, latest period first,
	// up to MaxEvaluations.
	Evaluations(ctx context.Context, pid string) (*EvaluationList, error)
	// Evaluation returns one evaluation with its questions, changes, pros
	// and cons, continuation proposals and closure items.
	Evaluation(ctx context.Context, pid, evid string) (*EvaluationPage, error)
	// CreateEvaluation opens an evaluation (coordinators), with the default
	// questions when asked.
	CreateEvaluation(ctx context.Context, pid string, in EvaluationInput) (*Evaluation, error)
	// UpdateEvaluation changes one (optimistic locking on in.Version).
	UpdateEvaluation(ctx context.Context, pid, evid string, in EvaluationInput) (*Evaluation, error)
	// DeleteEvaluation removes one with its questions, changes, points and
	// closure items; proposals and tasks made from it stay.
	DeleteEvaluation(ctx context.Context, pid, evid string, version int) error
	// AddQuestion, UpdateQuestion and DeleteQuestion keep the questions
	// (coordinators).
	AddQuestion(ctx context.Context, pid, evid string, in QuestionInput) (*EvaluationQuestion, error)
	UpdateQuestion(ctx context.Context, pid, evid, qid string, in QuestionInput) (*EvaluationQuestion, error)
	DeleteQuestion(ctx context.Context, pid, evid, qid string) error
	// RecordFinding writes the finding and evidence of a question (members).
	RecordFinding(ctx context.Context, pid, evid, qid string, in FindingInput) (*EvaluationQuestion, error)
	// AddChange and DeleteChange keep the changes made (coordinators);
	// ChangeToTask turns a change into a task of a plan.
	AddChange(ctx context.Context, pid, evid string, in ChangeInput) (*EvaluationChange, error)
	DeleteChange(ctx context.Context, pid, evid, chid string) error
	ChangeToTask(ctx context.Context, pid, evid, chid string, in ChangeTaskInput) (*EvaluationChange, error)
	// OpenContinuation asks whether to continue, change or close
	// (coordinators).
	OpenContinuation(ctx context.Context, pid, evid string) (*Evaluation, error)
	// AddPoint adds a pro or a con (members); DeletePoint removes one (its
	// author or a coordinator).
	AddPoint(ctx context.Context, pid, evid string, in PointInput) (*ContinuationPoint, error)
	DeletePoint(ctx context.Context, pid, evid, ptid string, version int) error
	// ProposeContinuation brings the question to the body the charter names
	// as a proposal of the decisions module (coordinators); its decision is
	// recorded on the evaluation when the proposal closes.
	ProposeContinuation(ctx context.Context, pid, evid string, in ContinuationProposalInput) (*Proposal, error)
	// AddClosureItem and DeleteClosureItem keep the closure plan
	// (coordinators); ClosureTasks turns the items without a task into
	// tasks of the evaluation's closure plan, creating it when needed.
	AddClosureItem(ctx context.Context, pid, evid string, in ClosureItemInput) (*ClosureItem, error)
	DeleteClosureItem(ctx context.Context, pid, evid, ciid string) error
	ClosureTasks(ctx context.Context, pid, evid string, in ClosurePlanInput) (*EvaluationPage, error)
}

// SurveyService keeps the partnership's surveys: the builder, the private
// links, the answers given through them without an account, and the
// results. Anonymous answers are stored apart from everything that could
// name their author (see Survey).
type SurveyService interface {
	// Surveys lists the partnership's surveys, newest first, at most MaxSurveys.
	Surveys(ctx context.Context, pid string) (*SurveyList, error)
	// Survey returns one survey with its items and answer counts.
	Survey(ctx context.Context, pid, svid string) (*Survey, error)
	// CreateSurvey makes a draft survey (coordinators).
	CreateSurvey(ctx context.Context, pid string, in SurveyInput) (*Survey, error)
	// UpdateSurvey changes a survey (optimistic locking on in.Version):
	// items only while it is a draft, anonymity never once it has answers;
	// in.Status moves it draft → open → closed (and back to open).
	UpdateSurvey(ctx context.Context, pid, svid string, in SurveyInput) (*Survey, error)
	// SurveyLinks lists a survey's links, newest first, at most MaxSurveyLinks.
	SurveyLinks(ctx context.Context, pid, svid string) (*SurveyLinkList, error)
	// CreateSurveyLinks makes links; each carries its code once, here.
	CreateSurveyLinks(ctx context.Context, pid, svid string, in SurveyLinksInput) ([]*SurveyLink, error)
	// RevokeSurveyLink stops a link from being used.
	RevokeSurveyLink(ctx context.Context, pid, svid, linkID string) error
	// SurveyResults computes the results, hiding small anonymous groups.
	SurveyResults(ctx context.Context, pid, svid string) (*SurveyResults, error)
	// ExportSurvey writes the answers as "csv" or "xlsx": names for
	// coordinators of a named survey only, rows in an order that says
	// nothing of when or through which link they came.
	ExportSurvey(ctx context.Context, pid, svid, format string) ([]byte, error)
	// SurveyByLink is what a link's holder sees; no account needed.
	SurveyByLink(ctx context.Context, code string) (*SurveyForm, error)
	// AnswerSurvey stores the one answer a link allows; no account needed.
	AnswerSurvey(ctx context.Context, code string, in SurveyAnswerInput) error
}

// IndicatorService keeps the indicators of goals and plans and their
// measurements; every indicator it returns carries its status and percent
// met by TolaData's rule, computed on the store's day.
type IndicatorService interface {
	// Indicators lists the partnership's indicators (of a goal or a plan
	// when the filter says), by goal, plan and name, up to MaxIndicators;
	// the bool says the list was cut.
	Indicators(ctx context.Context, pid string, f IndicatorFilter) ([]*Indicator, bool, error)
	// Indicator returns one indicator.
	Indicator(ctx context.Context, pid, iid string) (*Indicator, error)
	// CreateIndicator defines an indicator: coordinators for any goal or
	// plan, conveners for their own plan.
	CreateIndicator(ctx context.Context, pid string, in IndicatorInput) (*Indicator, error)
	// UpdateIndicator changes an indicator (optimistic locking on
	// in.Version); it may not move to another goal or plan.
	UpdateIndicator(ctx context.Context, pid, iid string, in IndicatorInput) (*Indicator, error)
	// DeleteIndicator removes an indicator without measurements (ECONFLICT
	// otherwise: the results stay the record).
	DeleteIndicator(ctx context.Context, pid, iid string, version int) error
	// Measurements lists an indicator's measurements, newest first, up to
	// MaxIndicatorMeasurements; the bool says the list was cut.
	Measurements(ctx context.Context, pid, iid string) ([]*Measurement, bool, error)
	// RecordMeasurement records a result (members).
	RecordMeasurement(ctx context.Context, pid, iid string, in MeasurementInput) (*Measurement, error)
	// DeleteMeasurement removes a result recorded by mistake: its recorder,
	// or whoever may define the indicator.
	DeleteMeasurement(ctx context.Context, pid, iid, mid string, version int) error
}

// WebhookService keeps a partnership's webhooks and their delivery log
// (coordinators only). A secret is returned once, when it is made, and
// never again.
type WebhookService interface {
	// Webhooks lists the partnership's webhooks, oldest first, up to
	// MaxWebhooks.
	Webhooks(ctx context.Context, pid string) (*WebhookList, error)
	// Webhook returns one webhook.
	Webhook(ctx context.Context, pid, whid string) (*Webhook, error)
	// CreateWebhook adds a webhook; for the JSON kind without a secret in
	// the input the server makes one, returned here once.
	CreateWebhook(ctx context.Context, pid string, in WebhookInput) (*Webhook, string, error)
	// UpdateWebhook changes the address, the events, the secrets given,
	// and whether it is paused (resuming sends what waited).
	UpdateWebhook(ctx context.Context, pid, whid string, in WebhookInput) (*Webhook, error)
	// RotateWebhookSecret makes a new signing secret for a JSON webhook,
	// returned here once.
	RotateWebhookSecret(ctx context.Context, pid, whid string, version int) (*Webhook, string, error)
	// DeleteWebhook removes a webhook with its delivery log.
	DeleteWebhook(ctx context.Context, pid, whid string, version int) error
	// WebhookDeliveries lists a webhook's deliveries, newest first.
	WebhookDeliveries(ctx context.Context, pid, whid string, pg PageRequest) ([]*WebhookDelivery, string, error)
	// TestWebhook queues a test message to the webhook, sent at once.
	TestWebhook(ctx context.Context, pid, whid string) (*WebhookDelivery, error)
}

// NotificationService is the asker's own inbox: the events of their
// partnerships they may see, newest first (kept
// NotificationRetention). Visibility is checked again on every read, so an
// entry about something the asker may no longer see is not shown.
type NotificationService interface {
	// Notifications lists a page, newest first; unread keeps the unread
	// ones only.
	Notifications(ctx context.Context, unread bool, p PageRequest) ([]*Notification, string, error)
	// UnreadCount counts the unread notifications the asker may see, up
	// to MaxUnreadCounted.
	UnreadCount(ctx context.Context) (int, error)
	// MarkRead marks one read, whatever its version (ENOTFOUND when it is
	// not the asker's or they may no longer see it).
	MarkRead(ctx context.Context, nid string) (*Notification, error)
	// SetRead marks one read or unread (nil: as it is), from the version
	// the change is based on (ECONFLICT when it moved since).
	SetRead(ctx context.Context, nid string, read *bool, version int) (*Notification, error)
	// MarkAllRead marks every one read and says how many were unread.
	MarkAllRead(ctx context.Context) (int, error)
}

// NotificationSettingsService keeps a person's choices of notification
// email, and the one-click unsubscribe links their mails carry (RFC 8058),
// which work without signing in: the link's token says whose and what.
type NotificationSettingsService interface {
	NotificationSettings(ctx context.Context) (*NotificationSettings, error)
	UpdateNotificationSettings(ctx context.Context, in NotificationSettingsInput) (*NotificationSettings, error)
	// Unsubscription says what the token's link would stop (ENOTFOUND for
	// a token that is not ours).
	Unsubscription(ctx context.Context, token string) (*Unsubscription, error)
	// Unsubscribe stops it; doing it again changes nothing.
	Unsubscribe(ctx context.Context, token string) (*Unsubscription, error)
}
