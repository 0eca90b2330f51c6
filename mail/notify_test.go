package mail_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/mail"
	"github.com/partnerkit/partnerkit/notify"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// outbox counts what was sent, safely from several workers.
type outbox struct {
	mu   sync.Mutex
	sent []mail.Message
}

func (o *outbox) Send(_ context.Context, m mail.Message) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.sent = append(o.sent, m)
	return nil
}

// to returns the messages sent to an address whose subject or body holds text.
func (o *outbox) to(addr, text string) []mail.Message {
	o.mu.Lock()
	defer o.mu.Unlock()
	var out []mail.Message
	for _, m := range o.sent {
		if m.To == addr && strings.Contains(m.Subject+m.Body, text) {
			out = append(out, m)
		}
	}
	return out
}

var bundle = i18n.MustLoad()

const base = "https://partners.example.org"

// handlers are a worker's: deriving events, and notification mail.
func handlers(db *sqldb.DB, o *outbox) map[string]sqldb.JobHandler {
	h := mail.NotificationHandlers(db.Mail, bundle, base, o)
	h[sqldb.EventsDerivedJob] = db.Events.Derive
	return h
}

// work runs the due jobs until none is left.
func work(t *testing.T, db *sqldb.DB, o *outbox) {
	t.Helper()
	h := handlers(db, o)
	for db.Jobs.RunDueJobs(context.Background(), h, nil) > 0 {
	}
}

func setMail(t *testing.T, db *sqldb.DB, who *sqldbtest.Person, freq, zone string) {
	t.Helper()
	s, err := db.Mail.NotificationSettings(who.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Mail.UpdateNotificationSettings(who.Ctx, pk.NotificationSettingsInput{Frequency: freq, TimeZone: zone, Version: s.Version}); err != nil {
		t.Fatal(err)
	}
}

func assign(t *testing.T, w *sqldbtest.World, to *sqldbtest.Person, title string) *pk.Task {
	t.Helper()
	task, err := w.DB.Tasks.CreateTask(w.Coordinator.Ctx, w.Partnership.ID, pk.TaskInput{PlanID: w.Plans().Plan.ID, Title: title,
		AssigneeID: to.ID, Due: "2026-12-01"})
	if err != nil {
		t.Fatal(err)
	}
	return task
}

// From a task assigned to the mail in the outbox: in the person's
// language, the subject and line the inbox shows (notify.Render), HTML
// escaped, a link to the task, and the one-click unsubscribe headers; sent
// once however often the jobs run.
func TestNotificationMailEndToEnd(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		o := &outbox{}
		w.Clock.Set(time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC))
		work(t, db, o) // the world's own history first
		if _, err := db.Accounts.UpdateProfile(w.Observer.Ctx, pk.ProfileInput{Name: w.Observer.Name, Language: "ar", Version: w.Observer.Version}); err != nil {
			t.Fatal(err)
		}
		setMail(t, db, w.Observer, pk.EmailImmediately, "Asia/Beirut")
		title := `<b>Tea & "cake"</b> for the assembly`
		task := assign(t, w, w.Observer, title)
		work(t, db, o)
		work(t, db, o)
		got := o.to(w.Observer.Email, "cake")
		if len(got) != 1 {
			t.Fatalf("%d mails to the assignee, want 1", len(got))
		}
		m := got[0]
		ar := bundle.Localizer("ar")
		text := notify.Render(ar, eventOf(t, db, w.Observer, task.ID))
		if text.Path == "" {
			t.Fatal("the task's notification has no page")
		}
		if !strings.Contains(m.Subject, text.Title) || !strings.Contains(m.Subject, w.Partnership.Name) {
			t.Errorf("subject %q, want the inbox's title %q", m.Subject, text.Title)
		}
		link := base + text.Path
		if !strings.Contains(m.Body, link) || !strings.Contains(m.Body, text.Summary) || !strings.Contains(m.Body, "مرحبًا") {
			t.Errorf("plain text: %s", m.Body)
		}
		if strings.Contains(m.HTML, "<b>Tea") || !strings.Contains(m.HTML, "&lt;b&gt;Tea &amp; &#34;cake&#34;&lt;/b&gt;") ||
			!strings.Contains(m.HTML, `dir="rtl"`) || !strings.Contains(m.HTML, `href="`+link+`"`) {
			t.Errorf("html: %s", m.HTML)
		}
		headers := map[string]string{}
		for _, h := range m.Headers {
			headers[h.Name] = h.Value
		}
		if !strings.HasPrefix(headers["List-Unsubscribe"], "<"+base+"/unsubscribe/") || headers["List-Unsubscribe-Post"] != "List-Unsubscribe=One-Click" {
			t.Errorf("headers %v", headers)
		}
		// Nobody else heard of someone else's task.
		for _, p := range []*sqldbtest.Person{w.Member, w.Coordinator, w.Outsider} {
			if n := len(o.to(p.Email, "cake")); n != 0 {
				t.Errorf("%s got %d mails about another's task", p.Email, n)
			}
		}

		// The member reads a daily digest at 07:00 UTC (their default).
		digestTask := assign(t, w, w.Member, "Collect the sign-up sheets")
		work(t, db, o)
		if n := len(o.to(w.Member.Email, "sign-up sheets")); n != 0 {
			t.Fatalf("a digest reader got %d mails before the digest", n)
		}
		w.Clock.Set(time.Date(2026, 6, 2, 7, 0, 0, 0, time.UTC))
		work(t, db, o)
		work(t, db, o)
		digests := o.to(w.Member.Email, "sign-up sheets")
		if len(digests) != 1 {
			t.Fatalf("%d digests, want 1", len(digests))
		}
		d := digests[0]
		if !strings.HasPrefix(d.Subject, "Your daily digest") || !strings.Contains(d.Body, "== "+w.Partnership.Name+" ==") ||
			!strings.Contains(d.Body, base+notify.Path(eventOf(t, db, w.Member, digestTask.ID))) || !strings.Contains(d.Body, base+"/inbox") {
			t.Errorf("digest: %s\n%s", d.Subject, d.Body)
		}
	})
}

func inboxOf(t *testing.T, db *sqldb.DB, who *sqldbtest.Person) []*pk.Notification {
	t.Helper()
	list, _, err := db.Notifications.Notifications(who.Ctx, false, pk.PageRequest{Limit: pk.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// eventOf is the event about subject in a person's inbox.
func eventOf(t *testing.T, db *sqldb.DB, who *sqldbtest.Person, subject string) pk.Event {
	t.Helper()
	for _, n := range inboxOf(t, db, who) {
		if n.Event.SubjectID == subject {
			return n.Event
		}
	}
	t.Fatalf("no notification about %s for %s", subject, who.Email)
	return pk.Event{}
}
