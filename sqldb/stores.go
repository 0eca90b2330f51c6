package sqldb

// One store per module: each holds only its own methods and shares the
// kernel (connections, transactions with a fixed clock, authorization, audit,
// versions) through db, which stays private to this package. The pages and
// the API receive a store through the module's service interface in the root
// package (service.go); nothing outside sqldb reaches the kernel.

// Stores are the per-module stores of a DB; DB embeds them as named fields.
type Stores struct {
	Accounts      *AccountStore
	Organisations *OrganisationStore
	Partnerships  *PartnershipStore
	Members       *MemberStore
	Actors        *ActorStore
	Maps          *MapStore
	Networks      *NetworkStore
	Preparation   *PreparationStore
	Playbooks     *PlaybookStore
	Prospects     *ProspectStore
	Agreements    *AgreementStore
	Jobs          *JobStore
	Bin           *BinStore
	Portability   *PortabilityStore
	Bodies        *BodyStore
	Charter       *CharterStore
	Admissions    *AdmissionStore
	Decisions     *DecisionStore
	Contributions *ContributionStore
	Reports       *ReportStore
	Goals         *GoalStore
	Plans         *PlanStore
	Tasks         *TaskStore
	Meetings      *MeetingStore
	Calendars     *CalendarStore
	// MeetingDecisions joins the two: proposals on agendas, votes in the room.
	MeetingDecisions *MeetingDecisionStore
	Health           *HealthStore
	Evaluations      *EvaluationStore
	Surveys          *SurveyStore
	Indicators       *IndicatorStore
	// Events derives events and reminders (jobs); Notifications is the
	// inbox.
	Events        *EventStore
	Notifications *NotificationStore
	Webhooks      *WebhookStore
}

func (db *DB) initStores() {
	db.Stores = Stores{
		Accounts:         &AccountStore{db},
		Organisations:    &OrganisationStore{db},
		Partnerships:     &PartnershipStore{db},
		Members:          &MemberStore{db},
		Actors:           &ActorStore{db},
		Maps:             &MapStore{db},
		Networks:         &NetworkStore{db},
		Preparation:      &PreparationStore{db},
		Playbooks:        &PlaybookStore{db},
		Prospects:        &ProspectStore{db},
		Agreements:       &AgreementStore{db},
		Jobs:             &JobStore{db},
		Bin:              &BinStore{db},
		Portability:      &PortabilityStore{db},
		Bodies:           &BodyStore{db},
		Charter:          &CharterStore{db},
		Admissions:       &AdmissionStore{db},
		Decisions:        &DecisionStore{db},
		Meetings:         &MeetingStore{db},
		Calendars:        &CalendarStore{db},
		MeetingDecisions: &MeetingDecisionStore{db},
		Health:           &HealthStore{db},
		Goals:            &GoalStore{db},
		Plans:            &PlanStore{db},
		Tasks:            &TaskStore{db},
		Contributions:    &ContributionStore{db},
		Reports:          &ReportStore{db},
		Evaluations:      &EvaluationStore{db},
		Surveys:          &SurveyStore{db},
		Indicators:       &IndicatorStore{db},
		Events:           &EventStore{db},
		Notifications:    &NotificationStore{db},
		Webhooks:         &WebhookStore{db},
	}
}

// AccountStore keeps people's own accounts: sign-up and sign-in, sessions, API tokens, profiles, passwords, confirmed addresses.
type AccountStore struct{ db *DB }

// OrganisationStore keeps organisations' profiles and their people.
type OrganisationStore struct{ db *DB }

// PartnershipStore keeps partnerships, their overview and their audit log.
type PartnershipStore struct{ db *DB }

// MemberStore keeps who is in a partnership: people and roles, member organisations, invitations.
type MemberStore struct{ db *DB }

// ActorStore keeps the stakeholder register and the relationships between actors.
type ActorStore struct{ db *DB }

// MapStore keeps maps of actors: assessments, the power map and the Spectrum of Allies, tactics.
type MapStore struct{ db *DB }

// NetworkStore keeps the analysis of the network of actors.
type NetworkStore struct{ db *DB }

// PreparationStore keeps self-analysis, the start-up checklist, the theory of change, choosing the form, the profile.
type PreparationStore struct{ db *DB }

// PlaybookStore keeps the partnership's playbook: steps done, answers, stages.
type PlaybookStore struct{ db *DB }

// ProspectStore keeps the pipeline of prospective partners.
type ProspectStore struct{ db *DB }

// AgreementStore keeps the partnership's agreements: text, versions, signatures.
type AgreementStore struct{ db *DB }

// JobStore keeps the background jobs table: claiming, finishing and running jobs.
type JobStore struct{ db *DB }

// BinStore keeps the partnership's bin: what deletes took away, restorable for 30 days.
type BinStore struct{ db *DB }

// PortabilityStore moves whole partnerships in and out of the instance: the archive described in
// the root package's archive.go, built from archiveDocuments.
type PortabilityStore struct{ db *DB }

// EventStore derives events from the audit log and the clock (the jobs of notifications).
type EventStore struct{ db *DB }

// NotificationStore keeps each person's inbox.
type NotificationStore struct{ db *DB }
