package web

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

func (h *Web) registerPartnerships(rt *httpx.Router) {
	h.handle(rt, "GET", "/p/new", httpx.SignedIn, h.partnershipNew)
	h.handle(rt, "POST", "/p", httpx.SignedIn, h.partnershipCreate)
	h.handle(rt, "GET", "/p/{pid}", httpx.RoleFor(pk.ActionViewPartnership), h.dashboard)
	h.handle(rt, "GET", "/p/{pid}/settings", httpx.RoleFor(pk.ActionEditPartnership), h.partnershipSettings)
	h.handle(rt, "POST", "/p/{pid}/settings", httpx.RoleFor(pk.ActionEditPartnership), h.partnershipUpdate)
	h.handle(rt, "POST", "/p/{pid}/archive", httpx.RoleFor(pk.ActionArchivePartnership), h.partnershipArchive)
	h.handle(rt, "GET", "/p/{pid}/audit", httpx.RoleFor(pk.ActionViewAudit), h.audit)
}

// partnershipChoices are the select options of the partnership form.
type partnershipChoices struct {
	Forms, Bases, Scopes, Structures []string
	Organisations                    []*pk.Organisation
}

func (h *Web) partnershipChoices(r *http.Request) (*partnershipChoices, error) {
	orgs, _, err := h.DB.Organisations(r.Context(), pk.PageRequest{Limit: pk.MaxPageSize})
	return &partnershipChoices{Forms: pk.PartnershipForms, Bases: pk.PartnershipBases, Scopes: pk.PartnershipScopes,
		Structures: pk.PartnershipStructures, Organisations: orgs}, err
}

func partnershipForm(r *http.Request) pk.PartnershipInput {
	r.ParseForm()
	f := r.PostForm
	return pk.PartnershipInput{Name: f.Get("name"), Purpose: f.Get("purpose"), Form: f.Get("form"), Basis: f.Get("basis"),
		Scope: f.Get("scope"), Structure: f.Get("structure"), OrganisationID: f.Get("organisation_id"), Version: atoi(f.Get("version"))}
}

func (h *Web) partnershipNew(w http.ResponseWriter, r *http.Request) error {
	v := h.view(r, "partnership.new.title")
	c, err := h.partnershipChoices(r)
	if err != nil {
		return err
	}
	v.Data = c
	h.render(w, r, http.StatusOK, "partnership_new", v)
	return nil
}

func (h *Web) partnershipCreate(w http.ResponseWriter, r *http.Request) error {
	p, err := h.DB.CreatePartnership(r.Context(), partnershipForm(r))
	if err != nil {
		v := h.view(r, "partnership.new.title")
		c, cerr := h.partnershipChoices(r)
		if cerr != nil {
			return cerr
		}
		v.Data = c
		return h.formOr(w, r, err, "partnership_new", v)
	}
	redirect(w, r, "/p/"+p.ID, "flash.partnership_created")
	return nil
}

func (h *Web) dashboard(w http.ResponseWriter, r *http.Request) error {
	v, err := h.partnershipView(r, pk.ActionViewPartnership, "dashboard.title", "dashboard")
	if err != nil {
		return err
	}
	d, err := h.DB.Dashboard(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	// Where the partnership stands in its playbook, and the next few
	// things to do, so the front page says what to work on.
	pb, err := h.DB.Playbook(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	if len(pb.Next) > 3 {
		pb.Next = pb.Next[:3]
	}
	v.Data = &dashboardData{Dashboard: d, Playbook: pb}
	h.render(w, r, http.StatusOK, "dashboard", v)
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

func (h *Web) partnershipSettings(w http.ResponseWriter, r *http.Request) error {
	return h.renderSettings(w, r, http.StatusOK, nil)
}

func (h *Web) renderSettings(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.partnershipView(r, pk.ActionViewPartnership, "settings.title", "settings")
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
		v.Form = h.formFromError(r, &Form{Values: r.PostForm}, formErr)
	}
	c, err := h.partnershipChoices(r)
	if err != nil {
		return err
	}
	m, err := h.DB.Members(r.Context(), p.ID)
	if err != nil {
		return err
	}
	v.Data = &settingsData{partnershipChoices: c, Members: m}
	h.render(w, r, status, "settings", v)
	return nil
}

func (h *Web) partnershipUpdate(w http.ResponseWriter, r *http.Request) error {
	_, err := h.DB.UpdatePartnership(r.Context(), r.PathValue("pid"), partnershipForm(r))
	if isFormError(err) {
		return h.renderSettings(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/p/"+r.PathValue("pid")+"/settings", "flash.saved")
	return nil
}

func (h *Web) partnershipArchive(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	archive := r.PostForm.Get("archived") != "0"
	_, err := h.DB.SetArchived(r.Context(), r.PathValue("pid"), archive, atoi(r.PostForm.Get("version")))
	if isFormError(err) {
		return h.renderSettings(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	flash := "flash.archived"
	if !archive {
		flash = "flash.restored"
	}
	redirect(w, r, "/p/"+r.PathValue("pid"), flash)
	return nil
}

type auditData struct {
	Entries []*pk.AuditEntry
	Next    string
}

func (h *Web) audit(w http.ResponseWriter, r *http.Request) error {
	v, err := h.partnershipView(r, pk.ActionViewAudit, "audit.title", "audit")
	if err != nil {
		return err
	}
	d := &auditData{}
	if d.Entries, d.Next, err = h.DB.Audit(r.Context(), v.P.ID, pk.PageRequest{Cursor: r.URL.Query().Get("cursor")}); err != nil {
		return err
	}
	v.Data = d
	h.render(w, r, http.StatusOK, "audit", v)
	return nil
}
