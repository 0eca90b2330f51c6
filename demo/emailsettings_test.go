package demo

import (
	"context"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Some demonstration people chose other mail than the default: Yusuf hears
// of the coalition at once, Chloé reads a weekly digest in Paris.
func TestDemoEmailSettings(t *testing.T) {
	t.Parallel()
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		if _, err := Load(ctx, db); err != nil {
			t.Fatal(err)
		}
		as := func(email string) context.Context {
			_, secret, err := db.Accounts.SignIn(ctx, email, Password, "127.0.0.1", "test")
			if err != nil {
				t.Fatal(err)
			}
			u, _, _ := db.Accounts.UserBySession(ctx, secret)
			return pk.NewContextWithUser(ctx, u)
		}
		y, err := db.Mail.NotificationSettings(as("yusuf@demo.partnerkit.example"))
		if err != nil || y.Frequency != pk.EmailWeekly || y.TimeZone != "Asia/Beirut" || len(y.Partnerships) != 1 || y.Partnerships[0].Frequency != pk.EmailImmediately {
			t.Errorf("Yusuf: %+v %v", y, err)
		}
		c, err := db.Mail.NotificationSettings(as("chloe@demo.partnerkit.example"))
		if err != nil || c.Frequency != pk.EmailWeekly || c.TimeZone != "Europe/Paris" || len(c.KindsOff) != 2 {
			t.Errorf("Chloé: %+v %v", c, err)
		}
		a, err := db.Mail.NotificationSettings(as(Email))
		if err != nil || a.Frequency != pk.EmailDaily {
			t.Errorf("Amina keeps the default: %+v %v", a, err)
		}
	})
}
