package sqldb

import pk "github.com/partnerkit/partnerkit"

// The stores implement the services the pages and the API depend on.
var (
	_ pk.AccountService         = (*AccountStore)(nil)
	_ pk.OrganisationService    = (*OrganisationStore)(nil)
	_ pk.PartnershipService     = (*PartnershipStore)(nil)
	_ pk.MemberService          = (*MemberStore)(nil)
	_ pk.ActorService           = (*ActorStore)(nil)
	_ pk.MapService             = (*MapStore)(nil)
	_ pk.NetworkService         = (*NetworkStore)(nil)
	_ pk.PreparationService     = (*PreparationStore)(nil)
	_ pk.PlaybookService        = (*PlaybookStore)(nil)
	_ pk.ProspectService        = (*ProspectStore)(nil)
	_ pk.BodyService            = (*BodyStore)(nil)
	_ pk.CharterService         = (*CharterStore)(nil)
	_ pk.AgreementService       = (*AgreementStore)(nil)
	_ pk.AdmissionService       = (*AdmissionStore)(nil)
	_ pk.DecisionService        = (*DecisionStore)(nil)
	_ pk.MeetingService         = (*MeetingStore)(nil)
	_ pk.CalendarService        = (*CalendarStore)(nil)
	_ pk.MeetingDecisionService = (*MeetingDecisionStore)(nil)
	_ pk.HealthService          = (*HealthStore)(nil)
	_ pk.GoalService            = (*GoalStore)(nil)
	_ pk.PlanService            = (*PlanStore)(nil)
	_ pk.TaskService            = (*TaskStore)(nil)
	_ pk.ContributionService    = (*ContributionStore)(nil)
	_ pk.ReportService          = (*ReportStore)(nil)
	_ pk.EvaluationService      = (*EvaluationStore)(nil)
	_ pk.SurveyService          = (*SurveyStore)(nil)
	_ pk.IndicatorService       = (*IndicatorStore)(nil)
	_ pk.NotificationService    = (*NotificationStore)(nil)
	_ pk.WebhookService         = (*WebhookStore)(nil)
	// Mail's settings and unsubscribe links.
	_ pk.NotificationSettingsService = (*MailStore)(nil)
)
