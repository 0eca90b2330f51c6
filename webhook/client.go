package webhook

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

// Timeouts of one delivery.
const (
	dialTimeout    = 5 * time.Second
	requestTimeout = 15 * time.Second
)

// ResponseLimit is how much of an answer the delivery log keeps.
const ResponseLimit = 500

// Client sends requests through the guard: every connection's address is
// checked, no redirect is followed, and each request has a deadline.
type Client struct {
	Guard Guard
	http  *http.Client
}

// NewClient makes a client for the guard.
func NewClient(g Guard) *Client {
	d := &net.Dialer{Timeout: dialTimeout, Control: g.control}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would connect on our behalf, past the guard
		DialContext:           d.DialContext,
		TLSHandshakeTimeout:   dialTimeout,
		ResponseHeaderTimeout: requestTimeout,
		MaxIdleConns:          20,
		IdleConnTimeout:       90 * time.Second,
	}
	return &Client{Guard: g, http: &http.Client{Transport: tr, Timeout: requestTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// Result is what the other side answered: its status (0 when none came)
// and the first ResponseLimit bytes of its body.
type Result struct {
	StatusCode int
	Body       string
}

// OK says the delivery succeeded: a 2xx answer. A redirect is a failure,
// since it is not followed.
func (r Result) OK() bool { return r.StatusCode >= 200 && r.StatusCode < 300 }

// Do sends the request; the error is for a request that got no answer
// (refused address, timeout, connection failure).
func (c *Client) Do(ctx context.Context, req *Request) (Result, error) {
	if err := c.Guard.CheckURL(ctx, req.URL); err != nil {
		return Result{}, err
	}
	hr, err := http.NewRequestWithContext(ctx, req.Method, req.URL, bytes.NewReader(req.Body))
	if err != nil {
		return Result{}, err
	}
	if req.Header != nil {
		hr.Header = req.Header.Clone()
	}
	hr.Header.Set("User-Agent", "Partnerkit-Webhook/1")
	resp, err := c.http.Do(hr)
	if err != nil {
		if errors.Is(err, ErrPrivate) {
			return Result{}, ErrPrivate
		}
		return Result{}, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, ResponseLimit))
	io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16)) // let the connection be reused
	return Result{StatusCode: resp.StatusCode, Body: Printable(string(b))}, nil
}

// Printable makes an answer safe to store and show: valid UTF-8 (a cut may
// split a character) without NUL bytes, which PostgreSQL text refuses.
func Printable(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}
