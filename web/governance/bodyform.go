package governance

import (
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// formShare reads a share typed as 0.5 or 0,5; empty is 0, and anything
// that is not a number becomes NaN, which the validation refuses naming
// the field.
func formShare(s string) float64 {
	s = strings.TrimSpace(strings.Replace(s, ",", ".", 1))
	if s == "" {
		return 0
	}
	if x, err := strconv.ParseFloat(s, 64); err == nil {
		return x
	}
	return math.NaN()
}

// bodyForm reads the form that adds or changes a body.
func bodyForm(r *http.Request) pk.BodyInput {
	r.ParseForm()
	f := r.PostForm
	return pk.BodyInput{Name: f.Get("name"), Kind: f.Get("kind"), Mandate: f.Get("mandate"), ParentID: f.Get("parent_id"),
		Cadence: f.Get("cadence"), Quorum: formShare(f.Get("quorum")), ReportsToID: f.Get("reports_to_id"),
		ReportingCadence: f.Get("reporting_cadence"), Version: web.Atoi(f.Get("version"))}
}

// bodyValues is a body as its form's values, to prefill the edit page.
func bodyValues(b *pk.Body) url.Values {
	return url.Values{"name": {b.Name}, "kind": {b.Kind}, "mandate": {b.Mandate}, "parent_id": {b.ParentID},
		"cadence": {b.Cadence}, "quorum": {fmtShare(b.Quorum)}, "reports_to_id": {b.ReportsToID},
		"reporting_cadence": {b.ReportingCadence}, "version": {strconv.Itoa(b.Version)}}
}

// fmtShare writes a share as people type it back (0.5, not 5e-01).
func fmtShare(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// bodyOption is a body a select offers (a parent, a reporting line, the
// body deciding an area); names are the partnership's, never translated.
type bodyOption struct{ ID, Name string }

// bodyOptions lists the bodies but the one being edited, which can be
// neither its own parent nor report to itself.
func bodyOptions(bodies []*pk.Body, except string) []bodyOption {
	out := make([]bodyOption, 0, len(bodies))
	for _, b := range bodies {
		if b.ID != except {
			out = append(out, bodyOption{b.ID, b.Name})
		}
	}
	return out
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

type bodyEditData struct {
	Body    *pk.Body
	Kinds   []string
	Options []bodyOption
}

func (h *Pages) bodyEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderBodyEdit(w, r, http.StatusOK, nil)
}

// renderBodyEdit shows the body's form, prefilled from the stored body or,
// after a refusal, with what was typed and the messages.
func (h *Pages) renderBodyEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditGovernance, "governance.body.edit", "governance")
	if err != nil {
		return err
	}
	b, err := h.Bodies.Body(r.Context(), v.P.ID, r.PathValue("boid"))
	if err != nil {
		return err
	}
	bodies, _, err := h.Bodies.Bodies(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	v.Form.Values = bodyValues(b)
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = &bodyEditData{Body: b, Kinds: pk.BodyKinds, Options: bodyOptions(bodies, b.ID)}
	h.Render(w, r, status, templates, "body_edit", v)
	return nil
}

// bodyUpdate saves the body's form.
func (h *Pages) bodyUpdate(w http.ResponseWriter, r *http.Request) error {
	pid, bid := r.PathValue("pid"), r.PathValue("boid")
	_, err := h.Bodies.UpdateBody(r.Context(), pid, bid, bodyForm(r))
	if web.IsFormError(err) {
		return h.renderBodyEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/governance/bodies/"+bid, "flash.saved")
	return nil
}
