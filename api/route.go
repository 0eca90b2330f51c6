package api

import (
	"encoding/json"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handler answers one API call: a value to encode as JSON (nil for 204 No
// Content), or an error to encode as a problem.
type Handler func(r *http.Request) (any, error)

// Created wraps an answer that made a new resource (201).
type Created struct{ Value any }

// Raw is an answer that is not JSON (an SVG, a CSV file…).
type Raw struct {
	ContentType string
	Filename    string // sets Content-Disposition: attachment when not empty
	Body        []byte
}

// List is the shape of every paginated list. A list with a stated maximum
// rather than pages (the root package's Max… constants) has no next cursor;
// ItemsCut says it stopped at its maximum.
type List[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
	ItemsCut   bool   `json:"items_cut,omitempty"`
}

// NonNil makes empty lists encode as [] rather than null.
func NonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Route registers an API operation under Prefix. The access level is
// checked here for signed-in routes and by the service for roles; doc
// describes the operation in the OpenAPI document.
func (a *API) Route(method, pattern string, access httpx.Access, doc httpx.OpDoc, fn Handler) {
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
				// An export may be kept by the asker's client and
				// revalidated with its ETag (httpx.RevalidatePrivate).
				w.Header().Set("Cache-Control", httpx.RevalidatePrivate)
				httpx.ServeBody(w, r, status, x.Body)
			case Encoded:
				writeEncoded(w, status, x)
			case Created:
				a.writeAnswer(w, r, http.StatusCreated, x.Value)
			default:
				a.writeAnswer(w, r, status, v)
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

// writeAnswer writes an operation's answer with its method texts in the
// asker's language (localize).
func (a *API) writeAnswer(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := a.localizedJSON(r, v)
	if err != nil {
		a.problem(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}
