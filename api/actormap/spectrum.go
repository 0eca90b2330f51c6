package actormap

import (
	"net/http"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/svgtext"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/mapview"
	"github.com/partnerkit/partnerkit/spectrum"
)

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
	// ActorsCut says the map holds more than MaxMapActors actors and only
	// the first by name are counted here.
	ActorsCut bool `json:"actors_cut"`
}

func (h *Handlers) registerSpectrum(a *api.API) {
	const tag = "maps"
	a.Route("GET", mapPath+"/spectrum", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "The Spectrum of Allies: actors per segment (?at=YYYY-MM-DD as it stood; ?since= adds moves)", Tag: tag,
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
			m, err := h.Maps.Map(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			pl, err := h.Maps.PositionList(r.Context(), pid, mid, at)
			if err != nil {
				return nil, err
			}
			pos := pl.Positions
			out := Spectrum{Map: m, At: q.Get("at"), Segments: map[string]SpectrumSegment{}, ActorsCut: pl.Cut}
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
				if out.Moves, err = h.Maps.Moves(r.Context(), pid, mid, since); err != nil {
					return nil, err
				}
				out.Moves = api.NonNil(out.Moves)
			}
			return out, nil
		})
	a.Route("GET", mapPath+"/spectrum.svg", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "The Spectrum of Allies drawn as SVG (?at=YYYY-MM-DD)", Tag: tag,
		Raw: "image/svg+xml", Query: []string{"at"}},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			at, err := mapview.ParseDay("at", r.URL.Query().Get("at"), true)
			if err != nil {
				return nil, err
			}
			pos, err := h.Maps.Positions(r.Context(), pid, mid, at)
			if err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "image/svg+xml", Body: spectrum.SVG(mapview.SpectrumGroups(pos), a.T(r), svgtext.Direction(i18n.Dir(api.Language(r))))}, nil
		})
	a.Route("GET", mapPath+"/spectrum/history.svg", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "Actors per segment over time, monthly, as an SVG chart", Tag: tag,
		Raw: "image/svg+xml"},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			tl, err := h.Maps.TimelineList(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			return api.Raw{ContentType: "image/svg+xml", Body: mapview.SpectrumChart(tl.Assessments, mapview.ChartEnd(tl, h.Now().UTC()), a.T(r), svgtext.Direction(i18n.Dir(api.Language(r))), a.Bundle.Localizer(api.Language(r)).ShortDate)}, nil
		})
}
