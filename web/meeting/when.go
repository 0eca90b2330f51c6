package meeting

import (
	"html/template"
	"net/http"
	"time"

	"bytes"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/yuin/goldmark"
)

// when writes a meeting's time in its own zone, in the reader's language,
// and names the zone: "20 March 2026, 10:00–12:00 (Europe/Berlin)".
func when(l *i18n.Localizer, m *pk.Meeting) string {
	loc := m.Location()
	s, e := m.StartsAt.In(loc), m.EndsAt.In(loc)
	wall := time.Date(s.Year(), s.Month(), s.Day(), 12, 0, 0, 0, time.UTC)
	clock := func(t time.Time) string {
		return l.T("format.time", "Hour", l.Digits(t.Hour(), 2), "Minute", l.Digits(t.Minute(), 2))
	}
	return l.T("meeting.when", "Date", l.Date(wall), "Start", clock(s), "End", clock(e), "Zone", m.TimeZone)
}

// localValue is a time as a datetime-local field shows it, in loc.
func localValue(t time.Time, loc *time.Location) string { return t.In(loc).Format("2006-01-02T15:04") }

// md renders minutes. goldmark's defaults leave raw HTML out and drop
// links with dangerous schemes, so minutes cannot carry script or style
// into the page (as for the agreement's text).
var md = goldmark.New()

func markdown(src string) template.HTML {
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(b.String())
}

// origin is the address this request came to, for the absolute links of a
// calendar file (its URL and description).
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// zones are offered beside the time-zone field; any IANA name is taken.
var zones = []string{"UTC", "Europe/Berlin", "Europe/Paris", "Europe/London", "Europe/Brussels", "Europe/Istanbul", "Europe/Athens",
	"Africa/Cairo", "Africa/Casablanca", "Africa/Tunis", "Africa/Algiers", "Africa/Khartoum", "Africa/Nairobi", "Africa/Lagos",
	"Asia/Beirut", "Asia/Amman", "Asia/Damascus", "Asia/Baghdad", "Asia/Riyadh", "Asia/Dubai", "Asia/Kabul", "America/New_York", "America/Toronto"}
