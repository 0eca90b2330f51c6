package main

import (
	"context"
	"fmt"
	"io"
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
// tie that changes the network's shape (two actors of the map not tied
// before, given a tie through the API), for each of tieDelays, one request
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
		return fmt.Errorf("the map has %d actors; a new tie needs four", n)
	}
	round := time.Now().UnixNano() % 1_000_003 // new pairs on every run of the bench
	for _, delay := range tieDelays {
		var took []string
		for range tieRounds {
			round++
			from, to := x.mapActorIDs[int(round%int64(n))], x.mapActorIDs[int((round*7919+int64(n/2))%int64(n))]
			if from == to {
				to = x.mapActorIDs[int((round+1)%int64(n))]
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
