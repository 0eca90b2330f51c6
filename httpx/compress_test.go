package httpx

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

func TestNegotiateEncoding(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ header, want string }{
		{"", ""},
		{"identity", ""},
		{"gzip", "gzip"},
		{"x-gzip", "gzip"},
		{"br", "br"},
		{"gzip, deflate, br, zstd", "br"}, // what Chromium sends
		{"gzip;q=1.0, br;q=0.5", "gzip"},
		{"br;q=0, gzip", "gzip"},
		{"br;q=0, gzip;q=0", ""},
		{"*", "br"},
		{"*;q=0.5, br;q=0", "gzip"},
		{"GZIP", "gzip"},
		{"br;q=nonsense, gzip", "gzip"}, // a malformed weight refuses that coding
		{"deflate", ""},
	} {
		if got := NegotiateEncoding(c.header); got != c.want {
			t.Errorf("NegotiateEncoding(%q) = %q, want %q", c.header, got, c.want)
		}
	}
	if AcceptsEncoding("br", "gzip") || !AcceptsEncoding("br, gzip;q=0.1", "gzip") {
		t.Error("AcceptsEncoding must follow the q-values")
	}
}

// Answers made per request go out in gzip when the client takes it, even
// when it prefers Brotli: see AnswerEncoding.
func TestAnswerEncoding(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ header, want string }{
		{"", ""},
		{"gzip, deflate, br, zstd", "gzip"}, // what Chromium sends
		{"br;q=1.0, gzip;q=0.1", "gzip"},
		{"br", "br"},
		{"deflate, br", "br"},
		{"br, gzip;q=0", "br"},
		{"*", "gzip"},
		{"*;q=0", ""},
		{"identity, deflate", ""},
	} {
		if got := AnswerEncoding(c.header); got != c.want {
			t.Errorf("AnswerEncoding(%q) = %q, want %q", c.header, got, c.want)
		}
	}
}

func TestCompressible(t *testing.T) {
	t.Parallel()
	yes := []string{"text/html; charset=utf-8", "text/css", "text/javascript; charset=utf-8", "image/svg+xml",
		"application/json", "application/problem+json", "text/csv; charset=utf-8", "application/gexf+xml",
		"application/graphml+xml", "text/calendar"}
	no := []string{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip",
		"image/png", "image/jpeg", "application/octet-stream", "", "not a type"}
	for _, ct := range yes {
		if !Compressible(ct) {
			t.Errorf("%q should be compressed", ct)
		}
	}
	for _, ct := range no {
		if Compressible(ct) {
			t.Errorf("%q should not be compressed", ct)
		}
	}
}

// page is a body well over CompressMinSize that compresses.
var page = []byte("<!doctype html><title>t</title>" + strings.Repeat("<p>Stakeholder register: الجهات الفاعلة</p>\n", 200))

func fetch(h http.Handler, method, acceptEncoding string) *http.Response {
	r := httptest.NewRequest(method, "/x", nil)
	if acceptEncoding != "" {
		r.Header.Set("Accept-Encoding", acceptEncoding)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

func decode(t *testing.T, coding string, body io.Reader) []byte {
	t.Helper()
	var rd io.Reader
	switch coding {
	case "br":
		rd = brotli.NewReader(body)
	case "gzip":
		zr, err := gzip.NewReader(body)
		if err != nil {
			t.Fatal(err)
		}
		rd = zr
	default:
		rd = body
	}
	b, err := io.ReadAll(rd)
	if err != nil {
		t.Fatalf("decoding %s: %v", coding, err)
	}
	return b
}

func TestCompressDecodesToTheSameBytes(t *testing.T) {
	t.Parallel()
	h := Compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Length", "999999") // must not survive compression
		w.Header().Set("ETag", `"abc"`)
		// Written in small pieces, as templates and encoders do.
		for i := 0; i < len(page); i += 100 {
			w.Write(page[i:min(i+100, len(page))])
		}
	}))
	for _, coding := range []string{"br", "gzip"} {
		res := fetch(h, "GET", map[string]string{"br": "deflate, br", "gzip": "gzip, deflate, br"}[coding])
		if got := res.Header.Get("Content-Encoding"); got != coding {
			t.Fatalf("Content-Encoding %q, want %q", got, coding)
		}
		if res.Header.Get("Vary") != "Accept-Encoding" || res.Header.Get("Content-Length") != "" {
			t.Errorf("%s: Vary %q, Content-Length %q", coding, res.Header.Get("Vary"), res.Header.Get("Content-Length"))
		}
		if et := res.Header.Get("ETag"); et != `W/"abc"` {
			t.Errorf("%s: a compressed body's ETag must be weak, got %q", coding, et)
		}
		raw, _ := io.ReadAll(res.Body)
		if len(raw)*3 > len(page) {
			t.Errorf("%s: %d bytes from %d: hardly compressed", coding, len(raw), len(page))
		}
		if got := decode(t, coding, bytes.NewReader(raw)); !bytes.Equal(got, page) {
			t.Errorf("%s: decoded body differs from the page (%d vs %d bytes)", coding, len(got), len(page))
		}
	}
	// Without Accept-Encoding the body is the page, and still says it varies.
	res := fetch(h, "GET", "")
	if b, _ := io.ReadAll(res.Body); !bytes.Equal(b, page) || res.Header.Get("Content-Encoding") != "" || res.Header.Get("Vary") != "Accept-Encoding" {
		t.Errorf("identity: %d bytes, encoding %q, vary %q", len(b), res.Header.Get("Content-Encoding"), res.Header.Get("Vary"))
	}
}

// A page written in one piece, or a little then the rest, decodes to the
// same bytes with and without compression, its type sniffed when not set;
// nothing of a write is kept once it returns (pages are written from
// reused buffers), so scribbling over it afterwards changes nothing.
func TestCompressOneBigWrite(t *testing.T) {
	t.Parallel()
	for _, first := range []int{0, 10, CompressMinSize - 1, CompressMinSize, 3000} {
		h := Compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			for _, piece := range [][]byte{page[:first], page[first:]} {
				buf := bytes.Clone(piece)
				w.Write(buf)
				for i := range buf {
					buf[i] = 'x'
				}
			}
		}))
		for _, accept := range []string{"gzip", ""} {
			res := fetch(h, "GET", accept)
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
				t.Errorf("first %d, %q: Content-Type %q", first, accept, ct)
			}
			if got := decode(t, res.Header.Get("Content-Encoding"), res.Body); !bytes.Equal(got, page) {
				t.Errorf("first %d, %q: decoded body differs from the page (%d vs %d bytes)", first, accept, len(got), len(page))
			}
		}
	}
}

func TestCompressLeavesAlone(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		status int
		header map[string]string
		body   []byte
	}{
		{"tiny body", 200, map[string]string{"Content-Type": "text/html"}, []byte("<p>ok</p>")},
		{"xlsx", 200, map[string]string{"Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}, page},
		{"png", 200, map[string]string{"Content-Type": "image/png"}, page},
		{"already encoded", 200, map[string]string{"Content-Type": "text/css", "Content-Encoding": "br"}, page},
		{"partial content", 206, map[string]string{"Content-Type": "text/css", "Content-Range": "bytes 0-9/99"}, page},
		{"not modified", 304, map[string]string{"ETag": `"x"`}, nil},
		{"no content", 204, nil, nil},
	} {
		h := Compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			for k, v := range c.header {
				w.Header().Set(k, v)
			}
			w.WriteHeader(c.status)
			w.Write(c.body)
		}))
		res := fetch(h, "GET", "br, gzip")
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != c.status || !bytes.Equal(b, c.body) || res.Header.Get("Content-Encoding") != c.header["Content-Encoding"] {
			t.Errorf("%s: %d, %d bytes, encoding %q", c.name, res.StatusCode, len(b), res.Header.Get("Content-Encoding"))
		}
	}
}

// HEAD says what GET would (the same Content-Encoding) without a body.
func TestCompressHead(t *testing.T) {
	t.Parallel()
	h := Compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(page)
	}))
	res := fetch(h, "HEAD", "br")
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || res.Header.Get("Content-Encoding") != "br" || len(b) != 0 {
		t.Errorf("HEAD: %d, encoding %q, %d bytes", res.StatusCode, res.Header.Get("Content-Encoding"), len(b))
	}
}

// A handler that flushes is streamed: the first part reaches the client,
// compressed and decodable, while the handler still waits to send more.
func TestCompressStreams(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(Compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv")
		io.WriteString(w, "id,name\n1,first\n")
		w.(http.Flusher).Flush()
		<-release
		io.WriteString(w, "2,second\n")
	})))
	defer srv.Close()
	defer close(release)
	req, _ := http.NewRequest("GET", srv.URL, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("a stream of CSV should be compressed, got %q", res.Header.Get("Content-Encoding"))
	}
	zr, err := gzip.NewReader(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(zr).ReadString('\n')
		line <- s
	}()
	select {
	case s := <-line:
		if s != "id,name\n" {
			t.Errorf("first line %q", s)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the flushed part did not arrive before the handler finished")
	}
}

// A handler that panics before writing still gets the logging middleware's
// 500, as it did before compression.
func TestCompressPanicStillAnswers500(t *testing.T) {
	t.Parallel()
	h := Logging(slog.New(slog.DiscardHandler), Compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		panic("boom")
	})))
	res := fetch(h, "GET", "br")
	if res.StatusCode != http.StatusInternalServerError {
		t.Errorf("status %d, want 500", res.StatusCode)
	}
}
