package contribution

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/cadence"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// The conveners' monthly reports (seed 001, activity 13): the list with
// what is due or overdue, the form whose figures are filled from stored
// data and frozen when it is saved, and one report.

type reportsData struct {
	Items []*pk.Report
	Cut   bool
	// Due are the months owed or running, plan by plan; DueCut says the
	// list was cut; Overdue counts the late ones.
	Due      []*pk.DueReport
	DueCut   bool
	Overdue  int
	Plans    []option
	Filter   pk.ReportFilter
	CanWrite bool
	Rollups  bool
}

func (h *Pages) reports(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewReports, "reports.title", "reports")
	if err != nil {
		return err
	}
	ctx, pid, q := r.Context(), v.P.ID, r.URL.Query()
	f := pk.ReportFilter{PlanID: q.Get("plan_id"), Period: q.Get("period")}
	items, cut, err := h.Reports.Reports(ctx, pid, f)
	if err != nil {
		return err
	}
	d := &reportsData{Items: items, Cut: cut, Filter: f, CanWrite: pk.Can(v.P.MyRole, pk.ActionWriteReports) && !v.P.Archived}
	if d.Due, d.DueCut, err = h.Reports.DueReports(ctx, pid); err != nil {
		return err
	}
	for _, x := range d.Due {
		if x.State == cadence.Overdue {
			d.Overdue++
		}
	}
	if d.Plans, _, err = h.planOptions(ctx, pid); err != nil {
		return err
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "reports", v)
	return nil
}

type reportFormData struct {
	// PlanID and Period say which report the form writes; Figures are
	// those it would be filled with now (nil until both are chosen).
	PlanID, Period, PlanTitle string
	Figures                   *pk.ReportFigures
	Plans                     []option
	// R is the report being changed (nil for a new one).
	R *pk.Report
}

// reportNew asks for the plan and the month, then shows the form with the
// figures the report will be filled with.
func (h *Pages) reportNew(w http.ResponseWriter, r *http.Request) error {
	return h.renderReportNew(w, r, http.StatusOK, nil)
}

func (h *Pages) renderReportNew(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionWriteReports, "reports.new.title", "reports")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	r.ParseForm()
	d := &reportFormData{PlanID: r.Form.Get("plan_id"), Period: r.Form.Get("period")}
	if d.Plans, _, err = h.planOptions(ctx, pid); err != nil {
		return err
	}
	if d.PlanID != "" && d.Period != "" {
		d.Figures, err = h.Reports.PreviewFigures(ctx, pid, d.PlanID, d.Period)
		if pk.ErrorCode(err) == pk.EINVALID {
			// A month that is not one: the chooser again, with the message.
			d.Figures, formErr = nil, err
		} else if err != nil {
			return err
		}
	}
	for _, p := range d.Plans {
		if p.ID == d.PlanID {
			d.PlanTitle = p.Name
		}
	}
	if formErr == nil {
		v.Form.Values = url.Values{"plan_id": {d.PlanID}, "period": {d.Period}}
	}
	h.formErr(r, v, formErr)
	if v.Form.Values.Get("period") == "" {
		v.Form.Values.Set("period", d.Period)
	}
	v.Data = d
	h.Render(w, r, status, templates, "report_new", v)
	return nil
}

func reportForm(r *http.Request) pk.ReportInput {
	r.ParseForm()
	f := r.PostForm
	return pk.ReportInput{PlanID: f.Get("plan_id"), Period: f.Get("period"), Progress: f.Get("progress"), Problems: f.Get("problems"),
		NextSteps: f.Get("next_steps"), Version: web.Atoi(f.Get("version"))}
}

func (h *Pages) reportCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	x, err := h.Reports.WriteReport(r.Context(), pid, reportForm(r))
	if web.IsFormError(err) {
		return h.renderReportNew(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/reports/"+x.ID, "flash.report_written")
	return nil
}

type reportData struct {
	R        *pk.Report
	CanWrite bool
}

func (h *Pages) report(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewReports, "reports.report.title", "reports")
	if err != nil {
		return err
	}
	x, err := h.Reports.Report(r.Context(), v.P.ID, r.PathValue("repid"))
	if err != nil {
		return err
	}
	v.Data = &reportData{R: x, CanWrite: pk.Can(v.P.MyRole, pk.ActionWriteReports) && !v.P.Archived}
	h.Render(w, r, http.StatusOK, templates, "report", v)
	return nil
}

func (h *Pages) reportEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderReportEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) renderReportEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionWriteReports, "reports.edit.title", "reports")
	if err != nil {
		return err
	}
	x, err := h.Reports.Report(r.Context(), v.P.ID, r.PathValue("repid"))
	if err != nil {
		return err
	}
	v.Form.Values = url.Values{"plan_id": {x.PlanID}, "period": {x.Period}, "progress": {x.Progress}, "problems": {x.Problems},
		"next_steps": {x.NextSteps}, "version": {strconv.Itoa(x.Version)}}
	h.formErr(r, v, formErr)
	v.Data = &reportFormData{R: x, PlanID: x.PlanID, Period: x.Period, PlanTitle: x.PlanTitle, Figures: &x.Figures}
	h.Render(w, r, status, templates, "report_edit", v)
	return nil
}

func (h *Pages) reportUpdate(w http.ResponseWriter, r *http.Request) error {
	pid, rid := r.PathValue("pid"), r.PathValue("repid")
	in := reportForm(r)
	_, err := h.Reports.UpdateReport(r.Context(), pid, rid, in, r.PostForm.Get("refresh_figures") == "on")
	if web.IsFormError(err) {
		return h.renderReportEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/reports/"+rid, "flash.saved")
	return nil
}
