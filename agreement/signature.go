package agreement

import "time"

// Signature is one organisation's signature: the person it authorised, the
// name they typed, when, and the SHA-256 of the exact text they saw.
type Signature struct {
	OrganisationID string
	UserID         string
	TypedName      string
	SignedAt       time.Time
	TextSHA256     string
}

// Tally says which member organisations have signed the text and which
// have not, both in the order of members. A signature counts only when it
// records the hash of this very text: after any edit the hash changes, so
// every earlier signature stops counting and every member must sign again.
// Signatures of organisations that are no longer members do not count.
func Tally(members []string, text string, sigs []Signature) (signedBy, missing []string) {
	h := Hash(text)
	signed := map[string]bool{}
	for _, s := range sigs {
		if s.TextSHA256 == h {
			signed[s.OrganisationID] = true
		}
	}
	signedBy, missing = []string{}, []string{}
	for _, m := range members {
		if signed[m] {
			signedBy = append(signedBy, m)
		} else {
			missing = append(missing, m)
		}
	}
	return signedBy, missing
}

// Statuses of an agreement, in the order it goes through them.
const (
	StatusDraft      = "draft"
	StatusCirculated = "circulated"
	StatusSigning    = "signing"
	StatusInForce    = "in_force"
	StatusSuperseded = "superseded"
)

// Statuses lists every status in order.
var Statuses = []string{StatusDraft, StatusCirculated, StatusSigning, StatusInForce, StatusSuperseded}

// EditMakesVersion reports whether changing the text in a status keeps the
// old text as a version of its own: a draft is edited in place; once the
// text was circulated, people have read (and perhaps signed) what it said,
// so every change is a new version.
func EditMakesVersion(status string) bool { return status != StatusDraft }

// AfterEdit is the status once the text changed: a text edited while
// people were signing (or in force) goes back to circulated, since every
// signature must be given again; a draft stays a draft. A superseded
// agreement is not edited (Editable says so).
func AfterEdit(status string) string {
	if status == StatusDraft {
		return StatusDraft
	}
	return StatusCirculated
}

// Editable reports whether the text may still change.
func Editable(status string) bool { return status != StatusSuperseded }

// Signable reports whether organisations may sign in a status: once it was
// circulated and until it is superseded.
func Signable(status string) bool {
	return status == StatusCirculated || status == StatusSigning || status == StatusInForce
}

// AfterSignature is the status once a signature was given: in force when
// no member organisation is missing, signing otherwise.
func AfterSignature(missing []string) string {
	if len(missing) == 0 {
		return StatusInForce
	}
	return StatusSigning
}
