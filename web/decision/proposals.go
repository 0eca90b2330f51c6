package decision

import (
	"net/http"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type proposalsData struct {
	Proposals *pk.ProposalList
	Bodies    []*pk.Body
	Areas     []string
	Methods   []string
	Results   []string
	Minimums  []string
	CanCreate bool
}

func (h *Pages) proposalsPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderProposals(w, r, http.StatusOK, nil)
}

func (h *Pages) renderProposals(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewDecisions, "decision.title", "decisions")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	list, err := h.Decisions.Proposals(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &proposalsData{Proposals: list, Methods: pk.ProposalMethods, Results: pk.ResultsVisibilities, Minimums: pk.CommitmentMinimums,
		CanCreate: pk.Can(v.P.MyRole, pk.ActionPropose)}
	if d.CanCreate {
		if d.Bodies, _, err = h.Bodies.Bodies(r.Context(), v.P.ID); err != nil {
			return err
		}
		if c, err := h.Charter.Charter(r.Context(), v.P.ID); err == nil {
			for _, a := range c.Areas {
				d.Areas = append(d.Areas, a.Area)
			}
		} else if pk.ErrorCode(err) != pk.ENOTFOUND {
			return err
		}
	}
	v.Data = d
	h.Render(w, r, status, templates, "proposals", v)
	return nil
}

// proposalForm reads the form that brings a proposal. The close time is
// a local date and time in the chosen time zone; links and options are
// one per line.
func proposalForm(r *http.Request) pk.ProposalInput {
	r.ParseForm()
	f := r.PostForm
	in := pk.ProposalInput{Title: f.Get("title"), Text: f.Get("text"), Background: f.Get("background"), BodyID: f.Get("body_id"),
		Area: f.Get("area"), Method: f.Get("method"), Secret: f.Get("secret") == "on", Results: f.Get("results"), Minimum: f.Get("minimum"),
		TimeZone: strings.TrimSpace(f.Get("time_zone")), ReviewOn: f.Get("review_on"),
		Links: strings.Split(f.Get("links"), "\n"), Options: strings.Split(f.Get("options"), "\n")}
	in.MinBallots = web.Atoi(f.Get("min_ballots"))
	loc := time.UTC
	if in.TimeZone != "" {
		if l, err := time.LoadLocation(in.TimeZone); err == nil {
			loc = l
		}
	}
	if t, err := time.ParseInLocation("2006-01-02T15:04", f.Get("closes_at"), loc); err == nil {
		in.ClosesAt = t
	}
	return in
}

func (h *Pages) proposalCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	p, err := h.Decisions.CreateProposal(r.Context(), pid, proposalForm(r))
	if web.IsFormError(err) {
		return h.renderProposals(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/decisions/proposals/"+p.ID, "flash.saved")
	return nil
}
