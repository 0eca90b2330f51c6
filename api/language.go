package api

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// Language picks the language of the asker's texts (error messages, SVG
// labels): the profile's, else Accept-Language.
func Language(r *http.Request) string {
	if u := pk.UserFromContext(r.Context()); u != nil && i18n.Supported(u.Language) {
		return u.Language
	}
	return i18n.Match(r.Header.Get("Accept-Language"))
}

// T is the translation function for the asker's language.
func (a *API) T(r *http.Request) func(id string, args ...any) string {
	return a.Bundle.Localizer(Language(r)).T
}
