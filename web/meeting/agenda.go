package meeting

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// agendaForm reads the form of an agenda item.
func agendaForm(r *http.Request) pk.AgendaItemInput {
	r.ParseForm()
	f := r.PostForm
	return pk.AgendaItemInput{Title: f.Get("title"), PresenterID: f.Get("presenter_id"), Minutes: web.Atoi(f.Get("minutes")),
		Notes: f.Get("notes"), Position: web.Atoi(f.Get("position")), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) agendaAdd(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Meetings.AddAgendaItem(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), agendaForm(r))
	return h.done(w, r, "agenda", err, "")
}

// agendaUpdate changes an item; the page's up and down buttons send the
// item's fields with the new position.
func (h *Pages) agendaUpdate(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Meetings.UpdateAgendaItem(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), r.PathValue("aiid"), agendaForm(r))
	return h.done(w, r, "agenda", err, "")
}

func (h *Pages) agendaDelete(w http.ResponseWriter, r *http.Request) error {
	pid, mtid := r.PathValue("pid"), r.PathValue("mtid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditMeetings, "meetings", web.Confirm{Question: "meeting.agenda.delete_confirm",
			Button: "form.remove", Back: "/p/" + pid + "/meetings/" + mtid})
	}
	err := h.Meetings.DeleteAgendaItem(r.Context(), pid, mtid, r.PathValue("aiid"), web.Atoi(r.PostForm.Get("version")))
	return h.done(w, r, "agenda", err, "")
}

func (h *Pages) circulate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	_, err := h.Meetings.CirculateAgenda(r.Context(), r.PathValue("pid"), r.PathValue("mtid"), web.Atoi(r.PostForm.Get("version")))
	return h.done(w, r, "circulate", err, "")
}
