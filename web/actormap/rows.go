package actormap

import (
	"html"
	"html/template"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// The power map's tables and the spectrum's lists hold a row per actor on
// the map, 500 and more on a national network. Through html/template each
// value costs an escaper call by reflection, more than the rest of the page
// together; these writers escape every value themselves, as the SVG writers
// do, and the page inserts what they wrote.

// actorHref is the address of an actor on a map, escaped for an attribute.
func actorHref(pid, mid, aid string) string {
	return html.EscapeString("/p/" + url.PathEscape(pid) + "/maps/" + url.PathEscape(mid) + "/actors/" + url.PathEscape(aid))
}

// powerRowsHTML is the body of one strategy's table; strategy and notFirst
// are the translated strategy and badge.
func powerRowsHTML(pid, mid string, rows []powerRow, strategy, notFirst string) template.HTML {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(`<tr><td><a href="` + actorHref(pid, mid, r.ActorID) + `">` + html.EscapeString(r.ActorName) + `</a></td><td>` +
			html.EscapeString(r.Segment) + `</td><td>` + strconv.Itoa(r.Influence) + `</td><td>`)
		if r.Interest != 0 {
			b.WriteString(strconv.Itoa(r.Interest))
		}
		b.WriteString(`</td><td>` + html.EscapeString(strategy))
		if r.NotFirst {
			b.WriteString(` <span class="badge warn">` + html.EscapeString(notFirst) + `</span>`)
		}
		b.WriteString("</td></tr>")
	}
	return template.HTML(b.String())
}

// actorListHTML is a list of links to actors on a map, one item each.
func actorListHTML(pid, mid string, actors []*pk.Assessment) template.HTML {
	var b strings.Builder
	for _, a := range actors {
		b.WriteString(`<li><a href="` + actorHref(pid, mid, a.ActorID) + `">` + html.EscapeString(a.ActorName) + "</a></li>")
	}
	return template.HTML(b.String())
}
