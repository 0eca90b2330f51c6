// Package emailsettings answers the API calls about a person's choices of
// notification email.
package emailsettings

import (
	"maps"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the calls.
type Handlers struct {
	Settings pk.NotificationSettingsService
}

// notificationSettingsBody is the settings as a PATCH changes them (a merge patch:
// fields left out keep their value; in partnerships, a partnership left
// out keeps its choice and null or "" returns it to the default).
type notificationSettingsBody struct {
	Frequency    string            `json:"frequency" rule:"required,enum=email_frequency" doc:"How often notifications come by email, for every partnership without a choice of its own: immediately, a daily or weekly digest (at 07:00 in your time zone; weekly on Mondays), or off." example:"weekly"`
	TimeZone     string            `json:"time_zone" rule:"required,max=64" doc:"Your time zone, an IANA name: digests and reminders arrive at 07:00 in it, and no mail arrives at night." example:"Asia/Beirut"`
	Partnerships map[string]string `json:"partnerships" doc:"Your own frequency for some of your partnerships, by partnership ID (immediately, daily, weekly or off); null or an empty text returns one to the default."`
	KindsOff     []string          `json:"kinds_off" doc:"The kinds of notification never sent by email (they stay in the inbox); the whole list, as in the answer." example:"[\"task.overdue\"]"`
	Version      int               `json:"version" doc:"The version of your settings the change is based on (or send If-Match)." example:"1"`
}

// Register adds the routes.
func (h *Handlers) Register(a *api.API) {
	const tag = "account"
	a.Route("GET", "/me/notification-settings", httpx.SignedIn, httpx.OpDoc{Summary: "My choices of notification email: how often (for every partnership, and partnership by partnership), my time zone, and the kinds I get no email for", Tag: tag, Response: pk.NotificationSettings{}},
		func(r *http.Request) (any, error) { return h.Settings.NotificationSettings(r.Context()) })
	a.Route("PATCH", "/me/notification-settings", httpx.SignedIn, httpx.OpDoc{Summary: "Change my choices of notification email (a merge patch: fields left out keep their value; the version is required). 422 names an unknown frequency, time zone or kind, or a partnership that is not mine", Tag: tag, Request: notificationSettingsBody{}, Response: pk.NotificationSettings{}},
		func(r *http.Request) (any, error) {
			s, err := h.Settings.NotificationSettings(r.Context())
			if err != nil {
				return nil, err
			}
			current := notificationSettingsBody{Frequency: s.Frequency, TimeZone: s.TimeZone, Partnerships: map[string]string{}, KindsOff: s.KindsOff}
			for _, p := range s.Partnerships {
				if p.Frequency != "" {
					current.Partnerships[p.PartnershipID] = p.Frequency
				}
			}
			var b notificationSettingsBody
			if err := api.DecodeMerge(r, current, &b, &b.Version); err != nil {
				return nil, err
			}
			in := pk.NotificationSettingsInput{Frequency: b.Frequency, TimeZone: b.TimeZone, Partnerships: maps.Clone(b.Partnerships),
				KindsOff: b.KindsOff, Version: b.Version}
			if in.Partnerships == nil {
				in.Partnerships = map[string]string{}
			}
			return h.Settings.UpdateNotificationSettings(r.Context(), in)
		})
}
