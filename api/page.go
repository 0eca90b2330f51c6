package api

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
)

// Page reads ?limit= and ?cursor=.
func Page(r *http.Request) (pk.PageRequest, error) {
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
