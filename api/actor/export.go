package actor

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

func (h *Handlers) registerExport(a *api.API) {
	const tag = "actors"
	base := "/partnerships/{pid}/actors"
	a.Route("GET", base+"/export.csv", httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "Export the register as CSV (same filters as the list; recorded in the audit log)", Tag: tag,
		Raw: "text/csv", Query: actorFilterQuery},
		func(r *http.Request) (any, error) {
			b, err := h.Actors.ExportActors(r.Context(), r.PathValue("pid"), "csv", actorFilter(r))
			return api.Raw{ContentType: "text/csv; charset=utf-8", Filename: "actors.csv", Body: b}, err
		})
	a.Route("GET", base+"/export.xlsx", httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "Export the register as XLSX (same filters as the list; recorded in the audit log)", Tag: tag,
		Raw: xlsxType, Query: actorFilterQuery},
		func(r *http.Request) (any, error) {
			b, err := h.Actors.ExportActors(r.Context(), r.PathValue("pid"), "xlsx", actorFilter(r))
			return api.Raw{ContentType: xlsxType, Filename: "actors.xlsx", Body: b}, err
		})
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
