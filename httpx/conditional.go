package httpx

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
)

// RevalidatePrivate is the Cache-Control of a page or export that is worth
// keeping but must not be shared: only the asker's own browser may store it
// ("private"), and it must ask us before every reuse ("no-cache"). With the
// ETag that ServeBody adds, a phone that goes back to a page it has seen
// gets a 304 of a few hundred bytes instead of the page again, while the
// answer is still decided by the server each time: a signed-out or removed
// person gets the sign-in page or a 404, not the stored copy. Signing out
// also asks the browser to drop what it stored (Clear-Site-Data).
const RevalidatePrivate = "private, no-cache"

// ETag is a strong entity tag for a body: a hash of its bytes, so the same
// bytes always get the same tag and any change gives another.
func ETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:16]) + `"`
}

// NoneMatch reports whether an If-None-Match header names the entity tag,
// by the weak comparison RFC 9110 prescribes for it (W/ is ignored, so a tag
// weakened by compression still matches); "*" matches any current body.
func NoneMatch(ifNoneMatch, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for t := range strings.SplitSeq(ifNoneMatch, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

// ServeBody writes a finished body. A successful GET or HEAD gets an ETag,
// and a request whose If-None-Match names it gets 304 Not Modified with no
// body; any other answer is written as it is. The caller sets Content-Type
// and Cache-Control first.
func ServeBody(w http.ResponseWriter, r *http.Request, status int, body []byte) {
	if status == http.StatusOK && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		if notModified(w, r, ETag(body)) {
			return
		}
	}
	w.WriteHeader(status)
	w.Write(body)
}

// notModified sets the ETag and, when If-None-Match names it, answers 304.
func notModified(w http.ResponseWriter, r *http.Request, etag string) bool {
	h := w.Header()
	h.Set("ETag", etag)
	inm := r.Header.Get("If-None-Match")
	if inm == "" || !NoneMatch(inm, etag) {
		return false
	}
	// A 304 carries what a 200 would say about caching (RFC 9110
	// 15.4.5): the ETag, Cache-Control, and Vary, since a 200 of this type
	// varies with Accept-Encoding.
	if Compressible(h.Get("Content-Type")) && !varies(h, "Accept-Encoding") {
		h.Add("Vary", "Accept-Encoding")
	}
	h.Del("Content-Type")
	h.Del("Content-Length")
	h.Del("Content-Disposition")
	w.WriteHeader(http.StatusNotModified)
	return true
}
