package web

import (
	"io/fs"
	"os"
	"path/filepath"
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
	files := templateFiles(t)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
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

// templateFiles finds the kernel's templates and every module's, on disk:
// a module added later is checked without anyone listing it here.
func templateFiles(t *testing.T) []string {
	var files []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Base(filepath.Dir(p)) == "templates" && strings.HasSuffix(p, ".html") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The kernel and all nine modules have templates; fewer means the walk
	// went wrong, not that the text is clean.
	dirs := map[string]bool{}
	for _, f := range files {
		dirs[filepath.Dir(f)] = true
	}
	if len(dirs) < 10 {
		t.Fatalf("found templates in %d folders only: %v", len(dirs), dirs)
	}
	return files
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
