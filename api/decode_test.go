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
		status                         int
	}{
		{"wrong type", "application/json", `{"version": "three"}`, "version", 422},
		{"unknown field", "application/json", `{"nmae": "x"}`, "nmae", 422},
		{"not an object", "application/json", `[1]`, "body", 422},
		{"empty", "application/json", ``, "", 400},
		{"two values", "application/json", `{} {}`, "", 400},
		{"syntax", "application/json", `{"name":`, "", 400},
		{"truncated", "application/json", `{"name":"Ad`, "", 400},
		{"garbage", "application/json", `name=Ada`, "", 400},
		{"not JSON", "text/plain", `{}`, "Content-Type", 415},
		{"form", "application/x-www-form-urlencoded", `name=Ada`, "Content-Type", 415},
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
			if got := api.StatusOf(err); got != c.status {
				t.Fatalf("status %d, want %d", got, c.status)
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
