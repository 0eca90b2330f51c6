package meeting

import (
	"html/template"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// sheetRowsHTML writes the rows of the attendance sheet's part as the
// range it replaced (sheetRowsTemplate, in the test) wrote them: a sheet
// shows hundreds of rows, each a dozen values through the template
// engine's reflection, which was a third of the meeting page's time.
// canEdit offers each row its statuses (options, drawn once per page);
// otherwise the status is named (status, the translation of a status).
func sheetRowsHTML(rows []sheetRow, canEdit bool, options []pk.Choice, noSeat string, status func(string) string) template.HTML {
	var b strings.Builder
	b.Grow(len(rows) * 400)
	for _, r := range rows {
		name := web.EscapeHTML(r.Name)
		b.WriteString("<tr><td>")
		switch {
		case r.Org:
			b.WriteString("<strong>" + name + "</strong>")
		case !r.Seated:
			b.WriteString(name + ` <span class="muted">(` + web.EscapeHTML(noSeat) + ")</span>")
		default:
			b.WriteString(name)
		}
		b.WriteString("</td>\n<td>")
		switch {
		case canEdit:
			holder := "u:" + r.UserID
			if r.Org {
				holder = "o:" + r.OrganisationID
			}
			b.WriteString(`<select name="status.` + web.EscapeHTML(holder) + `" aria-label="` + name + `"><option value="">—</option>`)
			b.WriteString(string(web.ChoiceOptions(options, r.Status)))
			b.WriteString("</select>")
		case r.Status != "":
			b.WriteString(web.EscapeHTML(status(r.Status)))
		}
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String())
}
