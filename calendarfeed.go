package partnerkit

import "time"

// CalendarFeed is a person's private calendar subscription: a secret
// address serving the meetings of the bodies they sit in and the open
// meetings of their partnerships. The secret is kept hashed, so it is in
// the answer that makes it and nowhere else; renewing replaces it and
// revoking ends it.
type CalendarFeed struct {
	Active    bool       `json:"active"`
	CreatedAt *time.Time `json:"created_at,omitempty"`
	// Secret is set only in the answer that made it.
	Secret string `json:"-"`
}

// CalendarMeeting is one meeting in a feed, with its partnership and its
// agenda (for the event's description).
type CalendarMeeting struct {
	Meeting         *Meeting
	PartnershipID   string
	PartnershipName string
	Agenda          []*AgendaItem
}
