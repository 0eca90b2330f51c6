package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync/atomic"
	"time"
)

// ids are the records the mixes work on, found through the API.
type ids struct {
	pid, mapID, actor, meeting, proposal, task, indicator string
	mapActors                                             int
	mapActorIDs                                           []string
	// tasks and their versions, indicators: the write mix takes turns.
	tasks      []*task
	indicators []string
}

type task struct {
	id      string
	version atomic.Int64
}

// call sends one request and decodes a JSON answer into v.
func (s *session) call(method, path, body string, v any, api bool) error {
	req, err := s.request(context.Background(), method, path, body, api)
	if err != nil {
		return err
	}
	req.Header.Del("Accept-Encoding")
	res, err := s.client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %d %.200s", method, path, res.StatusCode, b)
	}
	if v == nil {
		return nil
	}
	return json.Unmarshal(b, v)
}

type list struct {
	Items []map[string]any `json:"items"`
}

func (s *session) list(path string) ([]map[string]any, error) {
	var l list
	err := s.call("GET", path, "", &l, true)
	return l.Items, err
}

func str(m map[string]any, k string) string { v, _ := m[k].(string); return v }

// discover finds the partnership with the most actors on a map, that map,
// and an open proposal, a meeting that was held, a task and an indicator.
func (s *session) discover() (ids, error) {
	var out ids
	ps, err := s.list("/api/v1/partnerships")
	if err != nil || len(ps) == 0 {
		return out, fmt.Errorf("no partnership to measure (%v)", err)
	}
	for _, p := range ps {
		api := "/api/v1/partnerships/" + str(p, "id")
		maps, err := s.list(api + "/maps")
		if err != nil {
			return out, err
		}
		for _, m := range maps {
			if n, _ := m["actors"].(float64); int(n) > out.mapActors || out.mapID == "" {
				out.pid, out.mapID, out.mapActors = str(p, "id"), str(m, "id"), int(n)
			}
		}
	}
	if out.pid == "" {
		out.pid = str(ps[0], "id")
	}
	api := "/api/v1/partnerships/" + out.pid
	actors, err := s.list(api + "/actors?limit=50")
	if err != nil || len(actors) == 0 {
		return out, fmt.Errorf("no actors (%v)", err)
	}
	out.actor = str(actors[0], "id")
	for _, a := range actors {
		out.mapActorIDs = append(out.mapActorIDs, str(a, "id"))
	}
	meetings, err := s.list(api + "/meetings")
	if err != nil {
		return out, err
	}
	for _, m := range meetings {
		if out.meeting == "" || str(m, "minutes_status") == "approved" {
			out.meeting = str(m, "id")
		}
		if str(m, "minutes_status") == "approved" {
			break
		}
	}
	// An open proposal the coordinator may vote on (a seat in its body).
	props, err := s.list(api + "/proposals")
	if err != nil {
		return out, err
	}
	for _, p := range props {
		if str(p, "status") != "open" || str(p, "method") != "gradients" {
			continue
		}
		if out.proposal == "" {
			out.proposal = str(p, "id")
		}
		if s.call("POST", api+"/proposals/"+str(p, "id")+"/ballots", `{"choice":"endorse"}`, nil, true) == nil {
			out.proposal = str(p, "id")
			break
		}
	}
	tasks, err := s.list(api + "/tasks?limit=100")
	if err != nil || len(tasks) == 0 {
		return out, fmt.Errorf("no tasks (%v)", err)
	}
	out.task = str(tasks[0], "id")
	for _, t := range tasks {
		x := &task{id: str(t, "id")}
		v, _ := t["version"].(float64)
		x.version.Store(int64(v))
		out.tasks = append(out.tasks, x)
	}
	inds, err := s.list(api + "/indicators")
	if err != nil || len(inds) == 0 {
		return out, fmt.Errorf("no indicators (%v)", err)
	}
	out.indicator = str(inds[0], "id")
	for _, ind := range inds {
		out.indicators = append(out.indicators, str(ind, "id"))
	}
	return out, nil
}

// readMix is every page of the list, each beside its API twin.
func readMix(x ids) []route {
	p, api := "/p/"+x.pid, "/api/v1/partnerships/"+x.pid
	page := func(name, path string) route { return route{name: name, method: "GET", path: path} }
	twin := func(name, path string) route { return route{name: name, method: "GET", path: path, api: true} }
	return []route{
		page("overview", p), twin("overview api", api+"/dashboard"),
		page("actor register", p+"/actors"), twin("actor register api", api+"/actors?limit=50"),
		page("actor", p+"/actors/"+x.actor), twin("actor api", api+"/actors/"+x.actor),
		page("power map", p+"/maps/"+x.mapID+"/powermap"), twin("power map api", api+"/maps/"+x.mapID+"/powermap"),
		page("spectrum", p+"/maps/"+x.mapID+"/spectrum"), twin("spectrum api", api+"/maps/"+x.mapID+"/spectrum"),
		page("network", p+"/network"), twin("network api", api+"/network"),
		page("tasks", p+"/tasks"), twin("tasks api", api+"/tasks"),
		page("meeting", p+"/meetings/"+x.meeting), twin("meeting api", api+"/meetings/"+x.meeting+"/attendance"),
		page("proposal", p+"/decisions/proposals/"+x.proposal), twin("proposal api", api+"/proposals/"+x.proposal),
		page("report", p+"/report"), twin("report api", api+"/report"),
	}
}

// writeMix is the writes people make most: an assessment on the map, a
// ballot, a task's status, an indicator's measurement (all through the API).
func writeMix(x ids) []route {
	api := "/api/v1/partnerships/" + x.pid
	statuses := []string{"doing", "todo"}
	choices := []string{"endorse", "agree_minor", "support_reservations"}
	day := time.Now().UTC()
	return []route{
		{name: "assess (write)", method: "POST", path: api + "/maps/" + x.mapID + "/assessments", api: true, body: func(i int64) string {
			return fmt.Sprintf(`{"actor":%q,"support":%d,"influence":%d}`, x.mapActorIDs[i%int64(len(x.mapActorIDs))], i%5-2, 1+i%5)
		}},
		{name: "ballot (write)", method: "POST", path: api + "/proposals/" + x.proposal + "/ballots", api: true, body: func(i int64) string {
			return fmt.Sprintf(`{"choice":%q}`, choices[i%int64(len(choices))])
		}},
		// Each request moves another task (the clients take turns over a
		// hundred), sending the version its last answer gave.
		{name: "task status (write)", method: "POST", api: true,
			at: func(i int64) string { return api + "/tasks/" + x.tasks[i%int64(len(x.tasks))].id + "/status" },
			body: func(i int64) string {
				t := x.tasks[i%int64(len(x.tasks))]
				return fmt.Sprintf(`{"status":%q,"version":%d}`, statuses[(i/int64(len(x.tasks)))%2], t.version.Load())
			},
			observe: func(i int64, answer []byte) {
				var v struct{ Version int64 }
				if json.Unmarshal(answer, &v) == nil && v.Version > 0 {
					x.tasks[i%int64(len(x.tasks))].version.Store(v.Version)
				}
			}},
		// An indicator keeps at most 500 results and one a day: the
		// measurements go round every indicator, each round a day earlier.
		{name: "measurement (write)", method: "POST", api: true,
			at: func(i int64) string {
				return api + "/indicators/" + x.indicators[i%int64(len(x.indicators))] + "/measurements"
			},
			body: func(i int64) string {
				round := int(i / int64(len(x.indicators)))
				return fmt.Sprintf(`{"date":%q,"value":%d}`, day.AddDate(0, 0, -round).Format("2006-01-02"), 10+i%90)
			}},
	}
}
