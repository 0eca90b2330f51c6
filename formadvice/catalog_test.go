package formadvice

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

// Every message ID in the exported data exists in the English catalogue
// (the i18n test then makes sure Arabic and French have it too).
func TestMessageIDsInCatalogue(t *testing.T) {
	keys := catalogKeys(t, "../i18n/catalog/formadvice.en.toml")
	ids := []string{ContinuumSource, CoalitionTypeSource, BasisSource, StructureSource, ExplainMessage}
	for _, f := range Forms {
		ids = append(ids, f.Name, f.Summary, f.Implies.Trust, f.Implies.Risk, f.Implies.Benefit, f.Implies.Autonomy)
	}
	for _, a := range append(append([]Attribute{}, Attributes...), CoalitionDimensions...) {
		ids = append(ids, a.Name, a.Question)
		for _, o := range a.Options {
			ids = append(ids, o.Message)
		}
	}
	for _, c := range CoalitionTypes {
		ids = append(ids, c.Name, c.Summary)
	}
	for _, b := range Bases {
		ids = append(ids, b.Name, b.Description, b.FitsWhen, b.Examples)
	}
	for _, s := range Structures {
		ids = append(ids, s.Name, s.Description, s.FitsWhen)
		ids = append(ids, s.Advantages...)
		ids = append(ids, s.Disadvantages...)
	}
	for _, id := range ids {
		if !keys[id] {
			t.Errorf("formadvice.en.toml lacks %q", id)
		}
	}
}
