package organisation

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerOrganisations(rt *httpx.Router) {
	h.Handle(rt, "GET", "/organisations", httpx.SignedIn, h.organisationList)
	h.Handle(rt, "GET", "/organisations/new", httpx.SignedIn, h.organisationNew)
	h.Handle(rt, "POST", "/organisations", httpx.SignedIn, h.organisationCreate)
	h.Handle(rt, "GET", "/organisations/{oid}", httpx.SignedIn, h.organisationShow)
	h.Handle(rt, "GET", "/organisations/{oid}/edit", httpx.SignedIn, h.organisationEdit)
	h.Handle(rt, "POST", "/organisations/{oid}", httpx.SignedIn, h.organisationUpdate)
	h.Handle(rt, "POST", "/organisations/{oid}/people", httpx.SignedIn, h.organisationAddPerson)
	h.Handle(rt, "POST", "/organisations/{oid}/people/{uid}/remove", httpx.SignedIn, h.organisationRemovePerson)
}

// organisationForm reads the organisation fields of a form.
func organisationForm(r *http.Request) pk.OrganisationInput {
	r.ParseForm()
	f := r.PostForm
	return pk.OrganisationInput{Name: f.Get("name"), Kind: f.Get("kind"), Country: f.Get("country"), City: f.Get("city"),
		Mission: f.Get("mission"), Website: f.Get("website"), RefugeeLed: f.Get("refugee_led") == "on",
		YouthLed: f.Get("youth_led") == "on", Version: web.Atoi(f.Get("version"))}
}

// organisationValues fills a form with an organisation's fields.
func organisationValues(o *pk.Organisation) url.Values {
	v := url.Values{"name": {o.Name}, "kind": {o.Kind}, "country": {o.Country}, "city": {o.City}, "mission": {o.Mission},
		"website": {o.Website}, "version": {strconv.Itoa(o.Version)}}
	if o.RefugeeLed {
		v.Set("refugee_led", "on")
	}
	if o.YouthLed {
		v.Set("youth_led", "on")
	}
	return v
}

type organisationListData struct {
	Organisations []*pk.Organisation
	Next          string
	Directory     []*pk.Organisation
	Query         string
}

func (h *Pages) organisationList(w http.ResponseWriter, r *http.Request) error {
	v := h.View(r, "organisation.list.title")
	d := &organisationListData{Query: r.URL.Query().Get("q")}
	var err error
	if d.Organisations, d.Next, err = h.Organisations.Organisations(r.Context(), pk.PageRequest{Cursor: r.URL.Query().Get("cursor")}); err != nil {
		return err
	}
	if d.Query != "" {
		if d.Directory, err = h.Organisations.OrganisationDirectory(r.Context(), d.Query, 50); err != nil {
			return err
		}
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "organisations", v)
	return nil
}

func (h *Pages) organisationNew(w http.ResponseWriter, r *http.Request) error {
	v := h.View(r, "organisation.new.title")
	v.Data = pk.OrganisationKinds
	h.Render(w, r, http.StatusOK, templates, "organisation_form", v)
	return nil
}

func (h *Pages) organisationCreate(w http.ResponseWriter, r *http.Request) error {
	o, err := h.Organisations.CreateOrganisation(r.Context(), organisationForm(r))
	if err != nil {
		v := h.View(r, "organisation.new.title")
		v.Data = pk.OrganisationKinds
		return h.FormOr(w, r, err, templates, "organisation_form", v)
	}
	web.Redirect(w, r, "/organisations/"+o.ID, "flash.created")
	return nil
}

type organisationData struct {
	Org    *pk.Organisation
	People []*pk.OrganisationPerson
}

func (h *Pages) organisationShow(w http.ResponseWriter, r *http.Request) error {
	return h.renderOrganisation(w, r, http.StatusOK, nil)
}

func (h *Pages) renderOrganisation(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	o, err := h.Organisations.Organisation(r.Context(), r.PathValue("oid"))
	if err != nil {
		return err
	}
	v := h.View(r, "organisation.title")
	d := &organisationData{Org: o}
	if o.MyRole != "" {
		if d.People, err = h.Organisations.OrganisationPeople(r.Context(), o.ID); err != nil {
			return err
		}
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, nil, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "organisation", v)
	return nil
}

func (h *Pages) organisationEdit(w http.ResponseWriter, r *http.Request) error {
	o, err := h.Organisations.Organisation(r.Context(), r.PathValue("oid"))
	if err != nil {
		return err
	}
	if !pk.CanInOrganisation(o.MyRole, pk.ActionEditOrgProfile) {
		return pk.Forbidden()
	}
	v := h.View(r, "organisation.edit.title")
	v.Form.Values = organisationValues(o)
	v.Data = pk.OrganisationKinds
	v.Path = "/organisations/" + o.ID
	h.Render(w, r, http.StatusOK, templates, "organisation_form", v)
	return nil
}

func (h *Pages) organisationUpdate(w http.ResponseWriter, r *http.Request) error {
	o, err := h.Organisations.UpdateOrganisation(r.Context(), r.PathValue("oid"), organisationForm(r))
	if err != nil {
		v := h.View(r, "organisation.edit.title")
		v.Data = pk.OrganisationKinds
		v.Path = "/organisations/" + r.PathValue("oid")
		return h.FormOr(w, r, err, templates, "organisation_form", v)
	}
	web.Redirect(w, r, "/organisations/"+o.ID, "flash.saved")
	return nil
}

func (h *Pages) organisationAddPerson(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	err := h.Organisations.AddOrganisationPerson(r.Context(), r.PathValue("oid"), r.PostForm.Get("email"), r.PostForm.Get("admin") == "on")
	if web.IsFormError(err) {
		return h.renderOrganisation(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/organisations/"+r.PathValue("oid"), "flash.saved")
	return nil
}

func (h *Pages) organisationRemovePerson(w http.ResponseWriter, r *http.Request) error {
	if !web.Confirmed(r) {
		// Only the organisation's own people are asked; others learn
		// nothing from the question.
		if _, err := h.Organisations.OrganisationPeople(r.Context(), r.PathValue("oid")); err != nil {
			return err
		}
		return h.Ask(w, r, nil, web.Confirm{Question: "confirm.organisation.remove_person",
			Button: "form.remove", Back: "/organisations/" + r.PathValue("oid")})
	}
	err := h.Organisations.RemoveOrganisationPerson(r.Context(), r.PathValue("oid"), r.PathValue("uid"))
	if web.IsFormError(err) {
		return h.renderOrganisation(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/organisations/"+r.PathValue("oid"), "flash.saved")
	return nil
}
