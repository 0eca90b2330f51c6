package server_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/agreement"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func decodeAgreement(t *testing.T, what string, res response, want int) *pk.Agreement {
	t.Helper()
	prepStatus(t, what, res, want)
	var a pk.Agreement
	if err := json.Unmarshal([]byte(res.Body), &a); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return &a
}

// Every route of the agreement API, through a journey: a coordinator drafts
// an agreement from the partnership's data (in French, the asker's
// language), circulates it, both organisations sign, an edit makes
// version 2 that no signature covers.
func TestAgreementAPI(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/api/v1/partnerships/" + e.Partnership.ID + "/agreements"

	// The world's agreement: signed by Diaspora Voices, Bridges Youth missing.
	a := decodeAgreement(t, "world's", e.do(t, "observer", "GET", base+"/"+e.Params["agid"], nil), 200)
	if a.TextSHA256 != agreement.Hash(a.Text) || len(a.SignedBy) != 1 || a.SignedBy[0].OrganisationID != e.MemberOrg.ID ||
		len(a.Missing) != 1 || a.Missing[0].OrganisationID != e.Org.ID {
		t.Fatalf("world's agreement: %+v", a)
	}
	prepBody(t, "list", e.do(t, "observer", "GET", base, nil), `"items":[`, e.Params["agid"])

	res := e.do(t, "coordinator", "POST", base, `{"kind":"partnering_agreement","title":"Accord"}`, "Accept-Language", "fr")
	a = decodeAgreement(t, "create", res, 201)
	if a.Status != "draft" || len(a.Sections) != len(agreement.SectionIDs) || a.Sections[0].Title != "Partenaires et représentants" ||
		!strings.Contains(a.Text, "Bridges Youth") || !strings.Contains(a.Text, "Diaspora Voices") {
		t.Fatalf("drafted: %+v", a)
	}
	prepStatus(t, "bad kind", e.do(t, "coordinator", "POST", base, `{"kind":"treaty","title":"x"}`), 422)
	id := base + "/" + a.ID
	sign := func(role, org string) response {
		return e.do(t, role, "POST", id+"/signatures", `{"organisation_id":"`+org+`","typed_name":"A Name"}`)
	}
	prepStatus(t, "sign a draft", sign("member", e.MemberOrg.ID), 409)
	a = decodeAgreement(t, "circulate", e.do(t, "coordinator", "POST", id+"/status", `{"status":"circulated","version":`+strconv.Itoa(a.Version)+`}`), 200)
	prepStatus(t, "observer signs", sign("observer", e.MemberOrg.ID), 403)
	prepStatus(t, "member signs for another", sign("member", e.Org.ID), 422)
	a = decodeAgreement(t, "member signs", sign("member", e.MemberOrg.ID), 201)
	if a.Status != "signing" || len(a.Missing) != 1 {
		t.Fatalf("after one: %+v", a)
	}
	a = decodeAgreement(t, "coordinator signs", sign("coordinator", e.Org.ID), 201)
	if a.Status != "in_force" || len(a.Missing) != 0 || len(a.SignedBy) != 2 {
		t.Fatalf("after both: %+v", a)
	}
	before := a.TextSHA256
	a.Sections[2].Body = "Shared: a youth panel."
	body, _ := json.Marshal(map[string]any{"sections": a.Sections, "note": "objectives", "version": a.Version})
	prepStatus(t, "member edits", e.do(t, "member", "POST", id+"/versions", string(body)), 403)
	a = decodeAgreement(t, "edit", e.do(t, "coordinator", "POST", id+"/versions", string(body)), 200)
	if a.TextVersion != 2 || a.Status != "circulated" || a.TextSHA256 == before || len(a.SignedBy) != 0 || len(a.Missing) != 2 {
		t.Fatalf("after edit: %+v", a)
	}
	prepBody(t, "versions", e.do(t, "observer", "GET", id+"/versions", nil), `"number":2`, `"number":1`, before)
	res = e.do(t, "observer", "GET", id+"/signatures", nil)
	prepStatus(t, "log", res, 200)
	var log pk.AgreementLog
	if err := json.Unmarshal([]byte(res.Body), &log); err != nil || len(log.Items) != 4 {
		t.Fatalf("log: %v %s", err, res.Body)
	}
	prepBody(t, "markdown", e.do(t, "observer", "GET", id+"/agreement.md", nil), "## Objectifs communs et propres\n\nShared: a youth panel.\n")
	if got := agreement.Hash(e.do(t, "observer", "GET", id+"/agreement.md", nil).Body); got != a.TextSHA256 {
		t.Fatalf("the Markdown export hashes to %s, not the signed %s", got, a.TextSHA256)
	}
	res = e.do(t, "coordinator", "PUT", id+"/checklist", `{"answers":[{"item":"budget","answer":"not_relevant","note":"no money"}]}`)
	prepBody(t, "checklist", res, `"done":1`, `"total":18`, `"note":"no money"`)
	prepStatus(t, "checklist bad", e.do(t, "coordinator", "PUT", id+"/checklist", `{"answers":[{"item":"budget","answer":"maybe"}]}`), 422)
	prepBody(t, "checklist read", e.do(t, "observer", "GET", id+"/checklist", nil), `"answer":"not_relevant"`)
	prepStatus(t, "outsider", e.do(t, "outsider", "GET", id, nil), 404)
	prepStatus(t, "unknown", e.do(t, "observer", "GET", base+"/nope", nil), 404)
}
