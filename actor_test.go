package partnerkit

import (
	"reflect"
	"strings"
	"testing"
)

func fieldsOf(err error) []string {
	e, ok := AsError(err)
	if !ok {
		return nil
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Field+":"+f.Key)
	}
	return out
}

func TestActorInputValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		in   ActorInput
		want []string
	}{
		{"ok", ActorInput{Name: " City integration office ", Kind: "institution", Sector: "public"}, nil},
		{"no name", ActorInput{Name: "  ", Kind: "group"}, []string{"name:validation.required"}},
		{"no kind", ActorInput{Name: "A"}, []string{"kind:validation.required"}},
		{"bad kind and sector", ActorInput{Name: "A", Kind: "company", Sector: "business"}, []string{"kind:validation.one_of", "sector:validation.one_of"}},
		{"finer sector", ActorInput{Name: "A", Kind: "organisation", Sector: "faith_based"}, nil},
		{"long name", ActorInput{Name: strings.Repeat("a", 201), Kind: "group"}, []string{"name:validation.too_long"}},
		{"control", ActorInput{Name: "A", Kind: "group", Notes: "x\x00"}, []string{"notes:validation.control"}},
		{"long tag", ActorInput{Name: "A", Kind: "group", Tags: []string{strings.Repeat("t", 51)}}, []string{"tags:validation.too_long"}},
		{"too many tags", ActorInput{Name: "A", Kind: "group", Tags: strings.Split("a b c d e f g h i j k l m n o p q r s t u", " ")}, []string{"tags:actors.validation.too_many_tags"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := fieldsOf(c.in.Validate())
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

func TestActorInputTidies(t *testing.T) {
	in := ActorInput{Name: "  Mosque association ", Kind: "group", Tags: []string{" youth ", "Youth", "", "sports  club"}}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if in.Name != "Mosque association" || !reflect.DeepEqual(in.Tags, []string{"youth", "sports club"}) {
		t.Errorf("got %q %q", in.Name, in.Tags)
	}
}

func TestValidateAsPrefixesFields(t *testing.T) {
	var v Validator
	in := ActorInput{Kind: "group"}
	in.ValidateAs(&v, "row 3.")
	if got := fieldsOf(v.Err()); !reflect.DeepEqual(got, []string{"row 3.name:validation.required"}) {
		t.Errorf("got %v", got)
	}
}

func TestSplitTags(t *testing.T) {
	for in, want := range map[string][]string{
		"":                     {},
		"youth, sport;media":   {"youth", "sport", "media"},
		"a | A | b":            {"a", "b"},
		"شباب، رياضة":          {"شباب", "رياضة"},
		"  one tag with words": {"one tag with words"},
	} {
		if got := SplitTags(in); !reflect.DeepEqual(got, want) {
			t.Errorf("SplitTags(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSegmentSupport(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{{"active_opposition", -2, true}, {"neutral", 0, true}, {"active_ally", 2, true}, {"1", 1, true}, {"3", 0, false}, {"allies", 0, false}} {
		got, ok := SegmentSupport(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("SegmentSupport(%q) = %d %v", c.in, got, ok)
		}
	}
}

func TestActorFilterValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		f    ActorFilter
		want []string
	}{
		{"empty", ActorFilter{}, nil},
		{"all", ActorFilter{Query: "city", Kind: "group", Sector: "media", Tag: "x", MapID: "m", Segment: "neutral", Strategy: "partner"}, nil},
		{"segment needs map", ActorFilter{Segment: "neutral"}, []string{"map:validation.required"}},
		{"bad values", ActorFilter{Kind: "x", Strategy: "y", MapID: "m"}, []string{"kind:validation.one_of", "strategy:validation.one_of"}},
		{"bad segment", ActorFilter{Segment: "friends", MapID: "m"}, []string{"segment:validation.one_of"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := fieldsOf(c.f.Validate()); !reflect.DeepEqual(got, c.want) {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}
