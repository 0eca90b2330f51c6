package actormap

import (
	"net/http"
	"strconv"
	"time"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/svgtext"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/mapview"
	"github.com/partnerkit/partnerkit/powermap"
)

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
	// ActorsCut and LinesCut say the map holds more than MaxMapActors
	// actors or MaxMapLines lines and only the first are here.
	ActorsCut bool `json:"actors_cut"`
	LinesCut  bool `json:"lines_cut"`
}

func (h *Handlers) registerPowerMap(a *api.API) {
	const tag = "maps"
	a.Route("GET", mapPath+"/powermap", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "The power map: each actor's support, influence and engagement strategy", Tag: tag,
		Response: PowerMap{}, Query: []string{"lines"}},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			m, err := h.Maps.Map(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			pl, err := h.Maps.PositionList(r.Context(), pid, mid, time.Time{})
			if err != nil {
				return nil, err
			}
			if r.URL.Query().Get("lines") != "1" {
				return powerMapAnswer(a, api.Language(r), m, pl)
			}
			out := PowerMap{Map: m, Actors: powerMapActors(pl), ActorsCut: pl.Cut}
			ls, err := h.Maps.MapLineList(r.Context(), pid, mid)
			if err != nil {
				return nil, err
			}
			out.Lines, out.LinesCut = ls.Lines, ls.Cut
			return out, nil
		})
	a.Route("GET", mapPath+"/powermap.svg", httpx.RoleFor(pk.ActionViewMaps), httpx.OpDoc{Summary: "The power map drawn as SVG (?lines=1 adds cooperation and conflict)", Tag: tag,
		Raw: "image/svg+xml", Query: []string{"lines"}},
		func(r *http.Request) (any, error) {
			pid, mid := ids(r)
			pos, err := h.Maps.Positions(r.Context(), pid, mid, time.Time{})
			if err != nil {
				return nil, err
			}
			var lines []powermap.Line
			if r.URL.Query().Get("lines") == "1" {
				ls, err := h.Maps.MapLines(r.Context(), pid, mid)
				if err != nil {
					return nil, err
				}
				lines = mapview.PowerLines(ls)
			}
			return api.Raw{ContentType: "image/svg+xml", Body: powermap.SVG(mapview.PowerPoints(pos), lines, a.T(r), svgtext.Direction(i18n.Dir(api.Language(r))))}, nil
		})
}

func powerMapActors(pl *pk.PositionList) []PowerMapActor {
	out := make([]PowerMapActor, 0, len(pl.Positions))
	for _, x := range pl.Positions {
		out = append(out, PowerMapActor{ID: x.ActorID, Name: x.ActorName, Kind: x.ActorKind, Support: x.Support,
			Influence: x.Influence, Interest: x.Interest, Strategy: powermap.StrategyFor(x.Support, x.Influence),
			NotFirstTarget: powermap.NotFirstTarget(x.Support, x.Influence), AssessedAt: x.AssessedAt})
	}
	return out
}

// powerMapAnswer is the power map without its lines as the API encodes
// any answer, byte for byte: the actors (hundreds) encoded in lang and
// compressed once per kept positions (KeptEncoded; the positions' scope
// says whose sensitive actors they hold), the map and the cut per
// request. Encoding and compressing 500 actors was most of each answer.
func powerMapAnswer(a *api.API, lang string, m *pk.Map, pl *pk.PositionList) (api.Encoded, error) {
	actors, err := a.KeptEncoded(pl.Kept.Scope, pl.Kept.Version, "powermap actors", lang, func() (any, error) {
		return powerMapActors(pl), nil
	})
	if err != nil {
		return nil, err
	}
	head, err := a.Encode(lang, m)
	if err != nil {
		return nil, err
	}
	// The fields in the order PowerMap declares them; no lines.
	open := append(append([]byte(`{"map":`), head...), `,"actors":`...)
	end := []byte(`,"actors_cut":` + strconv.FormatBool(pl.Cut) + `,"lines_cut":false}`)
	return api.Encoded{{Raw: open}, actors, {Raw: end}}, nil
}
