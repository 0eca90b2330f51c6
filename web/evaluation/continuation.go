package evaluation

import (
	"net/http"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) openContinuation(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Evaluations.OpenContinuation(r.Context(), r.PathValue("pid"), r.PathValue("evid"))
	return h.done(w, r, "continuation", err)
}

func (h *Pages) addPoint(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	in := pk.PointInput{Side: r.PostForm.Get("side"), Text: r.PostForm.Get("text")}
	_, err := h.Evaluations.AddPoint(r.Context(), r.PathValue("pid"), r.PathValue("evid"), in)
	return h.done(w, r, "continuation", err)
}

func (h *Pages) deletePoint(w http.ResponseWriter, r *http.Request) error {
	if ok, err := h.confirm(w, r, pk.ActionAddFindings, "evaluation.point.delete_confirm"); !ok {
		return err
	}
	err := h.Evaluations.DeletePoint(r.Context(), r.PathValue("pid"), r.PathValue("evid"), r.PathValue("ptid"), web.Atoi(r.PostForm.Get("version")))
	return h.done(w, r, "continuation", err)
}

// propose brings the continuation question to a decision; the close time
// is a local date and time in the chosen time zone, as for any proposal.
func (h *Pages) propose(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	in := pk.ContinuationProposalInput{Direction: f.Get("direction"), Title: f.Get("title"), Text: f.Get("text"),
		TimeZone: strings.TrimSpace(f.Get("time_zone"))}
	loc := time.UTC
	if in.TimeZone != "" {
		if l, err := time.LoadLocation(in.TimeZone); err == nil {
			loc = l
		}
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", f.Get("closes_at"), loc); err == nil {
		in.ClosesAt = t
	}
	p, err := h.Evaluations.ProposeContinuation(r.Context(), r.PathValue("pid"), r.PathValue("evid"), in)
	if err != nil {
		return h.done(w, r, "propose", err)
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/decisions/proposals/"+p.ID, "flash.saved")
	return nil
}
