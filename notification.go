package partnerkit

import "time"

// EventKind names what happened, stably: the API, webhooks and the mail
// settings use these strings.
type EventKind string

// The kinds of event. The first group is derived from the audit log (what
// someone did); the reminders (IsReminder) come from the clock.
const (
	EventInvitation              EventKind = "invitation"
	EventProposalOpened          EventKind = "proposal.opened"
	EventProposalClosed          EventKind = "proposal.closed"
	EventMeetingScheduled        EventKind = "meeting.scheduled"
	EventMeetingAgendaCirculated EventKind = "meeting.agenda_circulated"
	EventMeetingMinutesReady     EventKind = "meeting.minutes_ready"
	EventMeetingMinutesApproved  EventKind = "meeting.minutes_approved"
	EventActionAssigned          EventKind = "action.assigned"
	EventTaskAssigned            EventKind = "task.assigned"
	EventAgreementReadyToSign    EventKind = "agreement.ready_to_sign"
	EventAgreementSignedByAll    EventKind = "agreement.signed_by_all"
	EventSurveyOpened            EventKind = "survey.opened"
	EventHealthOpened            EventKind = "health.opened"

	EventProposalClosing          EventKind = "proposal.closing"
	EventMeetingAgendaLate        EventKind = "meeting.agenda_late"
	EventMeetingMinutesUnapproved EventKind = "meeting.minutes_unapproved"
	EventActionDueTomorrow        EventKind = "action.due_tomorrow"
	EventActionOverdue            EventKind = "action.overdue"
	EventTaskDueTomorrow          EventKind = "task.due_tomorrow"
	EventTaskOverdue              EventKind = "task.overdue"
	EventReportDue                EventKind = "report.due"
)

// EventKinds lists every kind, in the order settings pages show them.
var EventKinds = []string{
	string(EventInvitation),
	string(EventProposalOpened), string(EventProposalClosing), string(EventProposalClosed),
	string(EventMeetingScheduled), string(EventMeetingAgendaCirculated), string(EventMeetingAgendaLate),
	string(EventMeetingMinutesReady), string(EventMeetingMinutesApproved), string(EventMeetingMinutesUnapproved),
	string(EventActionAssigned), string(EventActionDueTomorrow), string(EventActionOverdue),
	string(EventTaskAssigned), string(EventTaskDueTomorrow), string(EventTaskOverdue),
	string(EventReportDue),
	string(EventAgreementReadyToSign), string(EventAgreementSignedByAll),
	string(EventSurveyOpened), string(EventHealthOpened),
}

// IsReminder reports whether events of the kind come from the clock (a
// deadline near or passed) rather than from something someone did.
func IsReminder(kind EventKind) bool {
	switch kind {
	case EventProposalClosing, EventMeetingAgendaLate, EventMeetingMinutesUnapproved,
		EventActionDueTomorrow, EventActionOverdue, EventTaskDueTomorrow, EventTaskOverdue, EventReportDue:
		return true
	}
	return false
}

// Who may see an event: everyone in the partnership with at least that
// role, or (AudiencePeople) only the people it was addressed to.
const (
	AudienceObserver    = "observer"
	AudienceMember      = "member"
	AudienceCoordinator = "coordinator"
	AudiencePeople      = "people"
)

// Audience is who hears of events of the kind: the people a reminder or an
// assignment names, or every role from the one given (the derive and
// reminder jobs follow it; webhooks send only the kinds everyone hears of).
func (k EventKind) Audience() string {
	switch {
	case IsReminder(k), k == EventActionAssigned, k == EventTaskAssigned:
		return AudiencePeople
	case k == EventInvitation:
		return AudienceCoordinator
	case k == EventAgreementReadyToSign, k == EventHealthOpened:
		return AudienceMember
	}
	return AudienceObserver
}

// Event is one thing that happened in a partnership that someone should
// hear of. Data holds the strings its rendering needs (a title, a date, an
// outcome) — never a secret ballot's choice or voter, and never a sensitive
// actor's name.
type Event struct {
	ID              string            `json:"id"`
	PartnershipID   string            `json:"partnership_id"`
	PartnershipName string            `json:"partnership_name,omitempty"`
	Kind            EventKind         `json:"kind"`
	SubjectType     string            `json:"subject_type"`
	SubjectID       string            `json:"subject_id"`
	Audience        string            `json:"audience"`
	Data            map[string]string `json:"data,omitempty"`
	CreatedAt       time.Time         `json:"created_at"`
}

// Notification is an event in one person's inbox.
type Notification struct {
	ID     string     `json:"id"`
	Event  Event      `json:"event"`
	ReadAt *time.Time `json:"read_at,omitempty"`
	// Version moves with every change of the read state (the API's
	// optimistic locking).
	Version int `json:"version"`
}

// MaxUnreadCounted bounds the count of unread notifications shown beside
// the inbox on every page: from ten the badge says "9+", as phone badges
// do, so counting further is work nobody sees. Each counted notification
// is checked against the reader's right to see it, and counting to a
// hundred on every page cost a fifth of a page's time in a coalition of
// two thousand.
const MaxUnreadCounted = 10

// NotificationRetention is how long the inbox keeps a notification.
const NotificationRetention = 90 * 24 * time.Hour

// ViewAction is what a person must be allowed to do in the partnership to
// see events of the kind: the same action that guards the thing's page.
func (k EventKind) ViewAction() Action {
	switch k {
	case EventInvitation:
		return ActionInvite
	case EventProposalOpened, EventProposalClosing, EventProposalClosed:
		return ActionViewDecisions
	case EventMeetingScheduled, EventMeetingAgendaCirculated, EventMeetingAgendaLate,
		EventMeetingMinutesReady, EventMeetingMinutesApproved, EventMeetingMinutesUnapproved,
		EventActionAssigned, EventActionDueTomorrow, EventActionOverdue:
		return ActionViewMeetings
	case EventTaskAssigned, EventTaskDueTomorrow, EventTaskOverdue:
		return ActionViewPlans
	case EventReportDue:
		return ActionWriteReports
	case EventAgreementReadyToSign, EventAgreementSignedByAll:
		return ActionViewAgreements
	case EventSurveyOpened:
		return ActionViewSurveys
	case EventHealthOpened:
		return ActionViewHealth
	}
	// An unknown kind is guarded by an action no role holds: privacy fails
	// closed.
	return Action("")
}
