package tabular

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"
)

// corruptSheet finds a worksheet of the workbook whose XML is not
// well-formed and returns its name ("" when all are sound).
//
// excelize's row reader stops at the first XML error without reporting it,
// so a damaged sheet would read as an empty (or shortened) one and an
// import would quietly take nothing. Every worksheet is checked, not only
// the first: a file with a damaged part is not one to trust.
func corruptSheet(f *excelize.File) string {
	names := sheetNames(f)
	var bad []string
	f.Pkg.Range(func(k, v any) bool {
		p, _ := k.(string)
		b, _ := v.([]byte)
		if strings.HasPrefix(p, "xl/worksheets/") && strings.HasSuffix(p, ".xml") && !wellFormed(b) {
			name := names[p]
			if name == "" {
				name = path.Base(p)
			}
			bad = append(bad, name)
		}
		return true
	})
	if len(bad) == 0 {
		return ""
	}
	sort.Strings(bad)
	return bad[0]
}

// wellFormed reports whether b is one XML document with a root element.
func wellFormed(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	root := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return root
		}
		if err != nil {
			return false
		}
		if _, ok := tok.(xml.StartElement); ok {
			root = true
		}
	}
}

// sheetNames maps worksheet part paths to the names people see on the
// tabs, from the workbook and its relationships (best effort: a part it
// cannot name is named by its file).
func sheetNames(f *excelize.File) map[string]string {
	out := map[string]string{}
	load := func(p string) []byte {
		v, _ := f.Pkg.Load(p)
		b, _ := v.([]byte)
		return b
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(load("xl/workbook.xml"), &wb) != nil || xml.Unmarshal(load("xl/_rels/workbook.xml.rels"), &rels) != nil {
		return out
	}
	targets := map[string]string{}
	for _, r := range rels.Rels {
		t := r.Target
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[r.ID] = t
	}
	for _, s := range wb.Sheets {
		if t, ok := targets[s.RID]; ok {
			out[t] = s.Name
		}
	}
	return out
}
