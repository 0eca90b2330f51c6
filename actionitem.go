package partnerkit

import "time"

// ActionItem is what someone took on at a meeting: what, who, for which
// organisation, by when, and where it stands (seed 004: "records of each
// meeting with action items and names of those responsible"). The plans
// module will turn them into tasks; until then each person sees theirs
// across partnerships.
type ActionItem struct {
	ID               string `json:"id"`
	PartnershipID    string `json:"partnership_id"`
	PartnershipName  string `json:"partnership_name,omitempty"`
	MeetingID        string `json:"meeting_id"`
	MeetingTitle     string `json:"meeting_title"`
	What             string `json:"what"`
	UserID           string `json:"user_id,omitempty"`
	UserName         string `json:"user_name,omitempty"`
	OrganisationID   string `json:"organisation_id,omitempty"`
	OrganisationName string `json:"organisation_name,omitempty"`
	Due              string `json:"due,omitempty"` // YYYY-MM-DD
	Status           string `json:"status"`
	// Overdue: still open after its due date (computed on reading).
	Overdue   bool      `json:"overdue"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// The states of an action item.
const (
	ActionOpen    = "open"
	ActionDone    = "done"
	ActionDropped = "dropped"
)

// ActionStatuses lists the states.
var ActionStatuses = []string{ActionOpen, ActionDone, ActionDropped}

// ActionItemInput adds or changes an action item. The person is required
// (an action item without a name is how work gets lost); the organisation
// is optional.
type ActionItemInput struct {
	What           string
	UserID         string
	OrganisationID string
	Due            string
	Status         string
	Version        int
}

// Validate checks an action item's own fields; the store checks that the
// person and the organisation belong to the partnership.
func (in *ActionItemInput) Validate() error {
	var v Validator
	v.Text("what", in.What, true, 500)
	if in.UserID == "" {
		v.Add("user_id", "validation.required", nil)
	}
	checkDate(&v, "due", in.Due)
	v.OneOf("status", in.Status, true, ActionStatuses)
	return v.Err()
}

// IsOverdue reports whether an item is still open after its due date
// (today is YYYY-MM-DD).
func (a *ActionItem) IsOverdue(today string) bool {
	return a.Status == ActionOpen && a.Due != "" && a.Due < today
}
