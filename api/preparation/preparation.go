// Package preparation answers the API calls of what prepares a partnership:
// self-analysis (of a partnership or an organisation), the start-up
// checklist, the theory of change, choosing the form, and the profile.
package preparation

import (
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
)

// Handlers answers the preparation's API calls.
type Handlers struct {
	Preparation pk.PreparationService
}

// Register adds the routes of self-analysis, readiness, the theory of
// change, form advice and the profile.
func (h *Handlers) Register(a *api.API) {
	h.registerSelfAnalysis(a)
	h.registerReadiness(a)
	h.registerTheoryOfChange(a)
	h.registerFormAdvice(a)
	h.registerProfile(a)
}

// deleteVersion reads the version a deletion is based on: If-Match, else a
// {"version": n} body, else ?version=.
func deleteVersion(r *http.Request) (int, error) {
	var b api.VersionBody
	if r.ContentLength != 0 && r.Body != nil && r.Body != http.NoBody {
		if err := api.Decode(r, &b); err != nil {
			return 0, err
		}
	}
	if b.Version == 0 {
		b.Version, _ = strconv.Atoi(r.URL.Query().Get("version"))
	}
	return api.Version(r, b.Version)
}
