package httpx

import (
	"net/url"
	"strings"
	"unicode/utf8"
)

// maxNext bounds the length of a redirect target taken from a request.
const maxNext = 2048

// SafeNext is the one gate for every redirect target a request names (a
// "next" field or parameter): it returns next when next is a plain absolute
// path on this site, and "/" for anything else.
//
// Browsers are generous in what they take as another site: they drop tabs
// and newlines anywhere in a URL, read a backslash as a slash, and follow
// "//host" to another host. So next is refused when it, or any of its
// percent-decodings, does not start with exactly one "/", holds a
// backslash or a control character, or parses with a scheme or a host.
func SafeNext(next string) string {
	if len(next) > maxNext {
		return "/"
	}
	s := next
	// Decoding until nothing changes catches "/%2F%2Fevil" and
	// "/%252F%252Fevil" alike; the bound stops a pathological nesting.
	for round := range 5 {
		if !plainPath(s) {
			return "/"
		}
		d, err := url.PathUnescape(s)
		if err != nil && round == 0 {
			return "/"
		} else if err != nil {
			// A decoding that leaves a lone "%" (a search for "100%")
			// cannot be decoded again: what was checked is all there is.
			return next
		}
		if d == s {
			return next
		}
		s = d
	}
	return "/"
}

// plainPath is the check of one decoding round.
func plainPath(s string) bool {
	if !strings.HasPrefix(s, "/") || strings.HasPrefix(s, "//") || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\\' || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "" && u.Host == "" && u.User == nil && u.Opaque == ""
}
