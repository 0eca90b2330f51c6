package survey

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

type resultsData struct {
	Results   *pk.SurveyResults
	CanExport bool
	MinGroup  int
	Points    []int
}

func (h *Pages) resultsPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewSurveys, "surveys.results.title", "surveys")
	if err != nil {
		return err
	}
	res, err := h.Surveys.SurveyResults(r.Context(), v.P.ID, r.PathValue("svid"))
	if err != nil {
		return err
	}
	v.Data = &resultsData{Results: res, CanExport: pk.Can(v.P.MyRole, pk.ActionExportSurveys), MinGroup: pk.SurveyMinGroup,
		Points: []int{1, 2, 3, 4, 5}}
	h.Render(w, r, http.StatusOK, templates, "results", v)
	return nil
}
