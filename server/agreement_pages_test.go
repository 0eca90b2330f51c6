package server_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The agreement's pages, every route: draft from the list, edit the draft,
// circulate, sign as the member, edit again (version 2, no signature left)
// and compare the versions side by side. Markdown in a section renders,
// raw HTML in it does not.
func TestAgreementPages(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/p/" + e.Partnership.ID + "/agreements"
	res := e.do(t, "observer", "GET", base, nil)
	prepStatus(t, "list", res, 200)
	prepBody(t, "list", res, "<h1>Partnership agreements</h1>", "Memorandum of understanding")
	if strings.Contains(res.Body, `action="`+base+`"`) {
		t.Fatal("an observer is offered the draft form")
	}
	prepStatus(t, "bad draft", e.do(t, "coordinator", "POST", base, url.Values{"kind": {"treaty"}, "title": {""}}), 422)
	res = e.do(t, "coordinator", "POST", base, url.Values{"kind": {"terms_of_reference"}, "title": {"Youth panel"}})
	prepStatus(t, "draft", res, 303)
	page, _, _ := strings.Cut(res.Header.Get("Location"), "?")
	res = e.do(t, "observer", "GET", page, nil)
	prepBody(t, "show", res, "<h1>Youth panel</h1>", "Partners and representatives", "Bridges Youth", "Still to sign", "Signing log")

	res = e.do(t, "coordinator", "GET", page+"/edit", nil)
	prepStatus(t, "edit", res, 200)
	prepBody(t, "edit", res, `name="body-values"`, `name="version" value="1"`)
	form := url.Values{"version": {"1"}, "title-values": {"Values"}, "body-values": {"We **listen** first.\n<script>alert(1)</script>"},
		"title-partners": {"Partners"}, "body-partners": {"- Bridges Youth\n- Diaspora Voices"}}
	prepStatus(t, "save draft", e.do(t, "coordinator", "POST", page+"/text", form), 303)
	res = e.do(t, "member", "GET", page, nil)
	prepBody(t, "rendered", res, "<strong>listen</strong>")
	if strings.Contains(res.Body, "<script>alert") {
		t.Fatal("raw HTML of a section reached the page")
	}
	prepStatus(t, "circulate", e.do(t, "coordinator", "POST", page+"/status", url.Values{"version": {"2"}, "status": {"circulated"}}), 303)
	res = e.do(t, "member", "GET", page, nil)
	prepBody(t, "sign form", res, `action="`+page+`/sign"`, e.MemberOrg.ID)
	start := strings.Index(res.Body, `name="text_sha256" value="`) + len(`name="text_sha256" value="`)
	hash := res.Body[start : start+64]
	prepStatus(t, "sign for another", e.do(t, "member", "POST", page+"/sign", url.Values{"organisation_id": {e.Org.ID}, "typed_name": {"Omar"}, "text_sha256": {hash}}), 422)
	prepStatus(t, "sign", e.do(t, "member", "POST", page+"/sign", url.Values{"organisation_id": {e.MemberOrg.ID}, "typed_name": {"Omar Member"}, "text_sha256": {hash}}), 303)
	prepBody(t, "signed", e.do(t, "observer", "GET", page, nil), "Signed this version", "Omar Member", "Being signed")

	form.Set("version", "4")
	form.Set("body-values", "We listen first.\nWe decide together.")
	prepStatus(t, "save version 2", e.do(t, "coordinator", "POST", page+"/text", form), 303)
	res = e.do(t, "observer", "GET", page, nil)
	prepBody(t, "after edit", res, "Version 2", "No organisation has signed this version yet.")
	res = e.do(t, "observer", "GET", page+"/versions", nil)
	prepStatus(t, "versions", res, 200)
	prepBody(t, "versions", res, "Version 1 beside version 2", "<ins>We decide together.</ins>", "<del>")
	prepStatus(t, "stale", e.do(t, "coordinator", "POST", page+"/text", form), 409)

	// The checklist beside it: the coordinator answers, an observer reads.
	prepStatus(t, "checklist as member", e.do(t, "member", "POST", page+"/checklist", url.Values{"answer-budget": {"in_place"}}), 403)
	prepStatus(t, "bad answer", e.do(t, "coordinator", "POST", page+"/checklist", url.Values{"answer-budget": {"maybe"}}), 422)
	prepStatus(t, "checklist", e.do(t, "coordinator", "POST", page+"/checklist", url.Values{"answer-budget": {"in_place"}, "answer-exit": {"partly"}}), 303)
	prepBody(t, "checklist shown", e.do(t, "observer", "GET", page, nil), "Agreement checklist", "1 of 18 settled", "Partly in place")
}
