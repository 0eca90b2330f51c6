package httpx

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestETag(t *testing.T) {
	t.Parallel()
	a, b := ETag([]byte("one page")), ETag([]byte("one page!"))
	if a != ETag([]byte("one page")) || a == b || a[0] != '"' || a[len(a)-1] != '"' {
		t.Errorf("ETag must be a quoted strong tag, stable for the same bytes and different for others: %s %s", a, b)
	}
}

func TestNoneMatch(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		header, etag string
		want         bool
	}{
		{`"a"`, `"a"`, true},
		{`W/"a"`, `"a"`, true}, // the weakened tag of a compressed copy
		{`"a"`, `W/"a"`, true},
		{`"b", "a"`, `"a"`, true},
		{`*`, `"a"`, true},
		{`"b"`, `"a"`, false},
		{`a`, `"a"`, false},
		{``, `"a"`, false},
	} {
		if got := NoneMatch(c.header, c.etag); got != c.want {
			t.Errorf("NoneMatch(%q, %q) = %v", c.header, c.etag, got)
		}
	}
}

func TestServeBody(t *testing.T) {
	t.Parallel()
	body := []byte("name,sector\nMairie,public\n")
	send := func(method, inm string, status int) *http.Response {
		r := httptest.NewRequest(method, "/export.csv", nil)
		if inm != "" {
			r.Header.Set("If-None-Match", inm)
		}
		w := httptest.NewRecorder()
		w.Header().Set("Content-Type", "text/csv")
		w.Header().Set("Cache-Control", RevalidatePrivate)
		ServeBody(w, r, status, body)
		return w.Result()
	}
	first := send("GET", "", 200)
	etag := first.Header.Get("ETag")
	if b, _ := io.ReadAll(first.Body); first.StatusCode != 200 || string(b) != string(body) || etag != ETag(body) {
		t.Fatalf("first: %d %q etag %q", first.StatusCode, b, etag)
	}
	again := send("GET", etag, 200)
	if b, _ := io.ReadAll(again.Body); again.StatusCode != http.StatusNotModified || len(b) != 0 {
		t.Errorf("matching If-None-Match: %d, %d bytes", again.StatusCode, len(b))
	}
	if again.Header.Get("ETag") != etag || again.Header.Get("Cache-Control") != RevalidatePrivate || again.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("a 304 must keep ETag, Cache-Control and Vary: %v", again.Header)
	}
	if res := send("HEAD", etag, 200); res.StatusCode != http.StatusNotModified {
		t.Errorf("HEAD with a matching tag: %d", res.StatusCode)
	}
	if res := send("GET", `"stale"`, 200); res.StatusCode != 200 {
		t.Errorf("changed body: %d", res.StatusCode)
	}
	// Only a successful GET is conditional: a POST or an error page is
	// always sent whole, with no tag to revalidate.
	if res := send("POST", etag, 200); res.StatusCode != 200 || res.Header.Get("ETag") != "" {
		t.Errorf("POST: %d etag %q", res.StatusCode, res.Header.Get("ETag"))
	}
	if res := send("GET", etag, 404); res.StatusCode != 404 || res.Header.Get("ETag") != "" {
		t.Errorf("404: %d etag %q", res.StatusCode, res.Header.Get("ETag"))
	}
}
