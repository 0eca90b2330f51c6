package server_test

import (
	"net/http"
	"net/url"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// An import takes the file itself as the body, CSV or XLSX, as well as a
// multipart upload: `curl --data-binary @actors.csv -H 'Content-Type:
// text/csv'` must not be told to choose a file. The mapping then comes from
// ?mapping=.
func TestActorImportRawBody(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	base := "/api/v1/partnerships/" + e.Partnership.ID + "/actors"
	const xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

	csv := "Name,Kind,Colour\nStadtbibliothek,institution,blue\nJugendhaus,group,red\n"
	var imp pk.ActorImport
	actorsJSON(t, e.do(t, "member", "POST", base+"/import?dry_run=true", csv, "Content-Type", "text/csv; charset=utf-8"), http.StatusOK, &imp)
	if imp.Rows != 2 || len(imp.Errors) != 0 || imp.Imported != 0 {
		t.Errorf("raw CSV preview: %+v", imp)
	}
	// The mapping in the query: the kind column is left out, so both rows
	// are imported without it.
	mapping := url.QueryEscape(`{"Kind":"ignore","Colour":"ignore"}`)
	actorsJSON(t, e.do(t, "member", "POST", base+"/import?mapping="+mapping, csv, "Content-Type", "text/csv"), http.StatusOK, &imp)
	if imp.Imported != 2 {
		t.Errorf("raw CSV with a mapping: %+v", imp)
	}
	var list struct{ Items []pk.Actor }
	actorsJSON(t, e.do(t, "member", "GET", base+"?q=Jugendhaus", nil), http.StatusOK, &list)
	if len(list.Items) != 1 || list.Items[0].Kind == "group" {
		t.Errorf("the mapping from the query was not followed: %+v", list.Items)
	}

	// An XLSX body: the register's own export, read back as a preview.
	res := e.do(t, "member", "GET", base+"/export.xlsx", nil)
	if res.Status != http.StatusOK {
		t.Fatalf("export: %d", res.Status)
	}
	actorsJSON(t, e.do(t, "member", "POST", base+"/import?dry_run=true", res.Body, "Content-Type", xlsx), http.StatusOK, &imp)
	if imp.Rows < 3 || imp.Imported != 0 {
		t.Errorf("raw XLSX preview: %+v", imp)
	}

	for _, c := range []struct {
		name, path, body, contentType, field string
		status                               int
	}{
		{"JSON is not a file", "/import", `{}`, "application/json", "Content-Type", http.StatusUnsupportedMediaType},
		{"plain text", "/import", csv, "text/plain", "Content-Type", http.StatusUnsupportedMediaType},
		{"no content type", "/import", csv, "", "Content-Type", http.StatusUnsupportedMediaType},
		{"empty body", "/import", "", "text/csv", "file", http.StatusUnprocessableEntity},
		{"mapping not an object", "/import?mapping=%5B1%5D", csv, "text/csv", "mapping", http.StatusUnprocessableEntity},
		{"multipart without a boundary", "/import", "--x\r\nbroken", "multipart/form-data", "file", http.StatusBadRequest},
	} {
		res := e.do(t, "member", "POST", base+c.path, c.body, "Content-Type", c.contentType)
		if p := problem(t, res); res.Status != c.status || !hasField(p, c.field) {
			t.Errorf("%s: %d %s, want %d naming %s", c.name, res.Status, res.Body, c.status, c.field)
		}
	}
	// Observers learn nothing from the content type: the role comes first.
	if res := e.do(t, "observer", "POST", base+"/import", "x", "Content-Type", "text/plain"); res.Status != http.StatusForbidden {
		t.Errorf("observer: %d", res.Status)
	}
}
