package agreement

import (
	"slices"
	"testing"
)

func sign(org, text string) Signature {
	return Signature{OrganisationID: org, UserID: "u-" + org, TypedName: "Name " + org, TextSHA256: Hash(text)}
}

// The hash is of the exact bytes: the known SHA-256 of a fixed string, and
// any change — one space, a line ending — gives another.
func TestHashIsOfTheExactText(t *testing.T) {
	if got, want := Hash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; got != want {
		t.Fatalf("Hash(abc) = %s, want %s", got, want)
	}
	base := "## Purpose\n\nWe work together.\n"
	for _, other := range []string{
		"## Purpose\n\nWe work together. \n",
		"## Purpose\r\n\r\nWe work together.\r\n",
		"## Purpose\n\nWe work together.",
		"## purpose\n\nWe work together.\n",
	} {
		if Hash(other) == Hash(base) {
			t.Errorf("Hash(%q) equals Hash(%q)", other, base)
		}
	}
	if Hash(base) != Hash(base) {
		t.Error("Hash is not stable")
	}
}

func TestTallyCountsOnlySignaturesOfThisText(t *testing.T) {
	members := []string{"a", "b", "c"}
	v1 := Join([]Section{{ID: "purpose", Title: "Purpose", Body: "We work together."}})
	sigs := []Signature{sign("a", v1), sign("c", v1), sign("outsider", v1)}

	signed, missing := Tally(members, v1, sigs)
	if !slices.Equal(signed, []string{"a", "c"}) || !slices.Equal(missing, []string{"b"}) {
		t.Fatalf("v1: signed %v missing %v", signed, missing)
	}
	if AfterSignature(missing) != StatusSigning {
		t.Error("one missing should keep the agreement signing")
	}

	// An edit after signing invalidates every signature: the new text's hash
	// is no signature's.
	v2 := Join([]Section{{ID: "purpose", Title: "Purpose", Body: "We work together, openly."}})
	signed, missing = Tally(members, v2, sigs)
	if len(signed) != 0 || !slices.Equal(missing, members) {
		t.Fatalf("after edit: signed %v missing %v", signed, missing)
	}
	if !EditMakesVersion(StatusSigning) || AfterEdit(StatusSigning) != StatusCirculated {
		t.Error("an edit while signing must make a new version back in circulation")
	}

	// Everyone signs the new version: in force.
	sigs = append(sigs, sign("a", v2), sign("b", v2), sign("c", v2))
	signed, missing = Tally(members, v2, sigs)
	if len(missing) != 0 || len(signed) != 3 || AfterSignature(missing) != StatusInForce {
		t.Fatalf("all signed: signed %v missing %v", signed, missing)
	}
}

func TestTallyNoSignatures(t *testing.T) {
	signed, missing := Tally([]string{"a"}, "x", nil)
	if signed == nil || len(signed) != 0 || !slices.Equal(missing, []string{"a"}) {
		t.Fatalf("signed %#v missing %v", signed, missing)
	}
}

func TestStatusRules(t *testing.T) {
	for _, c := range []struct {
		status             string
		version, edit, sig bool
	}{
		{StatusDraft, false, true, false},
		{StatusCirculated, true, true, true},
		{StatusSigning, true, true, true},
		{StatusInForce, true, true, true},
		{StatusSuperseded, true, false, false},
	} {
		if EditMakesVersion(c.status) != c.version || Editable(c.status) != c.edit || Signable(c.status) != c.sig {
			t.Errorf("%s: version %v edit %v sign %v", c.status, EditMakesVersion(c.status), Editable(c.status), Signable(c.status))
		}
	}
	if AfterEdit(StatusDraft) != StatusDraft {
		t.Error("a draft stays a draft when edited")
	}
}
