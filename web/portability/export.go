package portability

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

func (h *Pages) registerExport(rt *httpx.Router) {
	export := httpx.RoleFor(pk.ActionExportPartnership)
	h.Handle(rt, "GET", "/p/{pid}/export", export, h.exportPage)
}

// exportPage offers the download. The button asks the API for the archive
// (the session cookie signs the request in), as the register's CSV
// download does: one place builds, audits and names the file.
func (h *Pages) exportPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionExportPartnership, "portability.title", "export")
	if err != nil {
		return err
	}
	h.Render(w, r, http.StatusOK, templates, "export", v)
	return nil
}
