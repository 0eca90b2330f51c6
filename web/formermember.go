package web

import (
	"bytes"
	"html/template"

	pk "github.com/partnerkit/partnerkit"
)

// An erased account keeps pk.FormerMemberName as its name, so every list
// that names who wrote, owns or did something still shows a stable marker
// (the API passes it on as is). Pages say it in the reader's language:
// Render swaps the marker for the translation in the finished page, so that
// no module's template can forget it. Nobody may choose the marker as
// their name (see pk.ProfileInput); the marker typed into some other text
// reads "a former member" too, which misleads nobody.
var formerMemberMarker = []byte(template.HTMLEscapeString(pk.FormerMemberName))

// nameFormerMembers returns page with every marker said in words.
func nameFormerMembers(page []byte, words string) []byte {
	if !bytes.Contains(page, formerMemberMarker) {
		return page
	}
	return bytes.ReplaceAll(page, formerMemberMarker, []byte(template.HTMLEscapeString(words)))
}
