package agreement

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Section is one part of an agreement's text: an ID from SectionIDs, the
// heading the people gave it and its Markdown body.
type Section struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Body  string `json:"body"`
}

// SectionIDs are the sections of every agreement, in the order the text
// shows them.
var SectionIDs = []string{
	"partners", "purpose", "objectives", "values", "expectations", "roles",
	"activities", "resources", "decisions", "information", "budget",
	"indicators", "duration",
}

// Join makes the one exact text of an agreement from its sections: each a
// second-level Markdown heading and its body, separated by one blank line,
// line endings as "\n" and no trailing spaces on a body's end. This is the
// text that is shown, exported and hashed, so two versions whose sections
// read the same hash the same whatever the browser sent.
func Join(sections []Section) string {
	var b strings.Builder
	for i, s := range sections {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("## ")
		b.WriteString(strings.TrimSpace(oneLine(s.Title)))
		b.WriteString("\n\n")
		body := strings.TrimRight(Normalize(s.Body), " \t\n")
		if body != "" {
			b.WriteString(body)
			b.WriteString("\n")
		}
	}
	return b.String()
}

// Normalize turns Windows and old Mac line endings into "\n", so that the
// same words typed in two browsers are the same text.
func Normalize(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(Normalize(s)), " ")
}

// Hash is the lowercase hexadecimal SHA-256 of the exact bytes of text: no
// trimming, no normalisation, so that what a signature records can be
// recomputed by anyone from the exported text with sha256sum.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}
