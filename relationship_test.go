package partnerkit

import (
	"reflect"
	"testing"
)

func TestRelationshipInputValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		in   RelationshipInput
		want []string
	}{
		{"ok", RelationshipInput{From: "a", To: "b", Type: "works_at", Directed: true, Strength: 3, FromDate: "2024-01-01", UntilDate: "2024-01-01"}, nil},
		{"default strength", RelationshipInput{From: "a", To: "b", Type: "family"}, nil},
		{"missing ends", RelationshipInput{Type: "family"}, []string{"from:validation.required", "to:validation.required"}},
		{"self", RelationshipInput{From: "a", To: "a", Type: "family"}, []string{"to:actors.relationships.validation.self"}},
		{"bad type", RelationshipInput{From: "a", To: "b", Type: "friends"}, []string{"type:validation.one_of"}},
		{"strength", RelationshipInput{From: "a", To: "b", Type: "funds", Strength: 4}, []string{"strength:validation.range"}},
		{"negative strength", RelationshipInput{From: "a", To: "b", Type: "funds", Strength: -1}, []string{"strength:validation.range"}},
		{"bad date", RelationshipInput{From: "a", To: "b", Type: "funds", FromDate: "2024-13-01"}, []string{"from_date:validation.date"}},
		{"until before from", RelationshipInput{From: "a", To: "b", Type: "funds", FromDate: "2024-05-01", UntilDate: "2024-04-30"}, []string{"until_date:actors.relationships.validation.until_before_from"}},
		{"only until", RelationshipInput{From: "a", To: "b", Type: "funds", UntilDate: "2024-04-30"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := fieldsOf(c.in.Validate()); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
	in := RelationshipInput{From: "a", To: "b", Type: "family"}
	in.Validate()
	if in.Strength != 2 {
		t.Errorf("default strength %d, want 2", in.Strength)
	}
}
