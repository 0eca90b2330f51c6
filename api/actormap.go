package api

import (
	"net/http"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/mapview"
	"github.com/partnerkit/partnerkit/powermap"
	"github.com/partnerkit/partnerkit/spectrum"
)

type mapBody struct {
	Title     string `json:"title"`
	Objective string `json:"objective"`
	Shared    bool   `json:"shared,omitempty"`
}

// mapPatchBody changes only the fields it carries.
type mapPatchBody struct {
	Title     *string `json:"title,omitempty"`
	Objective *string `json:"objective,omitempty"`
	Shared    *bool   `json:"shared,omitempty"`
	Version   int     `json:"version"`
}

type assessmentBody struct {
	Actor     string `json:"actor"`
	Support   *int   `json:"support"`
	Influence int    `json:"influence"`
	Interest  int    `json:"interest,omitempty"`
	Note      string `json:"note,omitempty"`
}

type tacticBody struct {
	Actor       string `json:"actor"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Status      string `json:"status,omitempty"`
	Due         string `json:"due,omitempty"`
	Owner       string `json:"owner,omitempty"`
	Version     int    `json:"version,omitempty"`
}

// tacticPatchBody changes only the fields it carries.
type tacticPatchBody struct {
	Actor       *string `json:"actor,omitempty"`
	Title       *string `json:"title,omitempty"`
	Description *string `json:"description,omitempty"`
	Status      *string `json:"status,omitempty"`
	Due         *string `json:"due,omitempty"`
	Owner       *string `json:"owner,omitempty"`
	Version     int     `json:"version"`
}

func (b tacticPatchBody) apply(t *pk.Tactic) pk.TacticInput {
	in := pk.TacticInput{ActorID: t.ActorID, Title: t.Title, Description: t.Description, Status: t.Status, OwnerID: t.OwnerID, Version: b.Version}
	if t.Due != nil {
		in.Due = t.Due.Format("2006-01-02")
	}
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&in.ActorID, b.Actor)
	set(&in.Title, b.Title)
	set(&in.Description, b.Description)
	set(&in.Status, b.Status)
	set(&in.Due, b.Due)
	set(&in.OwnerID, b.Owner)
	return in
}

func (b tacticBody) input() pk.TacticInput {
	return pk.TacticInput{ActorID: b.Actor, Title: b.Title, Description: b.Description, Status: b.Status, Due: b.Due,
		OwnerID: b.Owner, Version: b.Version}
}

// PowerMapActor is one actor on the power map.
type PowerMapActor struct {
	ID             string            `json:"id"`
	Name           string            `json:"name"`
	Kind           string            `json:"kind"`
	Support        int               `json:"support"`
	Influence      int               `json:"influence"`
	Interest       int               `json:"interest"`
	Strategy       powermap.Strategy `json:"strategy"`
	NotFirstTarget bool              `json:"not_first_target"`
	AssessedAt     time.Time         `json:"assessed_at"`
}

// PowerMap is a map's actors by influence and support, with the lines
// between them when asked for (?lines=1).
type PowerMap struct {
	Map    *pk.Map         `json:"map"`
	Actors []PowerMapActor `json:"actors"`
	Lines  []*pk.MapLine   `json:"lines,omitempty"`
}

// SpectrumActor is an actor in a segment.
type SpectrumActor struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// SpectrumSegment is one segment with its actors.
type SpectrumSegment struct {
	Count  int             `json:"count"`
	Actors []SpectrumActor `json:"actors"`
}

// Spectrum is the Spectrum of Allies of a map, as it stands or stood.
type Spectrum struct {
	Map *pk.Map `json:"map"`
	// At is the date asked for with ?at=, if any.
	At       string                     `json:"at,omitempty"`
	Segments map[string]SpectrumSegment `json:"segments"`
	// Moves since ?since= (only when it is given).
	Moves []*pk.Move `json:"moves,omitempty"`
}

func (a *API) registerMaps() {
	const tag = "maps"
	mapPath := "/partnerships/{pid}/maps/{mid}"
	ids := func(r *http.Request) (string, string) { return r.PathValue("pid"), r.PathValue("mid") }
	tr := func(r *http.Request) func(string, ...any) string { return a.Bundle.Localizer(language(r)).T }

	a.route("GET", "/partnerships/{pid}/maps", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "Maps of actors (observers: shared maps only)", Tag: tag,
		Response: pk.Map{}, List: true},
		func(r *http.Request) (any, error) {
			ms, err := a.DB.Maps(r.Context(), r.PathValue("pid"))
			return List[*pk.Map]{Items: nonNil(ms)}, err
		})
	a.route("POST", "/partnerships/{pid}/maps", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Start a map for an objective or campaign", Tag: tag,
		Request: mapBody{}, Response: pk.Map{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b mapBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			m, err := a.DB.CreateMap(r.Context(), r.PathValue("pid"), pk.MapInput{Title: b.Title, Objective: b.Objective, Shared: b.Shared})
			return Created{m}, err
		})
	a.route("GET", mapPath, httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "A map", Tag: tag, Response: pk.Map{}},
		func(r *http.Request) (any, error) { pid, mid := ids(r); return a.DB.Map(r.Context(), pid, mid) })
	a.route("PATCH", mapPath, httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Change a map; sharing it with observers needs a coordinator", Tag: tag,
		Request: mapPatchBody{}, Response: pk.Map{}},
		func(r *http.Request) (any, error) {
			var b mapPatchBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			m, err := a.DB.Map(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			in := pk.MapInput{Title: m.Title, Objective: m.Objective, Shared: m.Shared, Version: b.Version}
			if b.Title != nil {
				in.Title = *b.Title
			}
			if b.Objective != nil {
				in.Objective = *b.Objective
			}
			if b.Shared != nil {
				in.Shared = *b.Shared
			}
			return a.DB.UpdateMap(r.Context(), pid, mid, in)
		})
	a.route("DELETE", mapPath, httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Delete a map with its assessments and tactics (its version in If-Match or the body)", Tag: tag,
		Request: versionBody{}},
		func(r *http.Request) (any, error) {
			v, err := mapDeleteVersion(r)
			if err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			return nil, a.DB.DeleteMap(r.Context(), pid, mid, v)
		})

	a.route("GET", mapPath+"/assessments", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "Assessments, newest first (history; ?actor= for one actor)", Tag: tag,
		Response: pk.Assessment{}, List: true, Query: []string{"actor", "limit", "cursor"}},
		func(r *http.Request) (any, error) {
			p, err := page(r)
			if err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			as, next, err := a.DB.Assessments(r.Context(), pid, mid, r.URL.Query().Get("actor"), p)
			return List[*pk.Assessment]{Items: nonNil(as), NextCursor: next}, err
		})
	a.route("POST", mapPath+"/assessments", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Assess an actor (a new assessment; earlier ones stay as history)", Tag: tag,
		Request: assessmentBody{}, Response: pk.Assessment{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b assessmentBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			in := pk.AssessmentInput{ActorID: b.Actor, Influence: b.Influence, Interest: b.Interest, Note: b.Note}
			if b.Support == nil {
				in.Support = pk.MaxSupport + 1 // missing: rejected by validation, after authorisation
			} else {
				in.Support = *b.Support
			}
			pid, mid := ids(r)
			x, err := a.DB.AddAssessment(r.Context(), pid, mid, in)
			return Created{x}, err
		})

	a.route("GET", mapPath+"/powermap", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "The power map: each actor's support, influence and engagement strategy", Tag: tag,
		Response: PowerMap{}, Query: []string{"lines"}},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			m, err := a.DB.Map(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			pos, err := a.DB.Positions(r.Context(), pid, mid, time.Time{})
			if err != nil {
				return nil, err
			}
			out := PowerMap{Map: m, Actors: make([]PowerMapActor, 0, len(pos))}
			for _, x := range pos {
				out.Actors = append(out.Actors, PowerMapActor{ID: x.ActorID, Name: x.ActorName, Kind: x.ActorKind, Support: x.Support,
					Influence: x.Influence, Interest: x.Interest, Strategy: powermap.StrategyFor(x.Support, x.Influence),
					NotFirstTarget: powermap.NotFirstTarget(x.Support, x.Influence), AssessedAt: x.AssessedAt})
			}
			if r.URL.Query().Get("lines") == "1" {
				if out.Lines, err = a.DB.MapLines(r.Context(), pid, mid); err != nil {
					return nil, err
				}
			}
			return out, nil
		})
	a.route("GET", mapPath+"/powermap.svg", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "The power map drawn as SVG (?lines=1 adds cooperation and conflict)", Tag: tag,
		Raw: "image/svg+xml", Query: []string{"lines"}},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			pos, err := a.DB.Positions(r.Context(), pid, mid, time.Time{})
			if err != nil {
				return nil, err
			}
			var lines []powermap.Line
			if r.URL.Query().Get("lines") == "1" {
				ls, err := a.DB.MapLines(r.Context(), pid, mid)
				if err != nil {
					return nil, err
				}
				lines = mapview.PowerLines(ls)
			}
			return Raw{ContentType: "image/svg+xml", Body: powermap.SVG(mapview.PowerPoints(pos), lines, tr(r))}, nil
		})

	a.route("GET", mapPath+"/spectrum", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "The Spectrum of Allies: actors per segment (?at=YYYY-MM-DD as it stood; ?since= adds moves)", Tag: tag,
		Response: Spectrum{}, Query: []string{"at", "since"}},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			q := r.URL.Query()
			at, err := mapview.ParseDay("at", q.Get("at"), true)
			if err != nil {
				return nil, err
			}
			since, err := mapview.ParseDay("since", q.Get("since"), false)
			if err != nil {
				return nil, err
			}
			m, err := a.DB.Map(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			pos, err := a.DB.Positions(r.Context(), pid, mid, at)
			if err != nil {
				return nil, err
			}
			out := Spectrum{Map: m, At: q.Get("at"), Segments: map[string]SpectrumSegment{}}
			for _, s := range spectrum.Segments {
				out.Segments[s.Key()] = SpectrumSegment{Actors: []SpectrumActor{}}
			}
			for _, x := range pos {
				k := spectrum.SegmentOf(x.Support).Key()
				seg := out.Segments[k]
				seg.Count++
				seg.Actors = append(seg.Actors, SpectrumActor{ID: x.ActorID, Name: x.ActorName, Kind: x.ActorKind})
				out.Segments[k] = seg
			}
			if !since.IsZero() {
				if out.Moves, err = a.DB.Moves(r.Context(), pid, mid, since); err != nil {
					return nil, err
				}
				out.Moves = nonNil(out.Moves)
			}
			return out, nil
		})
	a.route("GET", mapPath+"/spectrum.svg", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "The Spectrum of Allies drawn as SVG (?at=YYYY-MM-DD)", Tag: tag,
		Raw: "image/svg+xml", Query: []string{"at"}},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			at, err := mapview.ParseDay("at", r.URL.Query().Get("at"), true)
			if err != nil {
				return nil, err
			}
			pos, err := a.DB.Positions(r.Context(), pid, mid, at)
			if err != nil {
				return nil, err
			}
			return Raw{ContentType: "image/svg+xml", Body: spectrum.SVG(mapview.SpectrumGroups(pos), tr(r))}, nil
		})
	a.route("GET", mapPath+"/spectrum/history.svg", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "Actors per segment over time, monthly, as an SVG chart", Tag: tag,
		Raw: "image/svg+xml"},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			tl, err := a.DB.Timeline(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			return Raw{ContentType: "image/svg+xml", Body: mapview.SpectrumChart(tl, a.DB.Now().UTC(), tr(r))}, nil
		})

	a.route("GET", mapPath+"/tactics", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "Tactics planned to move actors one step towards us", Tag: tag,
		Response: pk.Tactic{}, List: true},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			ts, err := a.DB.Tactics(r.Context(), pid, mid)
			return List[*pk.Tactic]{Items: nonNil(ts)}, err
		})
	a.route("POST", mapPath+"/tactics", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Plan a tactic for an actor", Tag: tag,
		Request: tacticBody{}, Response: pk.Tactic{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b tacticBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			x, err := a.DB.CreateTactic(r.Context(), pid, mid, b.input())
			return Created{x}, err
		})
	a.route("PATCH", mapPath+"/tactics/{tacid}", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Change a tactic (the fields sent, with its version)", Tag: tag,
		Request: tacticPatchBody{}, Response: pk.Tactic{}},
		func(r *http.Request) (any, error) {
			var b tacticPatchBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			pid, mid, id := r.PathValue("pid"), r.PathValue("mid"), r.PathValue("tacid")
			t, err := a.DB.Tactic(r.Context(), pid, mid, id)
			if err != nil {
				return nil, err
			}
			return a.DB.UpdateTactic(r.Context(), pid, mid, id, b.apply(t))
		})
	a.route("DELETE", mapPath+"/tactics/{tacid}", httpx.RoleFor(pk.ActionEditMaps), httpx.OpDoc{Summary: "Delete a tactic (its version in If-Match or the body)", Tag: tag,
		Request: versionBody{}},
		func(r *http.Request) (any, error) {
			v, err := mapDeleteVersion(r)
			if err != nil {
				return nil, err
			}
			pid, mid := ids(r)
			return nil, a.DB.DeleteTactic(r.Context(), pid, mid, r.PathValue("tacid"), v)
		})
}

// mapDeleteVersion reads the version a deletion is based on: If-Match, or a
// JSON body {"version": n} when there is one.
func mapDeleteVersion(r *http.Request) (int, error) {
	var b versionBody
	if r.ContentLength != 0 && r.Header.Get("If-Match") == "" {
		if err := decode(r, &b); err != nil {
			return 0, err
		}
	}
	return version(r, b.Version)
}
