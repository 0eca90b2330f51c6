package governance

import (
	"html/template"
	"net/http"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// holderRow is one person or organisation holding seats today, with the
// bodies they sit in; Several marks those who sit in more than one.
type holderRow struct {
	Name    string
	Bodies  []string
	Several bool
}

type bodiesData struct {
	Bodies []*pk.Body
	Cut    bool
	SVG    template.HTML
	// Seats held today per body, for the table beside the chart.
	Seats   map[string]int
	Holders []holderRow
	Kinds   []string
	CanEdit bool
	// Options are the bodies a new body may sit under or report to.
	Options []bodyOption
}

func (h *Pages) bodiesPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderBodies(w, r, http.StatusOK, nil)
}

func (h *Pages) renderBodies(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewGovernance, "governance.title", "governance")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	bodies, cut, err := h.Bodies.Bodies(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	seats, seatsCut, err := h.Bodies.AllSeats(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &bodiesData{Bodies: bodies, Cut: cut || seatsCut, Seats: map[string]int{}, Kinds: pk.BodyKinds,
		CanEdit: pk.Can(v.P.MyRole, pk.ActionEditGovernance), Options: bodyOptions(bodies, "")}
	name := map[string]string{}
	for _, b := range bodies {
		name[b.ID] = b.Name
	}
	byHolder := map[string]*holderRow{}
	var order []string
	for _, s := range seats {
		d.Seats[s.BodyID]++
		key, who := "u:"+s.UserID, s.UserName
		if s.OrganisationID != "" {
			key, who = "o:"+s.OrganisationID, s.OrganisationName
		}
		row, ok := byHolder[key]
		if !ok {
			row = &holderRow{Name: who}
			byHolder[key] = row
			order = append(order, key)
		}
		row.Bodies = append(row.Bodies, name[s.BodyID])
		row.Several = len(row.Bodies) > 1
	}
	for _, k := range order {
		d.Holders = append(d.Holders, *byHolder[k])
	}
	if len(bodies) > 0 {
		// Our SVG writer escapes every user text itself.
		d.SVG = template.HTML(orgChart(bodies, d.Seats, h.Bundle.Localizer(v.Lang).T))
	}
	v.Data = d
	h.Render(w, r, status, templates, "bodies", v)
	return nil
}

type bodyData struct {
	Body *pk.Body
	// Held are the seats held today or from a later day; Ended those whose
	// end date has passed. Both stay on the page: the history of who sat
	// where is part of the body.
	Held, Ended []*pk.Seat
	Cut         bool
	CanEdit     bool
	Holders     []holderOption
	Positions   []string
}

func (h *Pages) bodyPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderBody(w, r, http.StatusOK, nil)
}

func (h *Pages) renderBody(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewGovernance, "governance.body.title", "governance")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	b, err := h.Bodies.Body(r.Context(), v.P.ID, r.PathValue("boid"))
	if err != nil {
		return err
	}
	seats, cut, err := h.Bodies.Seats(r.Context(), v.P.ID, b.ID)
	if err != nil {
		return err
	}
	d := &bodyData{Body: b, Cut: cut, CanEdit: pk.Can(v.P.MyRole, pk.ActionEditGovernance), Positions: pk.SeatPositions}
	// The page's own day, in UTC as the store keeps dates; only where a
	// seat is listed depends on it.
	today := time.Now().UTC().Format(time.DateOnly)
	for _, s := range seats {
		if s.Until != "" && s.Until < today {
			d.Ended = append(d.Ended, s)
		} else {
			d.Held = append(d.Held, s)
		}
	}
	if d.CanEdit {
		if d.Holders, err = h.holderOptions(r, v.P.ID); err != nil {
			return err
		}
	}
	v.Data = d
	h.Render(w, r, status, templates, "body", v)
	return nil
}
