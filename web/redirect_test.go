package web

import (
	"net/http/httptest"
	"testing"
)

// The flash goes in the query, before a fragment, so the page that opens
// at #section still shows it.
func TestRedirectKeepsTheFragment(t *testing.T) {
	for to, want := range map[string]string{
		"/p/x/agreements/y#comments-values": "/p/x/agreements/y?flash=flash.saved#comments-values",
		"/p/x?tab=1#h":                      "/p/x?tab=1&flash=flash.saved#h",
		"/p/x":                              "/p/x?flash=flash.saved",
	} {
		w := httptest.NewRecorder()
		Redirect(w, httptest.NewRequest("POST", "/", nil), to, "flash.saved")
		if got := w.Header().Get("Location"); got != want {
			t.Errorf("Redirect(%q) = %q, want %q", to, got, want)
		}
	}
}
