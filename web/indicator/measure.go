package indicator

import (
	"net/http"

	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"

	pk "github.com/partnerkit/partnerkit"
)

// record records a result from the form on the indicator's page.
func (h *Pages) record(w http.ResponseWriter, r *http.Request) error {
	pid, iid := r.PathValue("pid"), r.PathValue("inid")
	ind, err := h.Indicators.Indicator(r.Context(), pid, iid)
	if err != nil {
		return err
	}
	in, fields := measurementForm(r, ind)
	if _, err := h.Indicators.RecordMeasurement(r.Context(), pid, iid, in); web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), breakdownFields(err, fields), "measure")
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/indicators/"+iid+"#results", "flash.indicator_measured")
	return nil
}

func (h *Pages) deleteMeasurement(w http.ResponseWriter, r *http.Request) error {
	pid, iid, msid := r.PathValue("pid"), r.PathValue("inid"), r.PathValue("meid")
	back := "/p/" + pid + "/indicators/" + iid + "#results"
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionRecordMeasurements, "indicators", web.Confirm{Question: "indicator.measurement.delete.confirm",
			Effect: "confirm.effect.final", Button: "indicator.measurement.delete", Back: back, Find: func() (string, error) {
				ms, _, err := h.Indicators.Measurements(r.Context(), pid, iid)
				if err != nil {
					return "", err
				}
				for _, m := range ms {
					if m.ID == msid {
						return m.Date, nil
					}
				}
				return "", pk.NotFound()
			}})
	}
	if err := h.Indicators.DeleteMeasurement(r.Context(), pid, iid, msid, web.Atoi(r.PostForm.Get("version"))); web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), err, "delete")
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, back, "flash.indicator_measurement_deleted")
	return nil
}
