package contribution

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// The committees' roll-ups (seed 001, activity 13): the executive
// committee's every month, the strategic committee's every quarter, made
// by the job when a period ends or by a coordinator, each on a printable
// page of its own.

type rollupsData struct {
	Items       []*pk.Rollup
	Cut         bool
	CanGenerate bool
	// Committees are the bodies a roll-up can be made for.
	Committees []option
}

func (h *Pages) rollups(w http.ResponseWriter, r *http.Request) error {
	return h.renderRollups(w, r, http.StatusOK, nil)
}

func (h *Pages) renderRollups(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewReports, "rollups.title", "reports")
	if err != nil {
		return err
	}
	items, cut, err := h.Reports.Rollups(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &rollupsData{Items: items, Cut: cut, CanGenerate: pk.Can(v.P.MyRole, pk.ActionGenerateRollups) && !v.P.Archived}
	if d.CanGenerate {
		bodies, _, err := h.Bodies.Bodies(r.Context(), v.P.ID)
		if err != nil {
			return err
		}
		for _, b := range bodies {
			if _, ok := pk.RollupKindFor(b.Kind); ok {
				d.Committees = append(d.Committees, option{b.ID, b.Name})
			}
		}
	}
	h.formErr(r, v, formErr)
	v.Data = d
	h.Render(w, r, status, templates, "rollups", v)
	return nil
}

func (h *Pages) rollupGenerate(w http.ResponseWriter, r *http.Request) error {
	r.ParseForm()
	pid := r.PathValue("pid")
	x, err := h.Reports.GenerateRollup(r.Context(), pid, pk.RollupInput{BodyID: r.PostForm.Get("body_id"), Period: r.PostForm.Get("period")})
	if web.IsFormError(err) {
		return h.renderRollups(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/rollups/"+x.ID, "flash.rollup_made")
	return nil
}

type rollupData struct {
	R *pk.Rollup
	// Monthly says the roll-up is of a month (the executive committee's).
	Monthly bool
}

// rollup is a roll-up on a page of its own, made for paper: no menus or
// forms, the reader's language and direction (dir="rtl" in Arabic).
func (h *Pages) rollup(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewReports, "rollups.rollup.title", "reports")
	if err != nil {
		return err
	}
	x, err := h.Reports.Rollup(r.Context(), v.P.ID, r.PathValue("rollid"))
	if err != nil {
		return err
	}
	v.Data = &rollupData{R: x, Monthly: len(x.Period) == len("2006-01")}
	h.Render(w, r, http.StatusOK, templates, "rollup", v)
	return nil
}
