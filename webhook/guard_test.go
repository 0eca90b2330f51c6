package webhook

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// fakeResolver answers from a table, as DNS would.
type fakeResolver map[string][]string

func (f fakeResolver) LookupNetIP(_ context.Context, _, host string) ([]netip.Addr, error) {
	var out []netip.Addr
	for _, s := range f[host] {
		out = append(out, netip.MustParseAddr(s))
	}
	if len(out) == 0 {
		return nil, errors.New("no such host")
	}
	return out, nil
}

var dns = fakeResolver{
	"hooks.example.org":    {"93.184.215.14"},
	"v6.example.org":       {"2606:4700:4700::1111"},
	"internal.example.org": {"10.1.2.3"},
	"sneaky.example.org":   {"93.184.215.14", "192.168.1.10"},
	"metadata.example.org": {"169.254.169.254"},
	"loop6.example.org":    {"::1"},
	"ula.example.org":      {"fd12:3456::1"},
	"mapped.example.org":   {"::ffff:127.0.0.1"},
	"localhost":            {"127.0.0.1", "::1"},
}

func TestGuardCheckURL(t *testing.T) {
	g := Guard{Resolver: dns}
	for _, c := range []struct {
		url  string
		want error
	}{
		{"https://hooks.example.org/in", nil},
		{"https://v6.example.org/in", nil},
		{"https://93.184.215.14/in", nil},
		{"https://[2606:4700:4700::1111]:8443/in", nil},
		{"http://hooks.example.org/in", ErrHTTPS},
		{"ftp://hooks.example.org/in", ErrURL},
		{"https://user:pw@hooks.example.org/in", ErrURL},
		{"https:///nohost", ErrURL},
		{"not a url", ErrURL},
		{"https://unknown.example.org/", ErrURL},
		{"https://127.0.0.1/", ErrPrivate},
		{"https://127.1.2.3:9000/", ErrPrivate},
		{"https://10.0.0.1/", ErrPrivate},
		{"https://172.16.5.4/", ErrPrivate},
		{"https://192.168.0.1/", ErrPrivate},
		{"https://169.254.169.254/latest/meta-data", ErrPrivate},
		{"https://100.64.0.1/", ErrPrivate},
		{"https://0.0.0.0/", ErrPrivate},
		{"https://224.0.0.1/", ErrPrivate},
		{"https://255.255.255.255/", ErrPrivate},
		{"https://[::1]/", ErrPrivate},
		{"https://[::]/", ErrPrivate},
		{"https://[fe80::1]/", ErrPrivate},
		{"https://[fd00::1]/", ErrPrivate},
		{"https://[ff02::1]/", ErrPrivate},
		{"https://[::ffff:10.0.0.1]/", ErrPrivate},
		{"https://[::ffff:127.0.0.1]/", ErrPrivate},
		{"https://[2001:db8::1]/", ErrPrivate},
		{"https://internal.example.org/", ErrPrivate},
		{"https://sneaky.example.org/", ErrPrivate},
		{"https://metadata.example.org/", ErrPrivate},
		{"https://loop6.example.org/", ErrPrivate},
		{"https://ula.example.org/", ErrPrivate},
		{"https://mapped.example.org/", ErrPrivate},
		{"https://localhost:8080/", ErrPrivate},
	} {
		if err := g.CheckURL(context.Background(), c.url); !errors.Is(err, c.want) && !(err == nil && c.want == nil) {
			t.Errorf("CheckURL(%q) = %v, want %v", c.url, err, c.want)
		}
	}
	allow := Guard{AllowPrivate: true, Resolver: dns}
	for _, u := range []string{"http://127.0.0.1:8080/", "https://internal.example.org/", "http://[::1]/"} {
		if err := allow.CheckURL(context.Background(), u); err != nil {
			t.Errorf("allowed guard refused %q: %v", u, err)
		}
	}
	if err := allow.CheckURL(context.Background(), "ftp://x/"); !errors.Is(err, ErrURL) {
		t.Errorf("allowed guard took ftp: %v", err)
	}
}

func TestClientRefusesPrivateAtConnection(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { t.Error("a refused address was called") }))
	defer srv.Close()
	// The name looks public when saved but resolves to loopback when
	// dialled (DNS rebinding): the dial-time check refuses it.
	c := NewClient(Guard{})
	c.Guard.Resolver = fakeResolver{"localhost": {"93.184.215.14"}}
	port := srv.URL[strings.LastIndex(srv.URL, ":"):]
	if _, err := c.Do(context.Background(), &Request{Method: "POST", URL: "https://localhost" + port + "/"}); !errors.Is(err, ErrPrivate) {
		t.Errorf("rebound name: %v, want ErrPrivate", err)
	}
	for _, u := range []string{srv.URL + "/", "https://127.0.0.1" + port + "/"} {
		if _, err := c.Do(context.Background(), &Request{Method: "POST", URL: u}); err == nil {
			t.Errorf("%s: sent", u)
		}
	}
	if err := (Guard{}).control("tcp", "127.0.0.1"+port, nil); !errors.Is(err, ErrPrivate) {
		t.Errorf("control = %v", err)
	}
	if err := (Guard{}).control("tcp", "[::1]"+port, nil); !errors.Is(err, ErrPrivate) {
		t.Errorf("control v6 = %v", err)
	}
	if err := (Guard{}).control("tcp", "93.184.215.14:443", nil); err != nil {
		t.Errorf("control public = %v", err)
	}
}

func TestClientSendsAndKeepsTheAnswer(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = r.Method + " " + r.Header.Get("X-Test") + " " + string(b)
		w.WriteHeader(http.StatusAccepted)
		io.WriteString(w, strings.Repeat("é", 400)+"\x00")
	}))
	defer srv.Close()
	c := NewClient(Guard{AllowPrivate: true})
	res, err := c.Do(context.Background(), &Request{Method: "POST", URL: srv.URL, Header: http.Header{"X-Test": {"1"}}, Body: []byte("hi")})
	if err != nil {
		t.Fatal(err)
	}
	if got != "POST 1 hi" || res.StatusCode != http.StatusAccepted || !res.OK() {
		t.Errorf("got %q, result %d", got, res.StatusCode)
	}
	if len(res.Body) > ResponseLimit+2 || strings.ContainsRune(res.Body, 0) || !strings.HasPrefix(res.Body, "éé") {
		t.Errorf("kept answer %d bytes: %q", len(res.Body), res.Body[:10])
	}
}

func TestClientFollowsNoRedirect(t *testing.T) {
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls++
		http.Redirect(w, r, "/elsewhere", http.StatusFound)
	}))
	defer srv.Close()
	res, err := NewClient(Guard{AllowPrivate: true}).Do(context.Background(), &Request{Method: "POST", URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if calls != 1 || res.StatusCode != http.StatusFound || res.OK() {
		t.Errorf("calls %d, status %d", calls, res.StatusCode)
	}
}

func TestClientTimesOut(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { <-release }))
	defer srv.Close()
	defer close(release)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := NewClient(Guard{AllowPrivate: true}).Do(ctx, &Request{Method: "POST", URL: srv.URL}); err == nil {
		t.Error("a request without answer succeeded")
	}
}
