package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
)

// View is what every page template receives.
type View struct {
	Lang  string
	Dir   string
	User  *pk.User
	Title string // message ID of the page title
	// Flash is a message ID to show once (after a redirect).
	Flash string
	Form  *Form
	Data  any
	// Path is the current path, for the language switcher and sign-in.
	Path string
	// P is the partnership the page belongs to, with the asker's role.
	P   *pk.Partnership
	Nav []NavLink
	// Active names the navigation entry of this page.
	Active     string
	SignupOpen bool
	// Unread is how many notifications the signed-in person has not read,
	// counted up to pk.MaxUnreadCounted.
	Unread int
	// NavItems and LanguageButtons are the menu's entries and the language
	// switcher's buttons, written by Render (layout.go).
	NavItems, LanguageButtons template.HTML
	// placed are the kept pieces the page places (Place).
	placed []httpx.Piece
}

// UnreadMany tells whether the count reached pk.MaxUnreadCounted, where the
// badge stops counting.
func (v *View) UnreadMany() bool { return v.Unread >= pk.MaxUnreadCounted }

// UnreadBadge is what the inbox's badge says: the count, "9+" once it stopped.
func (v *View) UnreadBadge() string {
	if v.UnreadMany() {
		return strconv.Itoa(pk.MaxUnreadCounted-1) + "+"
	}
	return strconv.Itoa(v.Unread)
}

// NavLink is one entry of a partnership's navigation.
type NavLink struct {
	Key    string // message ID
	Href   string
	Name   string
	Active bool
}

// Language picks the page language: the profile's, else a cookie set by the
// switcher, else the browser's Accept-Language.
func Language(r *http.Request) string {
	if u := pk.UserFromContext(r.Context()); u != nil && i18n.Supported(u.Language) {
		return u.Language
	}
	if c, err := r.Cookie("lang"); err == nil && i18n.Supported(c.Value) {
		return c.Value
	}
	return i18n.Match(r.Header.Get("Accept-Language"))
}

// View starts a page's data.
func (h *Web) View(r *http.Request, title string) *View {
	lang := Language(r)
	v := &View{Lang: lang, Dir: i18n.Dir(lang), User: pk.UserFromContext(r.Context()), Title: title,
		Path: r.URL.Path, Form: &Form{Values: url.Values{}}, SignupOpen: h.SignupOpen}
	if f := r.URL.Query().Get("flash"); strings.HasPrefix(f, "flash.") && h.Bundle.Has(f) {
		v.Flash = f
	}
	if v.User != nil && h.Notifications != nil {
		// The count is a convenience: a failure shows none rather than
		// no page.
		if n, err := h.Notifications.UnreadCount(r.Context()); err == nil {
			v.Unread = n
		}
	}
	return v
}
