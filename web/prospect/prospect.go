package prospect

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerProspects(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewProspects), httpx.RoleFor(pk.ActionEditProspects)
	h.Handle(rt, "GET", "/p/{pid}/prospects", view, h.prospectList)
	h.Handle(rt, "GET", "/p/{pid}/prospects/new", edit, h.prospectNew)
	h.Handle(rt, "POST", "/p/{pid}/prospects", edit, h.prospectCreate)
	h.Handle(rt, "GET", "/p/{pid}/prospects/{prid}", view, h.prospectShow)
	h.Handle(rt, "GET", "/p/{pid}/prospects/{prid}/edit", edit, h.prospectEdit)
	h.Handle(rt, "POST", "/p/{pid}/prospects/{prid}", edit, h.prospectUpdate)
	h.Handle(rt, "POST", "/p/{pid}/prospects/{prid}/delete", edit, h.prospectDelete)
	h.Handle(rt, "POST", "/p/{pid}/prospects/{prid}/status", edit, h.prospectStatus)
	h.Handle(rt, "POST", "/p/{pid}/prospects/{prid}/invite", httpx.RoleFor(pk.ActionInvite), h.prospectInvite)
}

type prospectListData struct {
	Columns []*pk.ProspectColumn
	More    bool
	Total   int
	Overdue int
}

func (h *Pages) prospectList(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewProspects, "outreach.prospects.title", "prospects")
	if err != nil {
		return err
	}
	d := &prospectListData{}
	if d.Columns, d.More, err = h.Prospects.PipelineProspects(r.Context(), v.P.ID); err != nil {
		return err
	}
	for _, c := range d.Columns {
		d.Total += len(c.Prospects)
		for _, x := range c.Prospects {
			if x.Overdue {
				d.Overdue++
			}
		}
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "prospects", v)
	return nil
}

type prospectFormData struct {
	Prospect *pk.Prospect // nil when new
	Choices  *pk.ProspectChoices
	Kinds    []string
	Statuses []string
}

// prospectFields are the form's field names, in the order of ProspectInput.
var prospectFields = []string{"name", "kind", "actor_id", "organisation_id", "user_id", "contact_name", "contact_email", "contact_phone",
	"contact_role", "record", "statements", "worked_with", "message", "next_step", "next_step_due"}

func prospectValues(x *pk.Prospect) url.Values {
	vals := url.Values{}
	for i, s := range []string{x.Name, x.Kind, x.ActorID, x.OrganisationID, x.UserID, x.ContactName, x.ContactEmail, x.ContactPhone,
		x.ContactRole, x.Record, x.Statements, x.WorkedWith, x.Message, x.NextStep, x.NextStepDue} {
		vals.Set(prospectFields[i], s)
	}
	vals.Set("version", strconv.Itoa(x.Version))
	return vals
}

func prospectInput(f url.Values) pk.ProspectInput {
	return pk.ProspectInput{Name: f.Get("name"), Kind: f.Get("kind"), ActorID: f.Get("actor_id"), OrganisationID: f.Get("organisation_id"),
		UserID: f.Get("user_id"), ContactName: f.Get("contact_name"), ContactEmail: f.Get("contact_email"), ContactPhone: f.Get("contact_phone"),
		ContactRole: f.Get("contact_role"), Record: f.Get("record"), Statements: f.Get("statements"), WorkedWith: f.Get("worked_with"),
		Message: f.Get("message"), NextStep: f.Get("next_step"), NextStepDue: f.Get("next_step_due"), Status: f.Get("status"),
		Version: web.Atoi(f.Get("version"))}
}

// renderProspectForm shows the new or edit form (id "" for new).
func (h *Pages) renderProspectForm(w http.ResponseWriter, r *http.Request, id string, status int, formErr error) error {
	title := "outreach.prospects.new"
	if id != "" {
		title = "outreach.prospects.edit"
	}
	v, err := h.PartnershipView(r, pk.ActionEditProspects, title, "prospects")
	if err != nil {
		return err
	}
	d := &prospectFormData{Kinds: pk.ProspectKinds, Statuses: pk.ProspectStatuses}
	if id != "" {
		if d.Prospect, err = h.Prospects.Prospect(r.Context(), v.P.ID, id); err != nil {
			return err
		}
		v.Form.Values = prospectValues(d.Prospect)
	} else {
		v.Form.Values.Set("kind", "organisation")
		v.Form.Values.Set("status", pk.ProspectIdentified)
		if v.User != nil {
			v.Form.Values.Set("user_id", v.User.ID)
		}
	}
	if d.Choices, err = h.Prospects.ProspectChoices(r.Context(), v.P.ID); err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "prospect_form", v)
	return nil
}

func (h *Pages) prospectNew(w http.ResponseWriter, r *http.Request) error {
	return h.renderProspectForm(w, r, "", http.StatusOK, nil)
}

func (h *Pages) prospectEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderProspectForm(w, r, r.PathValue("prid"), http.StatusOK, nil)
}

func (h *Pages) prospectCreate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	x, err := h.Prospects.CreateProspect(r.Context(), r.PathValue("pid"), prospectInput(r.PostForm))
	if web.IsFormError(err) {
		return h.renderProspectForm(w, r, "", httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/prospects/"+x.ID, "flash.created")
	return nil
}

func (h *Pages) prospectUpdate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	id := r.PathValue("prid")
	in := prospectInput(r.PostForm)
	_, err := h.Prospects.UpdateProspect(r.Context(), r.PathValue("pid"), id, in)
	if web.IsFormError(err) {
		return h.renderProspectForm(w, r, id, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/prospects/"+id, "flash.saved")
	return nil
}

type prospectData struct {
	Prospect *pk.Prospect
	History  []*pk.ProspectStatusChange
	// HistoryCut: older changes than these MaxHistory are not listed.
	HistoryCut bool
	MaxHistory int
	Statuses   []string
	Roles      []string
	StatusForm *web.Form
	InviteForm *web.Form
	DeleteForm *web.Form
}

// renderProspect shows a prospect; a failed status change, invitation or
// deletion shows its messages in its own form (which names it).
func (h *Pages) renderProspect(w http.ResponseWriter, r *http.Request, status int, which string, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewProspects, "outreach.prospect.title", "prospects")
	if err != nil {
		return err
	}
	ctx, id := r.Context(), r.PathValue("prid")
	d := &prospectData{Statuses: pk.ProspectStatuses, Roles: pk.Roles}
	if d.Prospect, err = h.Prospects.Prospect(ctx, v.P.ID, id); err != nil {
		return err
	}
	hist, err := h.Prospects.ProspectHistoryList(ctx, v.P.ID, id)
	if err != nil {
		return err
	}
	d.History, d.HistoryCut, d.MaxHistory = hist.Changes, hist.Cut, pk.MaxProspectHistory
	ver := strconv.Itoa(d.Prospect.Version)
	d.StatusForm = &web.Form{Values: url.Values{"version": {ver}}}
	d.InviteForm = &web.Form{Values: url.Values{"email": {d.Prospect.ContactEmail}, "role": {string(pk.RoleMember)}}}
	d.DeleteForm = &web.Form{Values: url.Values{"version": {ver}}}
	if formErr != nil {
		f := h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		switch which {
		case "status":
			d.StatusForm = f
		case "invite":
			d.InviteForm = f
		default:
			d.DeleteForm = f
		}
		v.Form.Error = f.Error
	}
	v.Data = d
	h.Render(w, r, status, templates, "prospect", v)
	return nil
}

func (h *Pages) prospectShow(w http.ResponseWriter, r *http.Request) error {
	return h.renderProspect(w, r, http.StatusOK, "", nil)
}

func (h *Pages) prospectStatus(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	_, err := h.Prospects.SetProspectStatus(r.Context(), r.PathValue("pid"), r.PathValue("prid"),
		pk.ProspectStatusInput{Status: f.Get("status"), Note: f.Get("note"), Version: web.Atoi(f.Get("version"))})
	if web.IsFormError(err) {
		return h.renderProspect(w, r, httpx.Status(err), "status", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/prospects/"+r.PathValue("prid"), "flash.saved")
	return nil
}

func (h *Pages) prospectInvite(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	f := r.PostForm
	_, err := h.Prospects.InviteProspect(r.Context(), r.PathValue("pid"), r.PathValue("prid"), pk.ProspectInviteInput{Role: f.Get("role"),
		Email: f.Get("email"), Message: f.Get("message"), Language: f.Get("language")})
	if web.IsFormError(err) {
		return h.renderProspect(w, r, httpx.Status(err), "invite", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/prospects/"+r.PathValue("prid"), "flash.invitation_sent")
	return nil
}

func (h *Pages) prospectDelete(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditProspects, "prospects", web.Confirm{Question: "confirm.prospect.delete", Find: func() (string, error) {
			x, err := h.Prospects.Prospect(r.Context(), r.PathValue("pid"), r.PathValue("prid"))
			if err != nil {
				return "", err
			}
			return x.Name, nil
		},
			Effect: "confirm.effect.final", Button: "outreach.prospect.delete", Back: "/p/" + r.PathValue("pid") + "/prospects/" + r.PathValue("prid")})
	}
	err := h.Prospects.DeleteProspect(r.Context(), r.PathValue("pid"), r.PathValue("prid"), web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderProspect(w, r, httpx.Status(err), "delete", err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/prospects", "flash.prospect_deleted")
	return nil
}
