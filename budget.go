package partnerkit

import (
	"sort"

	"github.com/partnerkit/partnerkit/money"
)

// Budget is the partnership's money and resources at a glance: per action
// plan, needs against pledges and deliveries and the budget against what
// was spent; for the partnership, the funding sources and the shares of
// the largest funder and of the largest contributing member (seed 000:
// "funding from a range of sources", "not a single organisation should
// dominate"). Every amount is in Settings.Currency minor units.
type Budget struct {
	Settings BudgetSettings `json:"settings"`
	Plans    []*PlanBudget  `json:"plans"`
	PlansCut bool           `json:"plans_cut"`
	// ContributionsCut says the figures were computed from the first
	// MaxContributions contributions only.
	ContributionsCut bool `json:"contributions_cut"`
	// Pledged and Delivered add the value of every contribution that was
	// not withdrawn (money, and the estimated value of the rest).
	Pledged        int64 `json:"pledged"`
	Delivered      int64 `json:"delivered"`
	HoursPledged   int   `json:"hours_pledged"`
	HoursDelivered int   `json:"hours_delivered"`
	// ByKind counts and adds contributions kind by kind.
	ByKind []*KindTotal `json:"by_kind"`
	// Sources are the funders of money contributions, largest first.
	Sources []*FundingSource `json:"sources"`
	// LargestFunder is of money pledged; LargestMember of the value every
	// member organisation pledged (money and estimated value).
	LargestFunder money.Largest `json:"largest_funder"`
	LargestMember money.Largest `json:"largest_member"`
	// Threshold is the share above which one hand dominates.
	Threshold money.BasisPoints `json:"threshold_bp"`
}

// PlanBudget is one plan's figures. Need is the sum of its budget lines.
type PlanBudget struct {
	PlanID   string         `json:"plan_id"`
	Title    string         `json:"title"`
	Coverage money.Coverage `json:"coverage"`
	Balance  money.Balance  `json:"balance"`
	// HoursNeeded is the staffing needs' hours per month, for comparison
	// with the staff hours pledged.
	HoursNeeded    int `json:"hours_needed_per_month"`
	HoursPledged   int `json:"hours_pledged"`
	HoursDelivered int `json:"hours_delivered"`
	// OtherCurrency: the plan's budget lines are in another currency than
	// the partnership's, so its need is left out rather than mixed in.
	OtherCurrency string `json:"other_currency,omitempty"`
}

// KindTotal is the contributions of one kind.
type KindTotal struct {
	Kind      string `json:"kind"`
	KindText  string `json:"kind_text"`
	Count     int    `json:"count"`
	Pledged   int64  `json:"pledged"`
	Delivered int64  `json:"delivered"`
	Hours     int    `json:"hours"`
}

// FundingSource is one funder of money contributions: a named funder, or
// an organisation's own funds (Own, named by the organisation).
type FundingSource struct {
	Name      string            `json:"name"`
	Own       bool              `json:"own"`
	Pledged   int64             `json:"pledged"`
	Delivered int64             `json:"delivered"`
	Share     money.BasisPoints `json:"share_bp"`
}

// PlanNeeds is what the store reads of one plan for the budget.
type PlanNeeds struct {
	PlanID, Title, Currency string
	Need, Spent             int64
	HoursNeeded             int
}

// BuildBudget computes the budget from the plans' needs and spending and
// the contributions (pure; the store reads, this adds). A withdrawn
// contribution counts for nothing. It fails only on overflow, which the
// bounds on amounts and list lengths rule out.
func BuildBudget(settings BudgetSettings, plans []PlanNeeds, contributions []*Contribution) (*Budget, error) {
	b := &Budget{Settings: settings, Threshold: money.DominanceThreshold}
	type sums struct {
		pledged, delivered int64
		hours, hoursDone   int
	}
	perPlan := map[string]*sums{}
	kinds := map[string]*KindTotal{}
	funders := map[string]*FundingSource{}
	members := map[string]int64{}
	var err error
	add := func(to *int64, n int64) {
		if err == nil {
			*to, err = money.Add(*to, n)
		}
	}
	for _, c := range contributions {
		if !c.Counts() {
			continue
		}
		k := kinds[c.Kind]
		if k == nil {
			k = &KindTotal{Kind: c.Kind, KindText: "contributions.kind." + c.Kind}
			kinds[c.Kind] = k
		}
		k.Count++
		add(&k.Pledged, c.Amount)
		add(&k.Delivered, c.AmountDelivered)
		add(&b.Pledged, c.Amount)
		add(&b.Delivered, c.AmountDelivered)
		if c.Kind == ContributionStaffHours {
			k.Hours += c.Hours
			b.HoursPledged += c.Hours
			b.HoursDelivered += c.HoursDelivered
		}
		var member int64 = members[c.OrganisationName]
		add(&member, c.Amount)
		members[c.OrganisationName] = member
		if c.Kind == ContributionMoney {
			name, own := c.Funder, c.Funder == ""
			if own {
				name = c.OrganisationName
			}
			key := name
			if own {
				key = "\x00" + name // an organisation's own funds and a funder of the same name stay apart
			}
			f := funders[key]
			if f == nil {
				f = &FundingSource{Name: name, Own: own}
				funders[key] = f
			}
			add(&f.Pledged, c.Amount)
			add(&f.Delivered, c.AmountDelivered)
		}
		if c.PlanID != "" {
			s := perPlan[c.PlanID]
			if s == nil {
				s = &sums{}
				perPlan[c.PlanID] = s
			}
			add(&s.pledged, c.Amount)
			add(&s.delivered, c.AmountDelivered)
			s.hours += c.Hours
			s.hoursDone += c.HoursDelivered
		}
	}
	if err != nil {
		return nil, err
	}
	for _, p := range plans {
		s := perPlan[p.PlanID]
		if s == nil {
			s = &sums{}
		}
		pb := &PlanBudget{PlanID: p.PlanID, Title: p.Title, HoursNeeded: p.HoursNeeded, HoursPledged: s.hours, HoursDelivered: s.hoursDone}
		need := p.Need
		if p.Currency != "" && p.Currency != settings.Currency {
			pb.OtherCurrency, need = p.Currency, 0
		}
		pb.Coverage = money.CoverageOf(need, s.pledged, s.delivered)
		if pb.Balance, err = money.BalanceOf(need, p.Spent); err != nil {
			return nil, err
		}
		b.Plans = append(b.Plans, pb)
	}
	for _, kind := range ContributionKinds {
		if k := kinds[kind]; k != nil {
			b.ByKind = append(b.ByKind, k)
		}
	}
	var funderParts, memberParts []money.Part
	var moneyTotal int64
	for _, f := range funders {
		b.Sources = append(b.Sources, f)
		funderParts = append(funderParts, money.Part{Key: f.Name, Amount: f.Pledged})
		add(&moneyTotal, f.Pledged)
	}
	for _, f := range b.Sources {
		f.Share = money.Share(f.Pledged, moneyTotal)
	}
	sort.Slice(b.Sources, func(i, j int) bool {
		if b.Sources[i].Pledged != b.Sources[j].Pledged {
			return b.Sources[i].Pledged > b.Sources[j].Pledged
		}
		return b.Sources[i].Name < b.Sources[j].Name
	})
	for name, n := range members {
		memberParts = append(memberParts, money.Part{Key: name, Amount: n})
	}
	if err != nil {
		return nil, err
	}
	if b.LargestFunder, err = money.LargestOf(funderParts); err != nil {
		return nil, err
	}
	if b.LargestMember, err = money.LargestOf(memberParts); err != nil {
		return nil, err
	}
	return b, nil
}
