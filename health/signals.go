package health

import (
	"cmp"
	"slices"
)

// States of a signal.
const (
	// Fires: what members do points to a problem with the signal's item.
	Fires = "fires"
	// Fine: what members do does not point to one.
	Fine = "fine"
	// NoData: too little has been recorded to judge (the message says what).
	NoData = "no_data"
)

// The signals' thresholds, documented in docs/health.md.
const (
	// DominanceMargin: the largest member organisation's share fires when
	// it is this far above an even share (1/n): with 4 members, above 50 %.
	DominanceMargin = 0.25
	// GiniFires: participation is unequal from this Gini coefficient on.
	GiniFires = 0.4
	// MinEvents is the fewest tasks, proposals, votes, … a share or a Gini
	// is computed from.
	MinEvents = 5
	// AttendanceDrop fires when the mean attendance rate of the last
	// AttendanceWindow meetings is this far below that of the window before.
	AttendanceDrop   = 0.15
	AttendanceWindow = 3
	// OverdueFires: the share of open tasks and action items past their due
	// date from which the signal fires.
	OverdueFires = 0.2
	// MinPeople is the small-number rule for the self-declared profile
	// fields: a share is computed only over at least this many people.
	MinPeople = 5
	// LivedShareBelow and YoungShareBelow: the share of roles or votes held
	// by people who declared lived experience of migration, or being young,
	// below which the signal fires.
	LivedShareBelow = 0.2
	YoungShareBelow = 0.2
	// FundingShareAbove: funding from one source above this share fires;
	// so does fewer than MinFundingSources sources.
	FundingShareAbove = 0.6
	MinFundingSources = 2
)

// Signal is one behaviour signal, tied to a health item. The message is
// "health.signal.<Key>.<State>" with the fields below as its arguments.
type Signal struct {
	Key   string `json:"key"`
	Item  string `json:"item"`
	State string `json:"state"`
	// Value is the share, Gini coefficient or change the signal measured
	// (0–1); Threshold the value it is compared with.
	Value     float64 `json:"value"`
	Threshold float64 `json:"threshold"`
	// Org is the largest member organisation of a dominance signal, or the
	// largest source of funding (an organisation ID or a funder's name).
	Org string `json:"organisation_id,omitempty"`
	// N is how many tasks, votes, people, meetings … it was computed from.
	N int `json:"n"`
	// Of is the total a count is out of (overdue items of open ones,
	// organisations that signed of members).
	Of int `json:"of"`
}

// Counts are events per member organisation (tasks held, money given,
// proposals brought, chairs held, meetings attended, votes cast).
type Counts map[string]float64

// Profile shares: how many of the people holding roles (or casting votes)
// declared lived experience of migration, or being young, out of all of
// them.
type Profile struct {
	People, Lived, Young int
}

// Input is what the store counted, one aggregate query per line.
type Input struct {
	// Orgs are the active member organisations; an organisation with no
	// events counts as zero in a Gini.
	Orgs                            []string
	Tasks, Money, Proposals, Chairs Counts
	Attendance, Votes               Counts
	// AttendanceRates is each past meeting's share of those expected who
	// were present, oldest first.
	AttendanceRates []float64
	// Overdue of Open tasks and action items.
	Overdue, Open int
	Roles, Voters Profile
	// Agreement: whether one is in force (circulated or signed), and how
	// many member organisations have signed its current text.
	HasAgreement    bool
	Signed, Members int
	// Funding is money by source (members' contributions and other
	// funders). HasMoney is false where the partnership keeps no record of
	// money: the two money signals are then left out, not shown as empty.
	Funding  Counts
	HasMoney bool
}

// Signals computes every signal from in, in a fixed order.
func Signals(in Input) []Signal {
	out := []Signal{
		dominance("dominance_tasks", "equal_opportunity", in.Orgs, in.Tasks),
		dominance("dominance_proposals", "equal_opportunity", in.Orgs, in.Proposals),
		dominance("dominance_chairs", "equal_presence", in.Orgs, in.Chairs),
		gini("gini_tasks", "sharing", in.Orgs, in.Tasks),
		gini("gini_attendance", "equal_presence", in.Orgs, in.Attendance),
		gini("gini_votes", "equal_opportunity", in.Orgs, in.Votes),
		attendanceTrend(in.AttendanceRates),
		overdue(in.Overdue, in.Open),
		share("lived_roles", "ownership", in.Roles.People, in.Roles.Lived, LivedShareBelow),
		share("lived_votes", "inclusion", in.Voters.People, in.Voters.Lived, LivedShareBelow),
		share("young_roles", "ownership", in.Roles.People, in.Roles.Young, YoungShareBelow),
		share("young_votes", "inclusion", in.Voters.People, in.Voters.Young, YoungShareBelow),
		agreementSigned(in.HasAgreement, in.Signed, in.Members),
	}
	if in.HasMoney {
		out = append(out, dominance("dominance_money", "influence_not_money", in.Orgs, in.Money), funding(in.Funding))
	}
	return out
}

// total adds the counts of the member organisations only.
func total(orgs []string, c Counts) float64 {
	var t float64
	for _, o := range orgs {
		t += c[o]
	}
	return t
}

// dominance fires when the largest member organisation's share of c is more
// than DominanceMargin above an even share.
func dominance(key, item string, orgs []string, c Counts) Signal {
	s := Signal{Key: key, Item: item, State: NoData}
	t := total(orgs, c)
	s.N = int(t)
	if len(orgs) < 2 || t < MinEvents {
		return s
	}
	s.Threshold = round2(1/float64(len(orgs)) + DominanceMargin)
	for _, o := range orgs { // the first of equals, in the given order
		if c[o] > c[s.Org] || s.Org == "" {
			s.Org = o
		}
	}
	s.Value = round2(c[s.Org] / t)
	s.State = Fine
	if c[s.Org]/t > 1/float64(len(orgs))+DominanceMargin {
		s.State = Fires
	}
	return s
}

// Gini is the Gini coefficient of the values (0: all equal; close to 1: one
// holds all), by the sorted-rank formula; 0 for an empty or all-zero list.
func Gini(values []float64) float64 {
	n := len(values)
	if n == 0 {
		return 0
	}
	x := slices.Clone(values)
	slices.Sort(x)
	var sum, weighted float64
	for i, v := range x {
		sum += v
		weighted += float64(i+1) * v
	}
	if sum == 0 {
		return 0
	}
	return round2((2*weighted)/(float64(n)*sum) - float64(n+1)/float64(n))
}

func gini(key, item string, orgs []string, c Counts) Signal {
	s := Signal{Key: key, Item: item, State: NoData, Threshold: GiniFires}
	t := total(orgs, c)
	s.N = int(t)
	if len(orgs) < 2 || t < MinEvents {
		return s
	}
	values := make([]float64, len(orgs))
	for i, o := range orgs {
		values[i] = c[o]
	}
	s.Value = Gini(values)
	s.State = Fine
	if s.Value >= GiniFires {
		s.State = Fires
	}
	return s
}

func mean(xs []float64) float64 {
	var t float64
	for _, x := range xs {
		t += x
	}
	return t / float64(len(xs))
}

// attendanceTrend compares the last AttendanceWindow meetings with the
// window before; Value is the change (negative: fewer came).
func attendanceTrend(rates []float64) Signal {
	s := Signal{Key: "attendance_trend", Item: "rules_kept", State: NoData, Threshold: -AttendanceDrop, N: len(rates)}
	w := AttendanceWindow
	if len(rates) < w+1 {
		return s
	}
	last := rates[len(rates)-w:]
	before := rates[max(0, len(rates)-2*w) : len(rates)-w]
	s.Value = round2(mean(last) - mean(before))
	s.State = Fine
	if s.Value <= -AttendanceDrop {
		s.State = Fires
	}
	return s
}

func overdue(n, open int) Signal {
	s := Signal{Key: "overdue", Item: "roles_clear", State: NoData, Threshold: OverdueFires, N: n, Of: open}
	if open == 0 {
		return s
	}
	s.Value = round2(float64(n) / float64(open))
	s.State = Fine
	if float64(n)/float64(open) >= OverdueFires {
		s.State = Fires
	}
	return s
}

// share is a self-declared profile share: computed only over MinPeople or
// more, so that it never tells one person's answer.
func share(key, item string, people, yes int, below float64) Signal {
	s := Signal{Key: key, Item: item, State: NoData, Threshold: below, N: people}
	if people < MinPeople {
		return s
	}
	s.Value = round2(float64(yes) / float64(people))
	s.State = Fine
	if float64(yes)/float64(people) < below {
		s.State = Fires
	}
	return s
}

func agreementSigned(has bool, signed, members int) Signal {
	s := Signal{Key: "agreement_signed", Item: "agreement", State: NoData, N: signed, Of: members, Threshold: 1}
	if members == 0 {
		return s
	}
	s.State = Fires
	if has {
		s.Value = round2(float64(signed) / float64(members))
		if signed >= members {
			s.State = Fine
		}
	}
	return s
}

// funding fires when one source gives more than FundingShareAbove of the
// money, or there are fewer than MinFundingSources sources.
func funding(c Counts) Signal {
	s := Signal{Key: "funding_range", Item: "funding_range", State: NoData, Threshold: FundingShareAbove}
	var t, largest float64
	keys := make([]string, 0, len(c))
	for k, v := range c {
		if v > 0 {
			keys = append(keys, k)
			t += v
		}
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(c[b], c[a]), cmp.Compare(a, b)) })
	s.N = len(keys)
	if t == 0 {
		return s
	}
	largest = c[keys[0]]
	s.Org = keys[0]
	s.Value = round2(largest / t)
	s.State = Fine
	if largest/t > FundingShareAbove || len(keys) < MinFundingSources {
		s.State = Fires
	}
	return s
}

// Disagreement says where the members' own rating of an item and the
// signals tied to it point different ways: rated green while a signal
// fires, or rated red while every signal that could judge is fine. That is
// the conversation to have.
func Disagreement(a Aggregate, signals []Signal) bool {
	fires, fine := 0, 0
	for _, s := range signals {
		if s.Item != a.Item {
			continue
		}
		switch s.State {
		case Fires:
			fires++
		case Fine:
			fine++
		}
	}
	return (a.Colour == Green && fires > 0) || (a.Colour == Red && fires == 0 && fine > 0)
}
