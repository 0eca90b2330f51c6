package governance

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type seatBody struct {
	UserID         string `json:"user_id" doc:"The person who sits (a user ID); or give organisation_id."`
	OrganisationID string `json:"organisation_id" doc:"The member organisation that sits (an ID); or give user_id."`
	Position       string `json:"position" rule:"required,enum=seat_position" doc:"The position held." example:"member"`
	From           string `json:"from" rule:"format=date" doc:"From when (YYYY-MM-DD)." example:"2026-01-01"`
	Until          string `json:"until" rule:"format=date" doc:"Until when (YYYY-MM-DD); setting it ends the seat, which stays in the history."`
	Version        int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b seatBody) input() pk.SeatInput {
	return pk.SeatInput{UserID: b.UserID, OrganisationID: b.OrganisationID, Position: b.Position, From: b.From, Until: b.Until, Version: b.Version}
}

func (h *Handlers) registerSeats(a *api.API) {
	view, edit := httpx.RoleFor(pk.ActionViewGovernance), httpx.RoleFor(pk.ActionEditGovernance)
	a.Route("GET", bodyPath+"/seats", view, httpx.OpDoc{Summary: "Who sits and sat in a body, oldest first (at most 1000)", Tag: tag,
		Response: pk.Seat{}, List: true},
		func(r *http.Request) (any, error) {
			ss, cut, err := h.Bodies.Seats(r.Context(), r.PathValue("pid"), r.PathValue("boid"))
			return api.List[*pk.Seat]{Items: api.NonNil(ss), ItemsCut: cut}, err
		})
	a.Route("POST", bodyPath+"/seats", edit, httpx.OpDoc{Summary: "Seat a person or a member organisation in a body", Tag: tag,
		Request: seatBody{}, Response: pk.Seat{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b seatBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			s, err := h.Bodies.AddSeat(r.Context(), r.PathValue("pid"), r.PathValue("boid"), b.input())
			return api.Created{Value: s}, err
		})
	a.Route("PATCH", bodyPath+"/seats/{seid}", edit, httpx.OpDoc{Summary: "Change a seat's position or dates; set until to end it (the holder stays)", Tag: tag,
		Request: seatBody{}, Response: pk.Seat{}},
		func(r *http.Request) (any, error) {
			pid, bid, sid := r.PathValue("pid"), r.PathValue("boid"), r.PathValue("seid")
			ss, _, err := h.Bodies.Seats(r.Context(), pid, bid)
			if err != nil {
				return nil, err
			}
			var cur *pk.Seat
			for _, s := range ss {
				if s.ID == sid {
					cur = s
				}
			}
			if cur == nil {
				return nil, pk.NotFound()
			}
			current := seatBody{UserID: cur.UserID, OrganisationID: cur.OrganisationID, Position: cur.Position, From: cur.From, Until: cur.Until}
			var b seatBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Bodies.UpdateSeat(r.Context(), pid, bid, sid, b.input())
		})
}
