package actor

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerRelationships(rt *httpx.Router) {
	view, edit := httpx.RoleFor(pk.ActionViewActors), httpx.RoleFor(pk.ActionEditActors)
	h.Handle(rt, "GET", "/p/{pid}/relationships", view, h.relationshipList)
	h.Handle(rt, "POST", "/p/{pid}/relationships", edit, h.relationshipCreate)
	h.Handle(rt, "GET", "/p/{pid}/relationships/{rid}/edit", edit, h.relationshipEdit)
	h.Handle(rt, "POST", "/p/{pid}/relationships/{rid}", edit, h.relationshipUpdate)
	h.Handle(rt, "POST", "/p/{pid}/relationships/{rid}/delete", edit, h.relationshipDelete)
}

// relationshipForm reads a relationship's fields from a form.
func relationshipForm(r *http.Request) pk.RelationshipInput {
	r.ParseForm()
	f := r.PostForm
	in := pk.RelationshipInput{From: f.Get("from"), To: f.Get("to"), Type: f.Get("type"), Directed: f.Get("directed") == "on",
		Strength: web.Atoi(f.Get("strength")), FromDate: f.Get("from_date"), UntilDate: f.Get("until_date"), Note: f.Get("note"),
		Sensitive: f.Get("sensitive") == "on", Version: web.Atoi(f.Get("version"))}
	if f.Get("strength") != "" && in.Strength == 0 {
		in.Strength = -1 // typed, but not a number from 1 to 3
	}
	return in
}

func relationshipValues(x *pk.Relationship) url.Values {
	v := url.Values{"from": {x.From}, "to": {x.To}, "type": {x.Type}, "strength": {strconv.Itoa(x.Strength)},
		"from_date": {x.FromDate}, "until_date": {x.UntilDate}, "note": {x.Note}, "version": {strconv.Itoa(x.Version)}}
	if x.Directed {
		v.Set("directed", "on")
	}
	if x.Sensitive {
		v.Set("sensitive", "on")
	}
	return v
}

type relationshipListData struct {
	Relationships []*pk.Relationship
	Next          template.URL // the next page's query string
	Type          string
	Types         []string
	Actors        []*pk.Actor
	Strengths     []string
	Relationship  *pk.Relationship
	Action        string
}

// relationshipView prepares a relationships page: the actors to choose
// from and the type list.
func (h *Pages) relationshipView(r *http.Request, action pk.Action, title string) (*web.View, *relationshipListData, error) {
	v, err := h.PartnershipView(r, action, title, "actors")
	if err != nil {
		return nil, nil, err
	}
	d := &relationshipListData{Types: pk.RelationshipTypes, Strengths: []string{"1", "2", "3"}, Action: "/p/" + v.P.ID + "/relationships"}
	if pk.Can(v.P.MyRole, pk.ActionEditActors) {
		if d.Actors, _, err = h.Actors.Actors(r.Context(), v.P.ID, pk.ActorFilter{}, pk.PageRequest{Limit: pk.MaxPageSize}); err != nil {
			return nil, nil, err
		}
	}
	v.Data = d
	return v, d, nil
}

func (h *Pages) relationshipList(w http.ResponseWriter, r *http.Request) error {
	return h.renderRelationships(w, r, http.StatusOK, nil)
}

func (h *Pages) renderRelationships(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, d, err := h.relationshipView(r, pk.ActionViewActors, "actors.relationships.title")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	d.Type = q.Get("type")
	list, next, err := h.Actors.Relationships(r.Context(), v.P.ID, pk.RelationshipFilter{Type: d.Type, ActorID: q.Get("actor")}, pk.PageRequest{Cursor: q.Get("cursor")})
	if web.IsFormError(err) {
		d.Type = ""
		list, next, err = h.Actors.Relationships(r.Context(), v.P.ID, pk.RelationshipFilter{}, pk.PageRequest{})
	}
	if err != nil {
		return err
	}
	d.Relationships = list
	if next != "" {
		nq := url.Values{"cursor": {next}}
		if d.Type != "" {
			nq.Set("type", d.Type)
		}
		if a := q.Get("actor"); a != "" {
			nq.Set("actor", a)
		}
		d.Next = template.URL(nq.Encode())
	}
	v.Form.Values.Set("strength", "2")
	if a := q.Get("from"); a != "" {
		v.Form.Values.Set("from", a)
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	h.Render(w, r, status, templates, "relationships", v)
	return nil
}

func (h *Pages) relationshipCreate(w http.ResponseWriter, r *http.Request) error {
	in := relationshipForm(r)
	_, err := h.Actors.CreateRelationship(r.Context(), r.PathValue("pid"), in)
	if web.IsFormError(err) {
		return h.renderRelationships(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	to := "/p/" + r.PathValue("pid") + "/relationships"
	if back := r.PostForm.Get("back"); back == in.From || back == in.To {
		to = "/p/" + r.PathValue("pid") + "/actors/" + back
	}
	web.Redirect(w, r, to, "flash.created")
	return nil
}

func (h *Pages) relationshipEdit(w http.ResponseWriter, r *http.Request) error {
	v, d, err := h.relationshipView(r, pk.ActionEditActors, "actors.relationships.edit.title")
	if err != nil {
		return err
	}
	x, err := h.Actors.Relationship(r.Context(), v.P.ID, r.PathValue("rid"))
	if err != nil {
		return err
	}
	d.Relationship, d.Action = x, "/p/"+v.P.ID+"/relationships/"+x.ID
	v.Form.Values = relationshipValues(x)
	h.Render(w, r, http.StatusOK, templates, "relationship_form", v)
	return nil
}

func (h *Pages) relationshipUpdate(w http.ResponseWriter, r *http.Request) error {
	pid, rid := r.PathValue("pid"), r.PathValue("rid")
	_, err := h.Actors.UpdateRelationship(r.Context(), pid, rid, relationshipForm(r))
	if err != nil {
		v, d, verr := h.relationshipView(r, pk.ActionEditActors, "actors.relationships.edit.title")
		if verr != nil {
			return verr
		}
		d.Action = "/p/" + pid + "/relationships/" + rid
		if cur, cerr := h.Actors.Relationship(r.Context(), pid, rid); cerr == nil {
			d.Relationship = cur
			if pk.ErrorCode(err) == pk.ECONFLICT {
				r.PostForm.Set("version", strconv.Itoa(cur.Version))
			}
		}
		return h.FormOr(w, r, err, templates, "relationship_form", v)
	}
	web.Redirect(w, r, "/p/"+pid+"/relationships", "flash.saved")
	return nil
}

func (h *Pages) relationshipDelete(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditActors, "actors", web.Confirm{Question: "actors.relationships.delete_confirm",
			Find: func() (string, error) {
				rel, err := h.Actors.Relationship(r.Context(), pid, r.PathValue("rid"))
				if err != nil {
					return "", err
				}
				return rel.FromName + " – " + rel.ToName, nil
			}, Effect: "confirm.effect.bin", Button: "form.remove", Back: "/p/" + pid + "/relationships"})
	}
	err := h.Actors.DeleteRelationship(r.Context(), pid, r.PathValue("rid"), web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderRelationships(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/relationships", h.DeletedFlash(r, pid, "relationship"))
	return nil
}
