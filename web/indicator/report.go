package indicator

import (
	"html/template"
	"net/http"
	"net/url"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/web"
)

type reportData struct {
	Report *pk.PartnershipReport
	// Query is the period as a query string, for the JSON link.
	Query string
	// Before, Decisions and After are the report's sections, drawn once
	// per kept report or decisions and language (reportSections), placed
	// by the page (View.Place).
	Before, Decisions, After template.HTML
	before, decisions, after web.KeptHTML
}

// partData is what a part of the report is drawn from: the shared
// sections (Report, without decisions) or the asker's decisions, and the
// partnership for the links.
type partData struct {
	numbers
	PID       string
	Report    *pk.PartnershipReport
	Decisions *pk.ReportDecisions
}

// drawnSections are the shared sections as drawn for one language: those
// before the decisions and those after.
type drawnSections struct{ before, after web.KeptHTML }

// reportPage draws the partnership report for ?from=&to=; a period that
// cannot be read is shown again with the messages beside its fields.
func (h *Pages) reportPage(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewPartnershipReport, "report.title", "report")
	if err != nil {
		return err
	}
	q := r.URL.Query()
	period := reportview.DefaultPeriod(h.now())
	if q.Has("from") || q.Has("to") {
		period = pk.ReportPeriod{From: q.Get("from"), To: q.Get("to")}
	}
	v.Form = &web.Form{Values: url.Values{"from": {period.From}, "to": {period.To}}}
	shown, err := reportview.Show(r.Context(), h.Report, v.P.ID, period, h.now())
	if web.IsFormError(err) {
		v.Form = h.FormFromError(r, v.Form, err)
		v.Data = &reportData{}
		h.Render(w, r, httpx.Status(err), templates, "report", v)
		return nil
	} else if err != nil {
		return err
	}
	data, err := h.reportSections(shown, v.P.ID, v.Lang)
	if err != nil {
		return err
	}
	data.Query = url.Values{"from": {period.From}, "to": {period.To}}.Encode()
	// The shared sections are placed, not copied, into the page: sent
	// compressed as they were kept (web.KeptHTML).
	data.Before, data.Decisions, data.After = v.Place(data.before), v.Place(data.decisions), v.Place(data.after)
	v.Data = data
	h.Render(w, r, http.StatusOK, templates, "report", v)
	return nil
}

// reportSections draws the report's sections in lang, each once per
// kept value: those shared by everyone of the asker's role, which depend
// on nothing of the request (no form, no token, no time zone: times are
// written in UTC), once per kept report; the decisions, which depend on
// the asker (whether they support reopening one), once per kept decisions
// of theirs. The layout and the report's head are drawn per request.
func (h *Pages) reportSections(shown *reportview.Shown, pid, lang string) (*reportData, error) {
	v, err := shown.Drawn(h.PartName("report", "report-sections", lang), func(shared *pk.PartnershipReport) (any, error) {
		d := partData{PID: pid, Report: shared}
		before, err := h.Part(templates, "report", "report-before", lang, d)
		if err != nil {
			return nil, err
		}
		after, err := h.Part(templates, "report", "report-after", lang, d)
		return drawnSections{web.NewKeptHTML([]byte(before)), web.NewKeptHTML([]byte(after))}, err
	})
	if err != nil {
		return nil, err
	}
	dec, err := shown.DrawnDecisions(h.PartName("report", "report-decisions", lang), func(s *pk.ReportDecisions) (any, error) {
		html, err := h.Part(templates, "report", "report-decisions", lang, partData{PID: pid, Decisions: s})
		return web.NewKeptHTML([]byte(html)), err
	})
	if err != nil {
		return nil, err
	}
	s, decisions := v.(drawnSections), dec.(web.KeptHTML)
	// The page places them (reportPage): not copied into strings here.
	return &reportData{Report: shown.Report, before: s.before, decisions: decisions, after: s.after}, nil
}
