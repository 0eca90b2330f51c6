// Package health answers the API calls of the partnership's health: rounds
// of the health check and of the partner relationship survey, the asker's
// own ratings, the aggregates and the behaviour signals. No answer carries
// another person's or organisation's ratings. The paths name a round
// {hrid}.
package health

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the health API calls.
type Handlers struct {
	Health pk.HealthService
}

const (
	tag        = "health"
	roundsPath = "/partnerships/{pid}/health/rounds"
	roundPath  = roundsPath + "/{hrid}"
	trustPath  = "/partnerships/{pid}/trust"
)

type roundBody struct {
	Kind  string `json:"kind" rule:"required,enum=round_kind" doc:"health: the health check, every member rates each item; trust: the partner relationship survey, each member organisation rates each other one." example:"health"`
	Title string `json:"title" rule:"required,max=200" doc:"The round's name." example:"Spring health check 2026"`
}

type ratingsBody struct {
	Ratings []pk.HealthRating `json:"ratings" doc:"Your ratings: item (one of the health check's items), score 1 to 5 (0 takes an earlier rating back) and an optional comment, shown to the others without your name."`
}

type trustBody struct {
	OrganisationID string           `json:"organisation_id" rule:"required" doc:"The member organisation you rate for: you must be one of its people and in the partnership for it." example:"o_2x9…"`
	Ratings        []pk.TrustRating `json:"ratings" doc:"One row per organisation rated (rated_id): openness, reliability, mission, power, resources and involvement 1 to 4 (0 unanswered), intensity awareness, cooperation, coordination or integration."`
}

// Register adds the health routes.
func (h *Handlers) Register(a *api.API) {
	view, rate, manage := httpx.RoleFor(pk.ActionViewHealth), httpx.RoleFor(pk.ActionRateHealth), httpx.RoleFor(pk.ActionManageHealth)
	a.Route("GET", roundsPath, view, httpx.OpDoc{Summary: "The rounds of a kind (?kind=health or trust, health when left out), newest first (at most 100)", Tag: tag,
		Response: pk.RoundList{}, Query: []string{"kind"}},
		func(r *http.Request) (any, error) {
			kind := r.URL.Query().Get("kind")
			if kind == "" {
				kind = pk.RoundHealth
			}
			return h.Health.Rounds(r.Context(), r.PathValue("pid"), kind)
		})
	a.Route("POST", roundsPath, manage, httpx.OpDoc{Summary: "Open a round (coordinators; one open round of a kind at a time)", Tag: tag,
		Request: roundBody{}, Response: pk.Round{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b roundBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Health.OpenRound(r.Context(), r.PathValue("pid"), pk.RoundInput{Kind: b.Kind, Title: b.Title})
			return api.Created{Value: x}, err
		})
	a.Route("GET", roundPath, view, httpx.OpDoc{Summary: "A health round's aggregate: per item the number of raters, mean, spread (standard deviation) and colour, shown from 3 raters; comments without names",
		Tag: tag, Response: pk.HealthResults{}},
		func(r *http.Request) (any, error) {
			return h.Health.HealthResults(r.Context(), r.PathValue("pid"), r.PathValue("hrid"))
		})
	a.Route("POST", roundPath+"/close", manage, httpx.OpDoc{Summary: "Close a round (coordinators): its ratings can no longer change", Tag: tag,
		Request: api.VersionBody{}, Response: pk.Round{}},
		func(r *http.Request) (any, error) {
			var b api.VersionBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Health.CloseRound(r.Context(), r.PathValue("pid"), r.PathValue("hrid"), b.Version)
		})
	a.Route("GET", roundPath+"/ratings", rate, httpx.OpDoc{Summary: "Your own ratings in a health round, one per item (score 0: not rated); nobody else's", Tag: tag,
		Response: []pk.HealthRating{}},
		func(r *http.Request) (any, error) {
			return h.Health.MyHealthRatings(r.Context(), r.PathValue("pid"), r.PathValue("hrid"))
		})
	a.Route("POST", roundPath+"/ratings", rate, httpx.OpDoc{Summary: "Rate items in an open health round (the items sent replace yours)", Tag: tag,
		Request: ratingsBody{}, Response: []pk.HealthRating{}},
		func(r *http.Request) (any, error) {
			var b ratingsBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Health.RateHealth(r.Context(), r.PathValue("pid"), r.PathValue("hrid"), pk.HealthRatingInput{Ratings: b.Ratings})
		})
	a.Route("GET", "/partnerships/{pid}/health/signals", view, httpx.OpDoc{Summary: "The behaviour signals: per signal the health item it speaks to, its state (fires, fine, no_data), the value measured against its threshold",
		Tag: tag, Response: pk.SignalReport{}},
		func(r *http.Request) (any, error) {
			return h.Health.Signals(r.Context(), r.PathValue("pid"))
		})
	a.Route("GET", trustPath, rate, httpx.OpDoc{Summary: "Your organisation's own ratings in the open trust round (?organisation= when you represent several; ?round= for an earlier round); nobody else's",
		Tag: tag, Response: pk.TrustSheet{}, Query: []string{"organisation", "round"}},
		func(r *http.Request) (any, error) {
			q := r.URL.Query()
			return h.Health.TrustSheet(r.Context(), r.PathValue("pid"), q.Get("round"), q.Get("organisation"))
		})
	a.Route("POST", trustPath, rate, httpx.OpDoc{Summary: "Rate other member organisations in the open trust round for an organisation you represent (the rows sent replace its earlier ones)",
		Tag: tag, Request: trustBody{}, Response: pk.TrustSheet{}},
		func(r *http.Request) (any, error) {
			var b trustBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Health.RateTrust(r.Context(), r.PathValue("pid"), pk.TrustRatingInput{OrganisationID: b.OrganisationID, Ratings: b.Ratings})
		})
	a.Route("GET", trustPath+"/summary", view, httpx.OpDoc{Summary: "A trust round's aggregate (?round=, the latest when left out): trust and value per member organisation from 2 complete raters, for the network, and the tie network's density and centralisation",
		Tag: tag, Response: pk.TrustSummary{}, Query: []string{"round"}},
		func(r *http.Request) (any, error) {
			return h.Health.TrustSummary(r.Context(), r.PathValue("pid"), r.URL.Query().Get("round"))
		})
}
