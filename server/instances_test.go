package server_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/partnerkit/partnerkit/server"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Two instances of Partnerkit on one PostgreSQL database, as behind a load
// balancer: a session made on one is good on the other, what one writes the
// other reads at once (the network analysis included, whose cache is keyed
// by the version the write raised), and jobs run on both are each done
// once.
func TestTwoInstances(t *testing.T) {
	if os.Getenv(sqldbtest.PostgresEnv) == "" {
		t.Skipf("PostgreSQL not configured: set %s", sqldbtest.PostgresEnv)
	}
	t.Parallel()
	w := sqldbtest.OpenWorld(t, "postgres")
	a := newEnv(t, w)
	dbB := sqldbtest.AnotherInstance(t, w.DB)
	srvB, err := server.New(server.Config{DB: dbB, Bundle: bundle, Log: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	hsB := httptest.NewServer(srvB)
	t.Cleanup(hsB.Close)
	b := *a // the same people, cookies and tokens, another instance
	b.Srv, b.HTTP = srvB, hsB
	pid := w.Partnership.ID

	// Signed in on A, the session cookie opens B's pages.
	noRedirect := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := noRedirect.PostForm(a.HTTP.URL+"/signin", url.Values{"email": {w.Member.Email}, "password": {sqldbtest.Password}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	var session string
	for _, c := range res.Cookies() {
		if c.Name == "pk_session" {
			session = c.Value
		}
	}
	if session == "" {
		t.Fatalf("no session from A's sign-in: %d", res.StatusCode)
	}
	req, _ := http.NewRequest("GET", hsB.URL+"/p/"+pid, nil)
	req.AddCookie(&http.Cookie{Name: "pk_session", Value: session})
	res, err = noRedirect.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("B with A's session: %d", res.StatusCode)
	}

	// Written on A, read on B.
	api := "/api/v1/partnerships/" + pid
	created := map[string]string{}
	for _, name := range []string{"Harbour Workers Union", "Lina Haddad"} {
		res := a.do(t, "coordinator", "POST", api+"/actors", fmt.Sprintf(`{"name": %q, "kind": "organisation", "sector": "civil_society"}`, name))
		var x struct{ ID string }
		if err := json.Unmarshal([]byte(res.Body), &x); res.Status != http.StatusCreated || err != nil {
			t.Fatalf("create on A: %d %s", res.Status, res.Body)
		}
		created[name] = x.ID
		if got := b.do(t, "member", "GET", api+"/actors/"+x.ID, nil); got.Status != http.StatusOK || !strings.Contains(got.Body, name) {
			t.Fatalf("B reads the actor A wrote: %d", got.Status)
		}
	}

	// B analyses the network (and keeps the analysis); a tie added on A
	// shows in B's next analysis.
	type netAnswer struct {
		Edges  int
		Actors []struct {
			ID     string
			Degree int
		}
	}
	network := func(e *env) netAnswer {
		t.Helper()
		res := e.do(t, "member", "GET", api+"/network?sort=name&limit=200", nil)
		var n netAnswer
		if err := json.Unmarshal([]byte(res.Body), &n); res.Status != http.StatusOK || err != nil {
			t.Fatalf("network: %d %s", res.Status, res.Body)
		}
		return n
	}
	degree := func(n netAnswer, id string) int {
		for _, x := range n.Actors {
			if x.ID == id {
				return x.Degree
			}
		}
		return -1
	}
	before := network(&b)
	if again := network(&b); again.Edges != before.Edges {
		t.Fatal("B's analysis changed without a write")
	}
	if res := a.do(t, "coordinator", "POST", api+"/relationships",
		fmt.Sprintf(`{"from": %q, "to": %q, "type": "works_at"}`, created["Lina Haddad"], created["Harbour Workers Union"])); res.Status != http.StatusCreated {
		t.Fatalf("tie on A: %d %s", res.Status, res.Body)
	}
	after := network(&b)
	if after.Edges != before.Edges+1 || degree(after, created["Lina Haddad"]) != 1 || degree(before, created["Lina Haddad"]) != 0 {
		t.Errorf("B's analysis after A's new tie: %d ties (before %d), degree %d", after.Edges, before.Edges, degree(after, created["Lina Haddad"]))
	}

	// Jobs enqueued on A, run by both at once: each is done exactly once.
	// (Only the invitation mails are looked at; the jobs of other kinds
	// the writes above enqueued have no handler here and wait for a retry.)
	for i := range 12 {
		if res := a.do(t, "coordinator", "POST", api+"/invitations", fmt.Sprintf(`{"email": "guest%d@example.org", "role": "observer"}`, i)); res.Status != http.StatusCreated {
			t.Fatalf("invite: %d %s", res.Status, res.Body)
		}
	}
	var mu sync.Mutex
	done := map[string]int{}
	handlers := map[string]sqldb.JobHandler{"mail": func(_ context.Context, payload []byte) error {
		var m sqldb.MailJob
		if err := json.Unmarshal(payload, &m); err != nil {
			return err
		}
		mu.Lock()
		done[m.To]++
		mu.Unlock()
		return nil
	}}
	var wg sync.WaitGroup
	for _, db := range []*sqldb.DB{w.DB, dbB} {
		wg.Go(func() { db.Jobs.RunDueJobs(context.Background(), handlers, nil) })
	}
	wg.Wait()
	for i := range 12 {
		if to := fmt.Sprintf("guest%d@example.org", i); done[to] != 1 {
			t.Errorf("invitation mail to %s sent %d times", to, done[to])
		}
	}
	for to, n := range done {
		if n != 1 {
			t.Errorf("mail to %s sent %d times", to, n)
		}
	}
}
