package partnerkit

import (
	"time"
)

// AuditEntry records who changed what in a partnership, when, with a short
// before and after.
type AuditEntry struct {
	ID          string    `json:"id"`
	UserID      string    `json:"user_id"`
	UserName    string    `json:"user_name"`
	Action      string    `json:"action"`
	SubjectType string    `json:"subject_type"`
	SubjectID   string    `json:"subject_id"`
	Summary     string    `json:"summary"`
	Before      string    `json:"before,omitempty"`
	After       string    `json:"after,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}
