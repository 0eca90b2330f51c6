package theoryofchange

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/partnerkit/partnerkit/i18n"
)

// catalogKeys reads the message IDs of a catalogue file.
func catalogKeys(t *testing.T, path string) map[string]bool {
	t.Helper()
	keys, err := i18n.Keys(filepath.Base(path))
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// Every message ID the package hands out or uses exists in the English
// catalogue (the i18n test then makes sure Arabic and French have it too).
func TestMessageIDsInCatalogue(t *testing.T) {
	keys := catalogKeys(t, "../i18n/catalog/theoryofchange.en.toml")
	ids := []string{Source}
	for _, l := range Levels {
		ids = append(ids, l.Message(), l.Help())
	}
	for _, k := range Kinds {
		ids = append(ids, Problem{Kind: k}.Message(), Problem{Kind: k}.Hint())
	}
	// Literal IDs in the code (those ending in "." are prefixes).
	files, _ := filepath.Glob("*.go")
	lit := regexp.MustCompile(`"(theoryofchange\.[a-z_.]*[a-z_])"`)
	for _, f := range files {
		if filepath.Ext(f) == ".go" && !regexp.MustCompile(`_test\.go$`).MatchString(f) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range lit.FindAllStringSubmatch(string(src), -1) {
				ids = append(ids, m[1])
			}
		}
	}
	if len(ids) < 30 {
		t.Fatalf("only %d IDs collected", len(ids))
	}
	for _, id := range ids {
		if !keys[id] {
			t.Errorf("theoryofchange.en.toml lacks %q", id)
		}
	}
}
