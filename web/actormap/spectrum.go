package actormap

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/partnerkit/partnerkit/svgtext"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/keep"
	"github.com/partnerkit/partnerkit/mapview"
	"github.com/partnerkit/partnerkit/spectrum"
	"github.com/partnerkit/partnerkit/web"
)

type segmentRow struct {
	Segment spectrum.Segment
	Actors  []*pk.Assessment
	// Names are the actors as the list shows them (actorListHTML), placed
	// on the page from names, kept with the drawing.
	Names template.HTML
	names web.KeptHTML
}

type spectrumData struct {
	mapHelpers
	Map      *pk.Map
	SVG      template.HTML
	Chart    template.HTML
	Segments []segmentRow
	Count    int
	// ActorsCut: the map holds more actors than MaxActors.
	ActorsCut bool
	// ChartCut: the chart ends at ChartEnd, where the reading of
	// MaxMapTimeline assessments stopped.
	ChartCut bool
	ChartEnd string
	// TacticsCut: there are more tactics than MaxTactics.
	TacticsCut bool
	// At and Since are the dates shown (only days that exist); AtValue and
	// SinceValue are what the address said, kept in the fields with
	// QueryErrors beside them when they are not days.
	At          string
	Since       string
	AtValue     string
	SinceValue  string
	QueryErrors map[string][]string
	Moves       []*pk.Move
	Tactics     []*pk.Tactic
	// Questions help plan the next tactics.
	Questions []string
	// SegName is a segment's translated name (translated once per page).
	SegName func(support int) string
}

// spectrumPage draws the spectrum with the tactics planned; a new tactic
// has a page of its own, whose form offers every actor on the map and every
// member as its owner (thousands of choices on a national network).
func (h *Pages) spectrumPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewMaps, spectrum.Title, "maps")
	if err != nil {
		return err
	}
	status := http.StatusOK
	ctx, pid, mid := r.Context(), v.P.ID, r.PathValue("mid")
	m, err := h.Maps.Map(ctx, pid, mid)
	if err != nil {
		return err
	}
	// A date in the address that is not a day (?at=2026-02-30) is shown
	// beside its field and ignored; the rest of the page is drawn as usual.
	q := r.URL.Query()
	var queryErrs []error
	at, err := mapview.ParseDay("at", q.Get("at"), true)
	if err != nil {
		queryErrs = append(queryErrs, err)
	}
	since, err := mapview.ParseDay("since", q.Get("since"), false)
	if err != nil {
		queryErrs = append(queryErrs, err)
	}
	if len(queryErrs) > 0 {
		status = httpx.Status(queryErrs[0])
	}
	// Current positions serve the wedges (unless ?at= asks for a past
	// date), the moves and the tactic form: read them once.
	nl, err := h.Maps.PositionList(ctx, pid, mid, zeroTime)
	if err != nil {
		return err
	}
	now, pl := nl.Positions, nl
	if !at.IsZero() {
		if pl, err = h.Maps.PositionList(ctx, pid, mid, at); err != nil {
			return err
		}
	}
	pos := pl.Positions
	l := h.Bundle.Localizer(v.Lang)
	t, dir := l.T, svgtext.Direction(v.Dir)
	d := &spectrumData{Map: m, Count: len(pos), ActorsCut: pl.Cut, AtValue: q.Get("at"), SinceValue: q.Get("since"),
		Questions: spectrum.Questions, SegName: segmentNames(t), QueryErrors: map[string][]string{}}
	if !at.IsZero() {
		d.At = q.Get("at")
	}
	if !since.IsZero() {
		d.Since = q.Get("since")
	}
	for _, qe := range queryErrs {
		if e, ok := pk.AsError(qe); ok {
			for _, f := range e.Fields {
				d.QueryErrors[f.Field] = append(d.QueryErrors[f.Field], l.T(f.Key, f.Data))
			}
		}
	}
	wedges, err := keep.Drawn(pl.Kept.Scope, pl.Kept.Version, "spectrum\x00"+v.Lang+"\x00"+v.Dir, func() (any, error) {
		return drawSpectrum(pid, mid, pos, t, dir), nil
	})
	if err != nil {
		return err
	}
	// The drawings are placed, not copied, into the page (web.KeptHTML).
	dr := wedges.(*spectrumDrawing)
	d.SVG = v.Place(dr.svg)
	d.Segments = make([]segmentRow, len(dr.segments))
	for i, sr := range dr.segments {
		d.Segments[i] = sr
		d.Segments[i].Names = v.Place(sr.names)
	}
	if !since.IsZero() {
		then, err := h.Maps.Positions(ctx, pid, mid, since)
		if err != nil {
			return err
		}
		d.Moves = pk.MovesBetween(then, now)
	}
	tl, err := h.Maps.TimelineList(ctx, pid, mid)
	if err != nil {
		return err
	}
	end := mapview.ChartEnd(tl, h.Now().UTC())
	if tl.Cut {
		d.ChartCut, d.ChartEnd = true, end.Format("2006-01-02")
	}
	// The chart ends now: drawn once a second at most.
	chartKept := tl.Kept
	chartKept.Version += "@" + end.Format(time.RFC3339)
	chart, err := keep.Drawn(chartKept.Scope, chartKept.Version, "spectrum chart\x00"+v.Lang+"\x00"+v.Dir, func() (any, error) {
		return web.NewKeptHTML(mapview.SpectrumChart(tl.Assessments, end, t, dir, l.ShortDate)), nil
	})
	if err != nil {
		return err
	}
	d.Chart = v.Place(chart.(web.KeptHTML))
	ts, err := h.Maps.TacticList(ctx, pid, mid)
	if err != nil {
		return err
	}
	d.Tactics, d.TacticsCut = ts.Tactics, ts.Cut
	v.Data = d
	h.Render(w, r, status, templates, "spectrum", v)
	return nil
}

// spectrumDrawing is what the spectrum page draws from the positions: the
// wedges and the list of each segment, drawn once per kept positions and
// language (keep.Drawn; pid and mid are in the positions' scope).
type spectrumDrawing struct {
	svg      web.KeptHTML
	segments []segmentRow
}

func drawSpectrum(pid, mid string, pos []*pk.Assessment, t func(string, ...any) string, dir svgtext.Direction) *spectrumDrawing {
	d := &spectrumDrawing{svg: web.NewKeptHTML(spectrum.SVG(mapview.SpectrumGroups(pos), t, dir))}
	bySeg := map[spectrum.Segment][]*pk.Assessment{}
	for _, a := range pos {
		bySeg[spectrum.SegmentOf(a.Support)] = append(bySeg[spectrum.SegmentOf(a.Support)], a)
	}
	for _, s := range spectrum.Segments {
		d.segments = append(d.segments, segmentRow{Segment: s, Actors: bySeg[s], names: web.NewKeptHTML([]byte(actorListHTML(pid, mid, bySeg[s])))})
	}
	return d
}

func tacticForm(r *http.Request) pk.TacticInput {
	f := r.PostForm
	return pk.TacticInput{ActorID: f.Get("actor"), Title: f.Get("title"), Description: f.Get("description"), Status: f.Get("status"),
		Due: f.Get("due"), OwnerID: f.Get("owner"), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) tacticCreate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, mid := r.PathValue("pid"), r.PathValue("mid")
	_, err := h.Maps.CreateTactic(r.Context(), pid, mid, tacticForm(r))
	if web.IsFormError(err) {
		return h.renderTactic(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/maps/"+mid+"/spectrum#tactics", "flash.saved")
	return nil
}

type tacticData struct {
	mapHelpers
	Map      *pk.Map
	Tactic   *pk.Tactic
	Actors   []*pk.Assessment
	Owners   []*pk.Person
	Statuses []string
	SegName  func(support int) string
}

func (h *Pages) tacticShow(w http.ResponseWriter, r *http.Request) error {
	return h.renderTactic(w, r, http.StatusOK, nil)
}

func (h *Pages) tacticNew(w http.ResponseWriter, r *http.Request) error {
	return h.renderTactic(w, r, http.StatusOK, nil)
}

// renderTactic draws a tactic with its form, or (without {tacid} in the
// path) the form for a new one.
func (h *Pages) renderTactic(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	title, action := "maps.tactic.title", pk.ActionViewMaps
	tacid := r.PathValue("tacid")
	if tacid == "" {
		title, action = "maps.tactic.new", pk.ActionEditMaps
	}
	v, err := h.PartnershipView(r, action, title, "maps")
	if err != nil {
		return err
	}
	ctx, pid, mid := r.Context(), v.P.ID, r.PathValue("mid")
	m, err := h.Maps.Map(ctx, pid, mid)
	if err != nil {
		return err
	}
	d := &tacticData{Map: m, Statuses: spectrum.TacticStatuses, SegName: segmentNames(h.Bundle.Localizer(v.Lang).T)}
	if tacid == "" {
		if err := h.tacticChoices(r, v, d); err != nil {
			return err
		}
		v.Form.Values = url.Values{"actor": {r.URL.Query().Get("actor")}, "status": {"planned"}}
		if formErr != nil {
			v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
		}
		v.Data = d
		h.Render(w, r, status, templates, "map_tactic_new", v)
		return nil
	}
	x, err := h.Maps.Tactic(ctx, pid, mid, tacid)
	if err != nil {
		return err
	}
	d.Tactic = x
	if pk.Can(v.P.MyRole, pk.ActionEditMaps) {
		if err := h.tacticChoices(r, v, d); err != nil {
			return err
		}
	}
	v.Form.Values = url.Values{"actor": {x.ActorID}, "title": {x.Title}, "description": {x.Description}, "status": {x.Status},
		"owner": {x.OwnerID}, "version": {strconv.Itoa(x.Version)}}
	if x.Due != nil {
		v.Form.Values.Set("due", x.Due.Format("2006-01-02"))
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "map_tactic", v)
	return nil
}

func (h *Pages) tacticUpdate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, mid := r.PathValue("pid"), r.PathValue("mid")
	_, err := h.Maps.UpdateTactic(r.Context(), pid, mid, r.PathValue("tacid"), tacticForm(r))
	if web.IsFormError(err) {
		return h.renderTactic(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/maps/"+mid+"/spectrum#tactics", "flash.saved")
	return nil
}

func (h *Pages) tacticDelete(w http.ResponseWriter, r *http.Request) error {
	pid, mid := r.PathValue("pid"), r.PathValue("mid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditMaps, "maps", web.Confirm{Question: "maps.tactic.delete_confirm", Find: func() (string, error) {
			tc, err := h.Maps.Tactic(r.Context(), pid, mid, r.PathValue("tacid"))
			if err != nil {
				return "", err
			}
			return tc.Title, nil
		},
			Effect: "confirm.effect.final", Button: "maps.tactic.delete", Back: "/p/" + pid + "/maps/" + mid + "/tactics/" + r.PathValue("tacid")})
	}
	err := h.Maps.DeleteTactic(r.Context(), pid, mid, r.PathValue("tacid"), web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderTactic(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/maps/"+mid+"/spectrum#tactics", "flash.tactic_deleted")
	return nil
}

// tacticChoices fills what a tactic's form offers: the actors on the map
// and the partnership's people as owners.
func (h *Pages) tacticChoices(r *http.Request, v *web.View, d *tacticData) error {
	pos, err := h.Maps.Positions(r.Context(), v.P.ID, d.Map.ID, zeroTime)
	if err != nil {
		return err
	}
	mem, err := h.Members.Members(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d.Actors, d.Owners = pos, mem.People
	return nil
}
