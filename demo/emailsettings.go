package demo

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

func init() { register(95, "email settings", loadEmailSettings) }

// demoMail are the demonstration people's choices of notification email;
// the others keep the volunteers' default, a daily digest in UTC.
var demoMail = map[string]pk.NotificationSettingsInput{
	// A coordinator in Beirut: the coalition's news at once (set below),
	// anything else in a weekly digest.
	"Yusuf": {Frequency: pk.EmailWeekly, TimeZone: "Asia/Beirut"},
	// A member who reads one digest a week, on Monday morning in Paris,
	// and leaves the survey and health check news to the inbox.
	"Chloe": {Frequency: pk.EmailWeekly, TimeZone: "Europe/Paris",
		KindsOff: []string{string(pk.EventSurveyOpened), string(pk.EventHealthOpened)}},
	// A convener who gets her reminders on their own and the rest weekly.
	"Leila": {Frequency: pk.EmailWeekly, TimeZone: "Europe/Berlin"},
}

// loadEmailSettings sets those choices.
func loadEmailSettings(ctx context.Context, db *sqldb.DB, w *World) error {
	for first, in := range demoMail {
		in.Version = 1
		if first == "Yusuf" {
			in.Partnerships = map[string]string{w.Partnership.ID: pk.EmailImmediately}
		}
		if _, err := db.Mail.UpdateNotificationSettings(w.People[first].Ctx, in); err != nil {
			return err
		}
	}
	return nil
}
