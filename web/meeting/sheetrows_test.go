package meeting

import (
	"html/template"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// sheetRowsTemplate is the range sheetRowsHTML replaced.
const sheetRowsTemplate = `{{range .Rows}}<tr><td>{{if .Org}}<strong>{{.Name}}</strong>{{else}}{{.Name}}{{if not .Seated}} <span class="muted">({{$.NoSeat}})</span>{{end}}{{end}}</td>
<td>{{if $.CanEdit}}<select name="status.{{if .Org}}o:{{.OrganisationID}}{{else}}u:{{.UserID}}{{end}}" aria-label="{{.Name}}"><option value="">—</option>{{choiceOptions $.Options .Status}}</select>{{else if .Status}}{{call $.Status .Status}}{{end}}</td></tr>{{end}}`

// sheetRowsHTML writes what the range it replaced wrote, byte for byte,
// for people seated or not, organisations, with and without a status,
// names that need escaping, for editors and for readers.
func TestSheetRowsAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Funcs(template.FuncMap{"choiceOptions": web.ChoiceOptions}).Parse(sheetRowsTemplate))
	rows := []sheetRow{
		{&pk.AttendanceRow{UserID: "u1", Name: "Amina <b>&</b> 'Zoë' + \"q\"", Seated: true, Status: "present"}, false},
		{&pk.AttendanceRow{UserID: "u2", Name: "خالد", Seated: false}, false},
		{&pk.AttendanceRow{UserID: "u3", Name: "Guest", Seated: false, Status: "apologies"}, false},
		{&pk.AttendanceRow{OrganisationID: "o1", Name: "Voices & Co", Seated: true, Status: "absent"}, true},
		{&pk.AttendanceRow{OrganisationID: "o2", Name: "Youth <Net>", Seated: true}, true},
	}
	options := []pk.Choice{{ID: "present", Name: "Present"}, {ID: "apologies", Name: "Apologies & late"}, {ID: "absent", Name: "Absent"}}
	status := func(s string) string { return "<" + s + "> & co" }
	for _, canEdit := range []bool{true, false} {
		var want strings.Builder
		if err := tmpl.Execute(&want, map[string]any{"Rows": rows, "CanEdit": canEdit, "Options": options, "NoSeat": "no seat <yet>", "Status": status}); err != nil {
			t.Fatal(err)
		}
		if got := string(sheetRowsHTML(rows, canEdit, options, "no seat <yet>", status)); got != want.String() {
			t.Errorf("editor %v:\ngot  %s\nwant %s", canEdit, got, want.String())
		}
	}
}
