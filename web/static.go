package web

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/andybalholm/brotli"

	"github.com/partnerkit/partnerkit/httpx"
)

//go:embed static
var staticFS embed.FS

// Cache lifetimes of static files. A content-hashed name (app.3f9c…css)
// names one set of bytes forever, so browsers may keep it a year and never
// ask again; a new release links to a new name. The plain names
// (/static/app.css) still answer, for bookmarks and pages rendered by an
// older release, but only for a short while without asking.
const (
	ImmutableCache = "public, max-age=31536000, immutable"
	PlainCache     = "public, max-age=300"
)

// asset is one static file, with its compressed forms made once.
type asset struct {
	name   string // file name under static/, e.g. app.css
	hashed string // content-hashed name, e.g. app.3f9c2b1a7d.css
	ctype  string
	body   []byte
	etag   string
	br, gz []byte // nil when the type does not compress or it would not shrink
}

// staticAssets reads and hashes the embedded files once per process.
var staticAssets = sync.OnceValues(func() (map[string]*asset, error) {
	byName := map[string]*asset{}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		a := &asset{name: name, hashed: HashedName(name, body), body: body}
		a.ctype = mime.TypeByExtension(path.Ext(name))
		if a.ctype == "" {
			a.ctype = http.DetectContentType(body)
		}
		sum := sha256.Sum256(body)
		a.etag = `"` + hex.EncodeToString(sum[:16]) + `"`
		if httpx.Compressible(a.ctype) {
			a.br, a.gz = precompress(body)
		}
		byName[name] = a
		return nil
	})
	return byName, err
})

// HashedName puts the first ten hex digits of the content's SHA-256 before
// the file's extension: app.css becomes app.3f9c2b1a7d.css.
func HashedName(name string, body []byte) string {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
}

// precompress makes the Brotli and gzip forms at their top levels (done
// once, so the CPU is spent once), keeping each only when it is smaller.
func precompress(body []byte) (br, gz []byte) {
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, brotli.BestCompression)
	bw.Write(body)
	bw.Close()
	if b.Len() < len(body) {
		br = bytes.Clone(b.Bytes())
	}
	var g bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	gw.Write(body)
	gw.Close()
	if g.Len() < len(body) {
		gz = g.Bytes()
	}
	return br, gz
}

// StaticURL is the address to link a static file by: its content-hashed
// name. Templates call it as {{static "app.css"}}; an unknown name is an
// error, so a mistyped link fails the template tests instead of a page.
func StaticURL(name string) (string, error) {
	assets, err := staticAssets()
	if err != nil {
		return "", err
	}
	a, ok := assets[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return "/static/" + a.hashed, nil
}

// Static serves the embedded CSS, JavaScript and images, under their
// hashed names (cached for a year, immutable) and their plain names
// (cached briefly), precompressed with Brotli or gzip when the browser
// accepts it.
func Static() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		assets, err := staticAssets()
		if err != nil {
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		a, cache := assets[name], PlainCache
		if a == nil {
			a, cache = hashedAsset(assets, name)
		}
		if a == nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Cache-Control", cache)
		h.Set("Content-Type", a.ctype)
		body, etag := a.body, a.etag
		if a.br != nil || a.gz != nil {
			h.Add("Vary", "Accept-Encoding")
			ae := r.Header.Get("Accept-Encoding")
			switch {
			case httpx.NegotiateEncoding(ae) == "br" && a.br != nil:
				body, etag = a.br, strings.TrimSuffix(a.etag, `"`)+`-br"`
				h.Set("Content-Encoding", "br")
			case httpx.AcceptsEncoding(ae, "gzip") && a.gz != nil:
				body, etag = a.gz, strings.TrimSuffix(a.etag, `"`)+`-gz"`
				h.Set("Content-Encoding", "gzip")
			}
		}
		h.Set("ETag", etag)
		// ServeContent answers If-None-Match (304), HEAD and Range.
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
	})
}

// hashedAsset finds the file a content-hashed name stands for. The current
// hash is cached immutably. Another hash of a known file (a page from an
// older or newer release, during an upgrade of several instances) gets the
// current bytes with the short cache: a link never breaks, and no browser
// keeps bytes for a year under a name they do not hash to.
func hashedAsset(assets map[string]*asset, hashed string) (*asset, string) {
	ext := path.Ext(hashed)
	base := strings.TrimSuffix(hashed, ext)
	i := strings.LastIndex(base, ".")
	if i < 0 {
		return nil, ""
	}
	stem, hash := base[:i], base[i+1:]
	if len(hash) != 10 || strings.Trim(hash, "0123456789abcdef") != "" {
		return nil, ""
	}
	a := assets[stem+ext]
	if a == nil {
		return nil, ""
	}
	if a.hashed == hashed {
		return a, ImmutableCache
	}
	return a, PlainCache
}
