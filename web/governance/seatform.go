package governance

import (
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// holderOption is one person or member organisation a seat may go to; the
// value says which ("u:" a person, "o:" an organisation).
type holderOption struct{ Value, Name string }

// holderOptions lists the partnership's people, then its organisations.
func (h *Pages) holderOptions(r *http.Request, pid string) ([]holderOption, error) {
	m, err := h.Members.Members(r.Context(), pid)
	if err != nil {
		return nil, err
	}
	var out []holderOption
	for _, p := range m.People {
		out = append(out, holderOption{"u:" + p.UserID, p.Name})
	}
	for _, o := range m.Organisations {
		out = append(out, holderOption{"o:" + o.OrganisationID, o.Name})
	}
	return out, nil
}

// seatForm reads the form that seats someone in a body or changes a seat.
func seatForm(r *http.Request) pk.SeatInput {
	r.ParseForm()
	f := r.PostForm
	in := pk.SeatInput{Position: f.Get("position"), From: f.Get("from"), Until: f.Get("until"), Version: web.Atoi(f.Get("version"))}
	if id, ok := strings.CutPrefix(f.Get("holder"), "u:"); ok {
		in.UserID = id
	} else if id, ok := strings.CutPrefix(f.Get("holder"), "o:"); ok {
		in.OrganisationID = id
	}
	return in
}

// holderField puts the store's messages about the person or organisation
// beside the form's one "holder" choice.
func holderField(err error) error {
	if e, ok := pk.AsError(err); ok {
		for i, f := range e.Fields {
			if f.Field == "user_id" || f.Field == "organisation_id" {
				e.Fields[i].Field = "holder"
			}
		}
	}
	return err
}

func (h *Pages) seatCreate(w http.ResponseWriter, r *http.Request) error {
	pid, bid := r.PathValue("pid"), r.PathValue("boid")
	_, err := h.Bodies.AddSeat(r.Context(), pid, bid, seatForm(r))
	if web.IsFormError(err) {
		return h.renderBody(w, r, httpx.Status(err), holderField(err))
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/governance/bodies/"+bid, "flash.saved")
	return nil
}

type seatEditData struct {
	Body      *pk.Body
	Seat      *pk.Seat
	Positions []string
}

func (h *Pages) seatEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderSeatEdit(w, r, http.StatusOK, nil)
}

// renderSeatEdit shows a seat's form: its position and dates, the end
// date ending it. The holder is fixed (seating someone else is a new seat).
func (h *Pages) renderSeatEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditGovernance, "governance.seat.edit", "governance")
	if err != nil {
		return err
	}
	b, err := h.Bodies.Body(r.Context(), v.P.ID, r.PathValue("boid"))
	if err != nil {
		return err
	}
	s, err := h.Bodies.Seat(r.Context(), v.P.ID, b.ID, r.PathValue("seid"))
	if err != nil {
		return err
	}
	v.Form.Values = map[string][]string{"position": {s.Position}, "from": {s.From}, "until": {s.Until}, "version": {strconv.Itoa(s.Version)}}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = &seatEditData{Body: b, Seat: s, Positions: pk.SeatPositions}
	h.Render(w, r, status, templates, "seat_edit", v)
	return nil
}

// seatUpdate saves a seat's form.
func (h *Pages) seatUpdate(w http.ResponseWriter, r *http.Request) error {
	pid, bid := r.PathValue("pid"), r.PathValue("boid")
	_, err := h.Bodies.UpdateSeat(r.Context(), pid, bid, r.PathValue("seid"), seatForm(r))
	if web.IsFormError(err) {
		return h.renderSeatEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/governance/bodies/"+bid, "flash.saved")
	return nil
}
