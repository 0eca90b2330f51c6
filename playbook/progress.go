package playbook

// NextLimit caps Report.Next: a short list to act on, not the whole playbook.
const NextLimit = 10

// State is what a partnership has done in one playbook, as storage keeps it
// (keyed by playbook ID). IDs the playbook does not know (from another
// playbook, or from a step since removed) are ignored.
type State struct {
	DoneSteps    map[string]bool // step ID → done
	Answered     map[string]bool // question ID → answered
	CurrentStage string          // stage the partnership chose to work on; "" for automatic
}

// Report is the progress through one playbook.
//
// Percentages count steps only: a step is the unit of work, and its guiding
// questions help to do it well but never block it. So a stage is Complete
// exactly when its Percent is 100, and questions answered are reported
// beside it as counts. Percentages are rounded down, so 100 means all done.
type Report struct {
	Playbook string
	Stages   []StageProgress

	StepsDone, StepsTotal             int
	QuestionsAnswered, QuestionsTotal int
	Percent                           int  // 0–100, steps done / steps in the playbook
	Complete                          bool // every step of every stage done

	// Current is the stage being worked on: the stored one if it is a stage
	// of this playbook, else the first incomplete stage, else (all done) the
	// last stage.
	Current string
	// CanAdvance: the current stage is complete and another stage follows it.
	CanAdvance bool
	// Next lists what is still open from the current stage onward: in each
	// stage its open steps first, then its unanswered questions, each in
	// playbook order; stages before Current are left out. At most NextLimit.
	Next []Item
}

// StageProgress is the progress through one stage.
type StageProgress struct {
	ID                                string
	StepsDone, StepsTotal             int
	QuestionsAnswered, QuestionsTotal int
	Percent                           int // 0–100, steps only
	Complete                          bool
}

// Item is one open piece of work in Report.Next: a step (Question empty) or
// a guiding question of that step.
type Item struct {
	Stage    string
	Step     string
	Question string // "" when the item is the step itself
	Key      string // message ID to show: the step's title or the question's text
	Page     string // the step's page, if any
}

// Progress measures s against p. It is pure: the same inputs give the same
// report.
func Progress(p *Playbook, s State) Report {
	r := Report{Playbook: p.ID, Stages: make([]StageProgress, len(p.Stages))}
	firstOpen := ""
	for i, st := range p.Stages {
		sp := StageProgress{ID: st.ID, StepsTotal: len(st.Steps)}
		for _, step := range st.Steps {
			if s.DoneSteps[step.ID] {
				sp.StepsDone++
			}
			sp.QuestionsTotal += len(step.Questions)
			for _, q := range step.Questions {
				if s.Answered[q.ID] {
					sp.QuestionsAnswered++
				}
			}
		}
		sp.Percent = percent(sp.StepsDone, sp.StepsTotal)
		sp.Complete = sp.StepsDone == sp.StepsTotal
		if !sp.Complete && firstOpen == "" {
			firstOpen = st.ID
		}
		r.StepsDone += sp.StepsDone
		r.StepsTotal += sp.StepsTotal
		r.QuestionsAnswered += sp.QuestionsAnswered
		r.QuestionsTotal += sp.QuestionsTotal
		r.Stages[i] = sp
	}
	r.Percent = percent(r.StepsDone, r.StepsTotal)
	r.Complete = r.StepsDone == r.StepsTotal

	cur := -1
	for i, st := range p.Stages {
		if s.CurrentStage != "" && st.ID == s.CurrentStage {
			cur = i
		}
	}
	if cur < 0 {
		for i, st := range p.Stages {
			if st.ID == firstOpen {
				cur = i
			}
		}
	}
	if cur < 0 {
		cur = len(p.Stages) - 1
	}
	if cur < 0 {
		return r // no stages: nothing to do (Validate refuses such a playbook)
	}
	r.Current = p.Stages[cur].ID
	r.CanAdvance = r.Stages[cur].Complete && cur+1 < len(p.Stages)
	r.Next = next(p, s, cur)
	return r
}

func next(p *Playbook, s State, from int) []Item {
	var out []Item
	add := func(it Item) bool {
		if len(out) == NextLimit {
			return false
		}
		out = append(out, it)
		return true
	}
	for _, st := range p.Stages[from:] {
		for _, step := range st.Steps {
			if !s.DoneSteps[step.ID] && !add(Item{Stage: st.ID, Step: step.ID, Key: step.TitleKey, Page: step.Page}) {
				return out
			}
		}
		for _, step := range st.Steps {
			for _, q := range step.Questions {
				if !s.Answered[q.ID] && !add(Item{Stage: st.ID, Step: step.ID, Question: q.ID, Key: q.TextKey, Page: step.Page}) {
					return out
				}
			}
		}
	}
	return out
}

// NextStage returns the ID of the stage after current, and false when
// current is the last stage or not a stage of p.
func NextStage(p *Playbook, current string) (string, bool) {
	for i, st := range p.Stages {
		if st.ID == current {
			if i+1 < len(p.Stages) {
				return p.Stages[i+1].ID, true
			}
			return "", false
		}
	}
	return "", false
}

func percent(done, total int) int {
	if total == 0 {
		return 100 // nothing to do is done
	}
	return done * 100 / total
}
