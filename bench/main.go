// Command bench is Partnerkit's load generator. It signs in as the
// demonstration coordinator, finds the largest map and a meeting, a
// proposal, a task and an indicator to work on, then drives each route of a
// read mix (pages and their API twins) and a write mix (assessments,
// ballots, task updates, measurements) with -c connections for -d each,
// and prints per route the requests per second, the latency percentiles,
// the compressed size of an answer (gzip, or Brotli as browsers ask with
// -encoding "br, gzip") and the ratio to /healthz measured in the same run. With -pid it also reports the server's resident memory.
// The mix tie adds the network page's first answers after new ties, each
// asked for at once and after a pause (firstViewsAfterTies).
//
//	go run ./bench -base http://127.0.0.1:8080 -c 8 -d 10s [-pid PID] [-mix read,write,tie]
//
// bench/run.sh builds the server, loads the large demonstration into a
// fresh data folder, starts it and runs this against it (docs/performance.md).
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/andybalholm/brotli"
)

// route is one thing the bench asks of the server.
type route struct {
	name, method, path string
	api                bool
	// body makes the request body of the i-th request (writes only).
	body func(i int64) string
	// at, when set, makes the i-th request's path instead of path.
	at func(i int64) string
	// observe, when set, reads the i-th request's answer (e.g. a version).
	observe func(i int64, answer []byte)
}

// result is what one route measured.
type result struct {
	route     route
	n, errors int64
	elapsed   time.Duration
	lat       []time.Duration
	bytes     int64 // of one answer, as sent (compressed when the server compresses)
	status    map[int]int64
	rssKB     int64
}

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "the server's address")
	email := flag.String("email", "amina@demo.partnerkit.example", "the demonstration coordinator's email")
	password := flag.String("password", "partnerkit-demo", "their password")
	conns := flag.Int("c", 8, "connections (concurrent clients)")
	dur := flag.Duration("d", 10*time.Second, "how long each route is driven")
	pid := flag.Int("pid", 0, "the server's process ID, to report its resident memory (Linux)")
	mix := flag.String("mix", "read,write", "what to run: read, write or both; tie adds the network page's first answers after new ties")
	only := flag.String("only", "", "run only the routes whose name matches this regular expression")
	encoding := flag.String("encoding", "gzip", `the Accept-Encoding sent: "gzip" as API clients do, "br, gzip" as browsers do (Brotli costs the server more per answer and sends fewer bytes)`)
	flag.Parse()
	if err := run(*base, *email, *password, *conns, *dur, *pid, *mix, *only, *encoding, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(base, email, password string, conns int, dur time.Duration, pid int, mix, only, encoding string, out io.Writer) error {
	base = strings.TrimSuffix(base, "/")
	tr := &http.Transport{MaxIdleConnsPerHost: conns * 2, MaxConnsPerHost: conns * 2, DisableCompression: true}
	s, err := signIn(base, email, password, tr)
	if err != nil {
		return err
	}
	s.encoding = encoding
	ids, err := s.discover()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "partnership %s: map %s (%d actors), actor %s, meeting %s, proposal %s, task %s, indicator %s\n",
		ids.pid, ids.mapID, ids.mapActors, ids.actor, ids.meeting, ids.proposal, ids.task, ids.indicator)
	var routes []route
	if strings.Contains(mix, "read") {
		routes = append(routes, readMix(ids)...)
	}
	if strings.Contains(mix, "write") {
		routes = append(routes, writeMix(ids)...)
	}
	if only != "" {
		re, err := regexp.Compile(only)
		if err != nil {
			return err
		}
		routes = slicesFilter(routes, func(r route) bool { return re.MatchString(r.name) })
	}
	health := route{name: "healthz", method: "GET", path: "/healthz"}
	// The floor is measured before and after the mix; the better of the
	// two is the ratio's denominator, so a warming server does not flatter
	// the pages.
	var results []*result
	floor := s.drive(health, conns, dur, pid)
	for _, r := range routes {
		results = append(results, s.drive(r, conns, dur, pid))
	}
	if again := s.drive(health, conns, dur, pid); again.rps() > floor.rps() {
		floor = again
	}
	report(out, floor, results, conns, dur)
	if strings.Contains(mix, "tie") {
		return s.firstViewsAfterTies(ids, out)
	}
	return nil
}

// session is a signed-in client: a cookie for pages, a token for the API.
type session struct {
	base   string
	client *http.Client
	cookie string
	token  string
	// encoding is the Accept-Encoding of the driven requests.
	encoding string
}

func signIn(base, email, password string, tr *http.Transport) (*session, error) {
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Transport: tr, Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.PostForm(base+"/signin", map[string][]string{"email": {email}, "password": {password}})
	if err != nil {
		return nil, err
	}
	res.Body.Close()
	s := &session{base: base, client: &http.Client{Transport: tr, CheckRedirect: c.CheckRedirect}}
	for _, ck := range res.Cookies() {
		if ck.Name == "pk_session" {
			s.cookie = ck.Value
		}
	}
	if s.cookie == "" {
		return nil, fmt.Errorf("sign-in as %s answered %d without a session (is the demonstration loaded?)", email, res.StatusCode)
	}
	var tok struct{ Token string }
	if err := s.call("POST", "/api/v1/me/tokens", `{"name":"load benchmark"}`, &tok, false); err != nil {
		return nil, fmt.Errorf("token: %w", err)
	}
	s.token = tok.Token
	return s, nil
}

func (s *session) request(ctx context.Context, method, path, body string, api bool) (*http.Request, error) {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, rd)
	if err != nil {
		return nil, err
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept-Encoding", s.encoding)
	if api && s.token != "" {
		req.Header.Set("Authorization", "Bearer "+s.token)
	} else if s.cookie != "" {
		req.AddCookie(&http.Cookie{Name: "pk_session", Value: s.cookie})
	}
	return req, nil
}

// drive sends r's request from conns clients for dur and measures it.
func (s *session) drive(r route, conns int, dur time.Duration, pid int) *result {
	res := &result{route: r, status: map[int]int64{}}
	var mu sync.Mutex
	var seq atomic.Int64
	ctx, cancel := context.WithTimeout(context.Background(), dur)
	defer cancel()
	began := time.Now()
	var wg sync.WaitGroup
	for range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			status := map[int]int64{}
			var size int64
			for ctx.Err() == nil {
				i := seq.Add(1)
				body := ""
				if r.body != nil {
					body = r.body(i)
				}
				path := r.path
				if r.at != nil {
					path = r.at(i)
				}
				req, err := s.request(context.Background(), r.method, path, body, r.api)
				if err != nil {
					status[-1]++
					continue
				}
				t := time.Now()
				resp, err := s.client.Do(req)
				if err != nil {
					status[-1]++
					continue
				}
				var n int64
				if r.observe != nil {
					b, _ := io.ReadAll(resp.Body)
					n = int64(len(b))
					if resp.StatusCode < 300 {
						r.observe(i, decompress(resp, b))
					}
				} else {
					n, _ = io.Copy(io.Discard, resp.Body)
				}
				resp.Body.Close()
				lat = append(lat, time.Since(t))
				status[resp.StatusCode]++
				size = n
			}
			mu.Lock()
			res.lat = append(res.lat, lat...)
			for k, v := range status {
				res.status[k] += v
			}
			if size > 0 {
				res.bytes = size
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(began)
	for code, n := range res.status {
		res.n += n
		if code < 200 || code >= 400 {
			res.errors += n
		}
	}
	if pid > 0 {
		res.rssKB = rss(pid)
	}
	return res
}

func (r *result) rps() float64 { return float64(r.n) / r.elapsed.Seconds() }

func (r *result) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	sort.Slice(r.lat, func(i, j int) bool { return r.lat[i] < r.lat[j] })
	return r.lat[min(len(r.lat)-1, int(p*float64(len(r.lat))))]
}

// rss reads the process's resident set size in KiB from /proc (0 elsewhere).
func rss(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmRSS:")), "%d", &kb)
			return kb
		}
	}
	return 0
}

func report(out io.Writer, floor *result, results []*result, conns int, dur time.Duration) {
	fmt.Fprintf(out, "\n%d connections, %s per route; ratio = requests/s ÷ /healthz's requests/s (%.0f)\n\n", conns, dur, floor.rps())
	w := tabwriter.NewWriter(out, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "route\trequests/s\tratio\tp50 ms\tp95 ms\tp99 ms\tbytes\terrors\tRSS MB\t")
	maxRSS := floor.rssKB
	for _, r := range append([]*result{floor}, results...) {
		maxRSS = max(maxRSS, r.rssKB)
		rssCol := "-"
		if r.rssKB > 0 {
			rssCol = fmt.Sprintf("%.0f", float64(r.rssKB)/1024)
		}
		errs := fmt.Sprint(r.errors)
		if r.errors > 0 {
			errs += " " + statusSummary(r.status)
		}
		fmt.Fprintf(w, "%s\t%.0f\t%.2f\t%.1f\t%.1f\t%.1f\t%d\t%s\t%s\t\n", r.route.name, r.rps(), r.rps()/floor.rps(),
			ms(r.pct(0.50)), ms(r.pct(0.95)), ms(r.pct(0.99)), r.bytes, errs, rssCol)
	}
	w.Flush()
	if maxRSS > 0 {
		fmt.Fprintf(out, "\nserver RSS, highest seen: %.0f MB\n", float64(maxRSS)/1024)
	}
}

func statusSummary(m map[int]int64) string {
	var parts []string
	for code, n := range m {
		if code < 200 || code >= 400 {
			parts = append(parts, fmt.Sprintf("%d×%d", n, code))
		}
	}
	sort.Strings(parts)
	return "(" + strings.Join(parts, ",") + ")"
}

// decompress returns the answer's body uncompressed.
func decompress(res *http.Response, b []byte) []byte {
	var zr io.Reader
	switch res.Header.Get("Content-Encoding") {
	case "gzip":
		r, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return b
		}
		zr = r
	case "br":
		zr = brotli.NewReader(bytes.NewReader(b))
	default:
		return b
	}
	out, _ := io.ReadAll(zr)
	return out
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func slicesFilter(rs []route, keep func(route) bool) []route {
	var out []route
	for _, r := range rs {
		if keep(r) {
			out = append(out, r)
		}
	}
	return out
}
