package partnerkit

import (
	"slices"
	"strings"
	"time"
)

// Prospect is a prospective partner the partnership is reaching out to: an
// organisation or a person, with exactly one point of contact on our side
// (a member of the partnership, as the cooperation strategy of Voices of
// Young Refugees in Europe advises), research on their record, and the
// message that says what the partnership offers them.
type Prospect struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"` // organisation, person
	// ActorID links the stakeholder register; ActorName is empty (and the
	// link hidden) when the actor is sensitive and the reader may not see it.
	ActorID          string `json:"actor_id,omitempty"`
	ActorName        string `json:"actor_name,omitempty"`
	OrganisationID   string `json:"organisation_id,omitempty"`
	OrganisationName string `json:"organisation_name,omitempty"`
	// UserID is our point of contact.
	UserID   string `json:"user_id"`
	UserName string `json:"user_name"`

	ContactName  string `json:"contact_name"`
	ContactEmail string `json:"contact_email"`
	ContactPhone string `json:"contact_phone"`
	ContactRole  string `json:"contact_role"`

	// Research: their record, what they said in public, who worked with them.
	Record     string `json:"record"`
	Statements string `json:"statements"`
	WorkedWith string `json:"worked_with"`
	// Message is what the partnership offers them (not what we need).
	Message string `json:"message"`

	NextStep    string `json:"next_step"`
	NextStepDue string `json:"next_step_due,omitempty"` // YYYY-MM-DD
	// Overdue: the next step was due before today (by the server's clock)
	// and the prospect is still open.
	Overdue bool `json:"overdue"`

	Status     string              `json:"status"`
	StatusAt   time.Time           `json:"status_at"`
	Invitation *ProspectInvitation `json:"invitation,omitempty"`

	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ProspectInvitation is the invitation sent to a prospect's contact.
type ProspectInvitation struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Status    string    `json:"status"`
	CreatedAt time.Time `json:"created_at"`
}

// The outreach pipeline, in order. Declined and paused stand aside.
const (
	ProspectIdentified  = "identified"
	ProspectResearching = "researching"
	ProspectApproached  = "approached"
	ProspectInDialogue  = "in_dialogue"
	ProspectAgreed      = "agreed"
	ProspectJoined      = "joined"
	ProspectDeclined    = "declined"
	ProspectPaused      = "paused"
)

// ProspectStatuses lists the statuses in pipeline order.
var ProspectStatuses = []string{ProspectIdentified, ProspectResearching, ProspectApproached, ProspectInDialogue,
	ProspectAgreed, ProspectJoined, ProspectDeclined, ProspectPaused}

// ProspectKinds are what a prospect may be.
var ProspectKinds = []string{"organisation", "person"}

// NeedsMessage reports whether a status may only be reached once the
// message for the prospect is written: we approach nobody before we can
// say what is in it for them (seeds 001 and 003), and every later stage of
// the pipeline comes after an approach.
func NeedsMessage(status string) bool {
	switch status {
	case ProspectApproached, ProspectInDialogue, ProspectAgreed, ProspectJoined:
		return true
	}
	return false
}

// ProspectOpen reports whether a prospect is still being worked on, so that
// its next step can be overdue. Joined, declined and paused ones are not.
func ProspectOpen(status string) bool {
	switch status {
	case ProspectJoined, ProspectDeclined, ProspectPaused:
		return false
	}
	return slices.Contains(ProspectStatuses, status)
}

// IsOverdue reports whether a next step due on due (YYYY-MM-DD, may be
// empty) is overdue on day today for a prospect in status.
func IsOverdue(due, status string, today time.Time) bool {
	if due == "" || !ProspectOpen(status) {
		return false
	}
	return due < today.UTC().Format("2006-01-02")
}

// CheckStatusChange checks a move from one status to another. Any move is
// allowed (people go back to research, resume a paused contact, re-open a
// decline) except standing still, and a status that needs the message
// while the message is empty. The error names the field to fix.
func CheckStatusChange(from, to, message string) error {
	var v Validator
	v.OneOf("status", to, true, ProspectStatuses)
	if v.Has("status") {
		return v.Err()
	}
	if from == to {
		v.Add("status", "outreach.validation.same_status", nil)
	}
	if NeedsMessage(to) && strings.TrimSpace(message) == "" {
		v.Add("message", "outreach.validation.message_required", nil)
	}
	return v.Err()
}

// ProspectInput creates or changes a prospect. Status is read only when
// creating; later changes go through a status change with a note.
type ProspectInput struct {
	Name           string
	Kind           string
	ActorID        string
	OrganisationID string
	UserID         string
	ContactName    string
	ContactEmail   string
	ContactPhone   string
	ContactRole    string
	Record         string
	Statements     string
	WorkedWith     string
	Message        string
	NextStep       string
	NextStepDue    string
	Status         string
	Version        int
}

// Validate checks the fields; status is the prospect's status after the
// write (the message rule depends on it).
func (in *ProspectInput) Validate(status string) error {
	var v Validator
	trim := func(s *string) { *s = strings.TrimSpace(*s) }
	for _, s := range []*string{&in.Name, &in.Kind, &in.ActorID, &in.OrganisationID, &in.UserID, &in.ContactName, &in.ContactEmail,
		&in.ContactPhone, &in.ContactRole, &in.Record, &in.Statements, &in.WorkedWith, &in.Message, &in.NextStep, &in.NextStepDue} {
		trim(s)
	}
	v.Text("name", in.Name, true, 200)
	v.OneOf("kind", in.Kind, true, ProspectKinds)
	v.Text("user_id", in.UserID, true, 100)
	v.Text("contact_name", in.ContactName, false, 200)
	if in.ContactEmail != "" {
		v.Email("contact_email", in.ContactEmail)
	}
	v.Text("contact_phone", in.ContactPhone, false, 50)
	v.Text("contact_role", in.ContactRole, false, 200)
	v.Text("record", in.Record, false, 4000)
	v.Text("statements", in.Statements, false, 4000)
	v.Text("worked_with", in.WorkedWith, false, 4000)
	v.Text("message", in.Message, false, 4000)
	v.Text("next_step", in.NextStep, false, 500)
	if in.NextStepDue != "" {
		if _, err := time.Parse("2006-01-02", in.NextStepDue); err != nil {
			v.Add("next_step_due", "validation.date", nil)
		}
	}
	v.OneOf("status", status, true, ProspectStatuses)
	if NeedsMessage(status) && in.Message == "" && !v.Has("message") {
		v.Add("message", "outreach.validation.message_required", nil)
	}
	return v.Err()
}

// ProspectStatusInput changes a prospect's status, with a note saying why.
type ProspectStatusInput struct {
	Status  string
	Note    string
	Version int
}

// Validate checks the note (the move itself is CheckStatusChange's).
func (in *ProspectStatusInput) Validate() error {
	var v Validator
	in.Note = strings.TrimSpace(in.Note)
	v.OneOf("status", in.Status, true, ProspectStatuses)
	v.Text("note", in.Note, false, 2000)
	return v.Err()
}

// ProspectStatusChange is one dated move in a prospect's history.
type ProspectStatusChange struct {
	From     string    `json:"from"`
	To       string    `json:"to"`
	Note     string    `json:"note"`
	UserID   string    `json:"user_id,omitempty"`
	UserName string    `json:"user_name,omitempty"`
	At       time.Time `json:"at"`
}

// ProspectHistoryList is a prospect's latest MaxProspectHistory status
// changes, oldest first; Cut says older ones are not listed.
type ProspectHistoryList struct {
	Changes []*ProspectStatusChange `json:"changes"`
	Cut     bool                    `json:"cut"`
}

// ProspectFilter narrows a list of prospects.
type ProspectFilter struct {
	Status string
}

// ProspectInviteInput invites a prospect's contact to the partnership.
// Email and organisation default to the prospect's.
type ProspectInviteInput struct {
	Role           string
	Email          string
	OrganisationID string
	Message        string
	Language       string
}

// ProspectColumn is one status of the pipeline with its prospects.
type ProspectColumn struct {
	Status    string      `json:"status"`
	Prospects []*Prospect `json:"prospects"`
}

// Pipeline groups prospects by status, in pipeline order; every status
// has a column, empty or not.
func Pipeline(ps []*Prospect) []*ProspectColumn {
	out := make([]*ProspectColumn, len(ProspectStatuses))
	idx := map[string]int{}
	for i, s := range ProspectStatuses {
		out[i] = &ProspectColumn{Status: s, Prospects: []*Prospect{}}
		idx[s] = i
	}
	for _, p := range ps {
		if i, ok := idx[p.Status]; ok {
			out[i].Prospects = append(out[i].Prospects, p)
		}
	}
	return out
}

// Choice is one option of a select: an ID and a name.
type Choice struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ProspectChoices are what a prospect's form offers: our points of contact
// (members and coordinators), register actors the writer may see, and
// organisations linked to the partnership.
// Each list holds at most MaxChoices by name; its Cut field says there
// were more.
type ProspectChoices struct {
	People           []Choice
	PeopleCut        bool
	Actors           []Choice
	ActorsCut        bool
	Organisations    []Choice
	OrganisationsCut bool
}
