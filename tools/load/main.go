// Command load measures how many requests per second a running Partnerkit
// answers, and how fast (median and 95th percentile), for a few pages and
// API calls. It signs in (or uses an API token), then keeps C workers busy
// for D seconds per path. It only talks to loopback addresses, and stops by
// itself.
//
//	go run ./tools/load --base http://127.0.0.1:8080 --email amina@demo.partnerkit.example \
//	    --password partnerkit-demo --duration 10s --concurrency 8 /p/{pid} /api/v1/partnerships
//
// "{pid}" in a path is replaced by the first partnership of the user.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync"
	"time"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "Partnerkit address (loopback only)")
	email := flag.String("email", "amina@demo.partnerkit.example", "user to sign in as")
	password := flag.String("password", "partnerkit-demo", "password")
	duration := flag.Duration("duration", 10*time.Second, "how long to load each path (at most 2m)")
	concurrency := flag.Int("concurrency", 8, "parallel requests")
	flag.Parse()
	if err := run(*base, *email, *password, min(*duration, 2*time.Minute), *concurrency, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

func run(base, email, password string, d time.Duration, c int, paths []string) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return errors.New("only loopback addresses may be loaded")
	}
	if len(paths) == 0 {
		paths = []string{"/p/{pid}", "/api/v1/partnerships"}
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Transport: &http.Transport{MaxIdleConnsPerHost: c * 2}, Timeout: 30 * time.Second}
	res, err := client.PostForm(base+"/signin", url.Values{"email": {email}, "password": {password}})
	if err != nil {
		return err
	}
	res.Body.Close()
	res, err = client.Get(base + "/api/v1/partnerships?limit=1")
	if err != nil {
		return err
	}
	var list struct {
		Items []struct{ ID string } `json:"items"`
	}
	json.NewDecoder(res.Body).Decode(&list)
	res.Body.Close()
	if len(list.Items) == 0 {
		return errors.New("sign-in failed or the user has no partnership")
	}
	pid := list.Items[0].ID
	fmt.Printf("%-40s %10s %10s %10s %8s\n", "path", "req/s", "p50 ms", "p95 ms", "errors")
	for _, p := range paths {
		p = strings.ReplaceAll(p, "{pid}", pid)
		rps, p50, p95, errs := load(client, base+p, d, c)
		fmt.Printf("%-40s %10.0f %10.1f %10.1f %8d\n", p, rps, p50, p95, errs)
	}
	return nil
}

func load(client *http.Client, target string, d time.Duration, c int) (rps, p50, p95 float64, errs int) {
	var mu sync.Mutex
	var lat []time.Duration
	stop := time.Now().Add(d)
	var wg sync.WaitGroup
	for i := 0; i < c; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			bad := 0
			for time.Now().Before(stop) {
				t0 := time.Now()
				res, err := client.Get(target)
				if err != nil {
					bad++
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if res.StatusCode != 200 {
					bad++
				}
				mine = append(mine, time.Since(t0))
			}
			mu.Lock()
			lat = append(lat, mine...)
			errs += bad
			mu.Unlock()
		}()
	}
	wg.Wait()
	if len(lat) == 0 {
		return 0, 0, 0, errs
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(q float64) float64 { return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) / 1000 }
	return float64(len(lat)) / d.Seconds(), ms(0.5), ms(0.95), errs
}
