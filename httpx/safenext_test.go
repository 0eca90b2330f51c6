package httpx

import (
	"net/url"
	"strings"
	"testing"
)

// The attacks seen and their relatives: each must land on "/".
func TestSafeNextRefusesOtherSites(t *testing.T) {
	for _, next := range []string{
		"", "evil.example", "https://evil.example/", "javascript:alert(1)", "//evil.example", "///evil.example",
		"/\\evil.example", "\\/evil.example", "/\t/evil.example", "/%09/evil.example", "/\n/evil.example",
		"/%0a/evil.example", "/\r/evil.example", "/%0D/evil.example", "/%2F/evil.example", "/%2f%2fevil.example",
		"/%5Cevil.example", "/%5cevil.example", "/%252F/evil.example", "/%25252F/evil.example", "/%zz",
		"/a\x00b", "/%00", "/\xff", "/%ff", " //evil.example", "/\u2028/evil.example", "/\x7f/evil.example",
		"/" + strings.Repeat("a", maxNext),
	} {
		if got := SafeNext(next); got != "/" {
			t.Errorf("SafeNext(%q) = %q, want /", next, got)
		}
	}
}

// Ordinary paths on this site come back unchanged, query and fragment too.
func TestSafeNextKeepsOwnPaths(t *testing.T) {
	for _, next := range []string{
		"/", "/p/abc/actors", "/p/abc/actors?q=caf%C3%A9&sort=name", "/account#tokens", "/search?q=a%20b",
		"/p/abc/maps/m1/assessments", "/café", "/p/abc/actors?q=100%25",
	} {
		if got := SafeNext(next); got != next {
			t.Errorf("SafeNext(%q) = %q, want it unchanged", next, got)
		}
	}
}

// browserHost is where a browser on https://site.example would go for a
// Location header of loc, read the way the WHATWG URL standard reads it:
// tabs and newlines dropped, backslashes taken as slashes, surrounding
// spaces and control characters trimmed.
func browserHost(loc string) string {
	loc = strings.Map(func(r rune) rune {
		switch r {
		case '\t', '\n', '\r':
			return -1
		case '\\':
			return '/'
		}
		return r
	}, loc)
	loc = strings.TrimFunc(loc, func(r rune) bool { return r <= 0x20 })
	base, _ := url.Parse("https://site.example/here")
	u, err := url.Parse(loc)
	if err != nil {
		return "unparseable"
	}
	return base.ResolveReference(u).Host
}

// Whatever SafeNext lets through is the input itself, and every decoding
// of it stays on this site in a browser's reading.
func FuzzSafeNext(f *testing.F) {
	for _, s := range []string{"/", "/p/x", "//evil", "/\t/evil", "/%09/evil", "/%2F/evil", "/\\evil", "https://x", "/%252F%252Fevil"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, next string) {
		got := SafeNext(next)
		if got == "/" {
			return
		}
		if got != next {
			t.Fatalf("SafeNext(%q) = %q: neither the input nor /", next, got)
		}
		for s, i := next, 0; i < 6; i++ {
			if h := browserHost(s); h != "site.example" {
				t.Fatalf("SafeNext(%q) kept a path a browser follows to %q (decoding %d: %q)", next, h, i, s)
			}
			d, err := url.PathUnescape(s)
			if err != nil || d == s {
				break
			}
			s = d
		}
	})
}
