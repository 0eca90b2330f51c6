package web

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

var (
	actions     = regexp.MustCompile(`(?s)\{\{.*?\}\}`)
	tags        = regexp.MustCompile(`(?s)<[^>]*>`)
	readAttrs   = regexp.MustCompile(`(?i)\b(title|alt|aria-label|placeholder|value)="([^"]*)"`)
	htmlEntitiy = regexp.MustCompile(`&[a-z]+;|&#[0-9]+;`)
)

// Templates never hold words of their own: every text a person reads goes
// through T, so that no language is left with English fragments.
func TestTemplatesHaveNoUntranslatedText(t *testing.T) {
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatal("no templates", err)
	}
	for _, f := range files {
		b, _ := templateFS.ReadFile(f)
		src := actions.ReplaceAllString(string(b), "\x00")
		for _, m := range readAttrs.FindAllStringSubmatch(src, -1) {
			if m[1] == "value" {
				continue // form values are data, not text
			}
			if hasLetters(m[2]) {
				t.Errorf("%s: attribute %s=%q is not translated", f, m[1], m[2])
			}
		}
		text := htmlEntitiy.ReplaceAllString(tags.ReplaceAllString(src, " "), " ")
		for _, line := range strings.Split(text, "\n") {
			if hasLetters(line) {
				t.Errorf("%s: text %q is not translated", f, strings.TrimSpace(line))
			}
		}
	}
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// The check itself must catch an English word.
func TestUntranslatedTextIsCaught(t *testing.T) {
	src := actions.ReplaceAllString(`<p>{{T "x"}} Hello</p>`, "\x00")
	if !hasLetters(tags.ReplaceAllString(src, " ")) {
		t.Fatal("the check misses plain text")
	}
}
