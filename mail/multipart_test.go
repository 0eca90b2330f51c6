package mail

import (
	"bytes"
	"context"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readMessage parses a written mail into its headers and its plain-text and
// HTML parts (decoded), for tests of what recipients get.
func readMessage(t *testing.T, raw []byte) (mail.Header, string, string) {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("content type %q (%v)", msg.Header.Get("Content-Type"), err)
	}
	parts := map[string]string{}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = p
		if p.Header.Get("Content-Transfer-Encoding") == "quoted-printable" {
			r = quotedprintable.NewReader(p)
		}
		b, _ := io.ReadAll(r)
		pt, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		parts[pt] = string(b)
	}
	return msg.Header, parts["text/plain"], parts["text/html"]
}

var multipartMessage = Message{To: "lina@example.org", Subject: "Résumé du jour", Body: "Bonjour Lina,\nrien de neuf.",
	HTML:    "<p>Bonjour Lina,</p><p>rien de neuf.</p>",
	Headers: []Header{{"List-Unsubscribe", "<https://partners.example.org/unsubscribe/tok>"}, {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}}}

func checkMultipart(t *testing.T, raw []byte) {
	t.Helper()
	h, text, html := readMessage(t, raw)
	if h.Get("List-Unsubscribe") != "<https://partners.example.org/unsubscribe/tok>" || h.Get("List-Unsubscribe-Post") != "List-Unsubscribe=One-Click" {
		t.Errorf("headers: %v", h)
	}
	if subject, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject")); subject != "Résumé du jour" {
		t.Errorf("subject %q", subject)
	}
	if !strings.Contains(text, "rien de neuf.") || strings.Contains(text, "<p>") || !strings.Contains(html, "<p>rien de neuf.</p>") {
		t.Errorf("parts: %q / %q", text, html)
	}
}

// The outbox writes what SMTP would send: text and HTML as alternatives,
// with the extra headers.
func TestOutboxMultipart(t *testing.T) {
	dir := t.TempDir()
	if err := (&Outbox{Dir: dir, From: "Partnerkit <pk@example.org>"}).Send(context.Background(), multipartMessage); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) != 1 {
		t.Fatalf("%d files", len(files))
	}
	raw, _ := os.ReadFile(files[0])
	checkMultipart(t, raw)
}

func TestSMTPMultipart(t *testing.T) {
	msg, err := (&SMTP{From: "pk@example.org"}).compose(multipartMessage)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := msg.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	checkMultipart(t, b.Bytes())
}
