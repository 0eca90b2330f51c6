package agreement

import "testing"

func TestChecklist(t *testing.T) {
	seen := map[string]bool{}
	groups := map[string]bool{}
	for _, g := range ChecklistGroups {
		groups[g] = true
	}
	for _, c := range Checklist {
		if seen[c.ID] || !groups[c.Group] {
			t.Errorf("item %+v: twice or in no group", c)
		}
		seen[c.ID] = true
	}
	done, total := ChecklistDone(map[string]string{"partners_named": InPlace, "budget": NotRelevant, "lead": Partly, "contacts": NotInPlace, "nope": InPlace})
	if done != 2 || total != len(Checklist) {
		t.Fatalf("done %d of %d", done, total)
	}
	if d, _ := ChecklistDone(nil); d != 0 {
		t.Fatal("nothing answered is nothing done")
	}
}
