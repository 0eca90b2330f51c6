package i18n

import (
	"strings"
	"testing"
)

// Every catalogue exists in every language with exactly the same messages.
func TestCataloguesComplete(t *testing.T) {
	files, err := MessageIDs()
	if err != nil {
		t.Fatal(err)
	}
	areas := map[string]bool{}
	for f := range files {
		parts := strings.Split(f, ".")
		if len(parts) != 3 || parts[2] != "toml" || !Supported(parts[1]) {
			t.Errorf("%s: name catalogues AREA.LANG.toml with LANG one of %v", f, Languages)
			continue
		}
		areas[parts[0]] = true
	}
	if len(areas) == 0 {
		t.Fatal("no catalogues found")
	}
	for area := range areas {
		en := set(files[area+".en.toml"])
		for _, lang := range Languages[1:] {
			name := area + "." + lang + ".toml"
			other, ok := files[name]
			if !ok {
				t.Errorf("%s is missing", name)
				continue
			}
			o := set(other)
			for id := range en {
				if !o[id] {
					t.Errorf("%s lacks %q", name, id)
				}
			}
			for id := range o {
				if !en[id] {
					t.Errorf("%s has %q, which %s.en.toml lacks", name, id, area)
				}
			}
		}
	}
	if _, err := Load(); err != nil {
		t.Fatal(err)
	}
}

func set(ids []string) map[string]bool {
	m := map[string]bool{}
	for _, id := range ids {
		m[id] = true
	}
	return m
}

func TestMatch(t *testing.T) {
	for in, want := range map[string]string{
		"": "en", "ar": "ar", "ar-SY,ar;q=0.9": "ar", "fr-CA": "fr", "de,fr;q=0.5": "fr", "de": "en", "garbage;;": "en",
	} {
		if got := Match(in); got != want {
			t.Errorf("Match(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestArabicPlurals(t *testing.T) {
	b := MustLoad()
	ar := b.Localizer("ar")
	// Arabic has six plural forms; the catalogue must give distinct texts
	// for at least "one" and "other".
	if ar.T("plural.people", "Count", 1) == ar.T("plural.people", "Count", 11) {
		t.Error("Arabic plural forms are not distinguished")
	}
	if got := b.Localizer("en").T("plural.people", "Count", 2); !strings.Contains(got, "2") {
		t.Errorf("English plural = %q", got)
	}
}

// A message asked for without arguments is kept per language: the second
// answer is the first, each language keeps its own, a message with
// arguments is still filled in each time, and an unknown ID still shows.
func TestPlainMessagesKeptPerLanguage(t *testing.T) {
	b := MustLoad()
	en, ar := b.Localizer("en"), b.Localizer("ar")
	for range 2 {
		if got := en.T("inbox.show_all"); got != "Show everything" {
			t.Errorf("English %q", got)
		}
		if got := ar.T("inbox.show_all"); got != "اعرض الكل" {
			t.Errorf("Arabic %q", got)
		}
		if got := en.T("plural.people", "Count", 3); !strings.Contains(got, "3") {
			t.Errorf("with a count %q", got)
		}
		if got := en.T("no.such.message"); got != "no.such.message" {
			t.Errorf("unknown %q", got)
		}
	}
}
