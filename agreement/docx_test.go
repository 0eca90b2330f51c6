package agreement

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// unzipDOCX opens a DOCX and returns its parts, failing when a part is not
// well-formed XML.
func unzipDOCX(t *testing.T, b []byte) map[string]string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		d := xml.NewDecoder(bytes.NewReader(body))
		for {
			if _, err := d.Token(); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
		parts[f.Name] = string(body)
	}
	for _, want := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"} {
		if _, ok := parts[want]; !ok {
			t.Fatalf("no part %s", want)
		}
	}
	return parts
}

// paragraphs reads the document's paragraphs as style and text.
func paragraphs(t *testing.T, doc string) [][2]string {
	t.Helper()
	var body struct {
		Ps []struct {
			Style struct {
				Val string `xml:"val,attr"`
			} `xml:"pPr>pStyle"`
			Runs []struct {
				T string `xml:"t"`
			} `xml:"r"`
		} `xml:"body>p"`
	}
	if err := xml.Unmarshal([]byte(doc), &body); err != nil {
		t.Fatal(err)
	}
	var out [][2]string
	for _, p := range body.Ps {
		var s strings.Builder
		for _, r := range p.Runs {
			s.WriteString(r.T)
		}
		out = append(out, [2]string{p.Style.Val, s.String()})
	}
	return out
}

func testDocument() Document {
	return Document{
		Title: `MoU of "A & B" <partners>`,
		Lang:  "en",
		Lead:  []string{"Memorandum of understanding · version 2", "SHA-256 abc"},
		Sections: []Section{
			{ID: "partners", Title: "Partners", Body: "- **Diaspora & Co** — Amina\n- City <Library>\n"},
			{ID: "decisions", Title: "Decision-making", Body: "We decide by *consent*.\n\n### Who decides what\n\n1. Budget: **committee**\n2. Admission\n\n> A quote\n\n<script>alert(1)</script>\n\nInline <b>raw</b> and `code`.\n"},
		},
	}
}

func TestDOCXIsWellFormedWithHeadingsAndEscapedText(t *testing.T) {
	b, err := DOCX(testDocument())
	if err != nil {
		t.Fatal(err)
	}
	parts := unzipDOCX(t, b)
	doc := parts["word/document.xml"]
	got := paragraphs(t, doc)
	want := [][2]string{
		{"Title", `MoU of "A & B" <partners>`},
		{"Subtitle", "Memorandum of understanding · version 2"},
		{"Subtitle", "SHA-256 abc"},
		{"Heading1", "Partners"},
		{"ListParagraph", "• Diaspora & Co — Amina"},
		{"ListParagraph", "• City "},
		{"Heading1", "Decision-making"},
		{"Normal", "We decide by consent."},
		{"Heading2", "Who decides what"},
		{"ListParagraph", "1. Budget: committee"},
		{"ListParagraph", "2. Admission"},
		{"Quote", "A quote"},
		{"Normal", "Inline raw and code."},
	}
	if len(got) != len(want) {
		t.Fatalf("paragraphs:\n%q\nwant\n%q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, got[i], want[i])
		}
	}
	// User text is escaped in the XML, raw HTML left out.
	if !strings.Contains(doc, "MoU of &#34;A &amp; B&#34; &lt;partners&gt;") || strings.Contains(doc, "<script") || strings.Contains(doc, "alert") {
		t.Error("text not escaped, or raw HTML kept")
	}
	// Emphasis: bold for **, italic for *, a monospace run for `code`.
	for _, want := range []string{`<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">Diaspora &amp; Co</w:t>`, `<w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">consent</w:t>`, `Courier New`} {
		if !strings.Contains(doc, want) {
			t.Errorf("document lacks %s", want)
		}
	}
	if strings.Contains(doc, "<w:bidi/>") || strings.Contains(doc, "<w:rtl/>") {
		t.Error("an English document is left to right")
	}
	if !strings.Contains(parts["docProps/core.xml"], "MoU of &#34;A &amp; B&#34;") {
		t.Error("core properties lack the escaped title")
	}
	// The same document gives the same bytes.
	again, _ := DOCX(testDocument())
	if !bytes.Equal(b, again) {
		t.Error("DOCX is not deterministic")
	}
}

func TestDOCXArabicIsRightToLeft(t *testing.T) {
	d := Document{Title: "مذكرة تفاهم", Lang: "ar", RTL: true, Sections: []Section{{ID: "purpose", Title: "الغرض", Body: "نعمل **معاً**."}}}
	b, err := DOCX(d)
	if err != nil {
		t.Fatal(err)
	}
	parts := unzipDOCX(t, b)
	doc := parts["word/document.xml"]
	if strings.Count(doc, "<w:bidi/>") < 4 || !strings.Contains(doc, "<w:rtl/>") || !strings.Contains(doc, "<w:sectPr>") {
		t.Errorf("Arabic paragraphs are not right to left:\n%s", doc)
	}
	if !strings.Contains(parts["word/styles.xml"], `w:lang w:val="ar"`) {
		t.Error("styles do not say Arabic")
	}
	ps := paragraphs(t, doc)
	if ps[2] != [2]string{"Normal", "نعمل معاً."} {
		t.Errorf("paragraph %q", ps[2])
	}
}

// Nested lists indent; a control character (not allowed in XML) does not
// break the file.
func TestDOCXNestedListsAndControlCharacters(t *testing.T) {
	d := Document{Title: "x\x01y", Sections: []Section{{ID: "roles", Title: "Roles", Body: "- one\n  - inner\n- two\n\n```\ncode line\n```\n"}}}
	b, err := DOCX(d)
	if err != nil {
		t.Fatal(err)
	}
	doc := unzipDOCX(t, b)["word/document.xml"]
	ps := paragraphs(t, doc)
	texts := []string{}
	for _, p := range ps {
		texts = append(texts, p[1])
	}
	if strings.Join(texts, "|") != "x\uFFFDy|Roles|• one|• inner|• two|code line" {
		t.Errorf("paragraphs %q", texts)
	}
	if !strings.Contains(doc, `<w:ind w:start="720" w:left="720"/>`) {
		t.Error("the inner list is not indented further")
	}
}

// When LibreOffice is on the machine, it converts the file: proof that it
// opens. Skipped otherwise.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	bin := ""
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			bin = p
			break
		}
	}
	if bin == "" || testing.Short() {
		t.Skip("LibreOffice is not installed")
	}
	dir := t.TempDir()
	b, err := DOCX(testDocument())
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "agreement.docx")
	if err := os.WriteFile(in, b, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "txt:Text", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	txt, err := os.ReadFile(filepath.Join(dir, "agreement.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(txt), "Who decides what") || !strings.Contains(string(txt), "Diaspora & Co") {
		t.Fatalf("converted text lacks the content:\n%s", txt)
	}
}
