package sqldb_test

import (
	"context"
	"strings"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestNotificationSettings(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, pid := w.DB, w.Partnership.ID
		s, err := db.Mail.NotificationSettings(w.Member.Ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.Frequency != pk.EmailDaily || s.TimeZone != "UTC" || s.Version != 1 || len(s.KindsOff) != 0 {
			t.Errorf("defaults %+v", s)
		}
		listed := func(s *pk.NotificationSettings, pid string) (string, bool) {
			for _, p := range s.Partnerships {
				if p.PartnershipID == pid {
					return p.Frequency, true
				}
			}
			return "", false
		}
		if f, ok := listed(s, pid); !ok || f != "" {
			t.Errorf("the member's partnership: %q %v", f, ok)
		}
		if os, _ := db.Mail.NotificationSettings(w.Outsider.Ctx); os == nil {
			t.Fatal("outsider's settings")
		} else if _, ok := listed(os, pid); ok {
			t.Error("the outsider's settings list a partnership they are not in")
		}

		got, err := db.Mail.UpdateNotificationSettings(w.Member.Ctx, pk.NotificationSettingsInput{Frequency: pk.EmailWeekly,
			TimeZone: "Asia/Beirut", Partnerships: map[string]string{pid: pk.EmailImmediately},
			KindsOff: []string{"task.overdue", "proposal.opened", "task.overdue"}, Version: 1})
		if err != nil {
			t.Fatal(err)
		}
		if f, _ := listed(got, pid); got.Frequency != pk.EmailWeekly || got.TimeZone != "Asia/Beirut" || f != pk.EmailImmediately ||
			strings.Join(got.KindsOff, ",") != "proposal.opened,task.overdue" || got.Version != 2 {
			t.Errorf("after the change %+v", got)
		}
		_, err = db.Mail.UpdateNotificationSettings(w.Member.Ctx, pk.NotificationSettingsInput{Frequency: pk.EmailOff, TimeZone: "UTC", Version: 1})
		wantCode(t, err, pk.ECONFLICT)

		for _, c := range []struct {
			in    pk.NotificationSettingsInput
			field string
		}{
			{pk.NotificationSettingsInput{Frequency: "hourly", TimeZone: "UTC"}, "frequency"},
			{pk.NotificationSettingsInput{Frequency: pk.EmailDaily, TimeZone: "Mars/Olympus_Mons"}, "time_zone"},
			{pk.NotificationSettingsInput{Frequency: pk.EmailDaily, TimeZone: "Local"}, "time_zone"},
			{pk.NotificationSettingsInput{Frequency: pk.EmailDaily}, "time_zone"},
			{pk.NotificationSettingsInput{Frequency: pk.EmailDaily, TimeZone: "UTC", KindsOff: []string{"weather"}}, "kinds_off"},
			{pk.NotificationSettingsInput{Frequency: pk.EmailDaily, TimeZone: "UTC", Partnerships: map[string]string{pid: "hourly"}}, "partnerships." + pid},
			// Another's partnership, as one that does not exist: not yours.
			{pk.NotificationSettingsInput{Frequency: pk.EmailDaily, TimeZone: "UTC", Partnerships: map[string]string{w.Other.ID: pk.EmailDaily}}, "partnerships." + w.Other.ID},
			{pk.NotificationSettingsInput{Frequency: pk.EmailDaily, TimeZone: "UTC", Partnerships: map[string]string{"nope": pk.EmailDaily}}, "partnerships.nope"},
		} {
			c.in.Version = 2
			_, err := db.Mail.UpdateNotificationSettings(w.Member.Ctx, c.in)
			wantField(t, err, c.field)
		}
		if after, _ := db.Mail.NotificationSettings(w.Member.Ctx); after.Version != 2 || after.Frequency != pk.EmailWeekly {
			t.Errorf("a refused change changed something: %+v", after)
		}
		// An empty choice returns the partnership to the default.
		got, err = db.Mail.UpdateNotificationSettings(w.Member.Ctx, pk.NotificationSettingsInput{Frequency: pk.EmailWeekly,
			TimeZone: "Asia/Beirut", Partnerships: map[string]string{pid: ""}, Version: 2})
		if f, _ := listed(got, pid); err != nil || f != "" || len(got.KindsOff) != 0 {
			t.Errorf("back to the default: %+v %v", got, err)
		}
		if _, err := db.Mail.NotificationSettings(context.Background()); pk.ErrorCode(err) != pk.EUNAUTHORIZED {
			t.Errorf("nobody's settings: %v", err)
		}
		// The person's data download holds them.
		d, err := db.Accounts.MyData(w.Member.Ctx)
		if err != nil || d.NotificationSettings == nil || d.NotificationSettings.TimeZone != "Asia/Beirut" {
			t.Errorf("my data: %+v %v", d.NotificationSettings, err)
		}
	})
}

// mailAt sets the clock, derives the events, plans the mail and returns
// the keys of the mails of their own due now.
func mailAt(t *testing.T, w *sqldbtest.World, at time.Time) []string {
	t.Helper()
	w.Clock.Set(at)
	derive(t, w.DB)
	ctx := context.Background()
	for {
		n, err := w.DB.Mail.PlanNotificationMail(ctx)
		if err != nil {
			t.Fatal("plan:", err)
		}
		if n < sqldb.PlanBatch {
			break
		}
	}
	keys, err := w.DB.Mail.DueNotificationMail(ctx, 1000)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// settle sends (as done) every mail due, so that a test starts from a
// quiet world.
func settle(t *testing.T, w *sqldbtest.World, at time.Time) {
	t.Helper()
	for _, k := range mailAt(t, w, at) {
		if m, err := w.DB.Mail.ClaimNotificationMail(context.Background(), k); err != nil {
			t.Fatal(err)
		} else if m != nil {
			w.DB.Mail.FinishNotificationMail(context.Background(), m, nil)
		}
	}
}

func assignTask(t *testing.T, w *sqldbtest.World, to *sqldbtest.Person, title string) *pk.Task {
	t.Helper()
	task, err := w.DB.Tasks.CreateTask(w.Coordinator.Ctx, w.Partnership.ID, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: title,
		AssigneeID: to.ID, Due: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	return task
}

func setMail(t *testing.T, w *sqldbtest.World, who *sqldbtest.Person, freq, zone string, off ...string) {
	t.Helper()
	s, err := w.DB.Mail.NotificationSettings(who.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.DB.Mail.UpdateNotificationSettings(who.Ctx, pk.NotificationSettingsInput{Frequency: freq, TimeZone: zone,
		KindsOff: off, Version: s.Version}); err != nil {
		t.Fatal(err)
	}
}

// claimFor claims each key and returns the mails to who about subject.
func claimFor(t *testing.T, w *sqldbtest.World, keys []string, who *sqldbtest.Person, subject string) []*sqldb.NotificationMail {
	t.Helper()
	var out []*sqldb.NotificationMail
	for _, k := range keys {
		m, err := w.DB.Mail.ClaimNotificationMail(context.Background(), k)
		if err != nil {
			t.Fatal(err)
		}
		if m == nil {
			continue
		}
		if err := w.DB.Mail.FinishNotificationMail(context.Background(), m, nil); err != nil {
			t.Fatal(err)
		}
		for _, n := range m.Notifications {
			if m.To == who.Email && n.Event.SubjectID == subject {
				out = append(out, m)
			}
		}
	}
	return out
}

// Immediate mail goes once, by day; at night where the person lives it
// waits for 07:00 there.
func TestImmediateMailOnceAndNotAtNight(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		day := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC) // a Monday
		settle(t, w, day)
		setMail(t, w, w.Observer, pk.EmailImmediately, "Europe/Paris")
		task := assignTask(t, w, w.Observer, "Book the hall")
		keys := mailAt(t, w, day.Add(5*time.Minute))
		mails := claimFor(t, w, keys, w.Observer, task.ID)
		if len(mails) != 1 || mails[0].Period != nil || mails[0].Unsubscribe == "" || mails[0].Language == "" {
			t.Fatalf("immediate mails %+v", mails)
		}
		if again := mailAt(t, w, day.Add(10*time.Minute)); len(claimFor(t, w, again, w.Observer, task.ID)) != 0 {
			t.Error("the mail went twice")
		}

		// 23:30 in Auckland (NZST, UTC+12) is night: the mail waits for
		// 07:00 there, 19:00 UTC.
		setMail(t, w, w.Observer, pk.EmailImmediately, "Pacific/Auckland")
		night := time.Date(2026, 6, 1, 11, 30, 0, 0, time.UTC)
		task = assignTask(t, w, w.Observer, "Print the agenda")
		if keys := mailAt(t, w, night); len(claimFor(t, w, keys, w.Observer, task.ID)) != 0 {
			t.Error("a mail went at night")
		}
		if keys := mailAt(t, w, time.Date(2026, 6, 1, 18, 59, 0, 0, time.UTC)); len(claimFor(t, w, keys, w.Observer, task.ID)) != 0 {
			t.Error("a mail went before 07:00 local")
		}
		if keys := mailAt(t, w, time.Date(2026, 6, 1, 19, 0, 0, 0, time.UTC)); len(claimFor(t, w, keys, w.Observer, task.ID)) != 1 {
			t.Error("the held mail did not go at 07:00 local")
		}

		// A kind switched off sends nothing; so does off.
		setMail(t, w, w.Observer, pk.EmailImmediately, "UTC", string(pk.EventTaskAssigned))
		task = assignTask(t, w, w.Observer, "Water the plants")
		if keys := mailAt(t, w, day.Add(26*time.Hour)); len(claimFor(t, w, keys, w.Observer, task.ID)) != 0 {
			t.Error("mail about a kind switched off")
		}
	})
}

// A daily digest holds what the person has not read, once, at 07:00 in
// their zone; what they may no longer see is left out.
func TestDailyDigest(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		ctx := context.Background()
		day := time.Date(2026, 6, 1, 14, 0, 0, 0, time.UTC) // 10:00 in New York
		setMail(t, w, w.Observer, pk.EmailDaily, "America/New_York")
		settle(t, w, day)
		kept := assignTask(t, w, w.Observer, "Draft the newsletter")
		gone := assignTask(t, w, w.Observer, "Order the banners")
		read := assignTask(t, w, w.Observer, "Answer the survey")
		if keys := mailAt(t, w, day.Add(time.Minute)); len(claimFor(t, w, keys, w.Observer, kept.ID)) != 0 {
			t.Error("a digest reader got a mail of its own")
		}
		// Read one in the inbox; the other's task is deleted.
		for _, n := range inbox(t, w.DB, w.Observer) {
			if n.Event.SubjectID == read.ID {
				if _, err := w.DB.Notifications.MarkRead(w.Observer.Ctx, n.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := w.DB.Tasks.DeleteTask(w.Coordinator.Ctx, w.Partnership.ID, gone.ID, gone.Version); err != nil {
			t.Fatal(err)
		}
		// 07:00 in New York on 2 June is 11:00 UTC.
		key := "d:" + w.Observer.ID + ":daily:2026-06-02"
		w.Clock.Set(time.Date(2026, 6, 2, 10, 59, 0, 0, time.UTC))
		if m, err := w.DB.Mail.ClaimNotificationMail(ctx, key); err != nil || m != nil {
			t.Fatalf("a digest before its hour: %+v %v", m, err)
		}
		w.Clock.Set(time.Date(2026, 6, 2, 11, 0, 0, 0, time.UTC))
		m, err := w.DB.Mail.ClaimNotificationMail(ctx, key)
		if err != nil || m == nil || m.Period == nil || m.Period.Frequency != "daily" {
			t.Fatalf("the digest: %+v %v", m, err)
		}
		// Another worker cannot take it meanwhile.
		if other, err := w.DB.Mail.ClaimNotificationMail(ctx, key); err != nil || other != nil {
			t.Fatalf("claimed twice: %+v %v", other, err)
		}
		subjects := map[string]bool{}
		for _, n := range m.Notifications {
			subjects[n.Event.SubjectID] = true
		}
		if !subjects[kept.ID] || subjects[gone.ID] || subjects[read.ID] {
			t.Errorf("the digest holds %v; want %s only of the three", subjects, kept.ID)
		}
		// A claim that lapsed is taken over; the first worker's finish
		// then changes nothing, and the mail is still the second's.
		w.Clock.Advance(11 * time.Minute)
		taken, err := w.DB.Mail.ClaimNotificationMail(ctx, key)
		if err != nil || taken == nil {
			t.Fatalf("a lapsed claim was not taken over: %v", err)
		}
		if err := w.DB.Mail.FinishNotificationMail(ctx, m, nil); err != nil {
			t.Fatal(err)
		}
		var status string
		if err := sqldb.RawForTest(w.DB).QueryRow(`SELECT status FROM email_sends WHERE send_key = $1`, key).Scan(&status); err != nil || status != "sending" {
			t.Errorf("after a finish under a lapsed claim the mail is %q (%v), want still sending", status, err)
		}
		m = taken
		// A failed send is tried again later, then goes once.
		if err := w.DB.Mail.FinishNotificationMail(ctx, m, context.DeadlineExceeded); err != nil {
			t.Fatal(err)
		}
		if again, _ := w.DB.Mail.ClaimNotificationMail(ctx, key); again != nil {
			t.Error("retried at once")
		}
		w.Clock.Advance(time.Hour)
		again, err := w.DB.Mail.ClaimNotificationMail(ctx, key)
		if err != nil || again == nil {
			t.Fatalf("the retry: %v", err)
		}
		if err := w.DB.Mail.FinishNotificationMail(ctx, again, nil); err != nil {
			t.Fatal(err)
		}
		if last, _ := w.DB.Mail.ClaimNotificationMail(ctx, key); last != nil {
			t.Error("sent twice")
		}
	})
}

// An unsubscribe link works without signing in, for its own person and
// kind only; a forged one is not found; using it again is harmless.
func TestUnsubscribe(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		ctx := context.Background()
		day := time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC)
		settle(t, w, day)
		setMail(t, w, w.Observer, pk.EmailImmediately, "UTC")
		task := assignTask(t, w, w.Observer, "Count the ballots")
		mails := claimFor(t, w, mailAt(t, w, day.Add(time.Minute)), w.Observer, task.ID)
		if len(mails) != 1 {
			t.Fatalf("%d mails", len(mails))
		}
		token := mails[0].Unsubscribe
		u, err := w.DB.Mail.Unsubscription(ctx, token)
		if err != nil || u.Kind != pk.EventTaskAssigned || u.Digest || u.Done {
			t.Fatalf("unsubscription %+v %v", u, err)
		}
		for _, forged := range []string{"", "x", token + "x", "QUJD." + strings.SplitN(token, ".", 2)[1], strings.SplitN(token, ".", 2)[0] + ".QUJD"} {
			if _, err := w.DB.Mail.Unsubscribe(ctx, forged); pk.ErrorCode(err) != pk.ENOTFOUND {
				t.Errorf("forged %q: %v", forged, err)
			}
		}
		for range 2 {
			u, err = w.DB.Mail.Unsubscribe(ctx, token)
			if err != nil || !u.Done {
				t.Fatalf("unsubscribe %+v %v", u, err)
			}
		}
		s, _ := w.DB.Mail.NotificationSettings(w.Observer.Ctx)
		if strings.Join(s.KindsOff, ",") != string(pk.EventTaskAssigned) || s.Frequency != pk.EmailImmediately {
			t.Errorf("after unsubscribing: %+v", s)
		}
		// Nobody else's settings moved.
		if o, _ := w.DB.Mail.NotificationSettings(w.Member.Ctx); len(o.KindsOff) != 0 {
			t.Errorf("another person's settings changed: %+v", o)
		}
		if u, _ := w.DB.Mail.Unsubscription(ctx, token); !u.Done {
			t.Error("not shown as done")
		}
	})
}
