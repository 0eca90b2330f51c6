package partnerkit

import "time"

// PartnershipProfile is the printable partnership profile: purpose and form (with
// the form advice), theory of change, start-up checklist result, playbook
// progress and, for members and coordinators, the prospects by status.
type PartnershipProfile struct {
	Partnership    *Partnership     `json:"partnership"`
	FormAdvice     *FormAdvice      `json:"form_advice"`
	TheoryOfChange *TheoryOfChange  `json:"theory_of_change"`
	Readiness      *Readiness       `json:"readiness"`
	Playbook       *ProfilePlaybook `json:"playbook"`
	// Prospects are members' data: nil (and left out) for observers.
	Prospects   []*ProspectColumn `json:"prospects,omitempty"`
	GeneratedAt time.Time         `json:"generated_at"`
}

// ProfilePlaybook is the playbook progress as the profile shows it.
type ProfilePlaybook struct {
	Playbook   string                 `json:"playbook"`
	Name       string                 `json:"name"`   // message ID
	Source     string                 `json:"source"` // message ID
	Current    string                 `json:"current_stage"`
	Percent    int                    `json:"percent"`
	StepsDone  int                    `json:"steps_done"`
	StepsTotal int                    `json:"steps_total"`
	Stages     []ProfilePlaybookStage `json:"stages"`
}

// ProfilePlaybookStage is one stage's progress.
type ProfilePlaybookStage struct {
	ID       string `json:"id"`
	Title    string `json:"title"` // message ID
	Percent  int    `json:"percent"`
	Complete bool   `json:"complete"`
	Current  bool   `json:"current"`
}
