package governance

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type bodyBody struct {
	Name             string  `json:"name" rule:"required,max=200" doc:"The body's name." example:"Strategic committee"`
	Kind             string  `json:"kind" rule:"required,enum=body_kind" doc:"What kind of body it is." example:"strategic_committee"`
	Mandate          string  `json:"mandate" rule:"max=4000" doc:"What it is for and may decide." example:"Sets the direction and admits new members."`
	ParentID         string  `json:"parent_id" doc:"The body it sits under (an ID), if any."`
	Cadence          string  `json:"cadence" rule:"max=200" doc:"How often it meets." example:"every three months"`
	Quorum           float64 `json:"quorum" doc:"The share of its members (0 to 1) a meeting needs." example:"0.5"`
	ReportsToID      string  `json:"reports_to_id" doc:"The body it reports to (an ID), if any."`
	ReportingCadence string  `json:"reporting_cadence" rule:"max=200" doc:"How often it reports." example:"monthly"`
	Version          int     `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b bodyBody) input() pk.BodyInput {
	return pk.BodyInput{Name: b.Name, Kind: b.Kind, Mandate: b.Mandate, ParentID: b.ParentID, Cadence: b.Cadence, Quorum: b.Quorum,
		ReportsToID: b.ReportsToID, ReportingCadence: b.ReportingCadence, Version: b.Version}
}

func (h *Handlers) registerBodies(a *api.API) {
	view, edit := httpx.RoleFor(pk.ActionViewGovernance), httpx.RoleFor(pk.ActionEditGovernance)
	a.Route("GET", bodiesPath, view, httpx.OpDoc{Summary: "The partnership's bodies by name (at most 200)", Tag: tag,
		Response: pk.Body{}, List: true},
		func(r *http.Request) (any, error) {
			bs, cut, err := h.Bodies.Bodies(r.Context(), r.PathValue("pid"))
			return api.List[*pk.Body]{Items: api.NonNil(bs), ItemsCut: cut}, err
		})
	a.Route("POST", bodiesPath, edit, httpx.OpDoc{Summary: "Add a body (coordinators)", Tag: tag,
		Request: bodyBody{}, Response: pk.Body{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b bodyBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Bodies.CreateBody(r.Context(), r.PathValue("pid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("GET", bodyPath, view, httpx.OpDoc{Summary: "A body", Tag: tag, Response: pk.Body{}},
		func(r *http.Request) (any, error) {
			return h.Bodies.Body(r.Context(), r.PathValue("pid"), r.PathValue("boid"))
		})
	a.Route("PATCH", bodyPath, edit, httpx.OpDoc{Summary: "Change a body (fields sent)", Tag: tag,
		Request: bodyBody{}, Response: pk.Body{}},
		func(r *http.Request) (any, error) {
			pid, bid := r.PathValue("pid"), r.PathValue("boid")
			cur, err := h.Bodies.Body(r.Context(), pid, bid)
			if err != nil {
				return nil, err
			}
			current := bodyBody{Name: cur.Name, Kind: cur.Kind, Mandate: cur.Mandate, ParentID: cur.ParentID, Cadence: cur.Cadence,
				Quorum: cur.Quorum, ReportsToID: cur.ReportsToID, ReportingCadence: cur.ReportingCadence}
			var b bodyBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			return h.Bodies.UpdateBody(r.Context(), pid, bid, b.input())
		})
}
