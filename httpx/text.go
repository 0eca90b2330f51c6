package httpx

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// How much of a body ValidText reads to check it. Each is at least what the
// handler behind it would read, so no text reaches a handler unchecked.
const (
	// maxCheckedJSON is the API's JSON body cap: its decoder reads no more.
	maxCheckedJSON = 1 << 20
	// maxCheckedForm is net/http's own cap on url-encoded forms; a longer
	// form is not parsed at all.
	maxCheckedForm = 10 << 20
	// maxCheckedMultipart is above every upload cap (the largest, a batch
	// import page, takes 12 MiB); a longer upload is refused here.
	maxCheckedMultipart = 16 << 20
)

// CleanText reports whether s can be stored as text on both engines:
// valid UTF-8 without NUL (PostgreSQL refuses either with an error).
func CleanText(s string) bool {
	return utf8.ValidString(s) && strings.IndexByte(s, 0) < 0
}

// ValidText is the one check at the edge that every text reaching storage
// is valid UTF-8 without NUL: the path (404: no page has such a name), the
// query, url-encoded and multipart form fields, and JSON bodies (400). Bodies
// it reads are given back to the handler unchanged.
func ValidText(bundle *i18n.Bundle, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !CleanText(r.URL.Path) {
			refuseText(bundle, w, r, http.StatusNotFound, "path")
			return
		}
		if field, ok := cleanValues(r.URL.RawQuery); !ok {
			refuseText(bundle, w, r, http.StatusBadRequest, field)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			if status, field := checkBody(r); status != 0 {
				refuseText(bundle, w, r, status, field)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// cleanValues checks the names and values of a url-encoded list. Values
// after a malformed pair count too: net/http keeps them.
func cleanValues(raw string) (string, bool) {
	if raw == "" {
		return "", true
	}
	vs, _ := url.ParseQuery(raw)
	for k, list := range vs {
		if !CleanText(k) {
			return "", false
		}
		for _, v := range list {
			if !CleanText(v) {
				return k, false
			}
		}
	}
	return "", true
}

// checkBody reads and checks a form or JSON body, then puts it back. It
// answers a status and a field name when the body is refused, 0 otherwise.
func checkBody(r *http.Request) (int, string) {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var limit int64
	switch {
	case mt == "application/x-www-form-urlencoded":
		limit = maxCheckedForm
	case mt == "multipart/form-data":
		limit = maxCheckedMultipart
	case mt == "application/json" || strings.HasSuffix(mt, "+json") || (mt == "" && strings.HasPrefix(r.URL.Path, "/api/")):
		limit = maxCheckedJSON
	default:
		return 0, ""
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, limit+1))
	rest := r.Body
	r.Body = readCloser{io.MultiReader(bytes.NewReader(body), rest), rest}
	if err != nil {
		// The handler meets the same broken connection and answers it.
		return 0, ""
	}
	over := int64(len(body)) > limit
	switch limit {
	case maxCheckedForm:
		if over {
			return 0, "" // net/http parses none of it
		}
		if field, ok := cleanValues(string(body)); !ok {
			return http.StatusBadRequest, field
		}
	case maxCheckedMultipart:
		if over {
			return http.StatusRequestEntityTooLarge, "body"
		}
		if field, ok := cleanMultipart(body, params["boundary"]); !ok {
			return http.StatusBadRequest, field
		}
	default:
		if !cleanJSON(body, over) {
			return http.StatusBadRequest, "body"
		}
	}
	return 0, ""
}

type readCloser struct {
	io.Reader
	io.Closer
}

// cleanMultipart checks the names of all parts and the values of the text
// fields (files are checked by whatever reads them). A malformed body is
// checked up to where it breaks: the handler's parser stops there too.
func cleanMultipart(body []byte, boundary string) (string, bool) {
	if boundary == "" {
		return "", true
	}
	mr := multipart.NewReader(bytes.NewReader(body), boundary)
	for {
		p, err := mr.NextPart()
		if err != nil {
			return "", true
		}
		name := p.FormName()
		if !CleanText(name) || !CleanText(p.FileName()) {
			return "", false
		}
		if p.FileName() == "" {
			v, err := io.ReadAll(p)
			if err != nil {
				return "", true
			}
			if !CleanText(string(v)) {
				return name, false
			}
		}
	}
}

// cleanJSON checks the raw bytes of a JSON body: valid UTF-8, no NUL and no
// \u0000 escape (which decodes to NUL). A body cut at the reading cap may
// end inside a character; that tail is not read by the decoder either.
func cleanJSON(b []byte, cut bool) bool {
	if cut {
		b = trimPartialRune(b)
	}
	if !utf8.Valid(b) {
		return false
	}
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case 0:
			return false
		case '\\':
			if i+5 < len(b) && b[i+1] == 'u' && string(b[i+2:i+6]) == "0000" {
				return false
			}
			i++ // the escaped character, so that \\u0000 is text, not NUL
		}
	}
	return true
}

// trimPartialRune drops an incomplete UTF-8 sequence at the end of b.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

// refuseText answers a refused request: problem+json under /api/, plain
// text for pages, in the asker's language.
func refuseText(bundle *i18n.Bundle, w http.ResponseWriter, r *http.Request, status int, field string) {
	lang := i18n.Match(r.Header.Get("Accept-Language"))
	if u := pk.UserFromContext(r.Context()); u != nil && i18n.Supported(u.Language) {
		lang = u.Language
	}
	key, code := "error.bad_text", pk.EINVALID
	switch status {
	case http.StatusNotFound:
		key, code = "error.not_found", pk.ENOTFOUND
	case http.StatusRequestEntityTooLarge:
		key = "error.too_large"
	}
	msg := bundle.Localizer(lang).T(key)
	if !strings.HasPrefix(r.URL.Path, "/api/") {
		http.Error(w, msg, status)
		return
	}
	type problemField struct {
		Field   string `json:"field"`
		Message string `json:"message"`
	}
	p := struct {
		Type   string         `json:"type"`
		Title  string         `json:"title"`
		Status int            `json:"status"`
		Code   string         `json:"code"`
		Errors []problemField `json:"errors"`
	}{"about:blank", msg, status, code, []problemField{}}
	if status != http.StatusNotFound {
		p.Errors = append(p.Errors, problemField{Field: strings.ToValidUTF8(field, "\uFFFD"), Message: msg})
	}
	w.Header().Set("Content-Type", "application/problem+json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(p)
}
