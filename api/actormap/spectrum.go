package actormap

import (
	"net/http"
	"strconv"

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

// spectrumSegments puts the positions in their segments, every segment
// present.
func spectrumSegments(pos []*pk.Assessment) map[string]SpectrumSegment {
	out := map[string]SpectrumSegment{}
	for _, s := range spectrum.Segments {
		out[s.Key()] = SpectrumSegment{Actors: []SpectrumActor{}}
	}
	for _, x := range pos {
		k := spectrum.SegmentOf(x.Support).Key()
		seg := out[k]
		seg.Count++
		seg.Actors = append(seg.Actors, SpectrumActor{ID: x.ActorID, Name: x.ActorName, Kind: x.ActorKind})
		out[k] = seg
	}
	return out
}

// spectrumAnswer is the spectrum as the API encodes any answer, byte for
// byte: the segments (hundreds of actors) encoded in lang and compressed
// once per kept positions (KeptEncoded; the positions' scope says whose
// sensitive actors they hold and at which date), the map, the date, the
// moves and the cut per request.
func spectrumAnswer(a *api.API, lang string, m *pk.Map, at string, pl *pk.PositionList, moves []*pk.Move) (api.Encoded, error) {
	segments, err := a.KeptEncoded(pl.Kept.Scope, pl.Kept.Version, "spectrum segments", lang, func() (any, error) {
		return spectrumSegments(pl.Positions), nil
	})
	if err != nil {
		return nil, err
	}
	head, err := a.Encode(lang, m)
	if err != nil {
		return nil, err
	}
	// The fields in the order Spectrum declares them.
	open := append([]byte(`{"map":`), head...)
	if at != "" {
		b, err := a.Encode(lang, at)
		if err != nil {
			return nil, err
		}
		open = append(append(open, `,"at":`...), b...)
	}
	open = append(open, `,"segments":`...)
	var end []byte
	if len(moves) > 0 {
		b, err := a.Encode(lang, moves)
		if err != nil {
			return nil, err
		}
		end = append(append(end, `,"moves":`...), b...)
	}
	end = append(end, `,"actors_cut":`+strconv.FormatBool(pl.Cut)+`}`...)
	return api.Encoded{{Raw: open}, segments, {Raw: end}}, nil
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
			var moves []*pk.Move
			if !since.IsZero() {
				if moves, err = h.Maps.Moves(r.Context(), pid, mid, since); err != nil {
					return nil, err
				}
				moves = api.NonNil(moves)
			}
			return spectrumAnswer(a, api.Language(r), m, q.Get("at"), pl, moves)
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
