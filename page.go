package partnerkit

// PageRequest asks for one page of a list: at most Limit items after Cursor.
type PageRequest struct {
	Limit  int
	Cursor string
}

// Page limits.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// Stated maxima of the lists a service returns whole rather than by page
// (a page's parts, choices for a form, the members). Each such list says
// when it was cut (a …Cut field next to it), so a page can say so and link
// to the paged list that holds the rest.
const (
	// MaxActorTies is how many of an actor's relationships its page shows
	// (ActorPage.RelationshipsCut; the rest: Relationships with ActorID).
	MaxActorTies = 1000
	// MaxActorChoices is how many actors a form offers to choose from, for
	// merging, tying or placing on a map (ActorChoices.Cut; the rest: the
	// register, Actors, searched by name).
	MaxActorChoices = 1000
	// MaxMemberOrganisations and MaxMemberPeople bound Members
	// (OrganisationsCut, PeopleCut).
	MaxMemberOrganisations = 1000
	MaxMemberPeople        = 2000
	// MaxMemberChoices bounds the people, and the organisations, a filter
	// or form offers at once (MemberChoices; a name search narrows the rest).
	MaxMemberChoices = 100
	// MaxInvitations bounds a partnership's invitations, newest first
	// (InvitationList.Cut).
	MaxInvitations = 500
	// MaxMyInvitations bounds the pending invitations of one person.
	MaxMyInvitations = 100
	// MaxOrganisationPeople bounds the people of an organisation.
	MaxOrganisationPeople = 500
	// MaxChoices bounds each list of ProspectChoices (…Cut fields).
	MaxChoices = 1000
	// MaxMaps bounds a partnership's maps, newest first (MapList.Cut).
	MaxMaps = 500
	// MaxMapActors bounds the actors drawn on one map, by name: the power
	// map, the spectrum and the map's overview (PositionList.Cut; the rest:
	// the register filtered by the map, a page at a time).
	MaxMapActors = 5000
	// MaxMapLines bounds the cooperation and conflict lines drawn on one
	// power map (MapLineList.Cut).
	MaxMapLines = 10000
	// MaxMapTimeline bounds the assessments read, oldest first, for a map's
	// chart over time; a cut chart ends where the reading stopped
	// (TimelineList.Cut; the rest: the assessments, a page at a time).
	MaxMapTimeline = 50000
	// MaxMapTactics bounds a map's tactics, by due date (TacticList.Cut).
	MaxMapTactics = 1000
	// MaxProspectHistory bounds a prospect's status changes: the latest
	// ones, oldest first (ProspectHistoryList.Cut).
	MaxProspectHistory = 500
	// MaxTagChoices bounds the tags offered to filter the register by
	// (ActorTagList.Cut; any tag is still reached from an actor's row).
	MaxTagChoices = 500
	// MaxSelfAnalysisEntries bounds the contributions to one self-analysis:
	// the latest ones, each section oldest first (SelfAnalysis.Cut).
	MaxSelfAnalysisEntries = 2000
	// MaxSessions and MaxTokens bound a person's live sessions (the most
	// recently used) and API tokens (the newest) on the account page.
	MaxSessions = 200
	MaxTokens   = 200
	// MaxSurveys bounds a partnership's surveys, newest first (SurveyList.Cut).
	MaxSurveys = 500
	// MaxSurveyItems bounds a survey's items (questions and sections).
	MaxSurveyItems = 100
	// MaxSurveyLinks bounds the links a survey's page lists, newest first
	// (SurveyLinkList.Cut; the counts are of all of them).
	MaxSurveyLinks = 2000
	// MaxSurveyTexts bounds the text answers shown per question, in
	// alphabetical order (ItemResults.TextsCut; the rest: the export).
	MaxSurveyTexts = 200
	// MaxSurveyPairs bounds the respondents listed with their paired
	// change (PairedResults.RespondentsCut; the group's numbers count all).
	MaxSurveyPairs = 500
	// MaxSurveyExport bounds the answers one export holds.
	MaxSurveyExport = 100000
)

// Normalize fills in defaults and caps the limit.
func (p PageRequest) Normalize() PageRequest {
	if p.Limit <= 0 {
		p.Limit = DefaultPageSize
	}
	if p.Limit > MaxPageSize {
		p.Limit = MaxPageSize
	}
	return p
}
