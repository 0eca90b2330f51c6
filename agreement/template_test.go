package agreement

import (
	"strings"
	"testing"
)

func TestDraft(t *testing.T) {
	T := func(k string, _ ...any) string { return "[" + k + "]" }
	f := Facts{
		Members: []Member{{Name: "Refugee *Voices*", Representatives: []string{"Amina", "Joe"}}, {Name: "City Library"}},
		Purpose: "Every newcomer finds a welcome.",
		Offers:  []Offer{{Organisation: "City Library", Offer: "rooms\nand\ttime"}, {Organisation: "Quiet", Offer: " "}},
	}
	s := Draft(KindMoU, f, T)
	if len(s) != len(SectionIDs) {
		t.Fatalf("%d sections", len(s))
	}
	byID := map[string]Section{}
	for i, x := range s {
		if x.ID != SectionIDs[i] || x.Title != "[agreement.section."+x.ID+"]" {
			t.Errorf("section %d: %+v", i, x)
		}
		byID[x.ID] = x
	}
	for id, want := range map[string]string{
		"partners":   "- **Refugee \\*Voices\\*** — Amina, Joe\n- **City Library**\n",
		"purpose":    "[agreement.template.intro.mou]\n\nEvery newcomer finds a welcome.\n",
		"resources":  "- **City Library**: rooms and time\n",
		"decisions":  "[agreement.template.decisions]\n",
		"budget":     "_[agreement.template.to_agree]_\n",
		"indicators": "_[agreement.template.to_agree]_\n",
	} {
		if byID[id].Body != want {
			t.Errorf("%s = %q, want %q", id, byID[id].Body, want)
		}
	}
	if !strings.Contains(Join(s), "## [agreement.section.duration]") {
		t.Error("joined text lacks the last section")
	}
}
