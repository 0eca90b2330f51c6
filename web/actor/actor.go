package actor

import (
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerActors(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewActors), httpx.RoleFor(pk.ActionEditActors)
	h.Handle(rt, "GET", "/p/{pid}/actors", view, h.actorList)
	h.Handle(rt, "GET", "/p/{pid}/actors/new", edit, h.actorNew)
	h.Handle(rt, "POST", "/p/{pid}/actors", edit, h.actorCreate)
	h.Handle(rt, "POST", "/p/{pid}/actors/add-members", edit, h.actorAddMembers)
	h.Handle(rt, "GET", "/p/{pid}/actors/{aid}", view, h.actorShow)
	h.Handle(rt, "GET", "/p/{pid}/actors/{aid}/edit", edit, h.actorEdit)
	h.Handle(rt, "POST", "/p/{pid}/actors/{aid}", edit, h.actorUpdate)
	h.Handle(rt, "POST", "/p/{pid}/actors/{aid}/delete", edit, h.actorDelete)
	h.Handle(rt, "POST", "/p/{pid}/actors/{aid}/merge", edit, h.actorMerge)
	h.registerActorImport(rt)
	h.registerRelationships(rt)
}

// actorForm reads an actor's fields from a form.
func actorForm(r *http.Request) pk.ActorInput {
	r.ParseForm()
	f := r.PostForm
	return pk.ActorInput{Name: f.Get("name"), Kind: f.Get("kind"), Sector: f.Get("sector"), Tags: pk.SplitTags(f.Get("tags")),
		Motivation: f.Get("motivation"), Contribution: f.Get("contribution"), Notes: f.Get("notes"),
		OrganisationID: f.Get("organisation_id"), Sensitive: f.Get("sensitive") == "on", Version: web.Atoi(f.Get("version"))}
}

// actorValues fills a form with an actor's fields.
func actorValues(a *pk.Actor) url.Values {
	v := url.Values{"name": {a.Name}, "kind": {a.Kind}, "sector": {a.Sector}, "tags": {strings.Join(a.Tags, ", ")},
		"motivation": {a.Motivation}, "contribution": {a.Contribution}, "notes": {a.Notes}, "organisation_id": {a.OrganisationID},
		"version": {strconv.Itoa(a.Version)}}
	if a.Sensitive {
		v.Set("sensitive", "on")
	}
	return v
}

// actorFilterOf reads the register's filters from the query string.
func actorFilterOf(r *http.Request) pk.ActorFilter {
	q := r.URL.Query()
	return pk.ActorFilter{Query: q.Get("q"), Kind: q.Get("kind"), Sector: q.Get("sector"), Tag: q.Get("tag"),
		MapID: q.Get("map"), Segment: q.Get("segment"), Strategy: q.Get("strategy")}
}

type actorListData struct {
	Actors []*pk.Actor
	Rows   template.HTML // the actors' rows (actorRowsHTML)
	Count  int
	// Next and Query are query strings we built with url.Values (safe as
	// URLs): the next page's, and the filters' for the export links.
	Next    template.URL
	Filter  pk.ActorFilter
	Query   template.URL
	Kinds   []string
	Sectors []string
	Tags    []string
	// TagsCut: more tags are in use than the MaxTags offered; any of them
	// is reached from an actor's row (its tag links) and stays chosen.
	TagsCut bool
	MaxTags int
	Error   string
	// Empty: the register holds no actor the asker may see, and no
	// filter is set.
	Empty bool
}

func (h *Pages) actorList(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewActors, "actors.title", "actors")
	if err != nil {
		return err
	}
	f := actorFilterOf(r)
	d := &actorListData{Filter: f, Kinds: pk.ActorKinds, Sectors: pk.ActorSectors}
	q := url.Values{}
	for k, x := range map[string]string{"q": f.Query, "kind": f.Kind, "sector": f.Sector, "tag": f.Tag, "map": f.MapID, "segment": f.Segment, "strategy": f.Strategy} {
		if x != "" {
			q.Set(k, x)
		}
	}
	d.Query = template.URL(q.Encode())
	for _, k := range []string{"q", "kind", "sector", "tag"} {
		v.Form.Values.Set(k, q.Get(k))
	}
	status := http.StatusOK
	var next string
	d.Actors, next, err = h.Actors.Actors(r.Context(), v.P.ID, f, pk.PageRequest{Cursor: r.URL.Query().Get("cursor")})
	if err == nil {
		d.Count, err = h.Actors.CountActors(r.Context(), v.P.ID, f)
	}
	if web.IsFormError(err) {
		// A bad filter shows the whole register with the message.
		v.Form = h.FormFromError(r, v.Form, err)
		status = httpx.Status(err)
		d.Actors, next, err = h.Actors.Actors(r.Context(), v.P.ID, pk.ActorFilter{}, pk.PageRequest{})
		if err == nil {
			d.Count, err = h.Actors.CountActors(r.Context(), v.P.ID, pk.ActorFilter{})
		}
	}
	if err != nil {
		return err
	}
	if next != "" {
		q.Set("cursor", next)
		d.Next = template.URL(q.Encode())
	}
	tags, err := h.Actors.ActorTagList(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d.Tags, d.TagsCut, d.MaxTags = tags.Tags, tags.Cut, pk.MaxTagChoices
	if d.TagsCut && d.Filter.Tag != "" && !slices.Contains(d.Tags, d.Filter.Tag) {
		// The chosen tag stays offered so that the form keeps it.
		d.Tags = append(d.Tags, d.Filter.Tag)
	}
	// An empty register has nothing to filter or download: it says how to
	// start instead, with the action that starts it.
	d.Empty = d.Count == 0 && q.Encode() == "" && status == http.StatusOK
	d.Rows = v.PlaceDrawn(actorRowsHTML(v.P.ID, d.Actors, h.Bundle.Localizer(v.Lang).T))
	v.Data = d
	h.Render(w, r, status, templates, "actors", v)
	return nil
}

type actorFormData struct {
	Kinds         []string
	Sectors       []string
	Organisations []web.Option
	Action        string
	Actor         *pk.Actor
}

// actorFormView prepares the new or edit page.
func (h *Pages) actorFormView(r *http.Request, title string) (*web.View, *actorFormData, error) {
	v, err := h.PartnershipView(r, pk.ActionEditActors, title, "actors")
	if err != nil {
		return nil, nil, err
	}
	d := &actorFormData{Kinds: pk.ActorKinds, Sectors: pk.ActorSectors, Action: "/p/" + v.P.ID + "/actors"}
	m, err := h.Members.Members(r.Context(), v.P.ID)
	if err != nil {
		return nil, nil, err
	}
	for _, o := range m.Organisations {
		d.Organisations = append(d.Organisations, web.Option{Value: o.OrganisationID, Label: o.Name})
	}
	v.Data = d
	return v, d, nil
}

func (h *Pages) actorNew(w http.ResponseWriter, r *http.Request) error {
	v, _, err := h.actorFormView(r, "actors.new.title")
	if err != nil {
		return err
	}
	v.Form.Values.Set("kind", "organisation")
	h.Render(w, r, http.StatusOK, templates, "actor_form", v)
	return nil
}

func (h *Pages) actorCreate(w http.ResponseWriter, r *http.Request) error {
	in := actorForm(r)
	a, err := h.Actors.CreateActor(r.Context(), r.PathValue("pid"), in)
	if err != nil {
		v, _, verr := h.actorFormView(r, "actors.new.title")
		if verr != nil {
			return verr
		}
		return h.FormOr(w, r, err, templates, "actor_form", v)
	}
	to := "/p/" + r.PathValue("pid") + "/actors/" + a.ID
	if a.Sensitive {
		// A member who protects someone no longer sees them: the register
		// says whether the new actor can be shown, else go to the list.
		if _, err := h.Actors.Actor(r.Context(), r.PathValue("pid"), a.ID); err != nil {
			to = "/p/" + r.PathValue("pid") + "/actors"
		}
	}
	web.Redirect(w, r, to, "flash.created")
	return nil
}

type actorPageData struct {
	*pk.ActorPage
	Types []string
	// Others are the actors the forms offer to tie to and merge with (for
	// those who may edit the register).
	Others   []pk.Choice
	Sensible bool // the asker may see sensitive data
	// OthersCut: the register has more actors than Others offers (Limit);
	// Find is the name search that narrows them.
	OthersCut bool
	Limit     int
	Find      string
	// Maps are where the asker may place this actor (each link opens the
	// one form that judges its support and influence there); MapsCut says
	// there are more maps than listed.
	Maps    []*pk.Map
	MapsCut bool
	// PlaceOffered: the asker may place actors on maps (so the section shows,
	// with a way to start a map when there is none).
	PlaceOffered bool
}

func (h *Pages) actorShow(w http.ResponseWriter, r *http.Request) error {
	return h.renderActor(w, r, http.StatusOK, nil)
}

// renderActor draws an actor's page, with a refused form's messages.
func (h *Pages) renderActor(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewActors, "actors.page.title", "actors")
	if err != nil {
		return err
	}
	page, err := h.Actors.ActorPage(r.Context(), v.P.ID, r.PathValue("aid"))
	if err != nil {
		return err
	}
	d := &actorPageData{ActorPage: page, Types: pk.RelationshipTypes, Sensible: pk.Can(v.P.MyRole, pk.ActionViewSensitive)}
	if pk.Can(v.P.MyRole, pk.ActionEditActors) {
		// Choices for merging and for new ties: the register's first
		// names, or those matching ?find=; when there are more the page
		// says so.
		d.Find = r.URL.Query().Get("find")
		d.Others, d.OthersCut, err = h.Actors.ActorNameChoices(r.Context(), v.P.ID, pk.ActorFilter{Query: d.Find}, page.Actor.ID, pk.MaxPageSize)
		if web.IsFormError(err) {
			// A search the register refuses offers the first names instead.
			d.Find = ""
			d.Others, d.OthersCut, err = h.Actors.ActorNameChoices(r.Context(), v.P.ID, pk.ActorFilter{}, page.Actor.ID, pk.MaxPageSize)
		}
		if err != nil {
			return err
		}
		d.Limit = pk.MaxPageSize
	}
	if h.Maps != nil && pk.Can(v.P.MyRole, pk.ActionEditMaps) {
		ms, err := h.Maps.MapList(r.Context(), v.P.ID)
		if err != nil {
			return err
		}
		d.PlaceOffered, d.Maps, d.MapsCut = true, ms.Maps, ms.Cut
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "actor", v)
	return nil
}

func (h *Pages) actorEdit(w http.ResponseWriter, r *http.Request) error {
	v, d, err := h.actorFormView(r, "actors.edit.title")
	if err != nil {
		return err
	}
	a, err := h.Actors.Actor(r.Context(), v.P.ID, r.PathValue("aid"))
	if err != nil {
		return err
	}
	d.Actor, d.Action = a, "/p/"+v.P.ID+"/actors/"+a.ID
	v.Form.Values = actorValues(a)
	h.Render(w, r, http.StatusOK, templates, "actor_form", v)
	return nil
}

func (h *Pages) actorUpdate(w http.ResponseWriter, r *http.Request) error {
	pid, aid := r.PathValue("pid"), r.PathValue("aid")
	a, err := h.Actors.UpdateActor(r.Context(), pid, aid, actorForm(r))
	if err != nil {
		v, d, verr := h.actorFormView(r, "actors.edit.title")
		if verr != nil {
			return verr
		}
		d.Action = "/p/" + pid + "/actors/" + aid
		if cur, cerr := h.Actors.Actor(r.Context(), pid, aid); cerr == nil {
			d.Actor = cur
			// After a conflict, the form carries the current version so
			// that saving again is a decision, not an accident.
			if pk.ErrorCode(err) == pk.ECONFLICT {
				r.PostForm.Set("version", strconv.Itoa(cur.Version))
			}
		}
		return h.FormOr(w, r, err, templates, "actor_form", v)
	}
	web.Redirect(w, r, "/p/"+pid+"/actors/"+a.ID, "flash.saved")
	return nil
}

func (h *Pages) actorDelete(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditActors, "actors", web.Confirm{Question: "actors.delete_confirm", Find: func() (string, error) {
			a, err := h.Actors.Actor(r.Context(), pid, r.PathValue("aid"))
			if err != nil {
				return "", err
			}
			return a.Name, nil
		},
			Effect: "confirm.effect.bin", Button: "actors.delete", Back: "/p/" + pid + "/actors/" + r.PathValue("aid")})
	}
	err := h.Actors.DeleteActor(r.Context(), pid, r.PathValue("aid"), web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderActor(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/actors", h.DeletedFlash(r, pid, "actor"))
	return nil
}

func (h *Pages) actorMerge(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, aid := r.PathValue("pid"), r.PathValue("aid")
	// Without a duplicate chosen nothing would be destroyed: the service
	// says what is missing.
	if dup := r.PostForm.Get("duplicate"); dup != "" && !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditActors, "actors", web.Confirm{Question: "actors.merge_confirm", Find: func() (string, error) {
			keep, err := h.Actors.Actor(r.Context(), pid, aid)
			if err != nil {
				return "", err
			}
			d, err := h.Actors.Actor(r.Context(), pid, dup)
			if err != nil {
				return "", err
			}
			return d.Name + " → " + keep.Name, nil
		}, Effect: "confirm.effect.merge", Button: "actors.merge_submit", Back: "/p/" + pid + "/actors/" + aid})
	}
	_, err := h.Actors.MergeActors(r.Context(), pid, aid, r.PostForm.Get("duplicate"))
	if web.IsFormError(err) {
		return h.renderActor(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/actors/"+aid, h.DeletedFlash(r, pid, "merge"))
	return nil
}

func (h *Pages) actorAddMembers(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	if _, err := h.Actors.AddMemberOrganisations(r.Context(), pid); err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/actors", "flash.members_added")
	return nil
}
