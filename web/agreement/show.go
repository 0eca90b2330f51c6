package agreement

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	rules "github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// renderedSection is a section with its body as HTML and the comments on
// it (CommentsCut: older ones were left out).
type renderedSection struct {
	ID, Title   string
	HTML        template.HTML
	Comments    []*pk.AgreementComment
	CommentsCut bool
}

type showData struct {
	A          *pk.Agreement
	Sections   []renderedSection
	Log        *pk.AgreementLog
	Checklist  *pk.AgreementChecklist
	Answers    []string
	Groups     []string
	Signable   bool
	SignForm   *web.Form
	StatusForm *web.Form
	// CommentForm is the comment refused, shown again under its section
	// (CommentSection); MayComment says the asker may comment now.
	CommentForm    *web.Form
	CommentSection string
	MayComment     bool
}

func (h *Pages) renderShow(w http.ResponseWriter, r *http.Request, status int, which string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewAgreements, "agreement.show.title", "agreements")
	if err != nil {
		return err
	}
	ctx, pid, id := r.Context(), v.P.ID, r.PathValue("agid")
	d := &showData{}
	if d.A, err = h.Agreements.Agreement(ctx, pid, id); err != nil {
		return err
	}
	if d.Log, err = h.Agreements.AgreementLog(ctx, pid, id); err != nil {
		return err
	}
	if d.Checklist, err = h.Agreements.AgreementChecklist(ctx, pid, id); err != nil {
		return err
	}
	comments, err := h.Agreements.AgreementComments(ctx, pid, id)
	if err != nil {
		return err
	}
	d.Answers, d.Groups = rules.ChecklistAnswers, rules.ChecklistGroups
	for _, s := range d.A.Sections {
		d.Sections = append(d.Sections, renderedSection{ID: s.ID, Title: s.Title, HTML: markdown(s.Body),
			Comments: comments.Of(s.ID), CommentsCut: comments.CutOf(s.ID)})
	}
	d.MayComment = pk.Can(v.P.MyRole, pk.ActionCommentAgreements) && rules.Editable(d.A.Status)
	d.CommentForm = &web.Form{}
	d.Signable = rules.Signable(d.A.Status) && len(d.A.Missing) > 0
	ver := strconv.Itoa(d.A.Version)
	d.SignForm = &web.Form{Values: url.Values{"text_sha256": {d.A.TextSHA256}}}
	d.StatusForm = &web.Form{Values: url.Values{"version": {ver}}}
	if formErr != nil {
		f := h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		switch which {
		case "sign":
			f.Values.Set("text_sha256", d.A.TextSHA256)
			d.SignForm = f
		case "comment":
			d.CommentForm, d.CommentSection = f, f.Values.Get("section")
		default:
			f.Values.Set("version", ver)
			d.StatusForm = f
		}
		v.Form.Error = f.Error
	}
	v.Data = d
	h.Render(w, r, status, templates, "agreement", v)
	return nil
}

func (h *Pages) show(w http.ResponseWriter, r *http.Request) error {
	return h.renderShow(w, r, http.StatusOK, "", nil)
}

func (h *Pages) setStatus(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	_, err := h.Agreements.SetAgreementStatus(r.Context(), r.PathValue("pid"), r.PathValue("agid"),
		pk.AgreementStatusInput{Status: r.PostForm.Get("status"), Version: web.Atoi(r.PostForm.Get("version"))})
	if web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), "status", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/agreements/"+r.PathValue("agid"), "flash.saved")
	return nil
}

func (h *Pages) sign(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	_, err := h.Agreements.SignAgreement(r.Context(), r.PathValue("pid"), r.PathValue("agid"),
		pk.AgreementSignInput{OrganisationID: f.Get("organisation_id"), TypedName: f.Get("typed_name"), TextSHA256: f.Get("text_sha256")})
	if web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), "sign", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/agreements/"+r.PathValue("agid"), "flash.saved")
	return nil
}

// saveChecklist answers every item of the checklist form (answer-<item>,
// note-<item>).
func (h *Pages) saveChecklist(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	var in pk.AgreementChecklistInput
	for _, id := range rules.ChecklistItemIDs() {
		if _, ok := r.PostForm["answer-"+id]; ok {
			in.Answers = append(in.Answers, pk.AgreementChecklistEntry{Item: id, Answer: r.PostForm.Get("answer-" + id), Note: r.PostForm.Get("note-" + id)})
		}
	}
	_, err := h.Agreements.SetAgreementChecklist(r.Context(), r.PathValue("pid"), r.PathValue("agid"), in)
	if web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), "checklist", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/agreements/"+r.PathValue("agid")+"#checklist-h", "flash.saved")
	return nil
}
