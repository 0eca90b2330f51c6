package actor

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
)

// actorDeleteVersion is the version a DELETE is based on: If-Match or ?version=.
func actorDeleteVersion(r *http.Request) (int, error) {
	n := 0
	if s := r.URL.Query().Get("version"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			return 0, pk.FieldInvalid("version", "validation.number", nil)
		}
	}
	return api.Version(r, n)
}
