package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// maxBody caps JSON request bodies.
const maxBody = 1 << 20

// Decode reads a JSON body strictly into dst: the right content type, at
// most maxBody bytes, no unknown fields, every type error naming its field.
func Decode(r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return &pk.Error{Code: pk.EINVALID, Key: "error.unsupported_media_type"}
		}
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBody+1))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if err == nil {
		// Only white space may follow the value. (More alone misses a
		// stray closing bracket: to it, "]" ends a list.)
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return pk.FieldInvalid("", "validation.json", map[string]any{"Detail": "more than one JSON value"})
		}
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return pk.FieldInvalid("", "validation.json", map[string]any{"Detail": "empty body"})
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			field = "body"
		}
		return pk.FieldInvalid(field, "validation.type", map[string]any{"Type": typeErr.Type.String()})
	case errors.As(err, &syntaxErr):
		return pk.FieldInvalid("", "validation.json", map[string]any{"Detail": fmt.Sprintf("syntax error at byte %d", syntaxErr.Offset)})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return pk.FieldInvalid(name, "validation.unknown_field", nil)
	}
	return pk.FieldInvalid("", "validation.json", map[string]any{"Detail": err.Error()})
}
