package partnerkit_test

import (
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
)

// Every choice a validation message may name has a name in the catalogue
// (the completeness test then holds it to every language): a missing one
// would show its message ID to the reader.
func TestChoiceNamesExist(t *testing.T) {
	t.Parallel()
	b := i18n.MustLoad()
	ids := pk.ChoiceNamesOf()
	if len(ids) < 50 {
		t.Fatalf("only %d named choices", len(ids))
	}
	for _, id := range ids {
		if !b.Has(id) {
			t.Errorf("choice %q has no name", id)
		}
	}
}

// A refused choice carries names, not codes, and a list without names is
// not spelled out at all.
func TestOneOfNamesChoices(t *testing.T) {
	t.Parallel()
	b := i18n.MustLoad()
	var v pk.Validator
	v.OneOf("kind", "robot", true, pk.ActorKinds)
	v.OneOf("question", "forged", true, []string{"q1", "q2"})
	e, _ := pk.AsError(v.Err())
	if len(e.Fields) != 2 {
		t.Fatalf("fields: %+v", e.Fields)
	}
	for lang, want := range map[string]string{
		"en": "Choose one of: Individual, Group, Organisation, Institution.",
		"ar": "، ",
	} {
		got := b.Localizer(lang).T(e.Fields[0].Key, e.Fields[0].Data)
		if lang == "en" && got != want || lang == "ar" && (!strings.Contains(got, want) || strings.Contains(got, "individual")) {
			t.Errorf("%s: %q", lang, got)
		}
	}
	if e.Fields[1].Key != "validation.choice" || e.Fields[1].Data != nil {
		t.Errorf("an unnamed list is spelled out: %+v", e.Fields[1])
	}
}
