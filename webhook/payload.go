// Package webhook tells a partnership's chat room or system what happened:
// a signed JSON document, a Slack-compatible message or a Matrix room
// message, built from an event rendered by notify.Render so that every
// channel says the same thing. Building a request is pure; sending goes
// through a client that refuses private networks (guard.go) and follows no
// redirect.
package webhook

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The kinds of webhook.
const (
	KindJSON   = "json"
	KindSlack  = "slack"
	KindMatrix = "matrix"
)

// SignatureHeader carries the JSON kind's signature.
const SignatureHeader = "X-Partnerkit-Signature"

// TestKind is the kind of the message the "send a test" button sends.
const TestKind = "test"

// Message is what a delivery says, already in the reader's language: the
// event's stable fields, its rendered title and the absolute address of
// its page.
type Message struct {
	ID            string    `json:"id"`
	Kind          string    `json:"kind"`
	PartnershipID string    `json:"partnership_id"`
	SubjectType   string    `json:"subject_type"`
	SubjectID     string    `json:"subject_id"`
	Title         string    `json:"title"`
	URL           string    `json:"url"`
	CreatedAt     time.Time `json:"created_at"`
}

// Target is where and how a webhook delivers, with its secrets opened.
type Target struct {
	Kind string
	// URL is the JSON or Slack endpoint, or the Matrix homeserver.
	URL string
	// Secret signs the JSON kind.
	Secret string
	// Room and Token address a Matrix room.
	Room, Token string
}

// Request is one HTTP request to make, built without any I/O.
type Request struct {
	Method string
	URL    string
	Header http.Header
	Body   []byte
}

// Build makes the request delivering m to t. txnID names the delivery so
// that a retry is the same message (Matrix de-duplicates on it); now is
// the signature's time.
func Build(t Target, m Message, txnID string, now time.Time) (*Request, error) {
	switch t.Kind {
	case KindJSON:
		body, err := json.Marshal(m)
		if err != nil {
			return nil, err
		}
		h := http.Header{"Content-Type": {"application/json"}}
		h.Set(SignatureHeader, Sign(t.Secret, now.Unix(), body))
		return &Request{Method: http.MethodPost, URL: t.URL, Header: h, Body: body}, nil
	case KindSlack:
		body, err := json.Marshal(map[string]string{"text": SlackText(m)})
		if err != nil {
			return nil, err
		}
		return &Request{Method: http.MethodPost, URL: t.URL, Header: http.Header{"Content-Type": {"application/json"}}, Body: body}, nil
	case KindMatrix:
		body, err := json.Marshal(map[string]string{"msgtype": "m.text", "body": m.Title + " " + m.URL,
			"format": "org.matrix.custom.html", "formatted_body": `<a href="` + html.EscapeString(m.URL) + `">` + html.EscapeString(m.Title) + `</a>`})
		if err != nil {
			return nil, err
		}
		h := http.Header{"Content-Type": {"application/json"}, "Authorization": {"Bearer " + t.Token}}
		return &Request{Method: http.MethodPut, URL: MatrixSendURL(t.URL, t.Room, txnID), Header: h, Body: body}, nil
	}
	return nil, fmt.Errorf("webhook: unknown kind %q", t.Kind)
}

// MatrixSendURL is the client-server API address that sends one room
// message; txnID makes a repeated request the same event.
func MatrixSendURL(homeserver, room, txnID string) string {
	return strings.TrimRight(homeserver, "/") + "/_matrix/client/v3/rooms/" + url.PathEscape(room) +
		"/send/m.room.message/" + url.PathEscape(txnID)
}

// Sign returns the signature header's value for body sent at unix time t:
// t=<t>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>.
func Sign(secret string, t int64, body []byte) string {
	ts := strconv.FormatInt(t, 10)
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(ts))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return "t=" + ts + ",v1=" + hex.EncodeToString(mac.Sum(nil))
}

// ErrSignature is returned by Verify for a missing, malformed, wrong or
// too old signature.
var ErrSignature = errors.New("webhook: signature does not match")

// Verify checks a signature header as a receiver would: the HMAC matches
// and the time is within tolerance of now (against replays).
func Verify(header, secret string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts int64
	var sigs []string
	for part := range strings.SplitSeq(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			n, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return ErrSignature
			}
			ts = n
		case "v1":
			sigs = append(sigs, v)
		}
	}
	if ts == 0 || len(sigs) == 0 {
		return ErrSignature
	}
	if d := now.Sub(time.Unix(ts, 0)); d > tolerance || d < -tolerance {
		return ErrSignature
	}
	_, want, _ := strings.Cut(Sign(secret, ts, body), ",v1=")
	for _, s := range sigs {
		if hmac.Equal([]byte(s), []byte(want)) {
			return nil
		}
	}
	return ErrSignature
}

// SlackText is the message for Slack and the services that read its
// format (Mattermost, Discord's /slack endpoint, Rocket.Chat): the title as
// a link to its page.
func SlackText(m Message) string {
	if m.URL == "" {
		return SlackEscape(m.Title)
	}
	return "<" + SlackEscape(m.URL) + "|" + SlackEscape(m.Title) + ">"
}

// SlackEscape escapes the three characters Slack gives meaning to in
// message text; nothing else is to be escaped.
func SlackEscape(s string) string {
	var b bytes.Buffer
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
