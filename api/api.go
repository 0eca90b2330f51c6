// Package api is Partnerkit's JSON API under /api/v1: the same services as
// the pages, decoded from JSON and answered in JSON, with errors as
// application/problem+json listing {field, message}. Every route is
// registered with its access level and an operation description, from
// which /api/v1/openapi.json is generated.
package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb"
)

// Prefix of every API path.
const Prefix = "/api/v1"

// maxBody caps JSON request bodies.
const maxBody = 1 << 20

// API is the JSON face of Partnerkit.
type API struct {
	DB         *sqldb.DB
	Bundle     *i18n.Bundle
	Log        *slog.Logger
	TrustProxy bool
	router     *httpx.Router
}

// handler answers one API call: a value to encode as JSON (nil for 204 No
// Content), or an error to encode as a problem.
type handler func(r *http.Request) (any, error)

// Created wraps an answer that made a new resource (201).
type Created struct{ Value any }

// Raw is an answer that is not JSON (an SVG, a CSV file…).
type Raw struct {
	ContentType string
	Filename    string // sets Content-Disposition: attachment when not empty
	Body        []byte
}

// List is the shape of every paginated list.
type List[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// route registers an API operation.
func (a *API) route(method, pattern string, access httpx.Access, doc httpx.OpDoc, fn handler) {
	a.router.Handle(httpx.Route{Method: method, Pattern: Prefix + pattern, Access: access, API: true, Doc: &doc},
		http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if access.SignedIn && pk.UserFromContext(r.Context()) == nil {
				a.problem(w, r, pk.Unauthorized())
				return
			}
			v, err := fn(r)
			if err != nil {
				a.problem(w, r, err)
				return
			}
			status := http.StatusOK
			if doc.Status != 0 {
				status = doc.Status
			}
			switch x := v.(type) {
			case nil:
				w.WriteHeader(http.StatusNoContent)
			case Raw:
				w.Header().Set("Content-Type", x.ContentType)
				if x.Filename != "" {
					w.Header().Set("Content-Disposition", `attachment; filename="`+x.Filename+`"`)
				}
				w.Header().Set("Cache-Control", "no-store")
				w.Write(x.Body)
			case Created:
				writeJSON(w, http.StatusCreated, x.Value)
			default:
				writeJSON(w, status, v)
			}
		}))
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v)
}

// Problem is an RFC 9457 problem document with our field errors.
type Problem struct {
	Type    string         `json:"type"`
	Title   string         `json:"title"`
	Status  int            `json:"status"`
	Code    string         `json:"code"`
	Errors  []ProblemField `json:"errors"`
	Version int            `json:"version,omitempty"`
	// RequestID helps an administrator find the request in the logs.
	RequestID string `json:"request_id,omitempty"`
}

// ProblemField names a field (or row.field) and what is wrong with it.
type ProblemField struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// language picks the language of error messages: the profile's, else
// Accept-Language.
func language(r *http.Request) string {
	if u := pk.UserFromContext(r.Context()); u != nil && i18n.Supported(u.Language) {
		return u.Language
	}
	return i18n.Match(r.Header.Get("Accept-Language"))
}

// problem writes err as application/problem+json.
func (a *API) problem(w http.ResponseWriter, r *http.Request, err error) {
	status := httpx.Status(err)
	l := a.Bundle.Localizer(language(r))
	p := Problem{Type: "about:blank", Status: status, Code: pk.ErrorCode(err), Errors: []ProblemField{}}
	if e, ok := pk.AsError(err); ok {
		p.Title = l.T(e.Key, e.Data)
		p.Version = e.Version
		for _, f := range e.Fields {
			p.Errors = append(p.Errors, ProblemField{Field: f.Field, Message: l.T(f.Key, f.Data)})
		}
	} else {
		p.Title = l.T("error.internal")
		p.RequestID = pk.RequestIDFromContext(r.Context())
		a.Log.Error("api failed", "request_id", p.RequestID, "path", r.URL.Path, "err", err)
	}
	w.Header().Set("Content-Type", "application/problem+json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(p)
}

// BadToken answers a request whose bearer token is wrong.
func (a *API) BadToken(w http.ResponseWriter, r *http.Request) {
	a.problem(w, r, pk.Unauthorized())
}

// NotFound answers API paths nobody registered.
func (a *API) NotFound(w http.ResponseWriter, r *http.Request) {
	a.problem(w, r, pk.NotFound())
}

// decode reads a JSON body strictly into dst: the right content type, at
// most maxBody bytes, no unknown fields, every type error naming its field.
func decode(r *http.Request, dst any) error {
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
		if dec.More() {
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

// version is the version an update is based on: the If-Match header when
// present (a bare number or a quoted ETag), else the body's.
func version(r *http.Request, body int) (int, error) {
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

// page reads ?limit= and ?cursor=.
func page(r *http.Request) (pk.PageRequest, error) {
	q := r.URL.Query()
	p := pk.PageRequest{Cursor: q.Get("cursor")}
	if s := q.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > pk.MaxPageSize {
			return p, pk.FieldInvalid("limit", "validation.range", map[string]any{"Min": 1, "Max": pk.MaxPageSize})
		}
		p.Limit = n
	}
	return p, nil
}
