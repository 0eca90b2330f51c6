package web

import (
	"net/http"
	"slices"

	pk "github.com/partnerkit/partnerkit"
)

// Every destructive form (delete, remove, revoke, leave, purge) is carried
// out only when it carries confirm=yes. Without JavaScript a first post
// gets a page that asks the question again, says what will happen, and
// offers a form that posts the same fields with confirm=yes; with
// JavaScript the button's data-confirm prompt adds confirm=yes itself, so
// a person answers once either way. A mistaken click, a stray double
// submit or a form someone built without the field changes nothing.

// ConfirmField is the form field that says a destructive post was confirmed.
const ConfirmField = "confirm"

// Confirm is what the confirmation page says.
type Confirm struct {
	// Question is the message ID of the question, the same one the
	// button's data-confirm asks ("Delete this actor?").
	Question string
	// Find looks the record up and names it (an actor's name), after the
	// asker's role was checked; optional. Records that may be hidden
	// from the asker (sensitive actors and what is about them) are looked
	// up before asking, so that a hidden one is "not found" here as
	// everywhere else and its ID tells nothing.
	Find func() (subject string, err error)
	// Effect is the message ID of what will happen (it goes to the bin,
	// it cannot be undone); optional.
	Effect string
	// Button is the message ID of the confirming button ("confirm.yes"
	// when empty).
	Button string
	// Back is where cancelling leads: the page the form was on.
	Back string
}

// Confirmed reports whether a destructive form says yes.
func Confirmed(r *http.Request) bool {
	r.ParseForm()
	return r.PostForm.Get(ConfirmField) == "yes"
}

// confirmData is what the confirmation page draws.
type confirmData struct {
	Confirm
	// Subject is what Find named.
	Subject string
	// Action is the path the form posted to, posted to again.
	Action string
	Fields []HiddenField
}

// HiddenField is one field posted again by the confirmation form.
type HiddenField struct{ Name, Value string }

// Ask draws the confirmation page for a form that did not say yes. v is
// the page's view when the handler has one (a partnership's, with its
// navigation); nil starts a plain one.
func (h *Web) Ask(w http.ResponseWriter, r *http.Request, v *View, c Confirm) error {
	r.ParseForm()
	if v == nil {
		v = h.View(r, "confirm.title")
	}
	v.Title = "confirm.title"
	if c.Button == "" {
		c.Button = "confirm.yes"
	}
	if c.Back == "" {
		c.Back = "/"
	}
	d := &confirmData{Confirm: c, Action: r.URL.Path}
	if c.Find != nil {
		s, err := c.Find()
		if err != nil {
			return err
		}
		d.Subject = s
	}
	names := make([]string, 0, len(r.PostForm))
	for k := range r.PostForm {
		if k != ConfirmField {
			names = append(names, k)
		}
	}
	slices.Sort(names)
	for _, k := range names {
		for _, x := range r.PostForm[k] {
			d.Fields = append(d.Fields, HiddenField{Name: k, Value: x})
		}
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, kernelTemplates, "confirm", v)
	return nil
}

// AskIn is Ask for a form of a partnership's page. The page is drawn only
// for someone whose role allows action there, so that the question tells
// nobody more than the form would: outsiders get "not found", a role below
// the action "forbidden", and an archived partnership refuses changes;
// then c.Find looks the record up.
func (h *Web) AskIn(w http.ResponseWriter, r *http.Request, action pk.Action, active string, c Confirm) error {
	v, err := h.PartnershipView(r, action, "confirm.title", active)
	if err != nil {
		return err
	}
	return h.Ask(w, r, v, c)
}
