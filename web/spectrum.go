package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/spectrum"
	"github.com/partnerkit/partnerkit/sqldb"
)

// SpectrumGroups puts each positioned actor in its segment's wedge.
func SpectrumGroups(pos []*pk.Assessment) map[spectrum.Segment][]spectrum.Label {
	out := map[spectrum.Segment][]spectrum.Label{}
	for _, a := range pos {
		s := spectrum.SegmentOf(a.Support)
		out[s] = append(out[s], spectrum.Label{ID: a.ActorID, Name: a.ActorName})
	}
	return out
}

// SpectrumHistory turns stored assessments into the spectrum package's.
func SpectrumHistory(tl []*pk.Assessment) []spectrum.Assessment {
	out := make([]spectrum.Assessment, len(tl))
	for i, a := range tl {
		out[i] = spectrum.Assessment{ActorID: a.ActorID, Support: a.Support, Influence: a.Influence, Interest: a.Interest, At: a.AssessedAt, Seq: int64(i)}
	}
	return out
}

// maxChartPoints caps the chart's dates; a longer history is sampled every
// few months instead of monthly.
const maxChartPoints = 60

// ChartDates are the dates of the history chart: the first assessment, the
// first day of every month after it, and now.
func ChartDates(first, now time.Time) []time.Time {
	if first.IsZero() || !first.Before(now) {
		return []time.Time{now}
	}
	months := (now.Year()-first.Year())*12 + int(now.Month()-first.Month())
	step := 1 + months/maxChartPoints
	dates := []time.Time{first}
	m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, step, 0)
	for ; m.Before(now); m = m.AddDate(0, step, 0) {
		dates = append(dates, m)
	}
	return append(dates, now)
}

// SpectrumChart draws the segment counts over time for a map's history.
func SpectrumChart(tl []*pk.Assessment, now time.Time, t func(string, ...any) string) []byte {
	var first time.Time
	if len(tl) > 0 {
		first = tl[0].AssessedAt
		for _, a := range tl {
			if a.AssessedAt.Before(first) {
				first = a.AssessedAt
			}
		}
	}
	dates := ChartDates(first, now)
	return spectrum.ChartSVG(dates, spectrum.CountsOverTime(SpectrumHistory(tl), dates), t)
}

// ParseDay reads ?at= or ?since= (YYYY-MM-DD); a bad value is a field
// error naming the parameter. endOfDay gives the last instant of the day
// (the spectrum as it stood that evening); otherwise its first.
func ParseDay(name, v string, endOfDay bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	d, err := pk.ParseMapDate(v)
	if err != nil {
		return time.Time{}, pk.FieldInvalid(name, "validation.date", nil)
	}
	if endOfDay {
		d = d.Add(24*time.Hour - time.Microsecond)
	}
	return d, nil
}

type segmentRow struct {
	Segment spectrum.Segment
	Actors  []*pk.Assessment
}

type spectrumData struct {
	mapHelpers
	Map      *pk.Map
	SVG      []byte
	Chart    []byte
	Segments []segmentRow
	Count    int
	At       string
	Since    string
	Moves    []*sqldb.Move
	Tactics  []*pk.Tactic
	Actors   []*pk.Assessment // on the map, for the tactic form
	Owners   []*pk.Person
	Statuses []string
	// Questions help plan the next tactics.
	Questions []string
	// SegName is a segment's translated name (translated once per page).
	SegName func(support int) string
}

func (h *Web) spectrumPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderSpectrum(w, r, http.StatusOK, nil)
}

func (h *Web) renderSpectrum(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.partnershipView(r, pk.ActionViewMaps, spectrum.Title, "maps")
	if err != nil {
		return err
	}
	ctx, pid, mid := r.Context(), v.P.ID, r.PathValue("mid")
	m, err := h.DB.Map(ctx, pid, mid)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	at, err := ParseDay("at", q.Get("at"), true)
	if err != nil {
		return err
	}
	since, err := ParseDay("since", q.Get("since"), false)
	if err != nil {
		return err
	}
	// Current positions serve the wedges (unless ?at= asks for a past
	// date), the moves and the tactic form: read them once.
	now, err := h.DB.Positions(ctx, pid, mid, zeroTime)
	if err != nil {
		return err
	}
	pos := now
	if !at.IsZero() {
		if pos, err = h.DB.Positions(ctx, pid, mid, at); err != nil {
			return err
		}
	}
	t := h.Bundle.Localizer(v.Lang).T
	d := &spectrumData{Map: m, Count: len(pos), At: q.Get("at"), Since: q.Get("since"), Statuses: spectrum.TacticStatuses,
		Questions: spectrum.Questions, SegName: segmentNames(t), SVG: spectrum.SVG(SpectrumGroups(pos), t)}
	bySeg := map[spectrum.Segment][]*pk.Assessment{}
	for _, a := range pos {
		bySeg[spectrum.SegmentOf(a.Support)] = append(bySeg[spectrum.SegmentOf(a.Support)], a)
	}
	for _, s := range spectrum.Segments {
		d.Segments = append(d.Segments, segmentRow{s, bySeg[s]})
	}
	if !since.IsZero() {
		then, err := h.DB.Positions(ctx, pid, mid, since)
		if err != nil {
			return err
		}
		d.Moves = sqldb.MovesBetween(then, now)
	}
	tl, err := h.DB.Timeline(ctx, pid, mid)
	if err != nil {
		return err
	}
	d.Chart = SpectrumChart(tl, h.DB.Now().UTC(), t)
	if d.Tactics, err = h.DB.Tactics(ctx, pid, mid); err != nil {
		return err
	}
	if pk.Can(v.P.MyRole, pk.ActionEditMaps) {
		d.Actors = now
		mem, err := h.DB.Members(ctx, pid)
		if err != nil {
			return err
		}
		d.Owners = mem.People
	}
	v.Form.Values.Set("status", "planned")
	if formErr != nil {
		v.Form = h.formFromError(r, &Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.render(w, r, status, "spectrum", v)
	return nil
}

func tacticForm(r *http.Request) pk.TacticInput {
	f := r.PostForm
	return pk.TacticInput{ActorID: f.Get("actor"), Title: f.Get("title"), Description: f.Get("description"), Status: f.Get("status"),
		Due: f.Get("due"), OwnerID: f.Get("owner"), Version: atoi(f.Get("version"))}
}

func (h *Web) tacticCreate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, mid := r.PathValue("pid"), r.PathValue("mid")
	_, err := h.DB.CreateTactic(r.Context(), pid, mid, tacticForm(r))
	if isFormError(err) {
		return h.renderSpectrum(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/p/"+pid+"/maps/"+mid+"/spectrum#tactics", "flash.saved")
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

func (h *Web) tacticShow(w http.ResponseWriter, r *http.Request) error {
	return h.renderTactic(w, r, http.StatusOK, nil)
}

func (h *Web) renderTactic(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.partnershipView(r, pk.ActionViewMaps, "maps.tactic.title", "maps")
	if err != nil {
		return err
	}
	ctx, pid, mid := r.Context(), v.P.ID, r.PathValue("mid")
	m, err := h.DB.Map(ctx, pid, mid)
	if err != nil {
		return err
	}
	x, err := h.DB.Tactic(ctx, pid, mid, r.PathValue("tacid"))
	if err != nil {
		return err
	}
	d := &tacticData{Map: m, Tactic: x, Statuses: spectrum.TacticStatuses, SegName: segmentNames(h.Bundle.Localizer(v.Lang).T)}
	if pk.Can(v.P.MyRole, pk.ActionEditMaps) {
		if d.Actors, err = h.DB.Positions(ctx, pid, mid, zeroTime); err != nil {
			return err
		}
		mem, err := h.DB.Members(ctx, pid)
		if err != nil {
			return err
		}
		d.Owners = mem.People
	}
	v.Form.Values = url.Values{"actor": {x.ActorID}, "title": {x.Title}, "description": {x.Description}, "status": {x.Status},
		"owner": {x.OwnerID}, "version": {strconv.Itoa(x.Version)}}
	if x.Due != nil {
		v.Form.Values.Set("due", x.Due.Format("2006-01-02"))
	}
	if formErr != nil {
		v.Form = h.formFromError(r, &Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.render(w, r, status, "map_tactic", v)
	return nil
}

func (h *Web) tacticUpdate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, mid := r.PathValue("pid"), r.PathValue("mid")
	_, err := h.DB.UpdateTactic(r.Context(), pid, mid, r.PathValue("tacid"), tacticForm(r))
	if isFormError(err) {
		return h.renderTactic(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/p/"+pid+"/maps/"+mid+"/spectrum#tactics", "flash.saved")
	return nil
}

func (h *Web) tacticDelete(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, mid := r.PathValue("pid"), r.PathValue("mid")
	err := h.DB.DeleteTactic(r.Context(), pid, mid, r.PathValue("tacid"), atoi(r.PostForm.Get("version")))
	if isFormError(err) {
		return h.renderTactic(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	redirect(w, r, "/p/"+pid+"/maps/"+mid+"/spectrum#tactics", "flash.tactic_deleted")
	return nil
}
