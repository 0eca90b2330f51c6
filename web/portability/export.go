package portability

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

func (h *Pages) registerExport(rt *httpx.Router) {
	export := httpx.RoleFor(pk.ActionExportPartnership)
	h.Handle(rt, "GET", "/p/{pid}/export", export, h.exportPage)
	h.Handle(rt, "GET", "/p/{pid}/export.zip", export, h.exportDownload)
}

func (h *Pages) exportPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionExportPartnership, "portability.title", "export")
	if err != nil {
		return err
	}
	h.Render(w, r, http.StatusOK, templates, "export", v)
	return nil
}

// exportDownload sends the archive. A checkbox "sensitive=false" leaves the
// sensitive records out, for an archive meant to be shared.
func (h *Pages) exportDownload(w http.ResponseWriter, r *http.Request) error {
	opt := pk.ExportOptions{WithoutSensitive: r.URL.Query().Get("sensitive") == "false"}
	a, err := h.Portability.ExportPartnership(r.Context(), r.PathValue("pid"), opt)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", `attachment; filename="`+a.Filename+`"`)
	w.Header().Set("Content-Length", strconv.Itoa(len(a.Data)))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(a.Data)
	return nil
}
