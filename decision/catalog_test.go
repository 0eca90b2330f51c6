package decision

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/partnerkit/partnerkit/i18n"
)

// Every message key the rules give (validation messages, lens names and
// their questions) is in the catalogue, so no reader ever sees a key.
func TestCatalogueKeys(t *testing.T) {
	t.Parallel()
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`"((?:decision\.)?validation\.[a-z_]+)"`)
	found := 0
	for _, f := range files {
		if filepath.Ext(f) != ".go" || regexp.MustCompile(`_test\.go$`).MatchString(f) {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			found++
			if !b.Has(m[1]) {
				t.Errorf("%s: %q is not in the catalogue", f, m[1])
			}
		}
	}
	if found < 10 {
		t.Errorf("only %d keys found; is the pattern still right?", found)
	}
	for _, l := range DefaultLenses() {
		for _, id := range []string{l.Name, l.Name + ".question"} {
			if !b.Has(id) {
				t.Errorf("lens %s: %q is not in the catalogue", l.Key, id)
			}
		}
	}
}
