package actor

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/tabular"
)

// maxMapping caps the mapping field of an import.
const maxMapping = 64 << 10

// Content types an import takes besides a multipart upload: the file as the
// whole body.
const csvType = "text/csv"

// readImport reads the file of an import and its optional mapping {column:
// field}: a multipart upload (fields file and mapping), or the file itself
// as a text/csv or XLSX body with the mapping in ?mapping=, so that
// `curl --data-binary @actors.csv -H 'Content-Type: text/csv'` works. Any
// other content type is unsupported (415); the file is capped either way.
func readImport(r *http.Request) ([]byte, map[string]string, error) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		mt = ""
	}
	switch mt {
	case "multipart/form-data":
		return readImportUpload(r)
	case csvType, xlsxType:
		var mapping map[string]string
		if q := r.URL.Query().Get("mapping"); q != "" {
			if mapping, err = parseMapping([]byte(q)); err != nil {
				return nil, nil, err
			}
		}
		data, err := io.ReadAll(io.LimitReader(r.Body, tabular.MaxBytes+1))
		switch {
		case err != nil:
			return nil, nil, api.BadRequest(pk.FieldInvalid("file", "actors.import.error.no_file", nil))
		case len(data) > tabular.MaxBytes:
			return nil, nil, pk.FieldInvalid("file", "actors.import.error.too_large", nil)
		case len(data) == 0:
			return nil, nil, pk.FieldInvalid("file", "actors.import.error.no_file", nil)
		}
		return data, mapping, nil
	}
	return nil, nil, api.UnsupportedMediaType("api.import.error.content_type")
}

// parseMapping reads a mapping {column: field}.
func parseMapping(b []byte) (map[string]string, error) {
	var mapping map[string]string
	if len(b) > maxMapping || json.Unmarshal(b, &mapping) != nil {
		return nil, pk.FieldInvalid("mapping", "validation.json", map[string]any{"Detail": "mapping must be an object {column: field}"})
	}
	return mapping, nil
}

// readImportUpload reads a multipart upload: the file and the mapping
// fields. A multipart body that cannot be parsed is a bad request (400).
func readImportUpload(r *http.Request) ([]byte, map[string]string, error) {
	data, values, err := httpx.ReadMultipart(r, tabular.MaxBytes, maxMapping, "mapping")
	switch {
	case errors.Is(err, httpx.ErrUnreadable):
		return nil, nil, api.BadRequest(pk.FieldInvalid("file", "actors.import.error.no_file", nil))
	case errors.Is(err, httpx.ErrFileTooBig):
		return nil, nil, pk.FieldInvalid("file", "actors.import.error.too_large", nil)
	case errors.Is(err, httpx.ErrFieldTooBig):
		return nil, nil, pk.FieldInvalid("mapping", "validation.json", map[string]any{"Detail": "mapping must be an object {column: field}"})
	case err != nil:
		return nil, nil, pk.FieldInvalid("file", "actors.import.error.no_file", nil)
	}
	var mapping map[string]string
	if b, ok := values["mapping"]; ok {
		if mapping, err = parseMapping(b); err != nil {
			return nil, nil, err
		}
	}
	return data, mapping, nil
}

func (h *Handlers) registerImport(a *api.API) {
	const tag = "actors"
	base := "/partnerships/{pid}/actors"
	a.Route("POST", base+"/import", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Import actors from a CSV or XLSX file: a multipart upload (field file; optional field mapping, a JSON object {column: field or \"ignore\"}) or the file itself as a text/csv or XLSX body (mapping then in ?mapping=); at most 5 MB and 10,000 rows. All or nothing: any row error refuses the file with every error as row N.field. ?dry_run=true previews without writing", Tag: tag,
		Upload: true, UploadTypes: []string{"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, Response: pk.ActorImport{}, Query: []string{"dry_run", "mapping"}},
		func(r *http.Request) (any, error) {
			// Outsiders and observers learn nothing from a malformed upload.
			if err := h.Actors.MayImportActors(r.Context(), r.PathValue("pid")); err != nil {
				return nil, err
			}
			data, mapping, err := readImport(r)
			if err != nil {
				return nil, err
			}
			imp, err := h.Actors.ImportActors(r.Context(), r.PathValue("pid"), data, mapping, r.URL.Query().Get("dry_run") == "true")
			if err != nil {
				return nil, err
			}
			t := a.T(r)
			for i, e := range imp.Errors {
				imp.Errors[i].Message = t(e.Key, e.Data)
			}
			return imp, nil
		})
}
