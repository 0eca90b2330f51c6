package survey

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type linksData struct {
	Survey *pk.Survey
	Links  *pk.SurveyLinkList
	People []*pk.Person
	Rounds []string
	// Made are the links just made, with their codes: shown this once.
	Made []*pk.SurveyLink
}

func (h *Pages) linksPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderLinks(w, r, http.StatusOK, nil, nil)
}

func (h *Pages) renderLinks(w http.ResponseWriter, r *http.Request, status int, made []*pk.SurveyLink, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionEditSurveys, "surveys.links.title", "surveys")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	ctx, pid, svid := r.Context(), v.P.ID, r.PathValue("svid")
	s, err := h.Surveys.Survey(ctx, pid, svid)
	if err != nil {
		return err
	}
	links, err := h.Surveys.SurveyLinks(ctx, pid, svid)
	if err != nil {
		return err
	}
	d := &linksData{Survey: s, Links: links, Made: made}
	if s.Kind == pk.SurveyPrePost {
		d.Rounds = pk.SurveyRounds
	}
	if !s.Anonymous {
		m, err := h.Members.Members(ctx, pid)
		if err != nil {
			return err
		}
		d.People = m.People
	}
	v.Data = d
	h.Render(w, r, status, templates, "links", v)
	return nil
}

// linksCreate makes a batch of codes, or a link for each person ticked,
// and shows the codes on the page that answers: they are not kept.
func (h *Pages) linksCreate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	in := pk.SurveyLinksInput{Round: f.Get("round"), Count: web.Atoi(f.Get("count")), Label: f.Get("label"),
		UserIDs: f["user_ids"], Email: f.Get("email") == "on"}
	made, err := h.Surveys.CreateSurveyLinks(r.Context(), r.PathValue("pid"), r.PathValue("svid"), in)
	if web.IsFormError(err) {
		return h.renderLinks(w, r, httpx.Status(err), nil, err)
	} else if err != nil {
		return err
	}
	w.Header().Set("Cache-Control", "no-store")
	return h.renderLinks(w, r, http.StatusOK, made, nil)
}

// linkRevoke stops a link, once confirmed.
func (h *Pages) linkRevoke(w http.ResponseWriter, r *http.Request) error {
	pid, svid, slid := r.PathValue("pid"), r.PathValue("svid"), r.PathValue("slid")
	back := "/p/" + pid + "/surveys/" + svid + "/links"
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditSurveys, "surveys", web.Confirm{Question: "surveys.links.revoke_confirm", Find: func() (string, error) {
			links, err := h.Surveys.SurveyLinks(r.Context(), pid, svid)
			if err != nil {
				return "", err
			}
			for _, l := range links.Items {
				if l.ID == slid {
					return l.Label, nil
				}
			}
			return "", pk.NotFound()
		}, Effect: "surveys.links.revoke_effect", Button: "surveys.links.revoke", Back: back})
	}
	if err := h.Surveys.RevokeSurveyLink(r.Context(), pid, svid, slid); err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/surveys/"+svid+"/links", "flash.saved")
	return nil
}
