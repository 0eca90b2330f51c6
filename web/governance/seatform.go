package governance

import (
	"net/http"
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

// seatForm reads the form that seats someone in a body.
func seatForm(r *http.Request) pk.SeatInput {
	r.ParseForm()
	f := r.PostForm
	in := pk.SeatInput{Position: f.Get("position"), From: f.Get("from"), Until: f.Get("until")}
	if id, ok := strings.CutPrefix(f.Get("holder"), "u:"); ok {
		in.UserID = id
	} else if id, ok := strings.CutPrefix(f.Get("holder"), "o:"); ok {
		in.OrganisationID = id
	}
	return in
}

func (h *Pages) seatCreate(w http.ResponseWriter, r *http.Request) error {
	pid, bid := r.PathValue("pid"), r.PathValue("boid")
	_, err := h.Bodies.AddSeat(r.Context(), pid, bid, seatForm(r))
	if web.IsFormError(err) {
		return h.renderBody(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/governance/bodies/"+bid, "flash.saved")
	return nil
}
