package agreement

import (
	"slices"
	"strings"
)

// Row is one line of a side-by-side diff: the old line on the left, the new
// one on the right. Op is "same", "changed" (both sides, different),
// "removed" (left only) or "added" (right only).
type Row struct {
	Op    string `json:"op"`
	Left  string `json:"left,omitempty"`
	Right string `json:"right,omitempty"`
}

// SectionDiff is the diff of one section between two versions.
type SectionDiff struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Changed bool   `json:"changed"`
	Rows    []Row  `json:"rows"`
}

// MaxDiffLines bounds the lines of one section that Diff compares line by
// line (the table is lines²): past it a changed section shows as the old
// text removed and the new added, which is still readable.
const MaxDiffLines = 2000

// Diff compares two versions section by section, in the order of the new
// version, then sections only the old one had. A section whose title or body
// changed is Changed; its rows pair removed and added lines into "changed"
// rows, so a reworded line reads across one row.
func Diff(old, new []Section) []SectionDiff {
	byID := map[string]Section{}
	for _, s := range old {
		byID[s.ID] = s
	}
	seen := map[string]bool{}
	var out []SectionDiff
	for _, n := range new {
		seen[n.ID] = true
		o, had := byID[n.ID]
		d := SectionDiff{ID: n.ID, Title: n.Title}
		ol, nl := lines(o.Body), lines(n.Body)
		d.Changed = !had || o.Title != n.Title || !slices.Equal(ol, nl)
		d.Rows = Lines(ol, nl)
		out = append(out, d)
	}
	for _, o := range old {
		if !seen[o.ID] {
			out = append(out, SectionDiff{ID: o.ID, Title: o.Title, Changed: true, Rows: Lines(lines(o.Body), nil)})
		}
	}
	return out
}

func lines(s string) []string {
	s = strings.TrimRight(Normalize(s), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Lines is the side-by-side diff of two lists of lines, by their longest
// common subsequence.
func Lines(a, b []string) []Row {
	if len(a) > MaxDiffLines || len(b) > MaxDiffLines {
		return pair(a, b, nil)
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:], b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var rows []Row
	var gone, came []string
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			rows = pair(gone, came, rows)
			gone, came = nil, nil
			rows = append(rows, Row{Op: "same", Left: a[i], Right: b[j]})
			i, j = i+1, j+1
		case j == len(b) || (i < len(a) && lcs[i+1][j] >= lcs[i][j+1]):
			gone = append(gone, a[i])
			i++
		default:
			came = append(came, b[j])
			j++
		}
	}
	return pair(gone, came, rows)
}

// pair appends a run of removed lines and the run of added lines that
// replaced them: line by line as "changed", the rest as removed or added.
func pair(gone, came []string, rows []Row) []Row {
	for k := 0; k < max(len(gone), len(came)); k++ {
		switch {
		case k < len(gone) && k < len(came):
			rows = append(rows, Row{Op: "changed", Left: gone[k], Right: came[k]})
		case k < len(gone):
			rows = append(rows, Row{Op: "removed", Left: gone[k]})
		default:
			rows = append(rows, Row{Op: "added", Right: came[k]})
		}
	}
	return rows
}
