package actor

import (
	"html/template"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/web"
)

// A page of the register is fifty rows; through html/template every value
// and translated name costs a call by reflection, most of the page's time.
// actorRowsHTML writes the rows as the range it replaced did, byte for
// byte, escaping every value itself (TestActorRowsAsTemplate holds it to
// that range).
func actorRowsHTML(pid string, actors []*pk.Actor, t func(string, ...any) string) template.HTML {
	path := "/p/" + web.URLPath(pid) + "/actors"
	sensitive := ` <span class="badge sensitive">` + web.EscapeHTML(t("actors.sensitive")) + `</span>`
	words := map[string]string{} // a kind's or sector's name, translated once
	word := func(key string) string {
		w, ok := words[key]
		if !ok {
			w = web.EscapeHTML(t(key))
			words[key] = w
		}
		return w
	}
	var b strings.Builder
	b.Grow(len(actors) * 300)
	for _, a := range actors {
		b.WriteString("<tr>\n<td><a href=\"" + path + "/" + web.URLPath(a.ID) + `">` + web.EscapeHTML(a.Name) + "</a>")
		if a.Sensitive {
			b.WriteString(sensitive)
		}
		b.WriteString("</td>\n<td>" + word("actors.kind."+a.Kind) + "</td>\n<td>")
		if a.Sector != "" {
			b.WriteString(word("actors.sector." + a.Sector))
		}
		b.WriteString("</td>\n<td>")
		for _, tag := range a.Tags {
			b.WriteString(`<a class="tag" href="` + path + `?tag=` + web.URLQuery(tag) + `">` + web.EscapeHTML(tag) + "</a> ")
		}
		b.WriteString("</td>\n</tr>")
	}
	return template.HTML(b.String())
}
