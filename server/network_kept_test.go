package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The network page's picture is drawn once per version of the network and
// language: the coordinator's (with the sensitive actor) is never shown
// to a member, and a new tie shows in the next picture.
func TestNetworkPictureKept(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		e := newEnv(t, w)
		f := sqldbtest.SeedNetwork(t, e.World)
		page := "/p/" + f.PID + "/network"
		picture := func(role string, header ...string) string {
			t.Helper()
			res := e.do(t, role, "GET", page, nil, header...)
			if res.Status != 200 {
				t.Fatalf("%s: %d", role, res.Status)
			}
			b := res.Body[strings.Index(res.Body, `<figure`):] // the picture, not the icons
			return b[strings.Index(b, "<svg"):strings.Index(b, "</svg>")]
		}
		for range 2 { // drawn, then found
			if !strings.Contains(picture("coordinator"), f.Secret) {
				t.Fatal("the coordinator's picture lacks the sensitive actor")
			}
			if strings.Contains(picture("member"), f.Secret) {
				t.Fatal("the member is shown the coordinator's picture")
			}
		}
		if en, ar := picture("member", "Accept-Language", "en"), picture("member", "Accept-Language", "ar"); en == ar {
			t.Error("the Arabic page shows the English picture")
		}
		before := strings.Count(picture("member"), "<line")
		rel := "/api/v1/partnerships/" + f.PID + "/relationships"
		body := `{"from":"` + f.IDs[sqldbtest.NetLoner] + `","to":"` + f.IDs[sqldbtest.NetChoir] + `","type":"cooperates_with"}`
		if res := e.do(t, "member", "POST", rel, body); res.Status != http.StatusCreated {
			t.Fatalf("new tie: %d %s", res.Status, res.Body)
		}
		if after := strings.Count(picture("member"), "<line"); after != before+1 {
			t.Errorf("ties drawn: %d before the new tie, %d after", before, after)
		}
	})
}
