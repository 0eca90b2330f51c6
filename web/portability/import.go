package portability

import (
	"errors"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

// Importing makes a new partnership, so it sits where a signed-in person
// makes one (beside /p/new), not inside a partnership.
func (h *Pages) registerImport(rt *httpx.Router) {
	h.Handle(rt, "GET", "/p/import", httpx.SignedIn, h.importPage)
	h.Handle(rt, "POST", "/p/import", httpx.SignedIn, h.importUpload)
}

func (h *Pages) importPage(w http.ResponseWriter, r *http.Request) error {
	v := h.View(r, "portability.import.title")
	h.Render(w, r, http.StatusOK, templates, "import", v)
	return nil
}

// importUpload reads the upload, imports it and shows what happened to the
// people of the archive (who got a placeholder, who is to be invited).
func (h *Pages) importUpload(w http.ResponseWriter, r *http.Request) error {
	data, err := readUpload(r)
	var res *pk.ArchiveImport
	if err == nil {
		res, err = h.Portability.ImportPartnership(r.Context(), data)
	}
	if err != nil {
		v := h.View(r, "portability.import.title")
		return h.FormOr(w, r, err, templates, "import", v)
	}
	v := h.View(r, "portability.imported.title")
	v.Data = res
	h.Render(w, r, http.StatusCreated, templates, "imported", v)
	return nil
}

// readUpload reads the field "file" of a multipart form, within the cap.
func readUpload(r *http.Request) ([]byte, error) {
	data, _, err := httpx.ReadMultipart(r, pk.MaxArchiveBytes, 0)
	switch {
	case errors.Is(err, httpx.ErrFileTooBig):
		return nil, pk.FieldInvalid("file", "portability.import.error.too_large", map[string]any{"MB": pk.MaxArchiveBytes >> 20})
	case err != nil:
		return nil, pk.FieldInvalid("file", "portability.import.error.no_file", nil)
	}
	return data, nil
}
