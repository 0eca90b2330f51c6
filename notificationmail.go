package partnerkit

import (
	"maps"
	"slices"
	"strings"
	"time"
)

// How often a person hears of their notifications by email, for every
// partnership or for one (the rules are in notifymail/).
const (
	EmailImmediately = "immediately"
	EmailDaily       = "daily"
	EmailWeekly      = "weekly"
	EmailOff         = "off"
)

// EmailFrequencies are the choices, as the settings page shows them.
var EmailFrequencies = []string{EmailImmediately, EmailDaily, EmailWeekly, EmailOff}

// DefaultEmailFrequency suits volunteers: one digest a day at most.
const DefaultEmailFrequency = EmailDaily

// DefaultTimeZone is the time zone of a person who has not chosen one.
const DefaultTimeZone = "UTC"

// NotificationSettings are a person's choices of notification email.
type NotificationSettings struct {
	// Frequency applies to every partnership without its own.
	Frequency string `json:"frequency"`
	// TimeZone is an IANA name: digests and reminders arrive at 07:00 in
	// it, and nothing arrives at night.
	TimeZone string `json:"time_zone"`
	// Partnerships are the person's partnerships, each with its own
	// frequency ("" follows Frequency).
	Partnerships []PartnershipMail `json:"partnerships"`
	// KindsOff are the kinds of notification sent by no email (the inbox
	// still has them).
	KindsOff []string `json:"kinds_off"`
	Version  int      `json:"version"`
}

// PartnershipMail is a person's frequency for one of their partnerships.
type PartnershipMail struct {
	PartnershipID string `json:"partnership_id"`
	Name          string `json:"name"`
	// Frequency is empty when the partnership follows the default.
	Frequency string `json:"frequency"`
}

// NotificationSettingsInput changes every setting at once: Partnerships
// holds each override to keep (partnership ID → frequency), and a
// partnership left out (or given "") follows the default.
type NotificationSettingsInput struct {
	Frequency    string
	TimeZone     string
	Partnerships map[string]string
	KindsOff     []string
	Version      int
}

// Validate checks the choices; the store checks that each partnership is
// the person's.
func (in *NotificationSettingsInput) Validate() error {
	var v Validator
	v.OneOf("frequency", in.Frequency, true, EmailFrequencies)
	if in.TimeZone == "" {
		v.Add("time_zone", "validation.required", nil)
	} else if len(in.TimeZone) > 64 {
		v.Text("time_zone", in.TimeZone, true, 64)
	} else if !ValidTimeZone(in.TimeZone) {
		v.Add("time_zone", "notifymail.validation.time_zone", nil)
	}
	for _, pid := range slices.Sorted(maps.Keys(in.Partnerships)) {
		v.OneOf("partnerships."+pid, in.Partnerships[pid], false, EmailFrequencies)
	}
	for _, k := range in.KindsOff {
		if !slices.Contains(EventKinds, k) {
			v.Add("kinds_off", "notifymail.validation.kind", map[string]any{"Kind": truncateRunes(k, 60)})
			break
		}
	}
	in.KindsOff = slices.Compact(slices.Sorted(slices.Values(in.KindsOff)))
	return v.Err()
}

// ValidTimeZone reports whether name is an IANA time zone this instance
// knows ("Local", which means the server's own, is not one).
func ValidTimeZone(name string) bool {
	if name == "" || strings.EqualFold(name, "local") {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}

func truncateRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Unsubscription is what an unsubscribe link stops: the mail about one
// kind of notification, or the digests.
type Unsubscription struct {
	// Kind is the kind the link stops; empty for a digest's link.
	Kind EventKind `json:"kind,omitempty"`
	// Digest is true for a digest's link: it turns the digests off.
	Digest bool `json:"digest"`
	// Done is true when that mail is already off.
	Done bool `json:"done"`
}

// MaxMailPartnerships bounds the partnerships the settings list (a person
// in more sets the rest through their default).
const MaxMailPartnerships = 200
