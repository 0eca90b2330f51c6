package actormap

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/powermap"
	"github.com/partnerkit/partnerkit/spectrum"
	"github.com/partnerkit/partnerkit/web"
)

// Maps of actors: a partnership keeps one map per objective or campaign;
// each shows the same assessments as a power map and as a Spectrum of Allies.
func (h *Pages) registerMaps(rt *httpx.Router) {
	h.Handle(rt, "GET", "/p/{pid}/maps", httpx.RoleFor(pk.ActionViewMaps), h.mapList)
	h.Handle(rt, "POST", "/p/{pid}/maps", httpx.RoleFor(pk.ActionEditMaps), h.mapCreate)
	h.Handle(rt, "GET", "/p/{pid}/maps/{mid}", httpx.RoleFor(pk.ActionViewMaps), h.mapShow)
	h.Handle(rt, "POST", "/p/{pid}/maps/{mid}", httpx.RoleFor(pk.ActionEditMaps), h.mapUpdate)
	h.Handle(rt, "POST", "/p/{pid}/maps/{mid}/delete", httpx.RoleFor(pk.ActionEditMaps), h.mapDelete)
	h.Handle(rt, "POST", "/p/{pid}/maps/{mid}/assessments", httpx.RoleFor(pk.ActionEditMaps), h.mapAssess)
	h.Handle(rt, "GET", "/p/{pid}/maps/{mid}/actors/{maid}", httpx.RoleFor(pk.ActionViewMaps), h.mapActor)
	h.Handle(rt, "GET", "/p/{pid}/maps/{mid}/powermap", httpx.RoleFor(pk.ActionViewMaps), h.powerMap)
	h.Handle(rt, "GET", "/p/{pid}/maps/{mid}/spectrum", httpx.RoleFor(pk.ActionViewMaps), h.spectrumPage)
	h.Handle(rt, "GET", "/p/{pid}/maps/{mid}/tactics/new", httpx.RoleFor(pk.ActionEditMaps), h.tacticNew)
	h.Handle(rt, "POST", "/p/{pid}/maps/{mid}/tactics", httpx.RoleFor(pk.ActionEditMaps), h.tacticCreate)
	h.Handle(rt, "GET", "/p/{pid}/maps/{mid}/tactics/{tacid}", httpx.RoleFor(pk.ActionViewMaps), h.tacticShow)
	h.Handle(rt, "POST", "/p/{pid}/maps/{mid}/tactics/{tacid}", httpx.RoleFor(pk.ActionEditMaps), h.tacticUpdate)
	h.Handle(rt, "POST", "/p/{pid}/maps/{mid}/tactics/{tacid}/delete", httpx.RoleFor(pk.ActionEditMaps), h.tacticDelete)
}

type mapListData struct {
	mapHelpers
	Maps []*pk.Map
	// Cut: there are older maps than the MaxMaps listed.
	Cut bool
}

func (h *Pages) mapList(w http.ResponseWriter, r *http.Request) error {
	return h.renderMapList(w, r, http.StatusOK, nil)
}

func (h *Pages) renderMapList(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewMaps, "maps.title", "maps")
	if err != nil {
		return err
	}
	ms, err := h.Maps.MapList(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = &mapListData{Maps: ms.Maps, Cut: ms.Cut}
	h.Render(w, r, status, templates, "maps", v)
	return nil
}

func mapForm(r *http.Request) pk.MapInput {
	f := r.PostForm
	return pk.MapInput{Title: f.Get("title"), Objective: f.Get("objective"), Shared: f.Get("shared") == "on", Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) mapCreate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	m, err := h.Maps.CreateMap(r.Context(), r.PathValue("pid"), mapForm(r))
	if web.IsFormError(err) {
		return h.renderMapList(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+r.PathValue("pid")+"/maps/"+m.ID, "flash.saved")
	return nil
}

type mapData struct {
	mapHelpers
	Map       *pk.Map
	Positions int
	Tactics   int
	// PositionsCut and TacticsCut: the map holds more than is counted.
	PositionsCut bool
	TacticsCut   bool
	// Counts per strategy and per segment, for the overview.
	Strategies []strategyCount
	Segments   []segmentCount
	// Place: the map is empty and the asker may place actors; Choices are
	// the actors offered (ChoicesCut: more than Limit, the power map finds them).
	Place      bool
	Choices    assessChoices
	ChoicesCut bool
	Limit      int
}

type strategyCount struct {
	Strategy powermap.Strategy
	Count    int
}

type segmentCount struct {
	Segment spectrum.Segment
	Count   int
}

func (h *Pages) mapShow(w http.ResponseWriter, r *http.Request) error {
	return h.renderMap(w, r, http.StatusOK, nil)
}

func (h *Pages) renderMap(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewMaps, "maps.title", "maps")
	if err != nil {
		return err
	}
	page, err := h.Maps.MapPage(r.Context(), v.P.ID, r.PathValue("mid"))
	if err != nil {
		return err
	}
	m, pos := page.Map, page.Positions
	d := &mapData{Map: m, Positions: len(pos), Tactics: page.Tactics, PositionsCut: page.PositionsCut, TacticsCut: page.TacticsCut}
	byStrategy := map[powermap.Strategy]int{}
	bySegment := map[spectrum.Segment]int{}
	for _, a := range pos {
		byStrategy[powermap.StrategyFor(a.Support, a.Influence)]++
		bySegment[spectrum.SegmentOf(a.Support)]++
	}
	for _, s := range powermap.Strategies {
		d.Strategies = append(d.Strategies, strategyCount{s, byStrategy[s]})
	}
	for _, s := range spectrum.Segments {
		d.Segments = append(d.Segments, segmentCount{s, bySegment[s]})
	}
	// An empty map offers the form that places its first actor right
	// here, instead of at the bottom of the power map.
	if len(pos) == 0 && pk.Can(v.P.MyRole, pk.ActionEditMaps) {
		d.Place = true
		ch, err := h.Maps.MapActorChoices(r.Context(), v.P.ID, m.ID, "")
		if err != nil {
			return err
		}
		d.Choices = newAssessChoices()
		d.Choices.Actors, d.ChoicesCut, d.Limit = ch.Actors, ch.More, pk.MapActorChoiceLimit
	}
	v.Form.Values = url.Values{"title": {m.Title}, "objective": {m.Objective}, "version": {strconv.Itoa(m.Version)}}
	if m.Shared {
		v.Form.Values.Set("shared", "on")
	}
	if formErr != nil {
		// What was typed wins; the other form keeps the map's values.
		for k, x := range r.PostForm {
			v.Form.Values[k] = x
		}
		v.Form = h.FormFromError(r, &web.Form{Values: v.Form.Values}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "map", v)
	return nil
}

func (h *Pages) mapUpdate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, mid := r.PathValue("pid"), r.PathValue("mid")
	in := mapForm(r)
	var err error
	if r.PostForm.Get("share_field") == "" {
		// Members see no share box: the service keeps the sharing.
		_, err = h.Maps.UpdateMapDetails(r.Context(), pid, mid, in)
	} else {
		_, err = h.Maps.UpdateMap(r.Context(), pid, mid, in)
	}
	if web.IsFormError(err) {
		return h.renderMap(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/maps/"+mid, "flash.saved")
	return nil
}

func (h *Pages) mapDelete(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionEditMaps, "maps", web.Confirm{Question: "maps.delete_confirm", Find: func() (string, error) {
			m, err := h.Maps.Map(r.Context(), pid, r.PathValue("mid"))
			if err != nil {
				return "", err
			}
			return m.Title, nil
		},
			Effect: "confirm.effect.bin", Button: "maps.delete", Back: "/p/" + pid + "/maps/" + r.PathValue("mid")})
	}
	err := h.Maps.DeleteMap(r.Context(), pid, r.PathValue("mid"), web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderMap(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/maps", h.DeletedFlash(r, pid, "map"))
	return nil
}

// assessForm reads the assessment form (also used by the power map page).
func assessForm(r *http.Request) pk.AssessmentInput {
	f := r.PostForm
	return pk.AssessmentInput{ActorID: f.Get("actor"), Support: atoiSigned(f.Get("support")), Influence: web.Atoi(f.Get("influence")),
		Interest: web.Atoi(f.Get("interest")), Note: f.Get("note")}
}

// chosen words the refusal of an assessment whose support or influence
// was left at "Choose…": the form offers no default, so that choosing only
// the actor never records a made-up position (say, an influential active
// ally). The service has refused it already (after checking who asks); an
// empty field is told "required" rather than its range.
func chosen(r *http.Request, err error) error {
	e, ok := pk.AsError(err)
	if !ok || e.Code != pk.EINVALID {
		return err
	}
	var v pk.Validator
	for _, name := range []string{"support", "influence"} {
		if strings.TrimSpace(r.PostForm.Get(name)) == "" {
			v.Add(name, "validation.required", nil)
		}
	}
	for _, f := range e.Fields {
		if !v.Has(f.Field) {
			v.Add(f.Field, f.Key, f.Data)
		}
	}
	return v.Err()
}

// atoiSigned reads a number that may be negative (support -2..2); an
// unreadable value becomes one the validator rejects.
func atoiSigned(s string) int {
	n, err := strconv.Atoi(strings.TrimPrefix(strings.TrimSpace(s), "+"))
	if err != nil {
		return 99
	}
	return n
}

func (h *Pages) mapAssess(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid, mid := r.PathValue("pid"), r.PathValue("mid")
	in := assessForm(r)
	_, err := h.Maps.AddAssessment(r.Context(), pid, mid, in)
	err = chosen(r, err)
	back := r.PostForm.Get("back")
	if web.IsFormError(err) {
		switch back {
		case "actor":
			r.SetPathValue("maid", in.ActorID)
			return h.renderMapActor(w, r, httpx.Status(err), err)
		case "map":
			return h.renderMap(w, r, httpx.Status(err), err)
		}
		return h.renderPowerMap(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	to := "/p/" + pid + "/maps/" + mid + "/powermap"
	if back == "map" {
		to = "/p/" + pid + "/maps/" + mid
	}
	if back == "actor" {
		to = "/p/" + pid + "/maps/" + mid + "/actors/" + url.PathEscape(in.ActorID)
	}
	web.Redirect(w, r, to, "flash.saved")
	return nil
}

type mapActorData struct {
	mapHelpers
	Map      *pk.Map
	ActorID  string
	Name     string
	Current  *pk.Assessment
	Strategy powermap.Strategy
	Segment  spectrum.Segment
	NotFirst bool
	History  []*pk.Assessment
	Next     string
	Tactics  []*pk.Tactic
	Choices  assessChoices
}

// assessChoices are the options of the assessment form.
type assessChoices struct {
	Actors  []*pk.MapActor
	Support []web.Option
	Levels  []web.Option
}

func newAssessChoices() assessChoices {
	return assessChoices{Support: supportOptions(), Levels: levelOptions()}
}

func (h *Pages) mapActor(w http.ResponseWriter, r *http.Request) error {
	return h.renderMapActor(w, r, http.StatusOK, nil)
}

// renderMapActor shows one actor on one map: its position now, the history
// of its assessments (never overwritten) and the tactics planned for it.
func (h *Pages) renderMapActor(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewMaps, "maps.actor.title", "maps")
	if err != nil {
		return err
	}
	aid := r.PathValue("maid")
	page, err := h.Maps.MapActorPage(r.Context(), v.P.ID, r.PathValue("mid"), aid, web.ListPage(r))
	if err != nil {
		return err
	}
	d := &mapActorData{Map: page.Map, ActorID: aid, Name: page.Name, Current: page.Current, History: page.History, Next: page.Next,
		Tactics: page.Tactics, Choices: newAssessChoices()}
	if page.Choice != nil {
		d.Choices.Actors = []*pk.MapActor{page.Choice}
	}
	if a := d.Current; a != nil {
		d.Strategy = powermap.StrategyFor(a.Support, a.Influence)
		d.Segment = spectrum.SegmentOf(a.Support)
		d.NotFirst = powermap.NotFirstTarget(a.Support, a.Influence)
	}
	v.Form.Values = url.Values{"actor": {aid}}
	if d.Current != nil {
		v.Form.Values.Set("support", strconv.Itoa(d.Current.Support))
		v.Form.Values.Set("influence", strconv.Itoa(d.Current.Influence))
		if d.Current.Interest > 0 {
			v.Form.Values.Set("interest", strconv.Itoa(d.Current.Interest))
		}
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, &web.Form{Values: r.PostForm}, formErr)
	}
	v.Data = d
	h.Render(w, r, status, templates, "map_actor", v)
	return nil
}

// zeroTime asks for positions as they stand now.
var zeroTime time.Time

// mapHelpers are small lookups the map templates call as methods of their
// data (template functions are shared by every page; these are ours).
type mapHelpers struct{}

// The stated maxima of a map's lists, for the notices that say a list
// was cut.
func (mapHelpers) MaxMaps() int    { return pk.MaxMaps }
func (mapHelpers) MaxActors() int  { return pk.MaxMapActors }
func (mapHelpers) MaxLines() int   { return pk.MaxMapLines }
func (mapHelpers) MaxTactics() int { return pk.MaxMapTactics }

// SegMsg is the message ID of the segment of a support score.
func (mapHelpers) SegMsg(support int) string { return spectrum.SegmentOf(support).Message() }

// StrategyMsg is the message ID of the strategy for a position.
func (mapHelpers) StrategyMsg(support, influence int) string {
	return powermap.StrategyFor(support, influence).Message()
}

// NotFirst marks influential active opponents.
func (mapHelpers) NotFirst(support, influence int) bool {
	return powermap.NotFirstTarget(support, influence)
}

// Num prints a segment or level as a number for form values.
func (mapHelpers) Num(v any) string {
	switch x := v.(type) {
	case spectrum.Segment:
		return strconv.Itoa(int(x))
	case int:
		return strconv.Itoa(x)
	}
	return ""
}

// Opts gives a select field ready-made options.
func (mapHelpers) Opts(f web.Field, opts []web.Option) web.Field {
	f.Options = opts
	return f
}

// supportOptions lists the segments, allies first, valued by support score.
func supportOptions() []web.Option {
	var out []web.Option
	for _, s := range spectrum.Segments {
		out = append(out, web.Option{Value: strconv.Itoa(int(s)), Label: s.Message()})
	}
	return out
}

// levelOptions lists influence or interest levels 5..1.
func levelOptions() []web.Option {
	var out []web.Option
	for l := 5; l >= 1; l-- {
		out = append(out, web.Option{Value: strconv.Itoa(l), Label: powermap.LevelMessage(l)})
	}
	return out
}

// Deref reads an optional number (a move's start, a tactic's aim).
func (mapHelpers) Deref(p *int) int {
	if p == nil {
		return 0
	}
	return *p
}

// Day formats an optional date.
func (mapHelpers) Day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format("2006-01-02")
}
