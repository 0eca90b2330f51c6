package server_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"mime"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// The API fuzz test's size and seed. A few thousand requests per engine
// keep it in CI; raise the count to look harder, e.g.
//
//	go test ./server -run TestAPIFuzz -apifuzz.n=50000 -apifuzz.seed=7
//
// or PARTNERKIT_APIFUZZ_N=50000 where flags are awkward (the whole suite).
var (
	apifuzzN    = flag.Int("apifuzz.n", 3000, "requests the API fuzz test sends on each engine")
	apifuzzSeed = flag.Uint64("apifuzz.seed", 20260302, "seed of the API fuzz test's choices")
)

// volatile is what a request may change even when it is refused: the time
// a token or session was last used is written by authentication itself,
// and a wrong password is counted so that guessing is throttled.
var volatile = []string{"api_tokens.last_used_at", "sessions.last_seen_at", "sessions.expires_at", "sign_in_failures"}

// TestAPIFuzz sends thousands of bad requests, made from the OpenAPI
// document's description of every operation, to a server on the test
// world, and fails on any answer that breaks the API's promises:
//
//   - no 5xx, whatever the input;
//   - every error is application/problem+json with an errors list;
//   - a refused request (4xx), and any GET, leaves every stored row as it
//     was — checked on a digest of the whole database after each request,
//     so a partial write before the refusal cannot hide;
//   - another partnership's records are not found (404), from our
//     partnership or theirs, even when the request is otherwise good;
//   - a body that refers to another partnership's record never succeeds.
func TestAPIFuzz(t *testing.T) {
	n := *apifuzzN
	if v, err := strconv.Atoi(os.Getenv("PARTNERKIT_APIFUZZ_N")); err == nil && v > 0 {
		n = v
	}
	if testing.Short() {
		n /= 10
	}
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		e := newEnv(t, w)
		theirs := othersParams(t, e)
		ops, doc := fetchOperations(t, e)
		if len(ops) < 50 {
			t.Fatalf("openapi.json lists %d operations; expected the whole API", len(ops))
		}
		ours := map[string]string{}
		for k, v := range dummyParams {
			ours[k] = v
		}
		for k, v := range e.Params {
			ours[k] = v
		}
		for _, op := range ops {
			for _, p := range op.Params {
				if _, ok := ours[p]; !ok {
					t.Fatalf("%s: no test fixture for {%s}; add one to the test world's Params", op, p)
				}
			}
		}
		seed := *apifuzzSeed
		g := &fuzzGen{rnd: rand.New(rand.NewPCG(seed, seed)), doc: doc, ours: ours, theirs: theirs, methods: map[string][]string{}}
		for _, op := range ops {
			g.methods[op.Pattern] = append(g.methods[op.Pattern], op.Method)
		}
		snap := sqldbtest.NewSnapshotter(t, db, volatile...)
		state := snap.Take(t)
		failures := map[string]int{}
		statuses := map[int]int{}
		for i := range n {
			r := g.request(ops[i%len(ops)])
			res := e.send(t, r, r.Path)
			statuses[res.Status]++
			var twin response
			if r.Twin != "" {
				twin = e.send(t, r, r.Twin)
			}
			now := snap.Take(t)
			for _, f := range fuzzVerdict(r, res, twin, state, now) {
				key := r.Op.String() + ": " + f
				if failures[key]++; failures[key] == 1 {
					t.Errorf("%s %.200s as %s (%s): %s\n\tbody %.200q\n\tanswer %d %s %.300s",
						r.Method, r.Path, r.Role, r.Case, f, r.Body, res.Status, res.Header.Get("Content-Type"), res.Body)
				}
			}
			state = now
		}
		for _, key := range slices.Sorted(maps.Keys(failures)) {
			if failures[key] > 1 {
				t.Logf("%d times: %s", failures[key], key)
			}
		}
		t.Logf("%d requests over %d operations (seed %d); answers by status: %v", n, len(ops), seed, statuses)
		// The run must not have taken the partnership from its coordinator
		// or archived it: every request after that would have tested less
		// than it claims.
		res := e.do(t, "coordinator", "GET", "/api/v1/partnerships/"+e.Partnership.ID, nil)
		var p struct {
			MyRole   string `json:"my_role"`
			Archived bool   `json:"archived"`
		}
		if json.Unmarshal([]byte(res.Body), &p); res.Status != http.StatusOK || p.MyRole != "coordinator" || p.Archived {
			t.Errorf("after the run the coordinator reads their partnership: %d %.300s", res.Status, res.Body)
		}
	})
}

// fuzzVerdict lists what is wrong with the answer to a fuzz request.
func fuzzVerdict(r fuzzRequest, res, twin response, before, after sqldbtest.State) []string {
	var out []string
	if res.Status >= 500 {
		out = append(out, fmt.Sprintf("answered %d", res.Status))
	}
	if res.Status >= 400 {
		mt, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
		var p struct {
			Errors []struct {
				Field   *string `json:"field"`
				Message string  `json:"message"`
			} `json:"errors"`
		}
		switch err := json.Unmarshal([]byte(res.Body), &p); {
		case mt != "application/problem+json":
			out = append(out, "an error that is not application/problem+json")
		case err != nil || p.Errors == nil:
			out = append(out, "a problem without an errors list")
		}
	}
	if res.Status >= 400 || r.Method == "GET" {
		changed := before.Changed(after)
		if res.Status < 400 {
			// Exports are audited: a read that answers may log that it did.
			changed = slices.DeleteFunc(changed, func(t string) bool { return t == "audit_log" })
		}
		if len(changed) > 0 {
			out = append(out, fmt.Sprintf("stored state changed (%s) after a %s that answered %d",
				strings.Join(changed, ", "), map[bool]string{true: "read", false: "refused request"}[r.Method == "GET"], res.Status))
		}
	}
	if r.MustRefuse && res.Status < 400 {
		out = append(out, fmt.Sprintf("a body with %s was accepted (%d)", r.Case, res.Status))
	}
	if r.Method != r.Op.Method && res.Status < 400 {
		out = append(out, fmt.Sprintf("a method the path does not have answered %d", res.Status))
	}
	if r.Foreign != "" {
		if f := foreignAnswer(r, res, twin); f != "" {
			out = append(out, f)
		}
	}
	if r.ForeignInBody && res.Status < 300 {
		out = append(out, fmt.Sprintf("a reference to another partnership's record was accepted (%d)", res.Status))
	}
	return out
}

// send sends a fuzz request as its role, with its bytes exactly.
func (e *env) send(t *testing.T, r fuzzRequest, path string) response {
	t.Helper()
	var body io.Reader
	if r.Body != nil {
		body = bytes.NewReader(r.Body)
	}
	req, err := http.NewRequest(r.Method, e.HTTP.URL+path, body)
	if err != nil {
		t.Fatalf("%s (%s): %v", r.Path, r.Case, err)
	}
	if r.ContentType != "" {
		req.Header.Set("Content-Type", r.ContentType)
	}
	if r.Role != "" {
		req.Header.Set("Authorization", "Bearer "+e.tokens[r.Role])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s (%s): %v", r.Method, r.Path, r.Case, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return response{Status: res.StatusCode, Header: res.Header, Body: string(b)}
}

// foreignAnswer says what is wrong with the answer to a request that names
// another partnership's record (or that partnership): whoever asks, it must
// be refused exactly as the same request naming a record that does not
// exist — a 404 for a good request, a 403 for a role below the
// operation's, a 422 for a body the operation refuses whatever it names —
// so that nothing can be learned of other partnerships. Organisations
// are not a partnership's: their profiles are a directory every signed-in
// person may read, the rest is for their own people.
func foreignAnswer(r fuzzRequest, res, twin response) string {
	if strings.HasPrefix(r.Op.Pattern, "/api/v1/organisations/") {
		if r.Op.Method == "GET" && r.Op.Pattern == "/api/v1/organisations/{oid}" || res.Status >= 400 {
			return ""
		}
		return fmt.Sprintf("another's organisation answered %d", res.Status)
	}
	if res.Status < 400 {
		return fmt.Sprintf("another partnership's record answered %d, want 404", res.Status)
	}
	if res.Status != twin.Status || withoutRequestID(res.Body) != withoutRequestID(twin.Body) {
		return fmt.Sprintf("another partnership's record answered %d, a record that does not exist %d %.300s", res.Status, twin.Status, twin.Body)
	}
	if r.Op.Body == nil && !r.Op.Multipart && r.Role == "coordinator" && res.Status != http.StatusNotFound {
		return fmt.Sprintf("another partnership's record answered %d, want 404", res.Status)
	}
	return ""
}

// withoutRequestID drops the one part of a problem that differs between
// two requests.
func withoutRequestID(body string) string {
	var p map[string]any
	if json.Unmarshal([]byte(body), &p) != nil {
		return body
	}
	delete(p, "request_id")
	b, _ := json.Marshal(p)
	return string(b)
}
