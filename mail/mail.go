// Package mail sends Partnerkit's emails: over SMTP when configured, or
// else into an outbox folder of .eml files under the data directory, so that
// an instance works (and can be tested) without a mail server.
package mail

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/textproto"
	"os"
	"path/filepath"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb"
)

// Message is one email: plain text, and an HTML alternative when HTML is
// set (sent as multipart/alternative, the plain text first).
type Message struct {
	To      string
	Subject string
	Body    string
	HTML    string
	// Headers are extra header fields in order (List-Unsubscribe, say);
	// values must be ASCII, as the ones we write are.
	Headers []Header
}

// Header is one extra header field.
type Header struct{ Name, Value string }

// Sender delivers messages.
type Sender interface {
	Send(ctx context.Context, m Message) error
}

// Outbox writes each message as an .eml file into Dir.
type Outbox struct {
	Dir  string
	From string
}

// Send writes the message to a new file in the outbox.
func (o *Outbox) Send(_ context.Context, m Message) error {
	if err := os.MkdirAll(o.Dir, 0o750); err != nil {
		return err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\n",
		o.From, m.To, mime.QEncoding.Encode("utf-8", m.Subject), time.Now().UTC().Format(time.RFC1123Z))
	for _, h := range m.Headers {
		fmt.Fprintf(&b, "%s: %s\r\n", h.Name, h.Value)
	}
	if m.HTML == "" {
		fmt.Fprintf(&b, "Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", m.Body)
	} else {
		mw := multipart.NewWriter(&b)
		fmt.Fprintf(&b, "Content-Type: multipart/alternative; boundary=%q\r\n\r\n", mw.Boundary())
		for _, part := range []struct{ typ, body string }{{"text/plain", m.Body}, {"text/html", m.HTML}} {
			w, err := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {part.typ + "; charset=utf-8"}, "Content-Transfer-Encoding": {"8bit"}})
			if err != nil {
				return err
			}
			io.WriteString(w, part.body+"\r\n")
		}
		mw.Close()
	}
	name := fmt.Sprintf("%s-%s.eml", time.Now().UTC().Format("20060102T150405.000000000"), safeName(m.To))
	tmp := filepath.Join(o.Dir, "."+name)
	if err := os.WriteFile(tmp, b.Bytes(), 0o640); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(o.Dir, name))
}

func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '@' {
			return r
		}
		return '_'
	}, s)
}

// SMTP sends through a mail server.
type SMTP struct {
	Host, Username, Password, From string
	Port                           int
}

// Send delivers one message over SMTP with STARTTLS when offered.
func (s *SMTP) Send(ctx context.Context, m Message) error {
	msg, err := s.compose(m)
	if err != nil {
		return err
	}
	opts := []gomail.Option{gomail.WithPort(s.Port), gomail.WithTLSPolicy(gomail.TLSOpportunistic)}
	if s.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlain), gomail.WithUsername(s.Username), gomail.WithPassword(s.Password))
	}
	c, err := gomail.NewClient(s.Host, opts...)
	if err != nil {
		return err
	}
	return c.DialAndSendWithContext(ctx, msg)
}

// compose builds the message as it goes over the wire.
func (s *SMTP) compose(m Message) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	if err := msg.From(s.From); err != nil {
		return nil, err
	}
	if err := msg.To(m.To); err != nil {
		return nil, err
	}
	msg.Subject(m.Subject)
	for _, h := range m.Headers {
		msg.SetGenHeaderPreformatted(gomail.Header(h.Name), h.Value)
	}
	msg.SetBodyString(gomail.TypeTextPlain, m.Body)
	if m.HTML != "" {
		msg.AddAlternativeString(gomail.TypeTextHTML, m.HTML)
	}
	return msg, nil
}

// Handler composes and sends the mails queued as "mail" jobs: the subject
// and body are catalogue messages (TEMPLATE.subject, TEMPLATE.body) in the
// recipient's language, with the link made from the instance's base URL.
func Handler(bundle *i18n.Bundle, baseURL string, sender Sender) sqldb.JobHandler {
	return func(ctx context.Context, payload []byte) error {
		var j sqldb.MailJob
		if err := json.Unmarshal(payload, &j); err != nil {
			return err
		}
		l := bundle.Localizer(j.Language)
		data := map[string]any{}
		for k, v := range j.Data {
			data[k] = v
		}
		if j.Path != "" {
			data["Link"] = strings.TrimSuffix(baseURL, "/") + j.Path
		}
		return sender.Send(ctx, Message{To: j.To, Subject: l.T(j.Template+".subject", data), Body: l.T(j.Template+".body", data)})
	}
}
