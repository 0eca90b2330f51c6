package server_test

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The pages added to the agreement: comments beside each section (on the
// agreement's page and in the editor), their deletion after confirmation,
// redrafting decision-making from the charter, the printable page and the
// signing log.
func TestAgreementCommentAndRedraftPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	page := "/p/" + e.Partnership.ID + "/agreements/" + e.Params["agid"]

	// The world's comment is beside its section, with the asker's rights.
	res := e.do(t, "observer", "GET", page, nil)
	prepStatus(t, "show", res, 200)
	prepBody(t, "show", res, `id="comments-decisions"`, "Could the chair rotate every six months?", "1 comment", "0 comments",
		`/agreement.docx"`, `/agreement.md"`, page+`/print"`, page+`/log"`)
	if strings.Contains(res.Body, `action="`+page+`/comments"`) || strings.Contains(res.Body, "/delete") {
		t.Fatal("an observer is offered to comment or delete")
	}
	res = e.do(t, "member", "GET", page, nil)
	prepBody(t, "member's page", res, `action="`+page+`/comments"`, `action="`+page+"/comments/"+e.Params["cid"]+`/delete"`)

	// A comment refused is shown again under its section, with the message.
	res = e.do(t, "member", "POST", page+"/comments", url.Values{"section": {"values"}, "body": {"  "}})
	prepStatus(t, "empty comment", res, 422)
	prepBody(t, "empty comment", res, `<details open>`, `aria-invalid="true"`)
	prepStatus(t, "observer comments", e.do(t, "observer", "POST", page+"/comments", url.Values{"section": {"values"}, "body": {"x"}}), 403)
	res = e.do(t, "member", "POST", page+"/comments", url.Values{"section": {"values"}, "body": {"<script>alert(1)</script> and **more**"}})
	prepStatus(t, "comment", res, 303)
	if loc := res.Header.Get("Location"); !strings.Contains(loc, "flash=flash.agreement_comment_added") || !strings.HasSuffix(loc, "#comments-values") {
		t.Fatalf("redirect %s", loc)
	}
	res = e.do(t, "coordinator", "GET", page, nil)
	prepBody(t, "escaped", res, "&lt;script&gt;alert(1)&lt;/script&gt; and **more**")
	if strings.Contains(res.Body, "<script>alert") {
		t.Fatal("a comment's text reached the page unescaped")
	}
	// The editor shows the comments beside each section and offers the redraft.
	res = e.do(t, "coordinator", "GET", page+"/edit", nil)
	prepBody(t, "edit", res, "Could the chair rotate every six months?", page+"/redraft?section=decisions", `name="body-values"`)

	// Deleting asks first; the observer may not; the author may.
	del := page + "/comments/" + e.Params["cid"] + "/delete"
	res = e.do(t, "member", "POST", del, url.Values{"version": {"1"}, "section": {"decisions"}})
	prepStatus(t, "ask", res, 200)
	prepBody(t, "ask", res, "Delete this comment?", `name="confirm"`)
	prepStatus(t, "observer deletes", e.do(t, "observer", "POST", del, url.Values{"version": {"1"}, "confirm": {"yes"}}), 403)
	prepStatus(t, "stale", e.do(t, "member", "POST", del, url.Values{"version": {"3"}, "confirm": {"yes"}}), 409)
	prepStatus(t, "delete", e.do(t, "member", "POST", del, url.Values{"version": {"1"}, "section": {"decisions"}, "confirm": {"yes"}}), 303)
	if strings.Contains(e.do(t, "member", "GET", page, nil).Body, "rotate every six months") {
		t.Fatal("the deleted comment is still shown")
	}

	// Redraft decision-making from the charter: the choice, the proposal
	// beside the text now, then the new version.
	prepBody(t, "redraft choice", e.do(t, "coordinator", "GET", page+"/redraft", nil), page+"/redraft?section=roles")
	res = e.do(t, "coordinator", "GET", page+"/redraft?section=decisions", nil)
	prepStatus(t, "redraft", res, 200)
	prepBody(t, "redraft", res, "The proposal", "Strategic committee", "66.7%", "Gradients of Agreement", "makes a new version")
	prepStatus(t, "member redrafts", e.do(t, "member", "GET", page+"/redraft?section=decisions", nil), 403)
	prepStatus(t, "bad section", e.do(t, "coordinator", "POST", page+"/redraft", url.Values{"section": {"budget"}, "version": {"3"}}), 422)
	a := decodeAgreement(t, "agreement", e.do(t, "observer", "GET", "/api/v1/partnerships/"+e.Partnership.ID+"/agreements/"+e.Params["agid"], nil), 200)
	prepStatus(t, "stale redraft", e.do(t, "coordinator", "POST", page+"/redraft", url.Values{"section": {"decisions"}, "version": {"99"}}), 409)
	prepStatus(t, "redraft it", e.do(t, "coordinator", "POST", page+"/redraft", url.Values{"section": {"decisions"}, "version": {strconv.Itoa(a.Version)}}), 303)
	res = e.do(t, "observer", "GET", page, nil)
	prepBody(t, "redrafted", res, "Version 2", "Who decides what", "two-thirds majority")

	// The signing log on its page: versions and the signature with hashes.
	res = e.do(t, "observer", "GET", page+"/log", nil)
	prepStatus(t, "log", res, 200)
	prepBody(t, "log", res, "<h1>Signing log</h1>", "version 2 written by", "signed version 1 for Diaspora Voices", `class="hash"`)

	// The printable page: its own layout, no menus, the parties and who signed.
	res = e.do(t, "observer", "GET", page+"/print", nil)
	prepStatus(t, "print", res, 200)
	prepBody(t, "print", res, `<body class="agreement-print">`, `dir="ltr"`, "Parties", "Bridges Youth", "Signatures of this version", "Still to sign", "Who decides what")
	if strings.Contains(res.Body, `class="partnership"`) || strings.Contains(res.Body, "<form") {
		t.Fatal("the printable page carries menus or forms")
	}
	res = e.do(t, "observer", "GET", page+"/print", nil, "Cookie", "lang=ar")
	prepBody(t, "print in Arabic", res, `dir="rtl"`, `lang="ar"`, "توقيعات هذا الإصدار")
}
