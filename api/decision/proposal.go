package decision

import (
	"net/http"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type proposalBody struct {
	Title      string   `json:"title" rule:"required,max=200" doc:"What is proposed, in a line." example:"Adopt the 2027 budget"`
	Text       string   `json:"text" rule:"required,max=20000" doc:"The proposal itself." example:"We adopt the budget as circulated on 1 March."`
	Background string   `json:"background" rule:"max=20000" doc:"Why, and what was weighed." example:"Two funders asked for a joint budget."`
	Links      []string `json:"links" rule:"items=10,itemmax=2000" doc:"Attachments, as web addresses (http or https)." example:"[\"https://example.org/budget.pdf\"]"`
	BodyID     string   `json:"body_id" rule:"required,max=64" doc:"The body that decides (an ID); the charter must give it the area." example:"b_3f9a"`
	Area       string   `json:"area" rule:"max=40" doc:"The decision area (e.g. budget); empty: the body's own rule." example:"budget"`
	Method     string   `json:"method" rule:"enum=proposal_method" doc:"Empty: the charter's method. Coordinators may choose a stricter one; anyone a prioritisation (score, dots, ranked, lenses) with options, or commitment (no area) with a minimum." example:""`
	Secret     bool     `json:"secret" doc:"A secret ballot: who voted is known, what they chose never; results after close from at least min_ballots ballots."`
	MinBallots int      `json:"min_ballots" rule:"min=5,max=10000" doc:"Secret ballots: the least number of ballots for results to be shown (0 or absent: 5)."`
	Results    string   `json:"results" rule:"enum=results_visibility" doc:"When the tally is shown: after_close (default), after_voting (to those who voted), never." example:"after_close"`
	ClosesAt   string   `json:"closes_at" rule:"required,format=date-time" doc:"When voting closes, with its offset (RFC 3339)." example:"2026-04-01T18:00:00+02:00"`
	TimeZone   string   `json:"time_zone" rule:"max=64" doc:"The time zone the times are meant in (IANA name); default UTC." example:"Europe/Berlin"`
	Options    []string `json:"options" rule:"items=20,itemmax=200" doc:"For a prioritisation: the options to put in order (2 to 20)."`
	ReviewOn   string   `json:"review_on" rule:"format=date" doc:"When to look at the decision again (YYYY-MM-DD); default a year after close." example:"2027-04-01"`
	Minimum    string   `json:"minimum" rule:"enum=commitment_minimum" doc:"Method commitment only (required there): the least Level of Commitment each member organisation must give; those below it are the gaps." example:""`
}

func (b proposalBody) input() (pk.ProposalInput, error) {
	in := pk.ProposalInput{Title: b.Title, Text: b.Text, Background: b.Background, Links: b.Links, BodyID: b.BodyID, Area: b.Area,
		Method: b.Method, Secret: b.Secret, MinBallots: b.MinBallots, Results: b.Results, TimeZone: b.TimeZone, Options: b.Options,
		ReviewOn: b.ReviewOn, Minimum: b.Minimum}
	if s := strings.TrimSpace(b.ClosesAt); s != "" {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			return in, pk.FieldInvalid("closes_at", "validation.date", nil)
		}
		in.ClosesAt = t
	}
	return in, nil
}

type closeBody struct {
	ChairDecision string `json:"chair_decision" doc:"For the chair's method only: the chair's decision after consultation, passed or rejected."`
}

func (h *Handlers) registerProposals(a *api.API) {
	view := httpx.RoleFor(pk.ActionViewDecisions)
	a.Route("GET", proposalsPath, view, httpx.OpDoc{Summary: "The partnership's proposals, open first (at most 200)", Tag: tag,
		Response: pk.Proposal{}, List: true},
		func(r *http.Request) (any, error) {
			l, err := h.Decisions.Proposals(r.Context(), r.PathValue("pid"))
			if err != nil {
				return nil, err
			}
			return api.List[*pk.Proposal]{Items: api.NonNil(l.Items), ItemsCut: l.Cut}, nil
		})
	a.Route("POST", proposalsPath, httpx.RoleFor(pk.ActionPropose), httpx.OpDoc{Summary: "Bring a proposal to a body (members)", Tag: tag,
		Request: proposalBody{}, Response: pk.Proposal{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b proposalBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			in, err := b.input()
			if err != nil {
				return nil, err
			}
			p, err := h.Decisions.CreateProposal(r.Context(), r.PathValue("pid"), in)
			return api.Created{Value: p}, err
		})
	a.Route("GET", proposalPath, view, httpx.OpDoc{Summary: "A proposal: status, outcome (null while open), tally when it may be shown, ballots_cast",
		Tag: tag, Response: pk.Proposal{}},
		func(r *http.Request) (any, error) {
			return h.Decisions.Proposal(r.Context(), r.PathValue("pid"), r.PathValue("propid"))
		})
	a.Route("POST", proposalPath+"/close", httpx.RoleFor(pk.ActionCloseProposal), httpx.OpDoc{
		Summary: "Close voting now and record the decision (coordinators)", Tag: tag, Request: closeBody{}, Response: pk.Proposal{}},
		func(r *http.Request) (any, error) {
			var b closeBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Decisions.CloseProposal(r.Context(), r.PathValue("pid"), r.PathValue("propid"), pk.ChairInput{Decision: b.ChairDecision})
		})
}
