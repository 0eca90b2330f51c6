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
// A body that is not one JSON value is a bad request (400), another content
// type unsupported (415); a well-formed body with a wrong type or an unknown
// field is refused content (422), like every validation error.
func Decode(r *http.Request, dst any) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return UnsupportedMediaType("error.unsupported_media_type")
		}
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, maxBody+1))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if err == nil {
		// Only white space may follow the value. (More alone misses a
		// stray closing bracket: to it, "]" ends a list.)
		if _, err := dec.Token(); !errors.Is(err, io.EOF) {
			return notJSON("more than one JSON value")
		}
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.Is(err, io.EOF):
		return notJSON("empty body")
	case errors.As(err, &typeErr):
		field := typeErr.Field
		if field == "" {
			field = "body"
		}
		return pk.FieldInvalid(field, "validation.type", map[string]any{"Type": typeErr.Type.String()})
	case errors.As(err, &syntaxErr):
		return notJSON(fmt.Sprintf("syntax error at byte %d", syntaxErr.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return notJSON("the body ends before the JSON value does")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return pk.FieldInvalid(name, "validation.unknown_field", nil)
	}
	return notJSON(err.Error())
}

// notJSON is a body that does not parse as one JSON value (400).
func notJSON(detail string) error {
	return BadRequest(pk.FieldInvalid("", "validation.json", map[string]any{"Detail": detail}))
}
