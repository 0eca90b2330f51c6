package actormap

import (
	"html/template"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/keep"
	"github.com/partnerkit/partnerkit/mapview"
	"github.com/partnerkit/partnerkit/powermap"
	"github.com/partnerkit/partnerkit/spectrum"
	"github.com/partnerkit/partnerkit/svgtext"
	"github.com/partnerkit/partnerkit/web"
)

type powerRow struct {
	*pk.Assessment
	NotFirst bool
	// Segment is the support's segment name, translated once per page
	// rather than once per row (large maps have thousands of rows).
	Segment string
}

type powerGroup struct {
	Strategy powermap.Strategy
	Rows     []powerRow
	// Body is the rows as the table shows them (powerRowsHTML), placed
	// on the page from body, kept with the drawing.
	Body template.HTML
	body web.KeptHTML
}

type powerMapData struct {
	mapHelpers
	Map   *pk.Map
	SVG   template.HTML
	Lines bool
	// ActorsCut and LinesCut: the map holds more actors or lines than
	// are drawn (MaxActors, MaxLines).
	ActorsCut bool
	LinesCut  bool
	Groups    []powerGroup
	Count     int
	Choices   assessChoices
	// ActorOptions are Choices.Actors as the form's options.
	ActorOptions []pk.Choice
	// ChoicesCut: more actors could be placed than the form offers (Limit);
	// Find is the name search that narrows them.
	ChoicesCut bool
	Limit      int
	Find       string
	// NotFirstAny: some actor is an influential active opponent.
	NotFirstAny bool
}

func (h *Pages) powerMap(w http.ResponseWriter, r *http.Request) error {
	return h.renderPowerMap(w, r, http.StatusOK, nil)
}

// renderPowerMap draws the map (influence × support) on the server, and the
// same content as tables grouped by engagement strategy, with the advice.
func (h *Pages) renderPowerMap(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewMaps, powermap.Title, "maps")
	if err != nil {
		return err
	}
	ctx, pid, mid := r.Context(), v.P.ID, r.PathValue("mid")
	m, err := h.Maps.Map(ctx, pid, mid)
	if err != nil {
		return err
	}
	pl, err := h.Maps.PositionList(ctx, pid, mid, zeroTime)
	if err != nil {
		return err
	}
	pos := pl.Positions
	d := &powerMapData{Map: m, Lines: r.URL.Query().Get("lines") == "1", Count: len(pos), ActorsCut: pl.Cut, Choices: newAssessChoices()}
	var lines []powermap.Line
	if d.Lines {
		ls, err := h.Maps.MapLineList(ctx, pid, mid)
		if err != nil {
			return err
		}
		lines, d.LinesCut = mapview.PowerLines(ls.Lines), ls.Cut
	}
	var kept pk.Kept
	if !d.Lines {
		kept = pl.Kept // the lines are read afresh
	}
	drawn, err := keep.Drawn(kept.Scope, kept.Version, "powermap\x00"+v.Lang+"\x00"+v.Dir, func() (any, error) {
		return h.drawPowerMap(pid, mid, pos, lines, v.Lang, v.Dir), nil
	})
	if err != nil {
		return err
	}
	dr := drawn.(*powerDrawing)
	// The drawing is placed, not copied, into the page: sent compressed
	// as it was kept (web.KeptHTML).
	d.SVG, d.NotFirstAny = v.Place(dr.svg), dr.notFirstAny
	d.Groups = make([]powerGroup, len(dr.groups))
	for i, g := range dr.groups {
		d.Groups[i] = g
		d.Groups[i].Body = v.Place(g.body)
	}
	if pk.Can(v.P.MyRole, pk.ActionEditMaps) {
		d.Find = r.URL.Query().Get("find")
		ch, err := h.Maps.MapActorChoices(ctx, pid, mid, d.Find)
		if err != nil {
			return err
		}
		d.Choices.Actors, d.ChoicesCut, d.Limit = ch.Actors, ch.More, pk.MapActorChoiceLimit
		d.ActorOptions = make([]pk.Choice, len(ch.Actors))
		for i, a := range ch.Actors {
			d.ActorOptions[i] = pk.Choice{ID: a.ID, Name: a.Name}
		}
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "powermap", v)
	return nil
}

// powerDrawing is what the power map page draws from the positions: the
// picture and the tables of each strategy, drawn once per kept positions
// and language (keep.Drawn; pid and mid are in the positions' scope).
type powerDrawing struct {
	svg         web.KeptHTML
	groups      []powerGroup
	notFirstAny bool
}

func (h *Pages) drawPowerMap(pid, mid string, pos []*pk.Assessment, lines []powermap.Line, lang, dir string) *powerDrawing {
	t := h.Bundle.Localizer(lang).T
	d := &powerDrawing{svg: web.NewKeptHTML(powermap.SVG(mapview.PowerPoints(pos), lines, t, svgtext.Direction(dir)))}
	groups := map[powermap.Strategy][]powerRow{}
	segName := segmentNames(t)
	for _, a := range pos {
		s := powermap.StrategyFor(a.Support, a.Influence)
		nf := powermap.NotFirstTarget(a.Support, a.Influence)
		d.notFirstAny = d.notFirstAny || nf
		groups[s] = append(groups[s], powerRow{a, nf, segName(a.Support)})
	}
	for _, s := range powermap.Strategies {
		d.groups = append(d.groups, powerGroup{Strategy: s, Rows: groups[s],
			body: web.NewKeptHTML([]byte(powerRowsHTML(pid, mid, groups[s], t(s.Message()), t("maps.not_first_target"))))})
	}
	return d
}

// segmentNames translates the five segment names once and looks them up.
func segmentNames(t func(string, ...any) string) func(support int) string {
	names := map[spectrum.Segment]string{}
	for _, s := range spectrum.Segments {
		names[s] = t(s.Message())
	}
	return func(support int) string { return names[spectrum.SegmentOf(support)] }
}
