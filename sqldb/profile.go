package sqldb

import (
	"context"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// Profile is the printable partnership profile: purpose and form (with
// the form advice), theory of change, start-up checklist result, playbook
// progress and, for members and coordinators, the prospects by status.
type Profile struct {
	Partnership    *pk.Partnership    `json:"partnership"`
	FormAdvice     *pk.FormAdvice     `json:"form_advice"`
	TheoryOfChange *pk.TheoryOfChange `json:"theory_of_change"`
	Readiness      *pk.Readiness      `json:"readiness"`
	Playbook       *ProfilePlaybook   `json:"playbook"`
	// Prospects are members' data: nil (and left out) for observers.
	Prospects   []*pk.ProspectColumn `json:"prospects,omitempty"`
	GeneratedAt time.Time            `json:"generated_at"`
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

// Profile gathers the partnership profile. Observers may read it; the
// prospects section is there only for those who may see prospects.
func (db *DB) Profile(ctx context.Context, pid string) (*Profile, error) {
	p, err := db.authorize(ctx, db.read, pid, pk.ActionViewPreparation)
	if err != nil {
		return nil, err
	}
	out := &Profile{Partnership: p, GeneratedAt: db.now()}
	if out.FormAdvice, err = db.FormAdvice(ctx, pid); err != nil {
		return nil, err
	}
	if out.TheoryOfChange, err = db.TheoryOfChange(ctx, pid); err != nil {
		return nil, err
	}
	if out.Readiness, err = db.Readiness(ctx, pid); err != nil {
		return nil, err
	}
	v, err := db.Playbook(ctx, pid)
	if err != nil {
		return nil, err
	}
	pb := &ProfilePlaybook{Playbook: v.Playbook, Name: v.Name, Source: v.Source, Current: v.Current, Percent: v.Percent,
		StepsDone: v.StepsDone, StepsTotal: v.StepsTotal, Stages: []ProfilePlaybookStage{}}
	for _, st := range v.Stages {
		pb.Stages = append(pb.Stages, ProfilePlaybookStage{ID: st.ID, Title: st.Title, Percent: st.Percent, Complete: st.Complete, Current: st.Current})
	}
	out.Playbook = pb
	if pk.Can(p.MyRole, pk.ActionViewProspects) {
		if out.Prospects, _, err = db.PipelineProspects(ctx, pid); err != nil {
			return nil, err
		}
	}
	return out, nil
}
