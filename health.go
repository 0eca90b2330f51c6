package partnerkit

import (
	"strconv"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/health"
	"github.com/partnerkit/partnerkit/trust"
)

// The partnership's health is checked in rounds: a coordinator opens a round
// of the health check (every member rates each item) or of the partner
// relationship survey (each member organisation rates each other one), and
// closes it. What anyone sees is the aggregate: no page, answer, export or
// audit entry gives one person's or one organisation's ratings to anyone
// but their author, coordinators included.

// Round kinds.
const (
	RoundHealth = "health"
	RoundTrust  = "trust"
)

// RoundKinds lists the kinds of round.
var RoundKinds = []string{RoundHealth, RoundTrust}

// Round statuses.
const (
	RoundOpen   = "open"
	RoundClosed = "closed"
)

// Bounds of the health module's lists.
const (
	// MaxHealthRounds bounds the rounds listed and drawn in the trend,
	// newest first (RoundList.Cut).
	MaxHealthRounds = 100
	// MaxHealthComments bounds the comments shown with a round's results,
	// by item (HealthResults.CommentsCut).
	MaxHealthComments = 500
	// MaxTrustOrganisations bounds the member organisations a trust sheet
	// and summary cover (TrustSummary.Cut).
	MaxTrustOrganisations = 200
)

// Round is one round of the health check or of the trust survey.
type Round struct {
	ID       string     `json:"id"`
	Kind     string     `json:"kind"`
	Title    string     `json:"title"`
	Status   string     `json:"status"`
	OpenedAt time.Time  `json:"opened_at"`
	ClosedAt *time.Time `json:"closed_at,omitempty"`
	// Raters counts who rated (people in a health round, organisations in
	// a trust round): a number, never who.
	Raters  int `json:"raters"`
	Version int `json:"version"`
}

// RoundList is the partnership's rounds, newest first.
type RoundList struct {
	Items []*Round `json:"items"`
	Cut   bool     `json:"items_cut"`
}

// RoundInput opens a round.
type RoundInput struct {
	Kind  string `json:"kind"`
	Title string `json:"title"`
}

// Validate checks a new round.
func (in *RoundInput) Validate() error {
	var v Validator
	in.Title = strings.TrimSpace(in.Title)
	v.OneOf("kind", in.Kind, true, RoundKinds)
	v.Text("title", in.Title, true, 200)
	return v.Err()
}

// HealthRating is one item's score (1–5) and optional comment by the asking
// member; Score 0 is an item left unrated.
type HealthRating struct {
	Item    string `json:"item"`
	Score   int    `json:"score"`
	Comment string `json:"comment"`
}

// HealthRatingInput is the asking member's ratings in a round: the items
// sent replace theirs; an item sent with score 0 takes it back.
type HealthRatingInput struct {
	Ratings []HealthRating `json:"ratings"`
}

// MaxHealthComment bounds a comment's length.
const MaxHealthComment = 2000

// Validate checks the ratings, naming each refused row as ratings.N.field.
func (in *HealthRatingInput) Validate() error {
	var v Validator
	if len(in.Ratings) == 0 {
		v.Add("ratings", "validation.required", nil)
	}
	if len(in.Ratings) > len(health.Items) {
		v.Add("ratings", "health.validation.too_many", map[string]any{"Max": len(health.Items)})
	}
	seen := map[string]bool{}
	for i := range in.Ratings {
		r := &in.Ratings[i]
		row := "ratings." + strconv.Itoa(i) + "."
		r.Comment = strings.TrimSpace(r.Comment)
		if !health.ValidItem(r.Item) {
			v.Add(row+"item", "health.validation.unknown_item", nil)
		} else if seen[r.Item] {
			v.Add(row+"item", "health.validation.repeated_item", nil)
		}
		seen[r.Item] = true
		if r.Score != 0 {
			v.IntRange(row+"score", r.Score, health.MinScore, health.MaxScore)
		}
		v.Text(row+"comment", r.Comment, false, MaxHealthComment)
		if r.Score == 0 && r.Comment != "" {
			v.Add(row+"score", "health.validation.comment_needs_score", nil)
		}
	}
	return v.Err()
}

// HealthComment is a comment on an item, shown without its author.
type HealthComment struct {
	Item string `json:"item"`
	Text string `json:"text"`
}

// HealthResults is a round's aggregate: per item the number of raters, the
// mean, the spread and the colour (items rated by fewer than
// health.MinRaters show none), the overall mean, and the comments without
// names, in a fixed order that says nothing of who wrote them.
type HealthResults struct {
	Round       *Round             `json:"round"`
	Items       []health.Aggregate `json:"items"`
	Overall     float64            `json:"overall"`
	Shown       int                `json:"items_shown"`
	Comments    []HealthComment    `json:"comments"`
	CommentsCut bool               `json:"comments_cut"`
}

// HealthTrendRound is one round's means in the trend.
type HealthTrendRound struct {
	Round   *Round             `json:"round"`
	Items   []health.Aggregate `json:"items"`
	Overall float64            `json:"overall"`
}

// HealthTrend is the health rounds' results, oldest first.
type HealthTrend struct {
	Rounds []HealthTrendRound `json:"rounds"`
	Cut    bool               `json:"rounds_cut"`
}

// TrustRating is the rating of one member organisation by another in a
// round. Scores are 1–4, 0 unanswered; Intensity is one of
// trust.Intensities or "" (no tie named).
type TrustRating struct {
	RatedID     string `json:"rated_id"`
	RatedName   string `json:"rated_name,omitempty"`
	Openness    int    `json:"openness"`
	Reliability int    `json:"reliability"`
	Mission     int    `json:"mission"`
	Power       int    `json:"power"`
	Resources   int    `json:"resources"`
	Involvement int    `json:"involvement"`
	Intensity   string `json:"intensity"`
	// Complete is whether all six items are answered (only complete
	// ratings count).
	Complete bool `json:"complete"`
}

// TrustIntensities lists the intensities of a tie, weakest first.
var TrustIntensities = trust.Intensities[1:]

// Rule converts a rating to the rule package's form.
func (r TrustRating) Rule(rater string) trust.Rating {
	return trust.Rating{Rater: rater, Rated: r.RatedID, Openness: r.Openness, Reliability: r.Reliability, Mission: r.Mission,
		Power: r.Power, Resources: r.Resources, Involvement: r.Involvement, Intensity: intensityValue(r.Intensity)}
}

func intensityValue(s string) int {
	for i, x := range trust.Intensities {
		if s != "" && x == s {
			return i
		}
	}
	return 0
}

// TrustSheet is what an organisation's representative sees and fills in: the
// organisations they may rate for, and their own organisation's ratings of
// every other member organisation in the round.
type TrustSheet struct {
	Round *Round `json:"round"`
	// OrganisationID is the organisation the sheet rates for; Choices the
	// organisations the asker represents.
	OrganisationID string        `json:"organisation_id"`
	Choices        []OrgChoice   `json:"organisations"`
	Ratings        []TrustRating `json:"ratings"`
	Cut            bool          `json:"ratings_cut"`
}

// OrgChoice names an organisation.
type OrgChoice struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// TrustRatingInput is an organisation's ratings of others in the open round.
type TrustRatingInput struct {
	OrganisationID string        `json:"organisation_id"`
	Ratings        []TrustRating `json:"ratings"`
}

// Validate checks the ratings, naming each refused row as ratings.N.field.
func (in *TrustRatingInput) Validate() error {
	var v Validator
	v.Text("organisation_id", in.OrganisationID, true, 64)
	if len(in.Ratings) == 0 {
		v.Add("ratings", "validation.required", nil)
	}
	if len(in.Ratings) > MaxTrustOrganisations {
		v.Add("ratings", "health.validation.too_many", map[string]any{"Max": MaxTrustOrganisations})
	}
	seen := map[string]bool{}
	for i, r := range in.Ratings {
		row := "ratings." + strconv.Itoa(i) + "."
		switch {
		case r.RatedID == "":
			v.Add(row+"rated_id", "validation.required", nil)
		case r.RatedID == in.OrganisationID:
			v.Add(row+"rated_id", "trust.validation.own_organisation", nil)
		case seen[r.RatedID]:
			v.Add(row+"rated_id", "trust.validation.repeated", nil)
		}
		seen[r.RatedID] = true
		for j, s := range []int{r.Openness, r.Reliability, r.Mission, r.Power, r.Resources, r.Involvement} {
			if s != 0 {
				v.IntRange(row+trust.Items[j], s, trust.MinScore, trust.MaxScore)
			}
		}
		v.OneOf(row+"intensity", r.Intensity, false, TrustIntensities)
	}
	return v.Err()
}

// TrustOrg is one member organisation in the summary: how the others see
// it, only when at least trust.MinRaters rated it completely.
type TrustOrg struct {
	ID     string  `json:"id"`
	Name   string  `json:"name"`
	Raters int     `json:"raters"`
	Shown  bool    `json:"shown"`
	Trust  float64 `json:"trust,omitempty"`
	Value  float64 `json:"value,omitempty"`
}

// TrustSummary is a trust round's aggregate: per member organisation and for
// the network, and the tie network's measures. Never a rater's ratings.
type TrustSummary struct {
	Round      *Round     `json:"round"`
	Orgs       []TrustOrg `json:"organisations"`
	Cut        bool       `json:"organisations_cut"`
	Complete   int        `json:"complete_ratings"`
	Incomplete int        `json:"incomplete_ratings"`
	Raters     int        `json:"raters"`
	Shown      bool       `json:"shown"`
	Trust      float64    `json:"trust,omitempty"`
	Value      float64    `json:"value,omitempty"`
	// Intensity counts the ties by intensity (keys of TrustIntensities).
	Intensity      map[string]int `json:"intensity"`
	Ties           int            `json:"ties"`
	Density        float64        `json:"density"`
	Centralisation float64        `json:"centralisation"`
}

// SignalReport is the behaviour signals, computed at At, with the member
// organisations they may name.
type SignalReport struct {
	At            time.Time       `json:"at"`
	Signals       []health.Signal `json:"signals"`
	Organisations []OrgChoice     `json:"organisations"`
	// Names maps the organisations' IDs to their names, for the pages.
	Names map[string]string `json:"-"`
}

// Profile answers: self-declared, optional, never shown per person.
const (
	DeclaredYes = "yes"
	DeclaredNo  = "no"
)

// DeclaredAnswers lists the answers a self-declared field takes ("" is not
// saying).
var DeclaredAnswers = []string{DeclaredYes, DeclaredNo}

func init() {
	// The health module's lists, named as their forms label them.
	choiceLabels[choiceListKey(RoundKinds)] = "health.kind."
	choiceLabels[choiceListKey(TrustIntensities)] = "trust.intensity."
	choiceLabels[choiceListKey(DeclaredAnswers)] = "account.declared."
	choiceLabels[choiceListKey(health.ItemKeys)] = "health.item."
}
