package actor

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/tabular"
)

// maxMapping caps the mapping field of an import.
const maxMapping = 64 << 10

// readImport reads the multipart upload of an import: the file, capped,
// and an optional mapping {column: field}.
func readImport(r *http.Request) ([]byte, map[string]string, error) {
	r.Body = io.NopCloser(io.LimitReader(r.Body, tabular.MaxBytes+maxMapping+64<<10))
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, pk.FieldInvalid("file", "actors.import.error.no_file", nil)
	}
	var data []byte
	var mapping map[string]string
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, nil, pk.FieldInvalid("file", "actors.import.error.too_large", nil)
		}
		switch part.FormName() {
		case "file":
			data, err = io.ReadAll(io.LimitReader(part, tabular.MaxBytes+1))
			if err != nil {
				return nil, nil, pk.FieldInvalid("file", "actors.import.error.no_file", nil)
			}
			if len(data) > tabular.MaxBytes {
				return nil, nil, pk.FieldInvalid("file", "actors.import.error.too_large", nil)
			}
		case "mapping":
			b, err := io.ReadAll(io.LimitReader(part, maxMapping+1))
			if err != nil || len(b) > maxMapping || json.Unmarshal(b, &mapping) != nil {
				return nil, nil, pk.FieldInvalid("mapping", "validation.json", map[string]any{"Detail": "mapping must be an object {column: field}"})
			}
		}
		part.Close()
	}
	if data == nil {
		return nil, nil, pk.FieldInvalid("file", "actors.import.error.no_file", nil)
	}
	return data, mapping, nil
}

func (h *Handlers) registerImport(a *api.API) {
	const tag = "actors"
	base := "/partnerships/{pid}/actors"
	a.Route("POST", base+"/import", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Import actors from a CSV or XLSX file (multipart field file, at most 5 MB and 10,000 rows; optional field mapping, a JSON object {column: field or \"ignore\"}). All or nothing: any row error refuses the file with every error as row N.field. ?dry_run=true previews without writing", Tag: tag,
		Upload: true, Response: pk.ActorImport{}, Query: []string{"dry_run"}},
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
