package partnerkit

import "testing"

// Each list's texts are named in one place: enumTexts holds only lists of
// Enums that choiceLabels does not name.
func TestEnumTextsNamedOnce(t *testing.T) {
	t.Parallel()
	for name := range enumTexts {
		codes, ok := Enums[name]
		if !ok {
			t.Errorf("enumTexts names %s, which is not a list in Enums", name)
			continue
		}
		if prefix, ok := ChoiceLabelPrefix(codes()); ok {
			t.Errorf("%s is named twice: by choiceLabels (%s) and by enumTexts", name, prefix)
		}
	}
}
