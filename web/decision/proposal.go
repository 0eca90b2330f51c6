package decision

import (
	"cmp"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/decision"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type proposalData struct {
	P *pk.Proposal
	// ClosesLocal is the close time where the proposal means it.
	ClosesLocal string
	Open        bool
	Choices     []string
	// Counts is the tally's largest count, for the bars.
	Max      int
	CanVote  bool
	CanClose bool
	Chair    bool
	Ranking  bool
	// ChairOptions are what the chair may decide.
	ChairOptions []string
	// Lenses are the proposal's lenses (method lenses), named for show.
	Lenses []lensView
	// VoteFor are those the asker may vote for: themselves first, then
	// each giver of a proxy they hold whose ballot is not cast.
	VoteFor  []pk.Voter
	Minimums []string
}

// lensView is a lens as pages show it: a default lens's name is a
// catalogue key (IsKey), a renamed or added one the partnership's text.
type lensView struct {
	Key, Name string
	IsKey     bool
	Weight    float64
}

func viewLens(l pk.Lens) lensView {
	return lensView{Key: l.Key, Name: l.Name, Weight: l.Weight, IsKey: l.IsKey()}
}

func (h *Pages) proposalPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderProposal(w, r, http.StatusOK, nil)
}

func (h *Pages) renderProposal(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewDecisions, "decision.proposal.title", "decisions")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	p, err := h.Decisions.Proposal(r.Context(), v.P.ID, r.PathValue("propid"))
	if err != nil {
		return err
	}
	open := p.Voting
	d := &proposalData{P: p, Open: open, Choices: decision.Choices(p.Method), Chair: p.Method == pk.MethodChair,
		Ranking: pk.Prioritisation(p.Method), ChairOptions: []string{"passed", "rejected"},
		CanVote:  open && pk.Can(v.P.MyRole, pk.ActionVote) && !(p.Secret && p.HasVoted) && p.MyProxy == nil,
		CanClose: p.Status == pk.ProposalOpen && pk.Can(v.P.MyRole, pk.ActionCloseProposal)}
	loc, err := time.LoadLocation(p.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	d.ClosesLocal = p.ClosesAt.In(loc).Format("2006-01-02 15:04") + " (" + p.TimeZone + ")"
	for _, l := range p.Lenses {
		d.Lenses = append(d.Lenses, viewLens(l))
	}
	if d.CanVote && len(p.HeldProxies) > 0 {
		if !p.HasVoted || !p.Secret {
			d.VoteFor = append(d.VoteFor, pk.Voter{ID: "", Name: ""})
		}
		for _, x := range p.HeldProxies {
			if !x.Voted || !p.Secret {
				d.VoteFor = append(d.VoteFor, pk.Voter{ID: x.GiverID, Name: x.GiverName})
			}
		}
	}
	// A holder may still vote for a giver after voting themselves.
	d.CanVote = d.CanVote || (open && len(d.VoteFor) > 1)
	if p.Tally != nil {
		for _, c := range p.Tally.Counts {
			d.Max = max(d.Max, c.N)
		}
	}
	v.Data = d
	h.Render(w, r, status, templates, "proposal", v)
	return nil
}

// ballotForm reads a vote: a choice with its reason, or for a
// prioritisation a number per option (score_0, score_1… in the options'
// order): a score, a number of dots, or a position for ranked choice.
func ballotForm(r *http.Request, method string, options []string, lenses []pk.Lens) pk.BallotInput {
	r.ParseForm()
	f := r.PostForm
	in := pk.BallotInput{Choice: f.Get("choice"), Reason: strings.TrimSpace(f.Get("reason")), ForUserID: f.Get("for_user_id")}
	if method == "lenses" {
		// One number per option and lens: lens_<option>_<lens>, both by
		// position; left empty, a lens is not scored for that option.
		in.LensScores = map[string]map[string]float64{}
		for i, o := range options {
			for j, l := range lenses {
				s := strings.TrimSpace(f.Get("lens_" + strconv.Itoa(i) + "_" + strconv.Itoa(j)))
				if s == "" {
					continue
				}
				x, err := strconv.ParseFloat(s, 64)
				if err != nil {
					x = -1 // refused by the rule, naming the lens scores
				}
				if in.LensScores[o] == nil {
					in.LensScores[o] = map[string]float64{}
				}
				in.LensScores[o][l.Key] = x
			}
		}
		return in
	}
	if len(options) > 0 {
		in.Scores = map[string]float64{}
		for i, o := range options {
			if s := strings.TrimSpace(f.Get("score_" + strconv.Itoa(i))); s != "" {
				x, err := strconv.ParseFloat(s, 64)
				if err != nil {
					x = -1 // refused by the rule, naming the scores
				}
				in.Scores[o] = x
			}
		}
		if method == "ranked" {
			// Positions typed per option become the ranking, first first.
			in.Ranking = slices.SortedStableFunc(maps.Keys(in.Scores), func(a, b string) int { return cmp.Compare(in.Scores[a], in.Scores[b]) })
			in.Scores = nil
		}
	}
	return in
}

func (h *Pages) vote(w http.ResponseWriter, r *http.Request) error {
	pid, id := r.PathValue("pid"), r.PathValue("propid")
	p, err := h.Decisions.Proposal(r.Context(), pid, id)
	if err != nil {
		return err
	}
	var options []string
	if pk.Prioritisation(p.Method) {
		options = p.Options
	}
	_, err = h.Decisions.CastBallot(r.Context(), pid, id, ballotForm(r, p.Method, options, p.Lenses))
	if web.IsFormError(err) || pk.ErrorCode(err) == pk.EFORBIDDEN || pk.ErrorCode(err) == pk.ECONFLICT {
		return h.renderProposal(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/decisions/proposals/"+id, "decision.flash.voted")
	return nil
}

func (h *Pages) close(w http.ResponseWriter, r *http.Request) error {
	pid, id := r.PathValue("pid"), r.PathValue("propid")
	r.ParseForm()
	_, err := h.Decisions.CloseProposal(r.Context(), pid, id, pk.ChairInput{Decision: r.PostForm.Get("chair_decision")})
	if web.IsFormError(err) {
		return h.renderProposal(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/decisions/proposals/"+id, "decision.flash.closed")
	return nil
}
