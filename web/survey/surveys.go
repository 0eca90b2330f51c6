package survey

import (
	"net/http"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type surveysData struct {
	Surveys   *pk.SurveyList
	Templates []string
	CanEdit   bool
}

func (h *Pages) surveysPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderSurveys(w, r, http.StatusOK, nil)
}

func (h *Pages) renderSurveys(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewSurveys, "surveys.title", "surveys")
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	} else {
		v.Form.Values.Set("anonymous", "on")
	}
	list, err := h.Surveys.Surveys(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	v.Data = &surveysData{Surveys: list, Templates: pk.SurveyTemplates, CanEdit: pk.Can(v.P.MyRole, pk.ActionEditSurveys)}
	h.Render(w, r, status, templates, "surveys", v)
	return nil
}

// surveyCreate makes a survey from a template, its texts in the asker's
// language; the title typed replaces the template's.
func (h *Pages) surveyCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	r.ParseForm()
	f := r.PostForm
	name := f.Get("template")
	if name == "" {
		name = "blank"
	}
	l := h.Bundle.Localizer(web.Language(r))
	in, ok := pk.SurveyFromTemplate(name, func(key string) string { return l.T(key) })
	var err error
	if !ok {
		err = pk.FieldInvalid("template", "validation.choice", nil)
	} else {
		if t := strings.TrimSpace(f.Get("title")); t != "" {
			in.Title = t
		}
		in.Anonymous = f.Get("anonymous") == "on"
		var s *pk.Survey
		if s, err = h.Surveys.CreateSurvey(r.Context(), pid, in); err == nil {
			web.Redirect(w, r, "/p/"+pid+"/surveys/"+s.ID, "flash.saved")
			return nil
		}
	}
	if web.IsFormError(err) {
		return h.renderSurveys(w, r, httpx.Status(err), err)
	}
	return err
}
