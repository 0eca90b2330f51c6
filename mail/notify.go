package mail

import (
	"bytes"
	"context"
	"embed"
	"encoding/json"
	"html/template"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/notify"
	"github.com/partnerkit/partnerkit/notifymail"
	"github.com/partnerkit/partnerkit/sqldb"
)

// NotificationMailer is what the notification mail jobs ask of the store:
// plan the mail of new notifications, list those due, and claim, then
// finish, each one, so that it goes once however many instances run.
type NotificationMailer interface {
	PlanNotificationMail(ctx context.Context) (int, error)
	DueNotificationMail(ctx context.Context, limit int) ([]string, error)
	ClaimNotificationMail(ctx context.Context, key string) (*sqldb.NotificationMail, error)
	FinishNotificationMail(ctx context.Context, m *sqldb.NotificationMail, sendErr error) error
}

// dueBatch is how many due mails one pass lists.
const dueBatch = 100

// NotificationHandlers are the jobs of notification email: NotifyEmailJob
// plans the mail of new notifications and sends the mails of their own
// that are due; NotifyDigestJob sends one digest. Both may run at any
// time, on any instance, any number of times.
func NotificationHandlers(store NotificationMailer, bundle *i18n.Bundle, baseURL string, sender Sender) map[string]sqldb.JobHandler {
	send := func(ctx context.Context, key string) error {
		m, err := store.ClaimNotificationMail(ctx, key)
		if err != nil || m == nil {
			return err
		}
		sendErr := sender.Send(ctx, ComposeNotificationMail(bundle, baseURL, m))
		return store.FinishNotificationMail(ctx, m, sendErr)
	}
	return map[string]sqldb.JobHandler{
		sqldb.NotifyEmailJob: func(ctx context.Context, _ []byte) error {
			for {
				n, err := store.PlanNotificationMail(ctx)
				if err != nil {
					return err
				}
				if n < sqldb.PlanBatch {
					break
				}
			}
			for {
				keys, err := store.DueNotificationMail(ctx, dueBatch)
				if err != nil {
					return err
				}
				for _, k := range keys {
					if err := send(ctx, k); err != nil {
						return err
					}
				}
				if len(keys) < dueBatch {
					return nil
				}
			}
		},
		sqldb.NotifyDigestJob: func(ctx context.Context, payload []byte) error {
			var j sqldb.NotifyDigestPayload
			if err := json.Unmarshal(payload, &j); err != nil {
				return err
			}
			return send(ctx, j.Key)
		},
	}
}

//go:embed templates/notification.html
var templateFS embed.FS

var htmlMail = template.Must(template.ParseFS(templateFS, "templates/notification.html"))

// mailView is what a notification mail says, for both its parts.
type mailView struct {
	Lang, Dir   string
	Greeting    string
	Intro       string
	Groups      []mailGroup
	More        string
	InboxLink   string
	InboxText   string
	Why         string
	SettingsURL string
	Settings    string
	StopURL     string
	Stop        string
}

type mailGroup struct {
	Heading string
	Kinds   []mailKind
}

type mailKind struct {
	Heading string
	Items   []mailItem
}

type mailItem struct{ Title, Summary, Link string }

// ComposeNotificationMail writes a notification mail in the person's
// language: each notification rendered by notify.Render, as the inbox
// shows it; a digest grouped by partnership then kind, newest first, cut
// at notifymail.MaxDigestItems with the rest counted and the inbox linked;
// the one-click unsubscribe headers of RFC 8058.
func ComposeNotificationMail(bundle *i18n.Bundle, baseURL string, m *sqldb.NotificationMail) Message {
	l := bundle.Localizer(m.Language)
	base := strings.TrimSuffix(baseURL, "/")
	link := func(path string) string {
		if path == "" {
			path = "/inbox"
		}
		return base + path
	}
	stop := base + "/unsubscribe/" + m.Unsubscribe
	v := mailView{Lang: l.Lang(), Dir: i18n.Dir(l.Lang()), Greeting: l.T("notifymail.greeting", "Name", m.Name),
		InboxLink: base + "/inbox", InboxText: l.T("notifymail.inbox"), Why: l.T("notifymail.why"),
		SettingsURL: base + "/account/notifications", Settings: l.T("notifymail.settings"), StopURL: stop}
	var subject string
	if m.Period == nil {
		n := m.Notifications[0]
		t := notify.Render(l, n.Event)
		subject = l.T("notifymail.subject", "Partnership", n.Event.PartnershipName, "Title", t.Title)
		v.Groups = []mailGroup{{Kinds: []mailKind{{Items: []mailItem{{Title: t.Title, Summary: t.Summary, Link: link(t.Path)}}}}}}
		v.Stop = l.T("notifymail.stop_kind", "Kind", l.T("notifymail.kind."+string(n.Event.Kind)))
	} else {
		items := make([]notifymail.Item, len(m.Notifications))
		for i, n := range m.Notifications {
			items[i] = notifymail.Item{Ref: i, PartnershipID: n.Event.PartnershipID, PartnershipName: n.Event.PartnershipName,
				Kind: string(n.Event.Kind), CreatedAt: n.Event.CreatedAt}
		}
		d := notifymail.Arrange(items, notifymail.MaxDigestItems)
		subject = l.T("notifymail.digest.subject."+m.Period.Frequency, "Count", len(items))
		v.Intro = l.T("notifymail.digest.intro."+m.Period.Frequency, "Since", l.DateTime(m.Period.Start.In(m.Location)))
		for _, g := range d.Groups {
			mg := mailGroup{Heading: g.PartnershipName}
			for _, k := range g.Kinds {
				mk := mailKind{Heading: l.T("notifymail.kind." + k.Kind)}
				for _, it := range k.Items {
					t := notify.Render(l, m.Notifications[it.Ref].Event)
					mk.Items = append(mk.Items, mailItem{Title: t.Title, Summary: t.Summary, Link: link(t.Path)})
				}
				mg.Kinds = append(mg.Kinds, mk)
			}
			v.Groups = append(v.Groups, mg)
		}
		if d.More > 0 {
			v.More = l.T("notifymail.digest.more", "Count", d.More)
		}
		v.Stop = l.T("notifymail.stop_digest")
	}
	var html bytes.Buffer
	if err := htmlMail.Execute(&html, v); err != nil {
		html.Reset() // the plain text still goes
	}
	return Message{To: m.To, Subject: subject, Body: plainText(v), HTML: html.String(), Headers: []Header{
		{"List-Unsubscribe", "<" + stop + ">"},
		{"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"},
	}}
}

// plainText is the mail's plain-text part, saying what the HTML says.
func plainText(v mailView) string {
	var b strings.Builder
	b.WriteString(v.Greeting + "\n\n")
	if v.Intro != "" {
		b.WriteString(v.Intro + "\n\n")
	}
	for _, g := range v.Groups {
		if g.Heading != "" {
			b.WriteString("== " + g.Heading + " ==\n\n")
		}
		for _, k := range g.Kinds {
			if k.Heading != "" {
				b.WriteString(k.Heading + "\n")
			}
			for _, it := range k.Items {
				b.WriteString("- " + it.Title + "\n  " + it.Summary + "\n  " + it.Link + "\n")
			}
			b.WriteString("\n")
		}
	}
	if v.More != "" {
		b.WriteString(v.More + "\n")
	}
	b.WriteString(v.InboxText + ": " + v.InboxLink + "\n\n-- \n")
	b.WriteString(v.Why + "\n" + v.Settings + ": " + v.SettingsURL + "\n" + v.Stop + ": " + v.StopURL + "\n")
	return b.String()
}

// KindLabelKeys are the catalogue keys naming each kind for people (the
// settings page and the mails), for the completeness test.
func KindLabelKeys() []string {
	var out []string
	for _, k := range pk.EventKinds {
		out = append(out, "notifymail.kind."+k)
	}
	return out
}
