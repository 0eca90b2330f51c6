package server_test

import (
	"fmt"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Lists grown past their maxima through the services, as people would grow
// them: the maps, a map's tactics, a prospect's history, the self-analysis
// and the tags offered for filtering each say on their page that they
// were cut, and the API lists say items_cut.
func TestListPagesSayWhenCut(t *testing.T) {
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	pid := e.Partnership.ID
	coord, member := e.Coordinator.Ctx, e.Member.Ctx
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	says := func(path, text string, want bool) {
		t.Helper()
		res := e.do(t, "member", "GET", path, nil)
		if res.Status != 200 || strings.Contains(res.Body, text) != want {
			t.Errorf("%s (%d): saying %q is %v, want %v", path, res.Status, text, !want, want)
		}
	}
	itemsCut := func(path string, want bool) {
		t.Helper()
		var l struct {
			ItemsCut bool `json:"items_cut"`
		}
		decode(t, e.do(t, "member", "GET", path, nil), &l)
		if l.ItemsCut != want {
			t.Errorf("%s: items_cut %v, want %v", path, l.ItemsCut, want)
		}
	}
	api := "/api/v1/partnerships/" + pid

	// Maps.
	mapsCut := fmt.Sprintf("Only the %d newest maps", pk.MaxMaps)
	says("/p/"+pid+"/maps", mapsCut, false)
	itemsCut(api+"/maps", false)
	ms, err := e.DB.Maps.Maps(member, pid)
	must(err)
	for i := len(ms); i <= pk.MaxMaps; i++ {
		_, err := e.DB.Maps.CreateMap(member, pid, pk.MapInput{Title: fmt.Sprintf("Campaign %03d", i)})
		must(err)
	}
	says("/p/"+pid+"/maps", mapsCut, true)
	itemsCut(api+"/maps", true)

	// Tactics of one map.
	f := e.Maps()
	spectrum := "/p/" + pid + "/maps/" + f.Map.ID + "/spectrum"
	tacticsCut := fmt.Sprintf("Only the first %d tactics", pk.MaxMapTactics)
	says(spectrum, tacticsCut, false)
	itemsCut(api+"/maps/"+f.Map.ID+"/tactics", false)
	ts, err := e.DB.Maps.Tactics(coord, pid, f.Map.ID)
	must(err)
	for i := len(ts); i <= pk.MaxMapTactics; i++ {
		_, err := e.DB.Maps.CreateTactic(member, pid, f.Map.ID, pk.TacticInput{ActorID: f.Actors["City Council"], Title: fmt.Sprintf("Letter %04d", i)})
		must(err)
	}
	says(spectrum, tacticsCut, true)
	says("/p/"+pid+"/maps/"+f.Map.ID, tacticsCut, true)
	itemsCut(api+"/maps/"+f.Map.ID+"/tactics", true)

	// A prospect's history.
	x := e.Playbook().Prospect
	prospect := "/p/" + pid + "/prospects/" + x.ID
	historyCut := fmt.Sprintf("Only the latest %d changes", pk.MaxProspectHistory)
	says(prospect, historyCut, false)
	itemsCut(api+"/prospects/"+x.ID+"/history", false)
	h, err := e.DB.Prospects.ProspectHistory(member, pid, x.ID)
	must(err)
	status := []string{pk.ProspectPaused, pk.ProspectAgreed}
	for i := range pk.MaxProspectHistory + 1 - len(h) {
		x, err = e.DB.Prospects.SetProspectStatus(member, pid, x.ID, pk.ProspectStatusInput{Status: status[i%2], Note: "Waiting for their board", Version: x.Version})
		must(err)
	}
	says(prospect, historyCut, true)
	itemsCut(api+"/prospects/"+x.ID+"/history", true)

	// The self-analysis.
	selfAnalysis := "/p/" + pid + "/self-analysis"
	saCut := fmt.Sprintf("Only the latest %d contributions", pk.MaxSelfAnalysisEntries)
	says(selfAnalysis, saCut, false)
	sa, err := e.DB.Preparation.SelfAnalysis(member, pid)
	must(err)
	have := 0
	for _, s := range sa.Sections {
		have += len(s.Entries)
	}
	var section string
	for _, s := range sa.Sections {
		if s.Kind != "yes_no" {
			section = s.ID
			break
		}
	}
	for i := have; i <= pk.MaxSelfAnalysisEntries; i++ {
		_, err := e.DB.Preparation.AddSelfAnalysis(member, pid, pk.SelfAnalysisInput{Section: section, Text: fmt.Sprintf("Strength %04d", i)})
		must(err)
	}
	says(selfAnalysis, saCut, true)

	// Tags offered for filtering the register; a tag past the cut stays
	// chosen when the filter asks for it.
	actors := "/p/" + pid + "/actors"
	tagsCut := fmt.Sprintf("Only the first %d tags", pk.MaxTagChoices)
	says(actors, tagsCut, false)
	for i := 0; i*pk.MaxActorTags <= pk.MaxTagChoices; i++ {
		var tags []string
		for j := range pk.MaxActorTags {
			tags = append(tags, fmt.Sprintf("t%03d-%02d", i, j))
		}
		_, err := e.DB.Actors.CreateActor(member, pid, pk.ActorInput{Name: fmt.Sprintf("Tagged %03d", i), Kind: "group", Tags: tags})
		must(err)
	}
	says(actors, tagsCut, true)
	last := fmt.Sprintf("t%03d-%02d", pk.MaxTagChoices/pk.MaxActorTags, pk.MaxActorTags-1)
	says(actors+"?tag="+last, `<option value="`+last+`" selected>`, true)
}
