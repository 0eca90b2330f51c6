package decision

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

type logData struct {
	Log    *pk.DecisionList
	Bodies []*pk.Body
	Body   string
}

// logPage is the decision log, of the partnership or of one body (?body=).
func (h *Pages) logPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewDecisions, "decision.log.title", "decisions")
	if err != nil {
		return err
	}
	body := r.URL.Query().Get("body")
	list, err := h.Decisions.Decisions(r.Context(), v.P.ID, body)
	if err != nil {
		return err
	}
	bodies, _, err := h.Bodies.Bodies(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	v.Data = &logData{Log: list, Bodies: bodies, Body: body}
	h.Render(w, r, http.StatusOK, templates, "log", v)
	return nil
}

type decisionData struct {
	D         *pk.Decision
	Max       int
	CanReopen bool
}

func (h *Pages) decisionPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderDecision(w, r, http.StatusOK, nil)
}

func (h *Pages) renderDecision(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewDecisions, "decision.decision.title", "decisions")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	d, err := h.Decisions.Decision(r.Context(), v.P.ID, r.PathValue("decid"))
	if err != nil {
		return err
	}
	data := &decisionData{D: d, CanReopen: d.ReopenAllowed && !d.Supported && pk.Can(v.P.MyRole, pk.ActionSupportReopen)}
	if d.Tally != nil {
		for _, c := range d.Tally.Counts {
			data.Max = max(data.Max, c.N)
		}
	}
	v.Data = data
	h.Render(w, r, status, templates, "decision", v)
	return nil
}

func (h *Pages) reopen(w http.ResponseWriter, r *http.Request) error {
	pid, id := r.PathValue("pid"), r.PathValue("decid")
	d, err := h.Decisions.SupportReopening(r.Context(), pid, id)
	if pk.ErrorCode(err) == pk.ECONFLICT {
		return h.renderDecision(w, r, http.StatusConflict, err)
	} else if err != nil {
		return err
	}
	if d.ReopenedBy != "" {
		web.Redirect(w, r, "/p/"+pid+"/decisions/proposals/"+d.ReopenedBy, "decision.flash.reopened")
		return nil
	}
	web.Redirect(w, r, "/p/"+pid+"/decisions/log/"+id, "decision.flash.supported")
	return nil
}
