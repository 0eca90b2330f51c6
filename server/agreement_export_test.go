package server_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// docxDocument unzips a DOCX answer, checks that every part is
// well-formed XML and returns word/document.xml.
func docxDocument(t *testing.T, body string) string {
	t.Helper()
	z, err := zip.NewReader(strings.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	doc := ""
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := d.Token(); errors.Is(err, io.EOF) {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
		if f.Name == "word/document.xml" {
			doc = string(b)
		}
	}
	if doc == "" {
		t.Fatal("no word/document.xml")
	}
	return doc
}

// The exports through the API: the Markdown is the exact text signed, the
// Word document carries the text, the parties and the signatures in the
// asker's language (right to left in Arabic); each export is audited.
func TestAgreementExportsAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	id := "/api/v1/partnerships/" + e.Partnership.ID + "/agreements/" + e.Params["agid"]
	res := e.do(t, "observer", "GET", id+"/agreement.md", nil)
	prepStatus(t, "markdown", res, 200)
	if ct, cd := res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"); !strings.HasPrefix(ct, "text/markdown") || cd != `attachment; filename="agreement-v1.md"` {
		t.Fatalf("markdown headers %q %q", ct, cd)
	}
	a := decodeAgreement(t, "agreement", e.do(t, "observer", "GET", id, nil), 200)
	if agreement.Hash(res.Body) != a.TextSHA256 {
		t.Fatal("the Markdown is not the text signed")
	}

	res = e.do(t, "observer", "GET", id+"/agreement.docx", nil)
	prepStatus(t, "docx", res, 200)
	if ct := res.Header.Get("Content-Type"); ct != "application/vnd.openxmlformats-officedocument.wordprocessingml.document" {
		t.Fatalf("docx type %q", ct)
	}
	doc := docxDocument(t, res.Body)
	for _, want := range []string{"Memorandum of understanding", "Partners and representatives", "Decision-making", a.TextSHA256,
		"Signatures of this version", "Diaspora Voices", "Still to sign", "Bridges Youth", `<w:pStyle w:val="Heading1"/>`} {
		if !strings.Contains(doc, want) {
			t.Errorf("docx lacks %q", want)
		}
	}
	if strings.Contains(doc, "<w:bidi/>") {
		t.Error("an English document runs right to left")
	}
	ar := docxDocument(t, e.do(t, "observer", "GET", id+"/agreement.docx", nil, "Accept-Language", "ar").Body)
	if !strings.Contains(ar, "<w:bidi/>") || !strings.Contains(ar, "توقيعات هذا الإصدار") {
		t.Error("the Arabic document is not right to left, or not in Arabic")
	}
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", id+"/agreement.docx", nil), 404)

	// Every download is in the audit log, with its format and hash.
	res = e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+e.Partnership.ID+"/audit", nil)
	prepBody(t, "audit", res, `"agreement.export"`, `\"format\":\"docx\"`, `\"format\":\"md\"`)
}

// Comments through the API: a member comments, an observer reads and may
// not comment, the author deletes with the version read.
func TestAgreementCommentsAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/api/v1/partnerships/" + e.Partnership.ID + "/agreements/" + e.Params["agid"] + "/comments"
	res := e.do(t, "member", "POST", base, `{"section":"values","body":"Add <b>solidarity</b>."}`)
	prepStatus(t, "comment", res, 201)
	var c pk.AgreementComment
	if err := json.Unmarshal([]byte(res.Body), &c); err != nil || c.Section != "values" || c.Version != 1 || !c.Deletable {
		t.Fatalf("comment %v %s", err, res.Body)
	}
	prepStatus(t, "observer comments", e.do(t, "observer", "POST", base, `{"section":"values","body":"x"}`), 403)
	res = e.do(t, "member", "POST", base, `{"section":"nope","body":""}`)
	prepStatus(t, "bad comment", res, 422)
	prepBody(t, "bad comment", res, `"field":"section"`, `"field":"body"`)
	prepStatus(t, "not json", e.do(t, "member", "POST", base, `{"section":`), 400)

	res = e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "list", res, 200)
	var l pk.AgreementCommentList
	if err := json.Unmarshal([]byte(res.Body), &l); err != nil || len(l.Items) != 2 || l.Items[0].Section != "values" || l.Items[0].Deletable || l.Cut == nil {
		t.Fatalf("list %v %s", err, res.Body)
	}
	prepStatus(t, "delete without version", e.do(t, "member", "DELETE", base+"/"+c.ID, nil), 422)
	prepStatus(t, "delete stale", e.do(t, "member", "DELETE", base+"/"+c.ID+"?version=2", nil), 409)
	prepStatus(t, "observer deletes", e.do(t, "observer", "DELETE", base+"/"+c.ID+"?version=1", nil), 403)
	prepStatus(t, "delete", e.do(t, "member", "DELETE", base+"/"+c.ID, nil, "If-Match", strconv.Itoa(c.Version)), 204)
	prepStatus(t, "delete again", e.do(t, "member", "DELETE", base+"/"+c.ID+"?version=1", nil), 404)
}

// A coordinator redrafts the decision-making section from the charter in
// force: a circulated agreement gets a new version naming the charter's
// bodies and rules.
func TestAgreementRedraftAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	id := "/api/v1/partnerships/" + e.Partnership.ID + "/agreements/" + e.Params["agid"]
	a := decodeAgreement(t, "agreement", e.do(t, "observer", "GET", id, nil), 200)
	body := `{"section":"decisions","version":` + strconv.Itoa(a.Version) + `}`
	prepStatus(t, "member redrafts", e.do(t, "member", "POST", id+"/redraft", body), 403)
	prepStatus(t, "bad section", e.do(t, "coordinator", "POST", id+"/redraft", `{"section":"budget","version":`+strconv.Itoa(a.Version)+`}`), 422)
	prepStatus(t, "stale", e.do(t, "coordinator", "POST", id+"/redraft", `{"section":"decisions","version":99}`), 409)
	b := decodeAgreement(t, "redraft", e.do(t, "coordinator", "POST", id+"/redraft", body, "Accept-Language", "fr"), 200)
	if b.TextVersion != 2 || len(b.SignedBy) != 0 {
		t.Fatalf("redraft: version %d signed %v", b.TextVersion, b.SignedBy)
	}
	for _, s := range b.Sections {
		if s.ID == "decisions" && (!strings.Contains(s.Body, "Strategic committee") || !strings.Contains(s.Body, "deux tiers") || !strings.Contains(s.Body, "66.7 %")) {
			t.Fatalf("decisions:\n%s", s.Body)
		}
	}
	prepBody(t, "versions", e.do(t, "observer", "GET", id+"/versions", nil), "Rédigé à nouveau")
}
