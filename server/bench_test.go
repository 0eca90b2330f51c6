package server_test

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/network"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Size of the benchmark partnership: a large city-wide coalition's map.
const (
	benchActors        = 2000
	benchRelationships = 10000
	benchAssessments   = 5 // per actor, on one map
)

// benchSeed is a believable large network, the same every run: actors of
// the four kinds, relationships of every type between random pairs (a few
// sensitive), and a history of assessments per actor on one map.
func benchSeed() sqldb.NetworkSeed {
	rng := rand.New(rand.NewPCG(2026, 11))
	s := sqldb.NetworkSeed{MapTitle: "Welcome policy, city-wide"}
	sectors := pk.ActorSectors
	for i := range benchActors {
		s.Actors = append(s.Actors, sqldb.SeedNetworkActor{
			Name:      "Actor " + string(rune('A'+i%26)) + " " + strconv.Itoa(i),
			Kind:      network.Kinds[rng.IntN(len(network.Kinds))],
			Sector:    sectors[rng.IntN(len(sectors))],
			Sensitive: rng.IntN(50) == 0,
		})
	}
	for range benchRelationships {
		from := rng.IntN(benchActors)
		to := rng.IntN(benchActors - 1)
		if to >= from {
			to++
		}
		s.Relationships = append(s.Relationships, sqldb.SeedNetworkRelationship{
			From: from, To: to, Type: network.Types[rng.IntN(len(network.Types))],
			Directed: rng.IntN(3) == 0, Strength: 1 + rng.IntN(3), Sensitive: rng.IntN(50) == 0,
		})
	}
	for range benchAssessments {
		for a := range benchActors {
			s.Assessments = append(s.Assessments, sqldb.SeedNetworkAssessment{Actor: a, Support: rng.IntN(5) - 2, Influence: 1 + rng.IntN(5)})
		}
	}
	return s
}

// BenchmarkPages times the network, power map and spectrum pages and APIs,
// the dashboard and the partnership list on a partnership with 2,000
// actors, 10,000 relationships and 10,000 assessments. Routes another
// module has not registered yet (404) are skipped.
//
//	go test -bench . -run '^$' ./server/
func BenchmarkPages(b *testing.B) {
	for _, engine := range sqldbtest.Engines() {
		b.Run(engine, func(b *testing.B) {
			e := newEnv(b, sqldbtest.OpenWorld(b, engine))
			db := e.DB
			pid := e.Partnership.ID
			seeded, err := sqldb.NewSeeder(db).SeedNetwork(context.Background(), pid, benchSeed())
			if err != nil {
				b.Fatal(err)
			}
			mid := seeded.MapID
			api := "/api/v1/partnerships/" + pid
			cases := []struct{ name, role, path string }{
				{"network_page", "member", "/p/" + pid + "/network"},
				{"network_page_coordinator_map", "coordinator", "/p/" + pid + "/network?map=" + mid},
				{"network_api", "member", api + "/network"},
				{"network_svg", "member", api + "/network.svg"},
				{"network_gexf", "coordinator", api + "/network.gexf?map=" + mid},
				{"powermap_page", "member", "/p/" + pid + "/maps/" + mid + "/powermap"},
				{"powermap_api", "member", api + "/maps/" + mid + "/powermap"},
				{"spectrum_page", "member", "/p/" + pid + "/maps/" + mid + "/spectrum"},
				{"spectrum_api", "member", api + "/maps/" + mid + "/spectrum"},
				{"dashboard_page", "member", "/p/" + pid},
				{"partnerships_api", "member", "/api/v1/partnerships"},
			}
			// Every view of a new network works the measures out afresh; the
			// cases above then time the views that find them kept. Here each
			// request chooses another set of relationship types, so that
			// none is kept.
			// The two leave out different type sets (the page's all leave out
			// the fifth type, the API's never do), so that neither finds what
			// the other computed.
			for _, u := range []struct {
				name, base string
				offset     int
			}{
				{"network_api_uncached", api + "/network?", 0},
				{"network_page_uncached", "/p/" + pid + "/network?", 16},
			} {
				b.Run(u.name, func(b *testing.B) {
					mask := u.offset
					for b.Loop() {
						mask++
						if mask&16 != u.offset {
							b.Fatal("ran out of distinct type sets")
						}
						path := u.base
						for i, t := range network.Types {
							if mask&(1<<i) == 0 {
								path += "type=" + t + "&"
							}
						}
						if res := e.do(b, "member", "GET", path, nil); res.Status != http.StatusOK {
							b.Fatalf("%s: %d", path, res.Status)
						}
					}
				})
			}
			for _, c := range cases {
				b.Run(c.name, func(b *testing.B) {
					res := e.do(b, c.role, "GET", c.path, nil)
					if res.Status == http.StatusNotFound {
						b.Skipf("%s answers 404: not there yet", c.path)
					}
					if res.Status != http.StatusOK {
						b.Fatalf("%s: %d %.300s", c.path, res.Status, res.Body)
					}
					for b.Loop() {
						if res := e.do(b, c.role, "GET", c.path, nil); res.Status != http.StatusOK {
							b.Fatalf("%s: %d", c.path, res.Status)
						}
					}
				})
			}
		})
	}
}
