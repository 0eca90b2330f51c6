package decision

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type ballotBody struct {
	Choice         string                        `json:"choice" doc:"The choice, by the proposal's method: gradients endorse…block, consent consent/stand_aside/object/block, majority and two_thirds yes/no/abstain, commitment against/none/let_happen/help_happen/make_happen." example:"consent"`
	Reason         string                        `json:"reason" rule:"max=4000" doc:"Why; required for an objection or a block." example:"We can live with it."`
	OrganisationID string                        `json:"organisation_id" rule:"max=64" doc:"When the unit is the organisation: the organisation voted for (default: the one you are in the partnership for)."`
	Scores         map[string]float64            `json:"scores" doc:"Score (0 to 5) or dot vote (5 dots in all): option → number."`
	Ranking        []string                      `json:"ranking" rule:"items=20,itemmax=200" doc:"Ranked choice: the options, most preferred first."`
	LensScores     map[string]map[string]float64 `json:"lens_scores" doc:"Strategic lenses: option → lens key (see the proposal's lenses) → score (0 to 5)."`
	ForUserID      string                        `json:"for_user_id" rule:"max=64" doc:"Vote for a voter whose proxy you hold (their ID); empty: your own vote."`
}

func (h *Handlers) registerBallots(a *api.API) {
	a.Route("POST", proposalPath+"/ballots", httpx.RoleFor(pk.ActionVote), httpx.OpDoc{
		Summary: "Vote, or change an open vote until close (secret votes cannot be changed)", Tag: tag,
		Request: ballotBody{}, Response: pk.Proposal{}},
		func(r *http.Request) (any, error) {
			var b ballotBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Decisions.CastBallot(r.Context(), r.PathValue("pid"), r.PathValue("propid"), pk.BallotInput{Choice: b.Choice,
				Reason: b.Reason, OrganisationID: b.OrganisationID, Scores: b.Scores, Ranking: b.Ranking, LensScores: b.LensScores, ForUserID: b.ForUserID})
		})
}
