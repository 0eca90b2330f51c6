// Package portability answers the API calls that move a whole partnership
// in and out of the instance: the archive export and the import.
package portability

import (
	"errors"
	"io"
	"mime"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the export and import calls.
type Handlers struct {
	Portability pk.PortabilityService
}

// Register adds the export and the import.
func (h *Handlers) Register(a *api.API) {
	const tag = "partnerships"
	a.Route("GET", "/partnerships/{pid}/export", httpx.RoleFor(pk.ActionExportPartnership), httpx.OpDoc{
		Summary: "Download the whole partnership as one zip archive (JSON documents with CSV copies, a manifest with the schema version); coordinators only. ?sensitive=false leaves out sensitive actors and relationships and what names them. Recorded in the audit log, saying whether sensitive records went out",
		Tag:     tag, Raw: "application/zip", Query: []string{"sensitive"}},
		func(r *http.Request) (any, error) {
			opt := pk.ExportOptions{}
			switch r.URL.Query().Get("sensitive") {
			case "", "true":
			case "false":
				opt.WithoutSensitive = true
			default:
				return nil, pk.FieldInvalid("sensitive", "validation.one_of", map[string]any{"Allowed": "true, false"})
			}
			x, err := h.Portability.ExportPartnership(r.Context(), r.PathValue("pid"), opt)
			if err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "application/zip", Filename: x.Filename, Body: x.Data}, nil
		})
	a.Route("POST", "/partnerships/import", httpx.SignedIn, httpx.OpDoc{
		Summary: "Make a new partnership from an archive made by the export (the zip as the body, or a multipart field file; at most 32 MB). You become its coordinator; people without an account here get placeholder accounts, people with one are listed in not_added to be invited. All or nothing: the first problem is reported naming the document and record, e.g. actors.json[3].kind",
		Tag:     tag, Upload: true, UploadTypes: []string{"application/zip"}, Response: pk.ArchiveImport{}, Status: http.StatusCreated},
		func(r *http.Request) (any, error) {
			data, err := readArchive(r)
			if err != nil {
				return nil, err
			}
			res, err := h.Portability.ImportPartnership(r.Context(), data)
			if err != nil {
				return nil, err
			}
			return api.Created{Value: res}, nil
		})
}

// readArchive reads the archive from a multipart upload (field file) or
// from the body itself, refusing more than pk.MaxArchiveBytes.
func readArchive(r *http.Request) ([]byte, error) {
	tooLarge := pk.FieldInvalid("file", "portability.import.error.too_large", map[string]any{"MB": pk.MaxArchiveBytes >> 20})
	noFile := pk.FieldInvalid("file", "portability.import.error.no_file", nil)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		data, err := io.ReadAll(io.LimitReader(r.Body, pk.MaxArchiveBytes+1))
		if err != nil {
			return nil, noFile
		}
		if len(data) > pk.MaxArchiveBytes {
			return nil, tooLarge
		}
		if len(data) == 0 {
			return nil, noFile
		}
		return data, nil
	}
	data, _, err := httpx.ReadMultipart(r, pk.MaxArchiveBytes, 0)
	switch {
	case errors.Is(err, httpx.ErrFileTooBig):
		return nil, tooLarge
	case err != nil:
		return nil, noFile
	}
	return data, nil
}
