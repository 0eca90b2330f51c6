package indicator

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

type categoryBody struct {
	Category string  `json:"category" doc:"One of the indicator's categories." example:"Women"`
	Value    float64 `json:"value" doc:"The value for that category." example:"7"`
}

type measurementBody struct {
	Date      string         `json:"date" rule:"required,format=date" doc:"The day the result is for (YYYY-MM-DD), not after today." example:"2026-03-01"`
	Value     *float64       `json:"value" doc:"The result (required but for qualitative indicators, which have none): a count, a percentage, 1 for yes or 0 for no." example:"12"`
	Evidence  string         `json:"evidence" rule:"format=uri" doc:"A link to the evidence (sign-in sheet, photo, report), http or https." example:"https://example.org/sign-in-march.pdf"`
	Note      string         `json:"note" rule:"max=4000" doc:"A note; for a qualitative indicator, the result itself (required there)." example:"Two sessions in the community centre."`
	Breakdown []categoryBody `json:"breakdown" rule:"items=20" doc:"Values per category of the indicator."`
}

func (b measurementBody) input() pk.MeasurementInput {
	in := pk.MeasurementInput{Date: b.Date, Value: b.Value, Evidence: b.Evidence, Note: b.Note}
	for _, c := range b.Breakdown {
		in.Breakdown = append(in.Breakdown, pk.CategoryValue(c))
	}
	return in
}

func (h *Handlers) registerMeasurements(a *api.API) {
	view, measure := httpx.RoleFor(pk.ActionViewIndicators), httpx.RoleFor(pk.ActionRecordMeasurements)
	a.Route("GET", measurementsPath, view, httpx.OpDoc{Summary: "An indicator's measurements, newest first (at most 500)", Tag: tag,
		Response: pk.Measurement{}, List: true},
		func(r *http.Request) (any, error) {
			list, cut, err := h.Indicators.Measurements(r.Context(), r.PathValue("pid"), r.PathValue("inid"))
			return api.List[*pk.Measurement]{Items: api.NonNil(list), ItemsCut: cut}, err
		})
	a.Route("POST", measurementsPath, measure, httpx.OpDoc{Summary: "Record a result (members)", Tag: tag,
		Request: measurementBody{}, Response: pk.Measurement{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b measurementBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Indicators.RecordMeasurement(r.Context(), r.PathValue("pid"), r.PathValue("inid"), b.input())
			return api.Created{Value: x}, err
		})
	a.Route("DELETE", measurementPath, measure, httpx.OpDoc{Summary: "Delete a result recorded by mistake (its recorder, or whoever may define the indicator; If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Indicators.DeleteMeasurement(r.Context(), r.PathValue("pid"), r.PathValue("inid"), r.PathValue("meid"), v)
		})
}
