package survey

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
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

func (h *Pages) exportCSV(w http.ResponseWriter, r *http.Request) error {
	return h.export(w, r, "csv", "text/csv; charset=utf-8")
}

func (h *Pages) exportXLSX(w http.ResponseWriter, r *http.Request) error {
	return h.export(w, r, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
}

func (h *Pages) export(w http.ResponseWriter, r *http.Request, format, contentType string) error {
	body, err := h.Surveys.ExportSurvey(r.Context(), r.PathValue("pid"), r.PathValue("svid"), format)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Disposition", `attachment; filename="survey-answers.`+format+`"`)
	w.Header().Set("Cache-Control", httpx.RevalidatePrivate)
	httpx.ServeBody(w, r, http.StatusOK, body)
	return nil
}
