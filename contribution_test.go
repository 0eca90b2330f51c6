package partnerkit

import (
	"testing"

	"github.com/partnerkit/partnerkit/money"
)

func TestContributionStatus(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		c    Contribution
		want string
	}{
		{Contribution{Kind: "money", Amount: 100}, ContributionPledged},
		{Contribution{Kind: "money", Amount: 100, AmountDelivered: 40, DeliveredOn: "2026-02-01"}, ContributionPartial},
		{Contribution{Kind: "money", Amount: 100, AmountDelivered: 100, DeliveredOn: "2026-02-01"}, ContributionDelivered},
		{Contribution{Kind: "money", Amount: 100, AmountDelivered: 120, DeliveredOn: "2026-02-01"}, ContributionDelivered},
		{Contribution{Kind: "venue", DeliveredOn: "2026-02-01"}, ContributionDelivered},
		{Contribution{Kind: "staff_hours", Hours: 40, HoursDelivered: 39, DeliveredOn: "2026-02-01"}, ContributionPartial},
		{Contribution{Kind: "staff_hours", Hours: 40, HoursDelivered: 40, DeliveredOn: "2026-02-01"}, ContributionDelivered},
		{Contribution{Kind: "money", Amount: 100, AmountDelivered: 100, DeliveredOn: "2026-02-01", Withdrawn: true}, ContributionWithdrawn},
	} {
		if got := ContributionStatus(&c.c); got != c.want {
			t.Errorf("%+v: %s, want %s", c.c, got, c.want)
		}
	}
}

func TestContributionInputValidate(t *testing.T) {
	t.Parallel()
	ok := ContributionInput{OrganisationID: "o", Kind: "money", Amount: 1, PledgedOn: "2026-01-31"}
	for _, c := range []struct {
		name  string
		edit  func(*ContributionInput)
		field string
	}{
		{"fine", func(*ContributionInput) {}, ""},
		{"no organisation", func(in *ContributionInput) { in.OrganisationID = " " }, "organisation_id"},
		{"unknown kind", func(in *ContributionInput) { in.Kind = "gold" }, "kind"},
		{"money needs an amount", func(in *ContributionInput) { in.Amount = 0 }, "amount"},
		{"negative", func(in *ContributionInput) { in.Amount = -1 }, "amount"},
		{"largest", func(in *ContributionInput) { in.Amount = MaxContributionAmount }, ""},
		{"too large", func(in *ContributionInput) { in.Amount = MaxContributionAmount + 1 }, "amount"},
		{"hours only for staff", func(in *ContributionInput) { in.Hours = 3 }, "hours"},
		{"staff hours need hours", func(in *ContributionInput) { in.Kind, in.Amount, in.Description = "staff_hours", 0, "x" }, "hours"},
		{"funder only on money", func(in *ContributionInput) { in.Kind, in.Funder, in.Description = "venue", "EU", "hall" }, "funder"},
		{"in kind needs a description", func(in *ContributionInput) { in.Kind = "in_kind" }, "description"},
		{"no pledge date", func(in *ContributionInput) { in.PledgedOn = "" }, "pledged_on"},
		{"bad date", func(in *ContributionInput) { in.PledgedOn = "2026-02-30" }, "pledged_on"},
		{"delivered before pledged", func(in *ContributionInput) { in.DeliveredOn = "2026-01-30" }, "delivered_on"},
		{"delivered the same day", func(in *ContributionInput) { in.DeliveredOn = "2026-01-31" }, ""},
		{"delivered amount without a date", func(in *ContributionInput) { in.AmountDelivered = 1 }, "delivered_on"},
	} {
		in := ok
		c.edit(&in)
		err := in.Validate()
		if c.field == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		e, isErr := AsError(err)
		found := false
		if isErr {
			for _, f := range e.Fields {
				found = found || f.Field == c.field
			}
		}
		if !found {
			t.Errorf("%s: want an error on %s, got %v", c.name, c.field, err)
		}
	}
}

func TestBudgetSettingsValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		cur, tz string
		ok      bool
	}{
		{"eur", "Europe/Berlin", true}, {"JOD", "Asia/Amman", true}, {"XYZ", "UTC", false},
		{"EUR", "", false}, {"EUR", "Mars/Olympus", false},
	} {
		in := BudgetSettingsInput{Currency: c.cur, TimeZone: c.tz}
		if err := in.Validate(); (err == nil) != c.ok {
			t.Errorf("%s %s: %v", c.cur, c.tz, err)
		}
	}
}

// The budget adds contributions in minor units, per plan and for the
// partnership, leaves withdrawn pledges out, and finds the largest funder
// and member.
func TestBuildBudget(t *testing.T) {
	t.Parallel()
	cs := []*Contribution{
		{OrganisationName: "Amal", PlanID: "p1", Kind: "money", Amount: 600_000, AmountDelivered: 250_000, Funder: "EU grant"},
		{OrganisationName: "Amal", PlanID: "p1", Kind: "money", Amount: 100_001},
		{OrganisationName: "Jasmine", PlanID: "p1", Kind: "staff_hours", Hours: 40, HoursDelivered: 10},
		{OrganisationName: "Jasmine", Kind: "venue", Amount: 50_000, AmountDelivered: 50_000},
		{OrganisationName: "Cedar", Kind: "money", Amount: 300_000, Funder: "EU grant"},
		{OrganisationName: "Cedar", PlanID: "p2", Kind: "money", Amount: 999_999, Withdrawn: true},
	}
	plans := []PlanNeeds{
		{PlanID: "p1", Title: "Clinic", Currency: "EUR", Need: 1_000_000, Spent: 1_200_000, HoursNeeded: 20},
		{PlanID: "p2", Title: "Campaign", Currency: "EUR", Need: 0},
		{PlanID: "p3", Title: "Elsewhere", Currency: "JOD", Need: 5_000},
	}
	b, err := BuildBudget(BudgetSettings{Currency: "EUR"}, plans, cs)
	if err != nil {
		t.Fatal(err)
	}
	if b.Pledged != 1_050_001 || b.Delivered != 300_000 || b.HoursPledged != 40 || b.HoursDelivered != 10 {
		t.Errorf("totals: %+v", b)
	}
	p1 := b.Plans[0]
	if p1.Coverage != money.CoverageOf(1_000_000, 700_001, 250_000) || p1.HoursPledged != 40 {
		t.Errorf("p1 coverage %+v", p1)
	}
	if !p1.Balance.Overspent || p1.Balance.Remaining != -200_000 {
		t.Errorf("p1 balance %+v", p1.Balance)
	}
	if b.Plans[1].Coverage.Pledged != 0 {
		t.Errorf("withdrawn counted: %+v", b.Plans[1])
	}
	if b.Plans[2].OtherCurrency != "JOD" || b.Plans[2].Coverage.Need != 0 {
		t.Errorf("other currency mixed in: %+v", b.Plans[2])
	}
	// Money: EU grant 900 000, Amal's own funds 100 001: the EU grant
	// holds 89.99 % and dominates.
	if len(b.Sources) != 2 || b.Sources[0].Name != "EU grant" || b.Sources[1].Name != "Amal" || !b.Sources[1].Own {
		t.Fatalf("sources %+v %+v", b.Sources[0], b.Sources)
	}
	if b.LargestFunder.Key != "EU grant" || b.LargestFunder.Share != 8999 || !b.LargestFunder.Dominant {
		t.Errorf("largest funder %+v", b.LargestFunder)
	}
	// Members: Amal 700 001, Cedar 300 000, Jasmine 50 000 of 1 050 001.
	if b.LargestMember.Key != "Amal" || b.LargestMember.Share != 6666 || !b.LargestMember.Dominant {
		t.Errorf("largest member %+v", b.LargestMember)
	}
	if len(b.ByKind) != 3 || b.ByKind[0].Kind != "money" || b.ByKind[0].Count != 3 {
		t.Errorf("by kind %+v", b.ByKind[0])
	}
}

func TestBuildBudgetEmpty(t *testing.T) {
	t.Parallel()
	b, err := BuildBudget(BudgetSettings{Currency: "XOF"}, nil, nil)
	if err != nil || b.LargestFunder.Dominant || b.LargestMember.Share != 0 || len(b.Sources) != 0 {
		t.Errorf("%+v %v", b, err)
	}
}
