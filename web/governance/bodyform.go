package governance

import (
	"math"
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// bodyForm reads the form that adds a body. The quorum is a share typed
// as 0.5 or 0,5; anything that is not a number becomes NaN, which the
// validation refuses naming the field.
func bodyForm(r *http.Request) pk.BodyInput {
	r.ParseForm()
	f := r.PostForm
	q := math.NaN()
	if s := strings.TrimSpace(strings.Replace(f.Get("quorum"), ",", ".", 1)); s == "" {
		q = 0
	} else if x, err := strconv.ParseFloat(s, 64); err == nil {
		q = x
	}
	return pk.BodyInput{Name: f.Get("name"), Kind: f.Get("kind"), Mandate: f.Get("mandate"), ParentID: f.Get("parent_id"),
		Cadence: f.Get("cadence"), Quorum: q, ReportsToID: f.Get("reports_to_id"), ReportingCadence: f.Get("reporting_cadence")}
}

// bodyCreate adds a body from the form on the bodies page; a refusal
// shows the page again with the typed values and the messages.
func (h *Pages) bodyCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	b, err := h.Bodies.CreateBody(r.Context(), pid, bodyForm(r))
	if web.IsFormError(err) {
		return h.renderBodies(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/governance/bodies/"+b.ID, "flash.saved")
	return nil
}
