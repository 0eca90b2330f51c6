package survey

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// answerItem is one item of the answer form, with its field names, the
// values typed (after a refused answer) and its messages.
type answerItem struct {
	*pk.SurveyItem
	Field   string
	Value   string
	Checked map[string]bool
	Errors  []string
	Options []answerOption
	Rows    []answerRow
}

type answerOption struct {
	Value, Label string
}

type answerRow struct {
	Label, Field, Value string
	Errors              []string
}

type answerData struct {
	Form     *pk.SurveyForm
	Code     string
	Items    []answerItem
	Points   []string
	CodeErrs []string
}

// codePage is where a printed code is typed: it sends on to /s/{code}.
func (h *Pages) codePage(w http.ResponseWriter, r *http.Request) error {
	if code := pk.NormalizeSurveyCode(r.URL.Query().Get("code")); code != "" {
		http.Redirect(w, r, "/s/"+url.PathEscape(code), http.StatusSeeOther)
		return nil
	}
	v := h.View(r, "surveys.code.title")
	h.Render(w, r, http.StatusOK, templates, "code", v)
	return nil
}

func (h *Pages) answerPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderAnswer(w, r, http.StatusOK, nil)
}

// renderAnswer draws the form, or says why the link cannot be used. The
// page is never cached or sent as a referrer: its address is the key.
func (h *Pages) renderAnswer(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	code := pk.NormalizeSurveyCode(r.PathValue("code"))
	f, err := h.Surveys.SurveyByLink(r.Context(), code)
	if err != nil {
		return err
	}
	v := h.View(r, "surveys.answer.title")
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	d := &answerData{Form: f, Code: code, Points: []string{"1", "2", "3", "4", "5"}, CodeErrs: v.Form.Errors["code"]}
	for _, it := range f.Survey.Items {
		a := answerItem{SurveyItem: it, Field: pk.SurveyItemField(it.ID, -1), Checked: map[string]bool{}}
		a.Value = v.Form.Values.Get(a.Field)
		for _, x := range v.Form.Values[a.Field] {
			a.Checked[x] = true
		}
		a.Errors = v.Form.Errors[a.Field]
		for i, o := range it.Options {
			a.Options = append(a.Options, answerOption{Value: strconv.Itoa(i), Label: o})
		}
		for i, label := range it.Rows {
			rf := pk.SurveyItemField(it.ID, i)
			a.Rows = append(a.Rows, answerRow{Label: label, Field: rf, Value: v.Form.Values.Get(rf), Errors: v.Form.Errors[rf]})
		}
		d.Items = append(d.Items, a)
	}
	v.Data = d
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	page := "answer"
	if f.State != pk.SurveyOpen {
		page = "answered"
	}
	h.Render(w, r, status, templates, page, v)
	return nil
}

// answerSave stores the answer; a refused one shows the form again with
// every message beside its question, and nothing was kept.
func (h *Pages) answerSave(w http.ResponseWriter, r *http.Request) error {
	if err := r.ParseForm(); err != nil {
		return pk.Errorf(pk.EINVALID, "error.bad_request", nil)
	}
	in := pk.SurveyAnswerInput{Values: map[string][]string(r.PostForm), Code: r.PostForm.Get("code")}
	err := h.Surveys.AnswerSurvey(r.Context(), r.PathValue("code"), in)
	if web.IsFormError(err) {
		return h.renderAnswer(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	v := h.View(r, "surveys.answer.thanks")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	v.Data = &answerData{Form: &pk.SurveyForm{State: "thanks"}}
	h.Render(w, r, http.StatusOK, templates, "answered", v)
	return nil
}
