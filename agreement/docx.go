package agreement

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Document is an agreement as an export writes it: the title, a few plain
// lines under it (kind, version, status, hash), the sections in Markdown,
// and the language it is written in (Arabic runs right to left).
type Document struct {
	Title    string
	Lang     string
	RTL      bool
	Lead     []string
	Sections []Section
}

// docxTime is the time every part of the archive carries, so the same
// document gives the same bytes.
var docxTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// DOCX writes the document as a Word file (Office Open XML) that LibreOffice
// and Word open: the title, the lead lines, each section a first-level
// heading, and its Markdown as paragraphs, sub-headings, bulleted and
// numbered lists, quotes and code, with bold and italic kept. Raw HTML in
// the Markdown is left out, as on the page. Every text is escaped as XML;
// an Arabic document has right-to-left paragraphs (w:bidi) and runs.
func DOCX(d Document) ([]byte, error) {
	w := &docxWriter{rtl: d.RTL}
	w.para("Title", []run{{text: d.Title}})
	for _, l := range d.Lead {
		w.para("Subtitle", []run{{text: l}})
	}
	md := goldmark.New()
	for _, s := range d.Sections {
		w.para("Heading1", []run{{text: oneLine(s.Title)}})
		src := []byte(Normalize(s.Body))
		w.blocks(md.Parser().Parse(text.NewReader(src)), src, 0)
	}
	lang := d.Lang
	if lang == "" {
		lang = "en"
	}
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", rootRels},
		{"docProps/core.xml", coreProps(d.Title, lang)},
		{"word/_rels/document.xml.rels", documentRels},
		{"word/styles.xml", styles(lang)},
		{"word/document.xml", w.document()},
	} {
		f, err := z.CreateHeader(&zip.FileHeader{Name: part.name, Method: zip.Deflate, Modified: docxTime})
		if err != nil {
			return nil, err
		}
		if _, err := f.Write([]byte(part.body)); err != nil {
			return nil, err
		}
	}
	if err := z.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// run is a piece of text with its emphasis.
type run struct {
	text               string
	bold, italic, code bool
	br                 bool // a line break before the text
}

type docxWriter struct {
	rtl  bool
	body strings.Builder
}

// para writes one paragraph of a style; indent is the list depth.
func (w *docxWriter) para(style string, runs []run, indent ...int) {
	b := &w.body
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>`)
	if w.rtl {
		b.WriteString(`<w:bidi/>`)
	}
	if len(indent) > 0 && indent[0] > 0 {
		n := strconv.Itoa(360 * indent[0])
		b.WriteString(`<w:ind w:start="` + n + `" w:left="` + n + `"/>`)
	}
	b.WriteString(`</w:pPr>`)
	for _, r := range runs {
		b.WriteString(`<w:r>`)
		if r.bold || r.italic || r.code || w.rtl {
			b.WriteString(`<w:rPr>`)
			if r.code {
				b.WriteString(`<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/>`)
			}
			if r.bold {
				b.WriteString(`<w:b/><w:bCs/>`)
			}
			if r.italic {
				b.WriteString(`<w:i/><w:iCs/>`)
			}
			if w.rtl {
				b.WriteString(`<w:rtl/>`)
			}
			b.WriteString(`</w:rPr>`)
		}
		if r.br {
			b.WriteString(`<w:br/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">`)
		xml.EscapeText(b, []byte(r.text))
		b.WriteString(`</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
}

// blocks writes a Markdown node's block children; depth is the list depth.
func (w *docxWriter) blocks(n ast.Node, src []byte, depth int) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, src, depth)
	}
}

// block writes one Markdown block.
func (w *docxWriter) block(c ast.Node, src []byte, depth int) {
	switch x := c.(type) {
	case *ast.Heading:
		style := "Heading2"
		if x.Level > 3 {
			style = "Heading3"
		}
		w.para(style, inlines(x, src, run{}))
	case *ast.Paragraph:
		w.para(w.listStyle(depth, "Normal"), inlines(x, src, run{}), depth)
	case *ast.TextBlock:
		w.para(w.listStyle(depth, "Normal"), inlines(x, src, run{}), depth)
	case *ast.List:
		w.list(x, src, depth+1)
	case *ast.Blockquote:
		for p := x.FirstChild(); p != nil; p = p.NextSibling() {
			w.para("Quote", inlines(p, src, run{italic: true}), depth)
		}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := c.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			w.para("Code", []run{{text: strings.TrimRight(string(seg.Value(src)), "\n"), code: true}}, depth)
		}
	case *ast.ThematicBreak:
		w.para("Normal", nil)
	case *ast.HTMLBlock:
		// Raw HTML is not shown on the page; not in the file either.
	default:
		w.blocks(c, src, depth)
	}
}

func (w *docxWriter) listStyle(depth int, plain string) string {
	if depth > 0 {
		return "ListParagraph"
	}
	return plain
}

// list writes each item with its bullet or number before the text (simple
// lists, without Word's numbering part); nested lists indent further.
func (w *docxWriter) list(l *ast.List, src []byte, depth int) {
	n := l.Start
	if n == 0 {
		n = 1
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		mark := "• "
		if l.IsOrdered() {
			mark = strconv.Itoa(n) + ". "
			n++
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			switch c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				runs := inlines(c, src, run{})
				if first {
					runs = append([]run{{text: mark}}, runs...)
					first = false
				}
				w.para("ListParagraph", runs, depth)
			case *ast.List:
				w.list(c.(*ast.List), src, depth+1)
			default:
				w.block(c, src, depth)
			}
		}
		if first {
			w.para("ListParagraph", []run{{text: mark}}, depth)
		}
	}
}

// inlines flattens a block's inline content into runs, carrying emphasis
// down: *x* italic, **x** bold, `x` as code, a link as its text.
func inlines(n ast.Node, src []byte, style run) []run {
	var out []run
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch x := c.(type) {
		case *ast.Text:
			r := style
			r.text = string(x.Value(src))
			out = append(out, r)
			if x.HardLineBreak() {
				out = append(out, run{br: true})
			} else if x.SoftLineBreak() {
				r := style
				r.text = " "
				out = append(out, r)
			}
		case *ast.String:
			r := style
			r.text = string(x.Value)
			out = append(out, r)
		case *ast.Emphasis:
			s := style
			if x.Level >= 2 {
				s.bold = true
			} else {
				s.italic = true
			}
			out = append(out, inlines(x, src, s)...)
		case *ast.CodeSpan:
			s := style
			s.code = true
			var t strings.Builder
			for g := x.FirstChild(); g != nil; g = g.NextSibling() {
				if tx, ok := g.(*ast.Text); ok {
					t.Write(tx.Value(src))
				}
			}
			s.text = t.String()
			out = append(out, s)
		case *ast.AutoLink:
			r := style
			r.text = string(x.URL(src))
			out = append(out, r)
		case *ast.RawHTML:
			// left out, as on the page
		default:
			out = append(out, inlines(c, src, style)...)
		}
	}
	return out
}

func (w *docxWriter) document() string {
	sect := `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1274" w:bottom="1440" w:left="1274" w:header="708" w:footer="708" w:gutter="0"/>`
	if w.rtl {
		sect += `<w:bidi/>`
	}
	sect += `</w:sectPr>`
	return xml.Header + `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` +
		w.body.String() + sect + `</w:body></w:document>`
}

const contentTypes = xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`</Types>`

const rootRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

const documentRels = xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
	`</Relationships>`

func escapeXML(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func coreProps(title, lang string) string {
	return xml.Header + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
		`<dc:title>` + escapeXML(title) + `</dc:title><dc:language>` + escapeXML(lang) + `</dc:language><dc:creator>Partnerkit</dc:creator></cp:coreProperties>`
}

// styles are the few paragraph styles the document uses, with a font that
// has Arabic and Latin letters.
func styles(lang string) string {
	style := func(id, name, ppr, rpr string) string {
		return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
			`<w:pPr>` + ppr + `</w:pPr><w:rPr>` + rpr + `</w:rPr></w:style>`
	}
	heading := func(level, size string) string {
		return style("Heading"+level, "heading "+level, `<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="`+strconv.Itoa(int(level[0]-'1'))+`"/>`,
			`<w:b/><w:bCs/><w:sz w:val="`+size+`"/><w:szCs w:val="`+size+`"/>`)
	}
	return xml.Header + `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:cs="DejaVu Sans"/>` +
		`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="` + escapeXML(lang) + `" w:bidi="ar"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
		style("Title", "Title", `<w:spacing w:after="240"/>`, `<w:b/><w:bCs/><w:sz w:val="40"/><w:szCs w:val="40"/>`) +
		style("Subtitle", "Subtitle", `<w:spacing w:after="60"/>`, `<w:color w:val="555555"/><w:sz w:val="20"/><w:szCs w:val="20"/>`) +
		heading("1", "30") + heading("2", "26") + heading("3", "24") +
		style("ListParagraph", "List Paragraph", `<w:spacing w:after="60"/>`, ``) +
		style("Quote", "Quote", `<w:ind w:start="720" w:left="720"/>`, `<w:i/><w:iCs/>`) +
		style("Code", "Code", `<w:spacing w:after="0"/>`, `<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New" w:cs="Courier New"/><w:sz w:val="20"/>`) +
		`</w:styles>`
}
