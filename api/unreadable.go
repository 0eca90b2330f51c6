package api

import (
	"errors"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

// unreadable is a request whose body the operation cannot read at all, as
// opposed to a readable body whose content is refused (a plain pk.Error,
// 422): 400 for a body that does not parse, 415 for a content type the
// operation does not take. It wraps the pk.Error that says why, so the
// problem document is written the same way as every other.
type unreadable struct {
	status int
	err    *pk.Error
}

func (u *unreadable) Error() string { return u.err.Error() }
func (u *unreadable) Unwrap() error { return u.err }

// BadRequest marks err as a body that could not be parsed (400).
func BadRequest(err *pk.Error) error { return &unreadable{http.StatusBadRequest, err} }

// UnsupportedMediaType refuses a body sent as a type the operation does not
// take (415); key says which types it takes.
func UnsupportedMediaType(key string) error {
	return &unreadable{http.StatusUnsupportedMediaType, &pk.Error{Code: pk.EINVALID, Key: key,
		Fields: []pk.FieldError{{Field: "Content-Type", Key: key}}}}
}

// StatusOf is the status an API error is answered with: the kernel's own
// for an unreadable request, else the one status table's (httpx.Status).
func StatusOf(err error) int {
	var u *unreadable
	if errors.As(err, &u) {
		return u.status
	}
	return httpx.Status(err)
}
