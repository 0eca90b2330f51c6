package indicator

import (
	"net/http"
	"net/url"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type editData struct {
	Indicator *pk.Indicator // nil when defining a new one
	Owners    []ownerOption
	OwnersCut bool
	People    []personOption
	Kinds     []string
	Dirs      []string
	Freqs     []string
}

func (h *Pages) newPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderEdit(w, r, http.StatusOK, nil, nil)
}

func (h *Pages) editPage(w http.ResponseWriter, r *http.Request) error {
	ind, err := h.Indicators.Indicator(r.Context(), r.PathValue("pid"), r.PathValue("inid"))
	if err != nil {
		return err
	}
	return h.renderEdit(w, r, http.StatusOK, ind, nil)
}

// renderEdit draws the form that defines (ind nil) or changes an
// indicator, with the typed values and messages after a refusal.
func (h *Pages) renderEdit(w http.ResponseWriter, r *http.Request, status int, ind *pk.Indicator, formErr error) error {
	title := "indicator.new.title"
	if ind != nil {
		title = "indicator.edit.title"
	}
	v, err := h.PartnershipView(r, pk.ActionDefineIndicators, title, "indicators")
	if err != nil {
		return err
	}
	d := &editData{Indicator: ind, Kinds: pk.IndicatorKinds, Dirs: pk.IndicatorDirections, Freqs: pk.IndicatorFrequencies}
	if d.Owners, d.OwnersCut, err = h.ownerOptions(r, v.P.ID); err != nil {
		return err
	}
	if d.People, err = h.personOptions(r, v.P.ID); err != nil {
		return err
	}
	switch {
	case formErr != nil:
		v.Form = h.FormFromError(r, v.Form, foldRows(formErr))
	case ind != nil:
		v.Form = &web.Form{Values: indicatorValues(ind)}
	default:
		// A new indicator of the goal or plan the page came from.
		owner := ""
		if g := r.URL.Query().Get("goal"); g != "" {
			owner = "goal:" + g
		} else if p := r.URL.Query().Get("plan"); p != "" {
			owner = "plan:" + p
		}
		v.Form = &web.Form{Values: url.Values{"owner": {owner}, "kind": {"number"}, "direction": {"increase"}, "frequency": {"quarterly"}}}
	}
	v.Data = d
	h.Render(w, r, status, templates, "indicator_edit", v)
	return nil
}

func (h *Pages) create(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	ind, err := h.Indicators.CreateIndicator(r.Context(), pid, indicatorForm(r))
	if web.IsFormError(err) {
		return h.renderEdit(w, r, httpx.Status(err), nil, err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/indicators/"+ind.ID, "flash.saved")
	return nil
}

func (h *Pages) update(w http.ResponseWriter, r *http.Request) error {
	pid, iid := r.PathValue("pid"), r.PathValue("inid")
	ind, err := h.Indicators.UpdateIndicator(r.Context(), pid, iid, indicatorForm(r))
	if web.IsFormError(err) {
		current, cerr := h.Indicators.Indicator(r.Context(), pid, iid)
		if cerr != nil {
			return cerr
		}
		return h.renderEdit(w, r, httpx.Status(err), current, err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/indicators/"+ind.ID, "flash.saved")
	return nil
}

func (h *Pages) delete(w http.ResponseWriter, r *http.Request) error {
	pid, iid := r.PathValue("pid"), r.PathValue("inid")
	back := "/p/" + pid + "/indicators/" + iid
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionDefineIndicators, "indicators", web.Confirm{Question: "indicator.delete.confirm",
			Effect: "confirm.effect.final", Button: "indicator.delete", Back: back, Find: func() (string, error) {
				ind, err := h.Indicators.Indicator(r.Context(), pid, iid)
				if err != nil {
					return "", err
				}
				return ind.Name, nil
			}})
	}
	if err := h.Indicators.DeleteIndicator(r.Context(), pid, iid, web.Atoi(r.PostForm.Get("version"))); web.IsFormError(err) {
		return h.renderShow(w, r, httpx.Status(err), err, "delete")
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/indicators", "flash.indicator_deleted")
	return nil
}
