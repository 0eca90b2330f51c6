package partnership

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerPartnerships(rt *httpx.Router) {
	h.Handle(rt, "GET", "/p/new", httpx.SignedIn, h.partnershipNew)
	h.Handle(rt, "POST", "/p", httpx.SignedIn, h.partnershipCreate)
	h.Handle(rt, "GET", "/p/{pid}", httpx.RoleFor(pk.ActionViewPartnership), h.dashboard)
	h.Handle(rt, "GET", "/p/{pid}/settings", httpx.RoleFor(pk.ActionEditPartnership), h.partnershipSettings)
	h.Handle(rt, "POST", "/p/{pid}/settings", httpx.RoleFor(pk.ActionEditPartnership), h.partnershipUpdate)
	h.Handle(rt, "POST", "/p/{pid}/archive", httpx.RoleFor(pk.ActionArchivePartnership), h.partnershipArchive)
	h.Handle(rt, "GET", "/p/{pid}/audit", httpx.RoleFor(pk.ActionViewAudit), h.audit)
}

// partnershipChoices are the select options of the partnership form.
type partnershipChoices struct {
	Forms, Bases, Scopes, Structures []string
	Organisations                    []*pk.Organisation
}

func (h *Pages) partnershipChoices(r *http.Request) (*partnershipChoices, error) {
	orgs, _, err := h.Organisations.Organisations(r.Context(), pk.PageRequest{Limit: pk.MaxPageSize})
	return &partnershipChoices{Forms: pk.PartnershipForms, Bases: pk.PartnershipBases, Scopes: pk.PartnershipScopes,
		Structures: pk.PartnershipStructures, Organisations: orgs}, err
}

func partnershipForm(r *http.Request) pk.PartnershipInput {
	r.ParseForm()
	f := r.PostForm
	return pk.PartnershipInput{Name: f.Get("name"), Purpose: f.Get("purpose"), Form: f.Get("form"), Basis: f.Get("basis"),
		Scope: f.Get("scope"), Structure: f.Get("structure"), OrganisationID: f.Get("organisation_id"), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) partnershipNew(w http.ResponseWriter, r *http.Request) error {
	v := h.View(r, "partnership.new.title")
	c, err := h.partnershipChoices(r)
	if err != nil {
		return err
	}
	v.Data = c
	h.Render(w, r, http.StatusOK, templates, "partnership_new", v)
	return nil
}

func (h *Pages) partnershipCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := h.Partnerships.CreatePartnership(r.Context(), partnershipForm(r))
	if err != nil {
		v := h.View(r, "partnership.new.title")
		c, cerr := h.partnershipChoices(r)
		if cerr != nil {
			return cerr
		}
		v.Data = c
		return h.FormOr(w, r, err, templates, "partnership_new", v)
	}
	web.Redirect(w, r, "/p/"+p.ID, "flash.partnership_created")
	return nil
}

func (h *Pages) dashboard(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewPartnership, "dashboard.title", "dashboard")
	if err != nil {
		return err
	}
	d, err := h.Partnerships.Dashboard(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	// Where the partnership stands in its playbook, and the next few
	// things to do, so the front page says what to work on.
	pb, err := h.Playbooks.Playbook(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	if len(pb.Next) > 3 {
		pb.Next = pb.Next[:3]
	}
	v.Data = &dashboardData{Dashboard: d, Playbook: pb}
	h.Render(w, r, http.StatusOK, templates, "dashboard", v)
	return nil
}

type dashboardData struct {
	*pk.Dashboard
	Playbook *pk.PlaybookView
}

type settingsData struct {
	*partnershipChoices
	Members *pk.Members
}

func (h *Pages) partnershipSettings(w http.ResponseWriter, r *http.Request) error {
	return h.renderSettings(w, r, http.StatusOK, nil)
}

func (h *Pages) renderSettings(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewPartnership, "settings.title", "settings")
	if err != nil {
		return err
	}
	if !pk.Can(v.P.MyRole, pk.ActionEditPartnership) {
		return pk.Forbidden()
	}
	p := v.P
	v.Form.Values = url.Values{"name": {p.Name}, "purpose": {p.Purpose}, "form": {p.Form}, "basis": {p.Basis}, "scope": {p.Scope},
		"structure": {p.Structure}, "version": {strconv.Itoa(p.Version)}}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	c, err := h.partnershipChoices(r)
	if err != nil {
		return err
	}
	m, err := h.Members.Members(r.Context(), p.ID)
	if err != nil {
		return err
	}
	v.Data = &settingsData{partnershipChoices: c, Members: m}
	h.Render(w, r, status, templates, "settings", v)
	return nil
}

func (h *Pages) partnershipUpdate(w http.ResponseWriter, r *http.Request) error {
	_, err := h.Partnerships.UpdatePartnership(r.Context(), r.PathValue("pid"), partnershipForm(r))
	if web.IsFormError(err) {
		return h.renderSettings(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/settings", "flash.saved")
	return nil
}

func (h *Pages) partnershipArchive(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	archive := r.PostForm.Get("archived") != "0"
	// Archiving stops every change by every member, so it is asked once
	// more; restoring is not.
	if archive && !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionArchivePartnership, "settings", web.Confirm{Question: "confirm.partnership.archive",
			Effect: "settings.archive_intro", Back: "/p/" + r.PathValue("pid") + "/settings"})
	}
	_, err := h.Partnerships.SetArchived(r.Context(), r.PathValue("pid"), archive, web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderSettings(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	flash := "flash.archived"
	if !archive {
		flash = "flash.restored"
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid"), flash)
	return nil
}

type auditData struct {
	Entries []*pk.AuditEntry
	Next    string
}

func (h *Pages) audit(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewAudit, "audit.title", "audit")
	if err != nil {
		return err
	}
	d := &auditData{}
	if d.Entries, d.Next, err = h.Partnerships.Audit(r.Context(), v.P.ID, pk.PageRequest{Cursor: r.URL.Query().Get("cursor")}); err != nil {
		return err
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "audit", v)
	return nil
}
