package lists

import (
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// Every closed list has its texts, and every code of it a text in every
// language the catalogue has, free of unfilled placeholders.
func TestEveryCodeHasItsText(t *testing.T) {
	t.Parallel()
	files, err := i18n.MessageIDs()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]map[string]bool{} // language → message IDs
	for file, ids := range files {
		parts := strings.Split(file, ".")
		lang := parts[len(parts)-2]
		if have[lang] == nil {
			have[lang] = map[string]bool{}
		}
		for _, id := range ids {
			have[lang][id] = true
		}
	}
	if len(have) < 3 {
		t.Fatalf("languages in the catalogue: %v", have)
	}
	for name, codes := range pk.Enums {
		for _, c := range codes() {
			id := pk.EnumText(name, c)
			if id == "" {
				t.Errorf("list %s names no texts (pk.EnumText)", name)
				break
			}
			for lang, ids := range have {
				if !ids[id] {
					t.Errorf("list %s, code %s: no %s text (%s)", name, c, lang, id)
				}
			}
		}
	}
	b := i18n.MustLoad()
	for _, lang := range i18n.Languages {
		l := b.Localizer(lang)
		for name := range pk.Enums {
			for _, item := range codeList(name).Items {
				if text := l.T(item.Text); text == item.Text || strings.Contains(text, "{{") || strings.Contains(text, "<no value>") {
					t.Errorf("%s, list %s, code %s: text %q", lang, name, item.Code, text)
				}
			}
		}
	}
}
