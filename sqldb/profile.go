package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// Profile gathers the partnership profile. Observers may read it; the
// prospects section is there only for those who may see prospects.
func (db *DB) Profile(ctx context.Context, pid string) (*pk.PartnershipProfile, error) {
	p, err := db.authorize(ctx, db.read, pid, pk.ActionViewPreparation)
	if err != nil {
		return nil, err
	}
	out := &pk.PartnershipProfile{Partnership: p, GeneratedAt: db.now()}
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
	pb := &pk.ProfilePlaybook{Playbook: v.Playbook, Name: v.Name, Source: v.Source, Current: v.Current, Percent: v.Percent,
		StepsDone: v.StepsDone, StepsTotal: v.StepsTotal, Stages: []pk.ProfilePlaybookStage{}}
	for _, st := range v.Stages {
		pb.Stages = append(pb.Stages, pk.ProfilePlaybookStage{ID: st.ID, Title: st.Title, Percent: st.Percent, Complete: st.Complete, Current: st.Current})
	}
	out.Playbook = pb
	if pk.Can(p.MyRole, pk.ActionViewProspects) {
		if out.Prospects, _, err = db.PipelineProspects(ctx, pid); err != nil {
			return nil, err
		}
	}
	return out, nil
}
