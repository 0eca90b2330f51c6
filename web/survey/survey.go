package survey

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// builderItem is one item of the builder's form, with its messages.
type builderItem struct {
	Index, Position    int
	Prefix             string // "items[3]."
	Kind, Prompt, Help string
	Options, Rows      string // one per line
	Required           bool
	Correct            int // 1-based; 0: none
	New                bool
	Errors             map[string][]string
}

type surveyData struct {
	Survey  *pk.Survey
	Items   []builderItem
	Kinds   []string
	CanEdit bool
	Draft   bool
	Moves   []string
}

func (h *Pages) surveyPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderSurvey(w, r, http.StatusOK, nil, nil)
}

// renderSurvey draws the survey; the builder shows items (the ones typed,
// after a refused save) or the survey's own, and one empty item to add.
func (h *Pages) renderSurvey(w http.ResponseWriter, r *http.Request, status int, items []pk.SurveyItemInput, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewSurveys, "surveys.survey.title", "surveys")
	if err != nil {
		return err
	}
	s, err := h.Surveys.Survey(r.Context(), v.P.ID, r.PathValue("svid"))
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	} else {
		v.Form.Values.Set("title", s.Title)
		v.Form.Values.Set("intro", s.Intro)
		v.Form.Values.Set("kind", s.Kind)
		v.Form.Values.Set("version", strconv.Itoa(s.Version))
		if s.Anonymous {
			v.Form.Values.Set("anonymous", "on")
		}
	}
	if items == nil {
		for _, it := range s.Items {
			items = append(items, pk.SurveyItemInput{Kind: it.Kind, Prompt: it.Prompt, Help: it.Help, Options: it.Options, Rows: it.Rows,
				Required: it.Required, Correct: it.Correct})
		}
	}
	d := &surveyData{Survey: s, Kinds: pk.SurveyItemKinds, CanEdit: pk.Can(v.P.MyRole, pk.ActionEditSurveys), Draft: s.Status == pk.SurveyDraft}
	for _, m := range []string{pk.SurveyOpen, pk.SurveyClosed, pk.SurveyDraft} {
		if m != s.Status && !(m == pk.SurveyDraft && s.Status == pk.SurveyClosed) && !(m == pk.SurveyClosed && s.Status == pk.SurveyDraft) {
			d.Moves = append(d.Moves, m)
		}
	}
	all := append(items, pk.SurveyItemInput{Kind: pk.SurveyScale, Correct: -1})
	for i, it := range all {
		b := builderItem{Index: i, Position: i + 1, Prefix: "items[" + strconv.Itoa(i) + "].", Kind: it.Kind, Prompt: it.Prompt, Help: it.Help,
			Options: strings.Join(it.Options, "\n"), Rows: strings.Join(it.Rows, "\n"), Required: it.Required, Correct: it.Correct + 1,
			New: i == len(items), Errors: map[string][]string{}}
		for k, msgs := range v.Form.Errors {
			if rest, ok := strings.CutPrefix(k, b.Prefix); ok && !b.New {
				b.Errors[rest] = msgs
			}
		}
		d.Items = append(d.Items, b)
	}
	v.Data = d
	h.Render(w, r, status, templates, "survey", v)
	return nil
}

// builderForm reads the builder: the survey's details and its items in
// the order of their position fields, without those ticked to remove and
// without the empty new item.
func builderForm(r *http.Request) pk.SurveyInput {
	r.ParseForm()
	f := r.PostForm
	in := pk.SurveyInput{Title: f.Get("title"), Intro: f.Get("intro"), Kind: f.Get("kind"), Anonymous: f.Get("anonymous") == "on",
		Version: web.Atoi(f.Get("version")), SetItems: true}
	type placed struct {
		pos int
		it  pk.SurveyItemInput
	}
	var list []placed
	for i := 0; i <= pk.MaxSurveyItems; i++ {
		p := "items[" + strconv.Itoa(i) + "]."
		if _, ok := f[p+"kind"]; !ok {
			break
		}
		if f.Get(p+"remove") == "on" || (f.Get(p+"new") == "1" && strings.TrimSpace(f.Get(p+"prompt")) == "") {
			continue
		}
		it := pk.SurveyItemInput{Kind: f.Get(p + "kind"), Prompt: f.Get(p + "prompt"), Help: f.Get(p + "help"),
			Options: strings.Split(f.Get(p+"options"), "\n"), Rows: strings.Split(f.Get(p+"rows"), "\n"),
			Required: f.Get(p+"required") == "on", Correct: web.Atoi(f.Get(p+"correct")) - 1}
		pos := web.Atoi(f.Get(p + "position"))
		if pos == 0 {
			pos = i + 1
		}
		list = append(list, placed{pos*2 + 1, it}) // odd: ties keep the form's order
	}
	slices.SortStableFunc(list, func(a, b placed) int { return a.pos - b.pos })
	for _, x := range list {
		in.Items = append(in.Items, x.it)
	}
	return in
}

func (h *Pages) surveySave(w http.ResponseWriter, r *http.Request) error {
	pid, svid := r.PathValue("pid"), r.PathValue("svid")
	in := builderForm(r)
	_, err := h.Surveys.UpdateSurvey(r.Context(), pid, svid, in)
	if web.IsFormError(err) {
		items := in.Items
		if items == nil {
			items = []pk.SurveyItemInput{}
		}
		return h.renderSurvey(w, r, httpx.Status(err), items, err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/surveys/"+svid, "flash.saved")
	return nil
}

// surveyStatus opens, closes or reopens the survey, keeping the rest.
func (h *Pages) surveyStatus(w http.ResponseWriter, r *http.Request) error {
	pid, svid := r.PathValue("pid"), r.PathValue("svid")
	r.ParseForm()
	s, err := h.Surveys.Survey(r.Context(), pid, svid)
	if err != nil {
		return err
	}
	_, err = h.Surveys.UpdateSurvey(r.Context(), pid, svid, pk.SurveyInput{Title: s.Title, Intro: s.Intro, Kind: s.Kind, Anonymous: s.Anonymous,
		Status: r.PostForm.Get("status"), Version: web.Atoi(r.PostForm.Get("version"))})
	if web.IsFormError(err) {
		return h.renderSurvey(w, r, httpx.Status(err), nil, err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/surveys/"+svid, "flash.saved")
	return nil
}
