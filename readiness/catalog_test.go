package readiness

import (
	"path/filepath"
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

// Every message ID the package hands out exists in the English catalogue
// (the i18n test then makes sure Arabic and French have it too).
func TestMessageIDsInCatalogue(t *testing.T) {
	keys := catalogKeys(t, "../i18n/catalog/readiness.en.toml")
	ids := []string{ChecklistSource, SelfAnalysisSource}
	for _, q := range Questions {
		ids = append(ids, q.Message, q.Help)
	}
	for _, a := range []Answer{Yes, No, NotSure, Open} {
		ids = append(ids, a.Message())
	}
	for _, s := range []Status{Ready, Reconsider, FindOut} {
		ids = append(ids, s.Message(), s.Help())
	}
	for _, s := range SelfAnalysisSections {
		ids = append(ids, s.Title, s.Prompt)
	}
	for _, id := range ids {
		if !keys[id] {
			t.Errorf("readiness.en.toml lacks %q", id)
		}
	}
}
