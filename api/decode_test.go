package api_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
)

// Bad JSON is an invalid request naming the field, never a 500: every module
// decodes through Decode, so its messages are the API's.
func TestDecodeNamesTheField(t *testing.T) {
	type body struct {
		Name    string `json:"name"`
		Version int    `json:"version"`
	}
	for _, c := range []struct {
		name, contentType, body, field string
	}{
		{"wrong type", "application/json", `{"version": "three"}`, "version"},
		{"unknown field", "application/json", `{"nmae": "x"}`, "nmae"},
		{"empty", "application/json", ``, ""},
		{"two values", "application/json", `{} {}`, ""},
		{"syntax", "application/json", `{"name":`, ""},
		{"not JSON", "text/plain", `{}`, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest("POST", "/", strings.NewReader(c.body))
			r.Header.Set("Content-Type", c.contentType)
			var b body
			err := api.Decode(r, &b)
			e, ok := pk.AsError(err)
			if !ok || e.Code != pk.EINVALID {
				t.Fatalf("Decode = %v, want an invalid-request error", err)
			}
			if c.field != "" && (len(e.Fields) != 1 || e.Fields[0].Field != c.field) {
				t.Fatalf("fields = %+v, want %q named", e.Fields, c.field)
			}
		})
	}
	r := httptest.NewRequest("POST", "/", strings.NewReader(`{"name":"Ada","version":2}`))
	r.Header.Set("Content-Type", "application/merge-patch+json")
	var b body
	if err := api.Decode(r, &b); err != nil || b.Name != "Ada" || b.Version != 2 {
		t.Fatalf("Decode = %v, %+v", err, b)
	}
}

// If-Match wins over the body's version, in the forms clients send it.
func TestVersionPrefersIfMatch(t *testing.T) {
	for _, c := range []struct {
		ifMatch string
		want    int
		bad     bool
	}{
		{"", 4, false}, {"7", 7, false}, {`"7"`, 7, false}, {`W/"7"`, 7, false}, {"seven", 0, true}, {"0", 0, true},
	} {
		r := httptest.NewRequest("PATCH", "/", nil)
		if c.ifMatch != "" {
			r.Header.Set("If-Match", c.ifMatch)
		}
		got, err := api.Version(r, 4)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("If-Match %q: %d, %v; want %d (error %v)", c.ifMatch, got, err, c.want, c.bad)
		}
	}
}
