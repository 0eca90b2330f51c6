// Package emailsettings serves a person's choices of notification email
// (/account/notifications) and the one-click unsubscribe page that every
// notification mail links to (/unsubscribe/{token}, RFC 8058), which works
// without signing in.
package emailsettings

import (
	"embed"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

//go:embed all:templates
var templateFS embed.FS

// templates are this module's pages, parsed once per process.
var templates = web.NewTemplates(templateFS)

// Pages are the module's handlers.
type Pages struct {
	*web.Web
	Settings pk.NotificationSettingsService
}

// Register adds the pages.
func (h *Pages) Register(rt *httpx.Router) {
	h.Handle(rt, "GET", "/account/notifications", httpx.SignedIn, h.settingsPage)
	h.Handle(rt, "POST", "/account/notifications", httpx.SignedIn, h.save)
	h.Handle(rt, "GET", "/unsubscribe/{token}", httpx.Public, h.unsubscribePage)
	h.Handle(rt, "POST", "/unsubscribe/{token}", httpx.Public, h.unsubscribe)
}

// zones are offered as suggestions; any IANA name is accepted.
var zones = []string{"UTC", "Africa/Abidjan", "Africa/Accra", "Africa/Addis_Ababa", "Africa/Algiers", "Africa/Cairo", "Africa/Casablanca",
	"Africa/Dakar", "Africa/Johannesburg", "Africa/Khartoum", "Africa/Lagos", "Africa/Nairobi", "Africa/Tunis",
	"America/Bogota", "America/Chicago", "America/Los_Angeles", "America/Mexico_City", "America/New_York", "America/Sao_Paulo",
	"America/Toronto", "Asia/Amman", "Asia/Baghdad", "Asia/Beirut", "Asia/Damascus", "Asia/Dhaka", "Asia/Dubai", "Asia/Gaza",
	"Asia/Kabul", "Asia/Karachi", "Asia/Kathmandu", "Asia/Kolkata", "Asia/Manila", "Asia/Riyadh", "Asia/Tehran", "Asia/Tokyo",
	"Atlantic/Reykjavik", "Australia/Sydney", "Europe/Amsterdam", "Europe/Athens", "Europe/Berlin", "Europe/Brussels",
	"Europe/Istanbul", "Europe/Kyiv", "Europe/Lisbon", "Europe/London", "Europe/Madrid", "Europe/Paris", "Europe/Rome",
	"Europe/Stockholm", "Europe/Warsaw", "Pacific/Auckland"}

// settingsData is what the settings page draws beside the form's values.
type settingsData struct {
	Frequencies  []string
	Zones        []string
	Partnerships []pk.PartnershipMail
	Cut          int
	Kinds        []string
	KindsOn      map[string]bool
}

func (h *Pages) settingsPage(w http.ResponseWriter, r *http.Request) error {
	return h.render(w, r, http.StatusOK, nil)
}

// render draws the settings as stored, or as posted with the messages of
// a refused form.
func (h *Pages) render(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	s, err := h.Settings.NotificationSettings(r.Context())
	if err != nil {
		return err
	}
	v := h.View(r, "notifymail.page.title")
	d := &settingsData{Frequencies: pk.EmailFrequencies, Zones: zones, Partnerships: s.Partnerships, Kinds: pk.EventKinds,
		KindsOn: map[string]bool{}}
	if len(s.Partnerships) >= pk.MaxMailPartnerships {
		d.Cut = pk.MaxMailPartnerships
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		for _, k := range r.PostForm["kind"] {
			d.KindsOn[k] = true
		}
	} else {
		v.Form.Values = url.Values{"frequency": {s.Frequency}, "time_zone": {s.TimeZone}, "version": {strconv.Itoa(s.Version)}}
		for _, p := range s.Partnerships {
			v.Form.Values.Set("partnerships."+p.PartnershipID, p.Frequency)
		}
		for _, k := range pk.EventKinds {
			d.KindsOn[k] = !slices.Contains(s.KindsOff, k)
		}
	}
	v.Data = d
	h.Render(w, r, status, templates, "settings", v)
	return nil
}

// save reads the form: a select per partnership ("" follows the default)
// and a box per kind, ticked for the kinds to email.
func (h *Pages) save(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	in := pk.NotificationSettingsInput{Frequency: r.PostForm.Get("frequency"), TimeZone: strings.TrimSpace(r.PostForm.Get("time_zone")),
		Partnerships: map[string]string{}, Version: web.Atoi(r.PostForm.Get("version"))}
	for name, values := range r.PostForm {
		if pid, ok := strings.CutPrefix(name, "partnerships."); ok && len(values) > 0 {
			in.Partnerships[pid] = values[0]
		}
	}
	on := r.PostForm["kind"]
	for _, k := range pk.EventKinds {
		if !slices.Contains(on, k) {
			in.KindsOff = append(in.KindsOff, k)
		}
	}
	_, err := h.Settings.UpdateNotificationSettings(r.Context(), in)
	if web.IsFormError(err) {
		return h.render(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/account/notifications", "flash.saved")
	return nil
}

// unsubscribeData is what the unsubscribe page says.
type unsubscribeData struct {
	Token string
	U     *pk.Unsubscription
	Kind  string // the kind's label key
}

func (h *Pages) unsubscribePage(w http.ResponseWriter, r *http.Request) error {
	u, err := h.Settings.Unsubscription(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	return h.renderUnsubscribe(w, r, u)
}

// unsubscribe stops the mail. A mail client posts here on its own (RFC
// 8058: "List-Unsubscribe=One-Click", no cookie, no form token); a person
// posts the page's button. Both get the page saying it is done.
func (h *Pages) unsubscribe(w http.ResponseWriter, r *http.Request) error {
	u, err := h.Settings.Unsubscribe(r.Context(), r.PathValue("token"))
	if err != nil {
		return err
	}
	return h.renderUnsubscribe(w, r, u)
}

func (h *Pages) renderUnsubscribe(w http.ResponseWriter, r *http.Request, u *pk.Unsubscription) error {
	v := h.View(r, "notifymail.unsubscribe.title")
	v.Data = &unsubscribeData{Token: r.PathValue("token"), U: u, Kind: "notifymail.kind." + string(u.Kind)}
	// The token is the link's whole secret: keep it out of other sites'
	// logs, as the reset page does.
	w.Header().Set("Referrer-Policy", "no-referrer")
	h.Render(w, r, http.StatusOK, templates, "unsubscribe", v)
	return nil
}
