package meeting

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type roomVoteBody struct {
	ProposalID    string         `json:"proposal_id" rule:"required,max=64" doc:"The proposal on this meeting's agenda the room voted on (an ID)." example:"01J8Z3"`
	Counts        map[string]int `json:"counts" doc:"The hands counted per choice of the proposal's method (choices left out count zero); together at most the eligible present by the attendance recorded." example:"{\"consent\": 4, \"stand_aside\": 1}"`
	Reasons       []string       `json:"reasons" doc:"The reasons given for objections and blocks (consent: one per objection or block; the gradients: at most one per serious disagreement or block)."`
	ChairDecision string         `json:"chair_decision" rule:"max=40" doc:"For the chair's method: the chair's decision after the show of hands, passed or rejected." example:""`
}

func (h *Handlers) registerDecisions(a *api.API) {
	view, minutes := httpx.RoleFor(pk.ActionViewMeetings), httpx.RoleFor(pk.ActionRecordMinutes)
	a.Route("GET", meetingPath+"/decisions", view, httpx.OpDoc{Summary: "The decisions taken at a meeting, in the order taken (at most 50)", Tag: tag,
		Response: pk.Decision{}, List: true},
		func(r *http.Request) (any, error) {
			ds, cut, err := h.MeetingDecisions.MeetingDecisions(r.Context(), r.PathValue("pid"), r.PathValue("mtid"))
			return api.List[*pk.Decision]{Items: api.NonNil(ds), ItemsCut: cut}, err
		})
	a.Route("GET", meetingPath+"/room-votes", view, httpx.OpDoc{Summary: "The open proposals on the agenda with what a vote in the room would count: the eligible by the charter's unit, those present by the attendance, the quorum, and why a vote cannot be taken where it cannot (at most 50)",
		Tag: tag, Response: pk.RoomVote{}, List: true},
		func(r *http.Request) (any, error) {
			rvs, err := h.MeetingDecisions.RoomVotes(r.Context(), r.PathValue("pid"), r.PathValue("mtid"))
			return api.List[*pk.RoomVote]{Items: api.NonNil(rvs)}, err
		})
	a.Route("POST", meetingPath+"/decisions", minutes, httpx.OpDoc{Summary: "Record the vote taken in the room on a proposal of the agenda (the body's secretary or a coordinator, once the meeting has begun; not for secret proposals, which are voted on ballots): the outcome is computed from the counts, the attendance and the proposal's rule, and the proposal closes",
		Tag: tag, Request: roomVoteBody{}, Response: pk.Decision{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b roomVoteBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			d, err := h.MeetingDecisions.RecordRoomVote(r.Context(), r.PathValue("pid"), r.PathValue("mtid"),
				pk.RoomVoteInput{ProposalID: b.ProposalID, Counts: b.Counts, Reasons: b.Reasons, ChairDecision: b.ChairDecision})
			return api.Created{Value: d}, err
		})
}
