package network

import (
	"bytes"
	"encoding/csv"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
)

// networkCSV is one row per actor with its attributes and measures.
func networkCSV(n *pk.Network) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	head := []string{"id", "name", "kind", "sector"}
	if n.Filter.MapID != "" {
		head = append(head, "segment", "strategy")
	}
	head = append(head, "degree", "betweenness", "closeness", "eigenvector", "reach", "community")
	w.Write(head)
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for _, a := range n.Actors {
		row := []string{a.ID, networkCell(a.Name), a.Kind, networkCell(a.Sector)}
		if n.Filter.MapID != "" {
			row = append(row, a.Segment, a.Strategy)
		}
		row = append(row, strconv.Itoa(a.Degree), f(a.Betweenness), f(a.Closeness), f(a.Eigenvector), f(a.Reach), strconv.Itoa(a.Community+1))
		w.Write(row)
	}
	w.Flush()
	return buf.Bytes()
}

// networkCell keeps a spreadsheet from running a name as a formula.
func networkCell(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r') {
		return "'" + s
	}
	return s
}
