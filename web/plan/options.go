package plan

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

// options are the choices the forms offer: the partnership's goals, its
// bodies (action groups first), its people and member organisations, and
// the statements of its theory of change.
type options struct {
	Goals      []*pk.Goal
	Bodies     []*pk.Body
	People     []*pk.Person
	Orgs       []*pk.MemberOrganisation
	Statements []*pk.ChangeStatement
	// Cut says one of the lists stopped at its maximum.
	Cut bool
}

// loadOptions reads the choices; statements only for the goal form.
func (h *Pages) loadOptions(r *http.Request, pid string, statements bool) (*options, error) {
	ctx := r.Context()
	o := &options{}
	bodies, bodiesCut, err := h.Bodies.Bodies(ctx, pid)
	if err != nil {
		return nil, err
	}
	for _, b := range bodies {
		if b.Kind == pk.BodyActionGroup {
			o.Bodies = append(o.Bodies, b)
		}
	}
	for _, b := range bodies {
		if b.Kind != pk.BodyActionGroup {
			o.Bodies = append(o.Bodies, b)
		}
	}
	m, err := h.Members.Members(ctx, pid)
	if err != nil {
		return nil, err
	}
	o.People = m.People
	for _, org := range m.Organisations {
		if org.Status == "active" {
			o.Orgs = append(o.Orgs, org)
		}
	}
	o.Cut = bodiesCut || m.PeopleCut || m.OrganisationsCut
	if statements {
		toc, err := h.Preparation.TheoryOfChange(ctx, pid)
		if err != nil {
			return nil, err
		}
		o.Statements = toc.Statements
	}
	return o, nil
}
