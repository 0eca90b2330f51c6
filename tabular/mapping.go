package tabular

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Ignore is the mapping target of a column that is not imported.
const Ignore = "ignore"

// Detect proposes a field for each header: the field whose aliases contain
// the header, compared without case, accents, spaces or punctuation, so
// that "Nom", "NOM ", "Name", "الاسم" all find "name". Each field is
// proposed once (the first column wins); the rest are Ignore.
func Detect(header []string, aliases map[string][]string) []string {
	index := map[string]string{}
	for field, names := range aliases {
		index[Fold(field)] = field
		for _, n := range names {
			index[Fold(n)] = field
		}
	}
	used := map[string]bool{}
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = Ignore
		if f, ok := index[Fold(h)]; ok && !used[f] {
			out[i] = f
			used[f] = true
		}
	}
	return out
}

// Fold is the comparison form of a header: lower case, without accents,
// Arabic diacritics, spaces or punctuation.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if unicode.Is(unicode.Mn, r) || unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
