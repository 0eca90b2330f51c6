package web

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
)

func (h *Web) registerOrganisations(rt *httpx.Router) {
	h.handle(rt, "GET", "/organisations", httpx.SignedIn, h.organisationList)
	h.handle(rt, "GET", "/organisations/new", httpx.SignedIn, h.organisationNew)
	h.handle(rt, "POST", "/organisations", httpx.SignedIn, h.organisationCreate)
	h.handle(rt, "GET", "/organisations/{oid}", httpx.SignedIn, h.organisationShow)
	h.handle(rt, "GET", "/organisations/{oid}/edit", httpx.SignedIn, h.organisationEdit)
	h.handle(rt, "POST", "/organisations/{oid}", httpx.SignedIn, h.organisationUpdate)
	h.handle(rt, "POST", "/organisations/{oid}/people", httpx.SignedIn, h.organisationAddPerson)
	h.handle(rt, "POST", "/organisations/{oid}/people/{uid}/remove", httpx.SignedIn, h.organisationRemovePerson)
}

// organisationForm reads the organisation fields of a form.
func organisationForm(r *http.Request) pk.OrganisationInput {
	r.ParseForm()
	f := r.PostForm
	return pk.OrganisationInput{Name: f.Get("name"), Kind: f.Get("kind"), Country: f.Get("country"), City: f.Get("city"),
		Mission: f.Get("mission"), Website: f.Get("website"), RefugeeLed: f.Get("refugee_led") == "on",
		YouthLed: f.Get("youth_led") == "on", Version: atoi(f.Get("version"))}
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

func (h *Web) organisationList(w http.ResponseWriter, r *http.Request) error {
	v := h.view(r, "organisation.list.title")
	d := &organisationListData{Query: r.URL.Query().Get("q")}
	var err error
	if d.Organisations, d.Next, err = h.DB.Organisations(r.Context(), pk.PageRequest{Cursor: r.URL.Query().Get("cursor")}); err != nil {
		return err
	}
	if d.Query != "" {
		if d.Directory, err = h.DB.OrganisationDirectory(r.Context(), d.Query, 50); err != nil {
			return err
		}
	}
	v.Data = d
	h.render(w, r, http.StatusOK, "organisations", v)
	return nil
}

func (h *Web) organisationNew(w http.ResponseWriter, r *http.Request) error {
	v := h.view(r, "organisation.new.title")
	v.Data = pk.OrganisationKinds
	h.render(w, r, http.StatusOK, "organisation_form", v)
	return nil
}

func (h *Web) organisationCreate(w http.ResponseWriter, r *http.Request) error {
	o, err := h.DB.CreateOrganisation(r.Context(), organisationForm(r))
	if err != nil {
		v := h.view(r, "organisation.new.title")
		v.Data = pk.OrganisationKinds
		return h.formOr(w, r, err, "organisation_form", v)
	}
	redirect(w, r, "/organisations/"+o.ID, "flash.created")
	return nil
}

type organisationData struct {
	Org    *pk.Organisation
	People []*pk.OrganisationPerson
}

func (h *Web) organisationShow(w http.ResponseWriter, r *http.Request) error {
	return h.renderOrganisation(w, r, http.StatusOK, nil)
}

func (h *Web) renderOrganisation(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	o, err := h.DB.Organisation(r.Context(), r.PathValue("oid"))
	if err != nil {
		return err
	}
	v := h.view(r, "organisation.title")
	d := &organisationData{Org: o}
	if o.MyRole != "" {
		if d.People, err = h.DB.OrganisationPeople(r.Context(), o.ID); err != nil {
			return err
		}
	}
	if formErr != nil {
		v.Form = h.formFromError(r, nil, formErr)
	}
	v.Data = d
	h.render(w, r, status, "organisation", v)
	return nil
}

func (h *Web) organisationEdit(w http.ResponseWriter, r *http.Request) error {
	o, err := h.DB.Organisation(r.Context(), r.PathValue("oid"))
	if err != nil {
		return err
	}
	if o.MyRole != "admin" {
		return pk.Forbidden()
	}
	v := h.view(r, "organisation.edit.title")
	v.Form.Values = organisationValues(o)
	v.Data = pk.OrganisationKinds
	v.Path = "/organisations/" + o.ID
	h.render(w, r, http.StatusOK, "organisation_form", v)
	return nil
}

func (h *Web) organisationUpdate(w http.ResponseWriter, r *http.Request) error {
	o, err := h.DB.UpdateOrganisation(r.Context(), r.PathValue("oid"), organisationForm(r))
	if err != nil {
		v := h.view(r, "organisation.edit.title")
		v.Data = pk.OrganisationKinds
		v.Path = "/organisations/" + r.PathValue("oid")
		return h.formOr(w, r, err, "organisation_form", v)
	}
	redirect(w, r, "/organisations/"+o.ID, "flash.saved")
	return nil
}

func (h *Web) organisationAddPerson(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	err := h.DB.AddOrganisationPerson(r.Context(), r.PathValue("oid"), r.PostForm.Get("email"), r.PostForm.Get("admin") == "on")
	if isFormError(err) {
		return h.renderOrganisation(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/organisations/"+r.PathValue("oid"), "flash.saved")
	return nil
}

func (h *Web) organisationRemovePerson(w http.ResponseWriter, r *http.Request) error {
	err := h.DB.RemoveOrganisationPerson(r.Context(), r.PathValue("oid"), r.PathValue("uid"))
	if isFormError(err) {
		return h.renderOrganisation(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/organisations/"+r.PathValue("oid"), "flash.saved")
	return nil
}
