package meeting

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type agendaItemBody struct {
	Title       string `json:"title" rule:"required,max=200" doc:"The point to discuss." example:"Admission of new members"`
	PresenterID string `json:"presenter_id" doc:"Who presents it (a user ID of the partnership), if anyone."`
	Minutes     int    `json:"minutes" rule:"min=1,max=1440" doc:"The minutes it is given; all items together must fit the meeting." example:"20"`
	Notes       string `json:"notes" rule:"max=2000" doc:"Notes for those preparing." example:"Two applications: see the shared folder."`
	ProposalID  string `json:"proposal_id" rule:"max=64" doc:"A proposal of the partnership to decide under this item (an ID): of the meeting's body, or of any body for an open meeting; empty for none."`
	Position    int    `json:"position" rule:"min=0,max=50" doc:"Where it goes (1 first); 0 keeps it in place, or puts a new item last." example:"0"`
	Version     int    `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b agendaItemBody) input() pk.AgendaItemInput {
	return pk.AgendaItemInput{Title: b.Title, PresenterID: b.PresenterID, Minutes: b.Minutes, Notes: b.Notes, ProposalID: b.ProposalID, Position: b.Position,
		Version: b.Version}
}

type circulateBody struct {
	Version int `json:"version" doc:"The meeting's version the agenda was read at (or send If-Match)." example:"1"`
}

func (h *Handlers) registerAgenda(a *api.API) {
	view, edit := httpx.RoleFor(pk.ActionViewMeetings), httpx.RoleFor(pk.ActionEditMeetings)
	a.Route("GET", meetingPath+"/agenda", view, httpx.OpDoc{Summary: "A meeting's agenda in order, with its total against the meeting's length and whether it went round the charter's days ahead (at most 50 items)",
		Tag: tag, Response: pk.Agenda{}},
		func(r *http.Request) (any, error) {
			return h.Meetings.Agenda(r.Context(), r.PathValue("pid"), r.PathValue("mtid"))
		})
	a.Route("POST", meetingPath+"/agenda", edit, httpx.OpDoc{Summary: "Add an agenda item (refused when the agenda would not fit the meeting)", Tag: tag,
		Request: agendaItemBody{}, Response: pk.AgendaItem{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b agendaItemBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			it, err := h.Meetings.AddAgendaItem(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), b.input())
			return api.Created{Value: it}, err
		})
	a.Route("PATCH", meetingPath+"/agenda/{aiid}", edit, httpx.OpDoc{Summary: "Change or move an agenda item (fields sent)", Tag: tag,
		Request: agendaItemBody{}, Response: pk.AgendaItem{}},
		func(r *http.Request) (any, error) {
			pid, mtid, id := r.PathValue("pid"), r.PathValue("mtid"), r.PathValue("aiid")
			ag, err := h.Meetings.Agenda(r.Context(), pid, mtid)
			if err != nil {
				return nil, err
			}
			var cur *pk.AgendaItem
			for _, it := range ag.Items {
				if it.ID == id {
					cur = it
				}
			}
			if cur == nil {
				return nil, pk.NotFound()
			}
			current := agendaItemBody{Title: cur.Title, PresenterID: cur.PresenterID, Minutes: cur.Minutes, Notes: cur.Notes,
				ProposalID: cur.ProposalID}
			var b agendaItemBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Meetings.UpdateAgendaItem(r.Context(), pid, mtid, id, b.input())
		})
	a.Route("DELETE", meetingPath+"/agenda/{aiid}", edit, httpx.OpDoc{Summary: "Remove an agenda item (If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Meetings.DeleteAgendaItem(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), r.PathValue("aiid"), v)
		})
	a.Route("POST", meetingPath+"/agenda/circulation", edit, httpx.OpDoc{Summary: "Record that the agenda went round now (the agenda says when that is late by the charter)",
		Tag: tag, Request: circulateBody{}, Response: pk.Meeting{}},
		func(r *http.Request) (any, error) {
			var b circulateBody
			if err := api.DecodeWithVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Meetings.CirculateAgenda(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), b.Version)
		})
}
