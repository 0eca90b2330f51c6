package httpx

import (
	"bufio"
	"compress/gzip"
	"io"
	"mime"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// CompressMinSize is the smallest body worth compressing: below about a
// kilobyte the encoding's own framing and the CPU cost outweigh what a slow
// line saves, and a redirect or a short problem fits in one packet anyway.
const CompressMinSize = 1024

// Compression levels for answers made per request. Brotli 5 and gzip 3 give
// most of the size reduction of the top levels for a fraction of the CPU
// (gzip 3 costs about two thirds of gzip 6 on our pages, for 1–4 % more
// bytes); static assets are compressed once, at the top levels
// (web/static.go), and kept pieces at keptLevel. Answers made per request
// go out in gzip whenever the client takes it (AnswerEncoding): see there
// why.
const (
	brotliLevel = 5
	gzipLevel   = 3
	// keptLevel compresses a kept piece (KeptPiece): once for many
	// answers, so at the default level, which shrinks the large drawings
	// a few per cent more.
	keptLevel = gzip.DefaultCompression
)

// Compressible reports whether a body of this Content-Type shrinks when
// compressed: text (HTML, CSS, JavaScript, CSV, calendars), JSON and
// problem+json, and XML (SVG, GEXF, GraphML). Formats that are already
// compressed (XLSX and other ZIPs, PNG, JPEG) are not.
func Compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "text/"):
		return true
	case strings.HasSuffix(mt, "+json"), strings.HasSuffix(mt, "+xml"):
		return true
	}
	switch mt {
	case "application/json", "application/xml", "application/javascript":
		return true
	}
	return false
}

// NegotiateEncoding picks the content coding for an Accept-Encoding header:
// "br" or "gzip" (Brotli when both are equally welcome, as it is smaller),
// or "" for none.
func NegotiateEncoding(acceptEncoding string) string {
	weight := encodingWeights(acceptEncoding)
	br, gz := weight("br"), weight("gzip")
	switch {
	case br > 0 && br >= gz:
		return "br"
	case gz > 0:
		return "gzip"
	}
	return ""
}

// AnswerEncoding picks the content coding of an answer made per request:
// gzip whenever the client takes it, Brotli only for a client that takes
// Brotli and not gzip. On a page of 300 kB, Brotli 5 sends 27 kB where
// gzip 6 sends 38 kB, but costs 3.5 times the processor time and allocates
// megabytes per answer: under load on a two-core server a browser's page
// (browsers ask for both) answered at a seventh of the rate. Static assets,
// compressed once, still go out in Brotli (NegotiateEncoding).
func AnswerEncoding(acceptEncoding string) string {
	weight := encodingWeights(acceptEncoding)
	switch {
	case weight("gzip") > 0:
		return "gzip"
	case weight("br") > 0:
		return "br"
	}
	return ""
}

// AcceptsEncoding reports whether an Accept-Encoding header welcomes the
// coding.
func AcceptsEncoding(acceptEncoding, coding string) bool {
	return encodingWeights(acceptEncoding)(coding) > 0
}

// encodingWeights reads an Accept-Encoding header into the q-value of each
// coding: a coding given q=0 (or a malformed q) is refused, and "*" stands
// for any coding not named.
func encodingWeights(acceptEncoding string) func(coding string) float64 {
	q := map[string]float64{}
	for part := range strings.SplitSeq(acceptEncoding, ",") {
		name, params, _ := strings.Cut(part, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		weight := 1.0
		for p := range strings.SplitSeq(params, ";") {
			k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
			if ok && strings.EqualFold(strings.TrimSpace(k), "q") {
				f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || f < 0 || f > 1 {
					f = 0
				}
				weight = f
			}
		}
		if name == "x-gzip" {
			name = "gzip"
		}
		q[name] = weight
	}
	return func(coding string) float64 {
		if w, ok := q[coding]; ok {
			return w
		}
		return q["*"] // 0 when "*" is not named
	}
}

var (
	gzipPool   sync.Pool
	brotliPool sync.Pool
)

// encoder is a pooled compressor for one coding.
type encoder interface {
	io.WriteCloser
	Flush() error
	Reset(io.Writer)
}

func newEncoder(coding string, w io.Writer) encoder {
	switch coding {
	case "br":
		if e, ok := brotliPool.Get().(*brotli.Writer); ok {
			e.Reset(w)
			return e
		}
		return brotli.NewWriterLevel(w, brotliLevel)
	default:
		if e, ok := gzipPool.Get().(*gzipSplicer); ok {
			e.Reset(w)
			return e
		}
		return newGzipSplicer(w)
	}
}

func releaseEncoder(e encoder) {
	e.Reset(io.Discard)
	switch x := e.(type) {
	case *brotli.Writer:
		brotliPool.Put(x)
	case *gzipSplicer:
		gzipPool.Put(x)
	}
}

// Compress sends text, JSON and XML answers gzip- or Brotli-compressed to
// clients that ask for it in Accept-Encoding (AnswerEncoding), and says Vary:
// Accept-Encoding on every answer whose type could have been compressed, so
// that a cache never hands a compressed body to a client that cannot read
// it. The first CompressMinSize bytes are held back to decide: a smaller
// answer goes out as it is. A handler that flushes (a stream) gets its
// bytes flushed through the compressor at once. Answers that already carry a
// Content-Encoding (precompressed static files), partial content, 204, 304
// and other bodiless answers pass untouched; an ETag on a compressed answer
// is made weak, since the bytes differ from the identity body it names
// (If-None-Match compares weakly, so revalidation still works).
func Compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &compressWriter{ResponseWriter: w, coding: AnswerEncoding(r.Header.Get("Accept-Encoding")), head: r.Method == http.MethodHead}
		defer cw.finish()
		next.ServeHTTP(cw, r)
	})
}

// compressWriter holds the status and the first bytes until it knows the
// answer's type and size, then either streams through an encoder or passes
// everything on unchanged.
type compressWriter struct {
	http.ResponseWriter
	coding string // negotiated: "br", "gzip" or ""
	head   bool

	status  int // held until decided; 0 when WriteHeader was not called
	buf     []byte
	decided bool
	enc     encoder // set when compressing
}

func (c *compressWriter) Unwrap() http.ResponseWriter { return c.ResponseWriter }

func (c *compressWriter) WriteHeader(code int) {
	if code < 200 { // informational answers (103 Early Hints) go out at once
		c.ResponseWriter.WriteHeader(code)
		return
	}
	if c.decided || c.status != 0 {
		return // superfluous, as net/http would treat it
	}
	c.status = code
	if !bodyAllowed(code) {
		c.decide(false)
	}
}

func (c *compressWriter) Write(p []byte) (int, error) {
	if !c.decided {
		if len(c.buf)+len(p) < CompressMinSize {
			c.buf = append(c.buf, p...)
			return len(p), nil
		}
		// Enough to decide. p follows what was held back without being
		// copied: a page is written in one piece of up to hundreds of
		// kilobytes, and nothing of it is kept once Write returns.
		if err := c.decide(true, p); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	if c.enc != nil {
		if c.head {
			return len(p), nil
		}
		return c.enc.Write(p)
	}
	return c.ResponseWriter.Write(p)
}

// Flush sends what is held: a streaming handler gets compression from its
// first flush (it is likely to send more), and every flush reaches the
// client.
func (c *compressWriter) Flush() {
	if !c.decided {
		c.decide(true)
	}
	if c.enc != nil && !c.head {
		c.enc.Flush()
	}
	http.NewResponseController(c.ResponseWriter).Flush()
}

// Hijack passes through for protocols that take over the connection.
func (c *compressWriter) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	return http.NewResponseController(c.ResponseWriter).Hijack()
}

// decide chooses between compressing and passing through, writes the
// status and any held bytes. big says whether the body is (or may become)
// large enough to be worth compressing.
func (c *compressWriter) decide(big bool, tail ...[]byte) error {
	c.decided = true
	h := c.Header()
	status := c.status
	if status == 0 {
		status = http.StatusOK
	}
	if h.Get("Content-Type") == "" && bodyAllowed(status) {
		// What net/http would sniff anyway; decided here so the choice
		// below sees it.
		head := c.buf
		for _, t := range tail {
			head = append(head[:len(head):len(head)], t[:min(len(t), 512)]...)
		}
		if len(head) > 0 {
			h.Set("Content-Type", http.DetectContentType(head))
		}
	}
	eligible := bodyAllowed(status) && status != http.StatusPartialContent &&
		h.Get("Content-Encoding") == "" && h.Get("Content-Range") == "" &&
		Compressible(h.Get("Content-Type"))
	if eligible && !varies(h, "Accept-Encoding") {
		h.Add("Vary", "Accept-Encoding")
	}
	if eligible && big && c.coding != "" {
		h.Set("Content-Encoding", c.coding)
		h.Del("Content-Length")
		h.Del("Accept-Ranges")
		if et := h.Get("ETag"); et != "" && !strings.HasPrefix(et, "W/") {
			h.Set("ETag", "W/"+et)
		}
		c.ResponseWriter.WriteHeader(status)
		c.enc = newEncoder(c.coding, c.ResponseWriter)
		if c.head {
			c.buf = nil
			return nil
		}
		return c.release(c.enc, tail)
	}
	if c.status != 0 {
		c.ResponseWriter.WriteHeader(c.status)
	}
	c.status = 0
	return c.release(c.ResponseWriter, tail)
}

// release writes what was held back, then the rest of the write that
// decided.
func (c *compressWriter) release(w io.Writer, tail [][]byte) error {
	pieces := append([][]byte{c.buf}, tail...)
	c.buf = nil
	for _, p := range pieces {
		if len(p) == 0 {
			continue
		}
		if _, err := w.Write(p); err != nil {
			return err
		}
	}
	return nil
}

// finish sends a small answer held back to the end, or closes the encoder.
// When the handler wrote nothing at all (it panicked first) nothing is sent,
// so that the logging middleware can still answer 500.
func (c *compressWriter) finish() {
	if !c.decided {
		if c.status == 0 && len(c.buf) == 0 {
			return
		}
		c.decide(false)
	}
	if c.enc != nil {
		if !c.head {
			c.enc.Close()
		}
		releaseEncoder(c.enc)
		c.enc = nil
	}
}

// bodyAllowed reports whether an answer with this status carries a body.
func bodyAllowed(status int) bool {
	return status >= 200 && status != http.StatusNoContent && status != http.StatusNotModified
}

// varies reports whether the Vary header already names this request header.
func varies(h http.Header, name string) bool {
	for _, v := range h.Values("Vary") {
		for f := range strings.SplitSeq(v, ",") {
			if f = strings.TrimSpace(f); f == "*" || strings.EqualFold(f, name) {
				return true
			}
		}
	}
	return false
}
