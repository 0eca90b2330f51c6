package partnerkit

import (
	"errors"
	"fmt"
)

// Error codes. The HTTP layers map each to one status in one place
// (httpx.Status); services never think in status codes.
const (
	ENOTFOUND     = "not_found"
	EINVALID      = "invalid"
	ECONFLICT     = "conflict"
	EFORBIDDEN    = "forbidden"
	EUNAUTHORIZED = "unauthorized"
	ETOOMANY      = "too_many_requests"
	EINTERNAL     = "internal"
)

// FieldError says which field (or row and field) is wrong and why. Key is a
// translation message ID; Data fills its placeholders. The edge translates.
type FieldError struct {
	Field string
	Key   string
	Data  map[string]any
}

// Error is the one error type services return for anything a person can act on.
type Error struct {
	Code string
	// Key is a translation message ID for the headline, Data its placeholders.
	Key    string
	Data   map[string]any
	Fields []FieldError
	// Version is the current version of the record when Code is ECONFLICT.
	Version int
}

func (e *Error) Error() string {
	s := e.Code
	if e.Key != "" {
		s += ": " + e.Key
	}
	for _, f := range e.Fields {
		s += fmt.Sprintf(" [%s: %s]", f.Field, f.Key)
	}
	return s
}

// ErrorCode returns the code of err, EINTERNAL for errors that are not ours.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// AsError returns err as *Error when it is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Errorf builds an error with a code and a message key.
func Errorf(code, key string, data map[string]any) *Error {
	return &Error{Code: code, Key: key, Data: data}
}

// NotFound is what anyone gets for something that does not exist or that
// they may not know exists.
func NotFound() *Error { return &Error{Code: ENOTFOUND, Key: "error.not_found"} }

// Forbidden is for people who may see a thing but not do this with it.
func Forbidden() *Error { return &Error{Code: EFORBIDDEN, Key: "error.forbidden"} }

// Unauthorized means: sign in first.
func Unauthorized() *Error { return &Error{Code: EUNAUTHORIZED, Key: "error.unauthorized"} }

// Conflict reports a stale version, carrying the current one.
func Conflict(current int) *Error {
	return &Error{Code: ECONFLICT, Key: "error.conflict", Version: current, Data: map[string]any{"Version": current}}
}

// Invalid wraps field errors.
func Invalid(fields ...FieldError) *Error {
	return &Error{Code: EINVALID, Key: "error.invalid", Fields: fields}
}

// FieldInvalid is a one-field validation error.
func FieldInvalid(field, key string, data map[string]any) *Error {
	return Invalid(FieldError{Field: field, Key: key, Data: data})
}
