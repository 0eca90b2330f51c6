package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// Profile gathers the partnership profile. Observers may read it; the
// prospects section is there only for those who may see prospects.
func (store *PreparationStore) Profile(ctx context.Context, pid string) (*pk.PartnershipProfile, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewPreparation)
	if err != nil {
		return nil, err
	}
	out := &pk.PartnershipProfile{Partnership: p, GeneratedAt: store.db.now()}
	if out.FormAdvice, err = store.FormAdvice(ctx, pid); err != nil {
		return nil, err
	}
	if out.TheoryOfChange, err = store.TheoryOfChange(ctx, pid); err != nil {
		return nil, err
	}
	if out.Readiness, err = store.Readiness(ctx, pid); err != nil {
		return nil, err
	}
	v, err := store.db.Playbooks.Playbook(ctx, pid)
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
		if out.Prospects, _, err = store.db.Prospects.PipelineProspects(ctx, pid); err != nil {
			return nil, err
		}
	}
	return out, nil
}
