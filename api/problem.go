package api

import (
	"encoding/json"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

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

// problem writes err as application/problem+json, in the asker's language.
// An error that is not one of ours is logged and answered without detail.
func (a *API) problem(w http.ResponseWriter, r *http.Request, err error) {
	status := StatusOf(err)
	l := a.Bundle.Localizer(Language(r))
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
