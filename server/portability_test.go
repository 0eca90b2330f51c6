package server_test

import (
	"bytes"
	"encoding/json"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The archive goes out through the API to coordinators only, as a zip, and
// comes back in as a raw body or a multipart upload alike; the page offers
// both and reports who must be invited.
func TestPartnershipArchiveOverHTTP(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	path := "/api/v1/partnerships/" + e.Partnership.ID + "/export"
	for _, role := range []string{"member", "observer"} {
		if res := e.do(t, role, "GET", path, nil); res.Status != http.StatusForbidden {
			t.Errorf("%s exports: %d", role, res.Status)
		}
	}
	if res := e.do(t, "coordinator", "GET", path+"?sensitive=maybe", nil); res.Status != http.StatusUnprocessableEntity {
		t.Errorf("sensitive=maybe: %d", res.Status)
	}
	res := e.do(t, "coordinator", "GET", path, nil)
	if res.Status != http.StatusOK || res.Header.Get("Content-Type") != "application/zip" ||
		!strings.HasPrefix(res.Header.Get("Content-Disposition"), `attachment; filename="partnership-welcome-city-`) || !strings.HasPrefix(res.Body, "PK") {
		t.Fatalf("export: %d %v", res.Status, res.Header)
	}
	archive := res.Body

	// A raw zip body.
	imp := e.do(t, "outsider", "POST", "/api/v1/partnerships/import", archive, "Content-Type", "application/zip")
	if imp.Status != http.StatusCreated {
		t.Fatalf("import: %d %s", imp.Status, imp.Body)
	}
	var got struct {
		Partnership struct {
			ID     string `json:"id"`
			MyRole string `json:"my_role"`
		}
		NotAdded []string `json:"not_added"`
	}
	json.Unmarshal([]byte(imp.Body), &got)
	if got.Partnership.ID == "" || got.Partnership.ID == e.Partnership.ID || got.Partnership.MyRole != "coordinator" || len(got.NotAdded) == 0 || strings.Contains(imp.Body, `"ids"`) {
		t.Errorf("import answer: %s", imp.Body)
	}

	// A multipart upload, of something that is not an archive: refused
	// with the field named, as problem+json.
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	f, _ := mw.CreateFormFile("file", "notes.zip")
	f.Write([]byte("not a zip"))
	mw.Close()
	bad := e.do(t, "member", "POST", "/api/v1/partnerships/import", body.String(), "Content-Type", mw.FormDataContentType())
	if bad.Status != http.StatusUnprocessableEntity || !strings.Contains(bad.Body, `"field":"file"`) || !strings.Contains(bad.Body, "not a zip archive") {
		t.Errorf("a bad upload: %d %s", bad.Status, bad.Body)
	}
	if res := e.do(t, "", "POST", "/api/v1/partnerships/import", archive, "Content-Type", "application/zip"); res.Status != http.StatusUnauthorized {
		t.Errorf("an import by nobody: %d", res.Status)
	}

	// The page: the same archive uploaded by the member, who has an account
	// like everyone in it, so the others are to be invited.
	body.Reset()
	mw = multipart.NewWriter(&body)
	f, _ = mw.CreateFormFile("file", "welcome.zip")
	f.Write([]byte(archive))
	mw.Close()
	page := e.do(t, "member", "POST", "/p/import", body.String(), "Content-Type", mw.FormDataContentType())
	if page.Status != http.StatusCreated || !strings.Contains(page.Body, "Partnership imported") || !strings.Contains(page.Body, e.Coordinator.Email) {
		t.Errorf("page import: %d %s", page.Status, page.Body)
	}
	// A broken archive on the page names the document and record.
	broken := strings.Replace(archive, "PK", "PX", 1)
	body.Reset()
	mw = multipart.NewWriter(&body)
	f, _ = mw.CreateFormFile("file", "welcome.zip")
	f.Write([]byte(broken))
	mw.Close()
	page = e.do(t, "member", "POST", "/p/import", body.String(), "Content-Type", mw.FormDataContentType())
	if page.Status != http.StatusUnprocessableEntity {
		t.Errorf("page import of a broken archive: %d", page.Status)
	}
}
