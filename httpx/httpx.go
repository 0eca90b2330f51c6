// Package httpx is the plumbing the HTML pages and the JSON API share: the
// one table from domain error codes to HTTP statuses, the route registry
// that records who may call each route (read by the permission-matrix test
// and the OpenAPI document), who is asking, request IDs, logging, security
// headers and panics.
package httpx

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

// Status maps a domain error code to its HTTP status, in one place.
func Status(err error) int {
	switch pk.ErrorCode(err) {
	case "":
		return http.StatusOK
	case pk.ENOTFOUND:
		return http.StatusNotFound
	case pk.EINVALID:
		return http.StatusUnprocessableEntity
	case pk.ECONFLICT:
		return http.StatusConflict
	case pk.EFORBIDDEN:
		return http.StatusForbidden
	case pk.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case pk.ETOOMANY:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}
