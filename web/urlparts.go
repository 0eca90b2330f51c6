package web

import "strings"

// URLPath writes a value inside the path of a URL in an attribute as
// html/template does ({{.}} in href="/p/{{.}}"): characters that may not
// stand in a URL percent-encoded, reserved ones and valid escapes kept,
// then escaped for the attribute.
func URLPath(s string) string { return EscapeHTML(urlEncode(s, true)) }

// URLQuery writes a value after the "?" of a URL in an attribute as
// html/template does ({{.}} in href="?tag={{.}}"): everything but letters,
// digits and -._~ percent-encoded.
func URLQuery(s string) string { return EscapeHTML(urlEncode(s, false)) }

// urlEncode is html/template's URL processor: norm keeps the reserved
// characters and valid percent escapes (a path), otherwise they are
// encoded too (a query value).
func urlEncode(s string, norm bool) string {
	const hex = "0123456789abcdef"
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
