package admission

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

// column is one stage of the pipeline with its admissions.
type column struct {
	Stage      string
	Admissions []*pk.Admission
}

type pipelineData struct {
	Columns []column
	Cut     bool
	Total   int
	Open    int
}

// pipeline groups admissions by the stage they stand at, in pipeline
// order; every stage has a column, empty or not.
func pipeline(items []*pk.Admission) ([]column, int) {
	cols := make([]column, len(pk.AdmissionStages))
	at := map[string]int{}
	for i, s := range pk.AdmissionStages {
		cols[i], at[s] = column{Stage: s}, i
	}
	open := 0
	for _, a := range items {
		if i, ok := at[a.Stage]; ok {
			cols[i].Admissions = append(cols[i].Admissions, a)
		}
		if a.Stage != pk.StageActive && a.Stage != pk.StageDeclined && a.Stage != pk.StageWithdrawn {
			open++
		}
	}
	return cols, open
}

func (h *Pages) pipelinePage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewAdmissions, "admission.title", "admissions")
	if err != nil {
		return err
	}
	list, err := h.Admissions.Admissions(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &pipelineData{Cut: list.Cut, Total: len(list.Items)}
	d.Columns, d.Open = pipeline(list.Items)
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "admissions", v)
	return nil
}
