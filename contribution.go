package partnerkit

import (
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/money"
)

// Contribution is what a member organisation offers the partnership, or
// one of its action plans (seed 001, activity 11: "the contributions of
// each member to support the initiative's mission"). It is pledged first
// and delivered later, in part or in full, or withdrawn.
//
// Every money amount is in minor units of the partnership's one currency
// (BudgetSettings.Currency): contributions in another currency are
// converted by the person recording them, so sums stay exact and honest.
type Contribution struct {
	ID               string `json:"id"`
	OrganisationID   string `json:"organisation_id"`
	OrganisationName string `json:"organisation_name"`
	// PlanID is empty for a contribution to the partnership as a whole.
	PlanID    string `json:"plan_id,omitempty"`
	PlanTitle string `json:"plan_title,omitempty"`
	Kind      string `json:"kind"`
	// KindText is the kind's catalogue key, answered in the asker's language.
	KindText    string `json:"kind_text"`
	Description string `json:"description"`
	// Funder names where money comes from ("EU grant via Amal Network");
	// empty means the organisation's own funds.
	Funder string `json:"funder,omitempty"`
	// Amount is the pledged money, or the estimated value of anything else
	// (optional), in minor units; AmountDelivered what has arrived.
	Amount          int64 `json:"amount"`
	AmountDelivered int64 `json:"amount_delivered"`
	// Hours pledged and delivered, for staff hours.
	Hours          int    `json:"hours"`
	HoursDelivered int    `json:"hours_delivered"`
	Currency       string `json:"currency"`
	PledgedOn      string `json:"pledged_on"`             // YYYY-MM-DD
	DeliveredOn    string `json:"delivered_on,omitempty"` // YYYY-MM-DD, the latest delivery
	Withdrawn      bool   `json:"withdrawn"`
	// Status follows from the fields (ContributionStatus).
	Status    string    `json:"status"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// The kinds of contribution.
const (
	ContributionMoney         = "money"
	ContributionInKind        = "in_kind"
	ContributionStaffHours    = "staff_hours"
	ContributionVenue         = "venue"
	ContributionExpertise     = "expertise"
	ContributionNetworkAccess = "network_access"
)

// ContributionKinds lists the kinds in the order forms show them.
var ContributionKinds = []string{ContributionMoney, ContributionInKind, ContributionStaffHours,
	ContributionVenue, ContributionExpertise, ContributionNetworkAccess}

// The states of a contribution.
const (
	ContributionPledged   = "pledged"
	ContributionPartial   = "partly_delivered"
	ContributionDelivered = "delivered"
	ContributionWithdrawn = "withdrawn"
)

// ContributionStatuses lists the states in order.
var ContributionStatuses = []string{ContributionPledged, ContributionPartial, ContributionDelivered, ContributionWithdrawn}

// ContributionStatus decides a contribution's state from its fields, so
// it can never disagree with them: withdrawn when withdrawn; pledged until
// a delivery date is recorded; then partly delivered while less money (or
// fewer hours, for staff hours) arrived than was pledged; else delivered.
func ContributionStatus(c *Contribution) string {
	switch {
	case c.Withdrawn:
		return ContributionWithdrawn
	case c.DeliveredOn == "":
		return ContributionPledged
	case c.Kind == ContributionStaffHours && c.HoursDelivered < c.Hours:
		return ContributionPartial
	case c.AmountDelivered < c.Amount:
		return ContributionPartial
	}
	return ContributionDelivered
}

// Counts reports whether the contribution counts towards the figures: a
// withdrawn pledge counts for nothing.
func (c *Contribution) Counts() bool { return !c.Withdrawn }

// ContributionInput records or changes a contribution.
type ContributionInput struct {
	OrganisationID  string
	PlanID          string
	Kind            string
	Description     string
	Funder          string
	Amount          int64
	AmountDelivered int64
	Hours           int
	HoursDelivered  int
	PledgedOn       string
	DeliveredOn     string
	Withdrawn       bool
	Version         int
}

// MaxContributionAmount bounds one amount (ten trillion minor units), so
// that the sum of MaxContributions contributions stays inside int64.
const MaxContributionAmount = 10_000_000_000_000

// MaxContributionHours bounds the hours of one contribution (ten years of
// full-time work).
const MaxContributionHours = 100_000

// Validate checks a contribution's own fields; the store checks the
// organisation, the plan and who may record for whom.
func (in *ContributionInput) Validate() error {
	var v Validator
	in.Description = strings.TrimSpace(in.Description)
	in.Funder = strings.TrimSpace(in.Funder)
	if strings.TrimSpace(in.OrganisationID) == "" {
		v.Add("organisation_id", "validation.required", nil)
	}
	v.OneOf("kind", in.Kind, true, ContributionKinds)
	v.Text("description", in.Description, in.Kind != ContributionMoney, 2000)
	v.Text("funder", in.Funder, false, 200)
	for _, a := range []struct {
		field string
		n     int64
	}{{"amount", in.Amount}, {"amount_delivered", in.AmountDelivered}} {
		if a.n < 0 || a.n > MaxContributionAmount {
			v.Add(a.field, "contributions.validation.amount", nil)
		}
	}
	v.IntRange("hours", in.Hours, 0, MaxContributionHours)
	v.IntRange("hours_delivered", in.HoursDelivered, 0, MaxContributionHours)
	switch in.Kind {
	case ContributionMoney:
		if in.Amount == 0 && !v.Has("amount") {
			v.Add("amount", "contributions.validation.money_amount", nil)
		}
	case ContributionStaffHours:
		if in.Hours == 0 && !v.Has("hours") {
			v.Add("hours", "contributions.validation.hours", nil)
		}
	}
	if in.Kind != ContributionStaffHours && (in.Hours != 0 || in.HoursDelivered != 0) {
		v.Add("hours", "contributions.validation.hours_only_staff", nil)
	}
	if in.Kind != ContributionMoney && in.Funder != "" {
		v.Add("funder", "contributions.validation.funder_only_money", nil)
	}
	if in.PledgedOn == "" {
		v.Add("pledged_on", "validation.required", nil)
	}
	pledged, okP := checkDate(&v, "pledged_on", in.PledgedOn)
	delivered, okD := checkDate(&v, "delivered_on", in.DeliveredOn)
	if okP && okD && in.PledgedOn != "" && in.DeliveredOn != "" && delivered.Before(pledged) {
		v.Add("delivered_on", "contributions.validation.delivered_before_pledged", nil)
	}
	if in.DeliveredOn == "" && (in.AmountDelivered != 0 || in.HoursDelivered != 0) {
		v.Add("delivered_on", "contributions.validation.delivery_date", nil)
	}
	return v.Err()
}

// Barrier is something that restrains an organisation's contribution
// (seed 001, activity 11): naming it lets the partnership help remove it.
type Barrier struct {
	ID               string    `json:"id"`
	OrganisationID   string    `json:"organisation_id"`
	OrganisationName string    `json:"organisation_name"`
	Kind             string    `json:"kind"`
	KindText         string    `json:"kind_text"`
	Description      string    `json:"description"`
	Resolved         bool      `json:"resolved"`
	Version          int       `json:"version"`
	CreatedAt        time.Time `json:"created_at"`
	UpdatedAt        time.Time `json:"updated_at"`
}

// BarrierKinds are the kinds of barrier.
var BarrierKinds = []string{"funding", "staff_time", "skills", "language", "legal_status", "mandate",
	"access", "safety", "other"}

// BarrierInput names or changes a barrier.
type BarrierInput struct {
	OrganisationID string
	Kind           string
	Description    string
	Resolved       bool
	Version        int
}

// Validate checks a barrier.
func (in *BarrierInput) Validate() error {
	var v Validator
	in.Description = strings.TrimSpace(in.Description)
	if strings.TrimSpace(in.OrganisationID) == "" {
		v.Add("organisation_id", "validation.required", nil)
	}
	v.OneOf("kind", in.Kind, true, BarrierKinds)
	v.Text("description", in.Description, true, 2000)
	return v.Err()
}

// Expense is money spent on an action plan, recorded by its convener or a
// coordinator, in minor units of the partnership's currency.
type Expense struct {
	ID          string    `json:"id"`
	PlanID      string    `json:"plan_id"`
	PlanTitle   string    `json:"plan_title"`
	SpentOn     string    `json:"spent_on"` // YYYY-MM-DD
	Description string    `json:"description"`
	Amount      int64     `json:"amount"`
	Currency    string    `json:"currency"`
	Version     int       `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
}

// ExpenseInput records or changes an expense.
type ExpenseInput struct {
	PlanID      string
	SpentOn     string
	Description string
	Amount      int64
	Version     int
}

// Validate checks an expense.
func (in *ExpenseInput) Validate() error {
	var v Validator
	in.Description = strings.TrimSpace(in.Description)
	if strings.TrimSpace(in.PlanID) == "" {
		v.Add("plan_id", "validation.required", nil)
	}
	v.Text("description", in.Description, true, 500)
	if in.Amount <= 0 || in.Amount > MaxContributionAmount {
		v.Add("amount", "contributions.validation.expense_amount", nil)
	}
	if in.SpentOn == "" {
		v.Add("spent_on", "validation.required", nil)
	}
	checkDate(&v, "spent_on", in.SpentOn)
	return v.Err()
}

// BudgetSettings are the partnership's money settings: the one currency
// every amount is in, and the time zone its reports fall due in.
type BudgetSettings struct {
	Currency string `json:"currency"`
	TimeZone string `json:"time_zone"`
	Version  int    `json:"version"`
}

// BudgetSettingsInput changes them (coordinators).
type BudgetSettingsInput struct {
	Currency string
	TimeZone string
	Version  int
}

// Validate checks the settings: a currency Partnerkit knows the decimals
// of, and an IANA time zone.
func (in *BudgetSettingsInput) Validate() error {
	var v Validator
	in.Currency = strings.ToUpper(strings.TrimSpace(in.Currency))
	in.TimeZone = strings.TrimSpace(in.TimeZone)
	if !money.Known(in.Currency) {
		v.Add("currency", "contributions.validation.currency", nil)
	}
	if in.TimeZone == "" || len(in.TimeZone) > 64 {
		v.Add("time_zone", "contributions.validation.time_zone", nil)
	} else if _, err := time.LoadLocation(in.TimeZone); err != nil {
		v.Add("time_zone", "contributions.validation.time_zone", nil)
	}
	return v.Err()
}

// Location returns the settings' time zone, UTC when it cannot be loaded.
func (s *BudgetSettings) Location() *time.Location {
	if loc, err := time.LoadLocation(s.TimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// ContributionFilter narrows the list of contributions.
type ContributionFilter struct {
	OrganisationID string
	PlanID         string
	Kind           string
	Status         string
}

// Bounds of the contribution lists; each says when it was cut.
const (
	MaxContributions = 2000
	MaxBarriers      = 500
	MaxExpenses      = 5000
)
