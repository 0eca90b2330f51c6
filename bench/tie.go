package main

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"time"
)

// tieDelays: how long after a new tie the network page is asked for: at
// once, as a script would, and after the pause a person takes to go from
// the actor they tied back to the network.
var tieDelays = []time.Duration{0, time.Second, 3 * time.Second}

// tieRounds is how many new ties each delay is measured with.
const tieRounds = 3

// firstViewsAfterTies measures the network page's first answer after a new
// tie that changes the network's shape (two actors not tied before, given
// a tie through the API), for each of tieDelays, one request
// at a time: what a coordinator waits for after adding a tie. The page was
// viewed before, as it would have been.
func (s *session) firstViewsAfterTies(x ids, out io.Writer) error {
	page := "/p/" + x.pid + "/network"
	if _, err := s.timed(page); err != nil {
		return err
	}
	fmt.Fprintf(out, "\nthe network page's first answer after a new tie (%d rounds each)\n", tieRounds)
	fmt.Fprintf(out, "%22s  %s\n", "asked for", "answered in (ms)")
	n := len(x.mapActorIDs)
	if n < 4 {
		return fmt.Errorf("the register's first page has %d actors; a new tie needs four", n)
	}
	for _, delay := range tieDelays {
		var took []string
		for range tieRounds {
			from, to, err := s.untiedPair(x)
			if err != nil {
				return err
			}
			body := fmt.Sprintf(`{"from":%q,"to":%q,"type":"cooperates_with"}`, from, to)
			if err := s.call("POST", "/api/v1/partnerships/"+x.pid+"/relationships", body, nil, true); err != nil {
				return err
			}
			time.Sleep(delay)
			d, err := s.timed(page)
			if err != nil {
				return err
			}
			took = append(took, fmt.Sprintf("%.0f", float64(d.Microseconds())/1000))
		}
		fmt.Fprintf(out, "%22s  %v\n", fmt.Sprintf("%s after the tie", delay), took)
	}
	return nil
}

// untiedPair picks two actors of the register's first page that no
// relationship joins yet, so that tying them changes the network's shape (a
// second tie between two actors keeps it, and its measures).
func (s *session) untiedPair(x ids) (string, string, error) {
	for range 20 {
		from := x.mapActorIDs[rand.IntN(len(x.mapActorIDs))]
		ties, err := s.list("/api/v1/partnerships/" + x.pid + "/relationships?actor=" + from + "&limit=200")
		if err != nil {
			return "", "", err
		}
		tied := map[string]bool{from: true}
		for _, t := range ties {
			tied[str(t, "from")], tied[str(t, "to")] = true, true
		}
		for _, i := range rand.Perm(len(x.mapActorIDs)) {
			if to := x.mapActorIDs[i]; !tied[to] {
				return from, to, nil
			}
		}
	}
	return "", "", fmt.Errorf("no two actors of the register's first page are left untied")
}

// timed sends one page request and says how long its whole answer took.
func (s *session) timed(path string) (time.Duration, error) {
	req, err := s.request(context.Background(), "GET", path, "", false)
	if err != nil {
		return 0, err
	}
	began := time.Now()
	res, err := s.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	if _, err := io.Copy(io.Discard, res.Body); err != nil {
		return 0, err
	}
	if res.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("GET %s: %d", path, res.StatusCode)
	}
	return time.Since(began), nil
}
