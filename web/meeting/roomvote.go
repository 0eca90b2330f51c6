package meeting

import (
	"net/http"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// roomField is one control of a room-vote form: its errors by the field
// the store names, its value as typed.
type roomField struct {
	Name, Value string
	Errors      []string
}

// roomForm is the form that records the vote in the room on one proposal,
// with what a refused post typed and the messages beside each control.
type roomForm struct {
	RV      *pk.RoomVote
	Counts  []roomField
	Reasons roomField
	Chair   roomField
	// Errors are the messages of the whole vote (the proposal, the counts
	// against who is present); Error the headline.
	Errors []string
	Error  string
}

func (rf *roomForm) fill(f *web.Form) {
	if f == nil {
		f = &web.Form{}
	}
	get := func(name string) string {
		if f.Values == nil {
			return ""
		}
		return f.Values.Get(name)
	}
	for _, c := range rf.RV.Choices {
		rf.Counts = append(rf.Counts, roomField{Name: c, Value: get("counts." + c), Errors: f.Errors["counts."+c]})
	}
	rf.Reasons = roomField{Name: "reasons", Value: get("reasons"), Errors: f.Errors["reasons"]}
	for k, es := range f.Errors {
		if strings.HasPrefix(k, "reasons.") {
			rf.Reasons.Errors = append(rf.Reasons.Errors, es...)
		}
	}
	rf.Chair = roomField{Name: "chair_decision", Value: get("chair_decision"), Errors: f.Errors["chair_decision"]}
	rf.Errors = append(append(append(rf.Errors, f.Errors["proposal_id"]...), f.Errors["counts"]...), f.Errors["present"]...)
	rf.Error = f.Error
}

// decisionsPart adds what the meeting page shows of decisions: the
// proposals an agenda item may name (of the meeting's body, any for an
// open meeting), the votes that may be taken in the room once the meeting
// has begun, and the decisions taken at it.
func (h *Pages) decisionsPart(r *http.Request, p *pk.Partnership, m *pk.Meeting, d *showData) error {
	ctx := r.Context()
	var err error
	if d.Decisions, d.DecCut, err = h.MeetingDecisions.MeetingDecisions(ctx, p.ID, m.ID); err != nil {
		return err
	}
	if d.CanEdit {
		var proposals []pk.ProposalChoice
		if proposals, d.PropCut, err = h.Decisions.ProposalChoices(ctx, p.ID, m.BodyID); err != nil {
			return err
		}
		l := h.Bundle.Localizer(web.Language(r))
		for _, pr := range proposals {
			d.ProposalOptions = append(d.ProposalOptions, pk.Choice{ID: pr.ID, Name: pr.Title + " (" + l.T("decision.status."+pr.Status) + ")"})
		}
	}
	if d.CanMin && d.Begun {
		rvs, err := h.MeetingDecisions.RoomVotes(ctx, p.ID, m.ID)
		if err != nil {
			return err
		}
		for _, rv := range rvs {
			d.Rooms = append(d.Rooms, roomForm{RV: rv})
		}
	}
	return nil
}

// roomVote records the vote taken in the room: a count per choice
// (count.<choice>), the reasons one per line, and the chair's decision.
func (h *Pages) roomVote(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	in := pk.RoomVoteInput{ProposalID: f.Get("proposal_id"), Counts: map[string]int{}, ChairDecision: f.Get("chair_decision")}
	for k, vs := range f {
		if c, ok := strings.CutPrefix(k, "counts."); ok && len(vs) > 0 && strings.TrimSpace(vs[0]) != "" {
			n, err := strconv.Atoi(strings.TrimSpace(vs[0]))
			if err != nil {
				n = -1 // not a number: refused by the count's range, naming it
			}
			in.Counts[c] = n
		}
	}
	for _, line := range strings.Split(f.Get("reasons"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			in.Reasons = append(in.Reasons, line)
		}
	}
	_, err := h.MeetingDecisions.RecordRoomVote(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), in)
	return h.done(w, r, "room:"+in.ProposalID, err, "")
}
