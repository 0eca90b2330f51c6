package sqldb

import (
	"regexp"
	"testing"

	"github.com/partnerkit/partnerkit/tabular"
)

var rowField = regexp.MustCompile(`^row [0-9]+\.[a-z_]+$`)

// FuzzActorRows feeds arbitrary files through the import's reading,
// column detection and row checks: it must never panic, and every problem
// must name its row and field (or the mapping) within the file.
func FuzzActorRows(f *testing.F) {
	for _, s := range []string{
		"name,kind,sector,tags,sensitive\nCity office,institution,public,\"a,b\",no\n",
		"\uFEFFNom;Type;Secteur\nMairie;institution;secteur public\n;robot;\n",
		"الاسم,النوع\nجمعية,مجموعة\n",
		"Wer,Was\nx,y\n",
		"name\n\x00\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := tabular.Read(data)
		if err != nil {
			return
		}
		mapping := tabular.Detect(tb.Header, headerAliases)
		inputs, errs := actorRows(tb, mapping)
		for _, e := range errs {
			if e.Field == "mapping" {
				continue
			}
			if !rowField.MatchString(e.Field) || e.Row < 2 || e.Row > len(tb.Rows)+1 {
				t.Fatalf("error %+v does not name a row of the file", e)
			}
		}
		if len(errs) == 0 && len(inputs) != len(tb.Rows) {
			t.Fatalf("%d inputs for %d rows", len(inputs), len(tb.Rows))
		}
	})
}
