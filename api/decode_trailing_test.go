package api_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
)

// A body is one JSON value and nothing after it but white space: a stray
// closing bracket or brace is refused like a second value, not ignored
// (the API fuzz test found "{…}]" accepted).
func TestDecodeRefusesTrailingData(t *testing.T) {
	type body struct {
		Name string `json:"name"`
	}
	for _, tail := range []string{"]", "}", " ]", "x", "{}", "\"\"", ",", "0"} {
		r := httptest.NewRequest("POST", "/", strings.NewReader(`{"name":"Ada"}`+tail))
		r.Header.Set("Content-Type", "application/json")
		var b body
		if e, ok := pk.AsError(api.Decode(r, &b)); !ok || e.Code != pk.EINVALID {
			t.Errorf("body followed by %q: Decode = %v, want an invalid-request error", tail, e)
		}
	}
	r := httptest.NewRequest("POST", "/", strings.NewReader("{\"name\":\"Ada\"} \r\n\t"))
	var b body
	if err := api.Decode(r, &b); err != nil || b.Name != "Ada" {
		t.Errorf("white space after the body: Decode = %v, %+v", err, b)
	}
}
