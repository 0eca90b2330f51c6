package api

import (
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// versionBody is a body that carries only the version an action is based
// on (archiving, deleting).
type versionBody struct {
	Version int `json:"version" doc:"The version the change is based on (or send If-Match)." example:"1"`
}

// VersionBody is shared by the modules. It is an alias of the unexported
// type so that the OpenAPI document keeps the schema name it has always
// had (components/schemas/versionBody): the generator names schemas by Go
// type name.
type VersionBody = versionBody

// Version is the version an update is based on: the If-Match header when
// present (a bare number or a quoted ETag), else the body's.
func Version(r *http.Request, body int) (int, error) {
	h := strings.Trim(strings.TrimPrefix(r.Header.Get("If-Match"), "W/"), `"`)
	if h == "" {
		return body, nil
	}
	n, err := strconv.Atoi(h)
	if err != nil || n <= 0 {
		return 0, pk.FieldInvalid("If-Match", "validation.number", nil)
	}
	return n, nil
}

// DecodeWithVersion decodes a body that carries a version (*v, a field of
// *b) and lets If-Match override it.
func DecodeWithVersion[T any](r *http.Request, b *T, v *int) error {
	if err := Decode(r, b); err != nil {
		return err
	}
	n, err := Version(r, *v)
	*v = n
	return err
}

// QueryVersion is the version a DELETE (or another bodiless action) is
// based on: If-Match, else ?version=.
func QueryVersion(r *http.Request) (int, error) {
	n := 0
	if s := r.URL.Query().Get("version"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			return 0, pk.FieldInvalid("version", "validation.number", nil)
		}
	}
	return Version(r, n)
}
