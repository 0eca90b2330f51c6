package contribution

import (
	"net/http"
	"net/url"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// Barriers are what restrain a member organisation's contribution (seed
// 001, activity 11); the page lists them organisation by organisation,
// unresolved first, with the form that names one.

type barriersData struct {
	Items     []*pk.Barrier
	Cut       bool
	Orgs      []option
	Kinds     []string
	CanRecord bool
	// Open counts the unresolved barriers.
	Open int
}

func (h *Pages) barriers(w http.ResponseWriter, r *http.Request) error {
	return h.renderBarriers(w, r, http.StatusOK, nil)
}

func (h *Pages) renderBarriers(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewContributions, "barriers.title", "contributions")
	if err != nil {
		return err
	}
	items, cut, err := h.Contributions.Barriers(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &barriersData{Items: items, Cut: cut, Kinds: pk.BarrierKinds}
	for _, b := range items {
		if !b.Resolved {
			d.Open++
		}
	}
	if pk.Can(v.P.MyRole, pk.ActionRecordContributions) && !v.P.Archived {
		if d.Orgs, err = h.orgOptions(r.Context(), v.P.ID); err != nil {
			return err
		}
		d.CanRecord = len(d.Orgs) > 0
	}
	h.formErr(r, v, formErr)
	v.Data = d
	h.Render(w, r, status, templates, "barriers", v)
	return nil
}

func (h *Pages) barrierCreate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	_, err := h.Contributions.NameBarrier(r.Context(), pid, barrierForm(r))
	if web.IsFormError(err) {
		return h.renderBarriers(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/barriers", "flash.saved")
	return nil
}

type barrierEditData struct {
	B     *pk.Barrier
	Orgs  []option
	Kinds []string
}

func (h *Pages) barrierEdit(w http.ResponseWriter, r *http.Request) error {
	return h.renderBarrierEdit(w, r, http.StatusOK, nil)
}

func (h *Pages) renderBarrierEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionRecordContributions, "barriers.edit.title", "contributions")
	if err != nil {
		return err
	}
	b, err := h.Contributions.Barrier(r.Context(), v.P.ID, r.PathValue("barid"))
	if err != nil {
		return err
	}
	d := &barrierEditData{B: b, Kinds: pk.BarrierKinds}
	if d.Orgs, err = h.orgOptions(r.Context(), v.P.ID); err != nil {
		return err
	}
	resolved := ""
	if b.Resolved {
		resolved = "on"
	}
	v.Form.Values = url.Values{"organisation_id": {b.OrganisationID}, "kind": {b.Kind}, "description": {b.Description},
		"resolved": {resolved}, "version": {strconv.Itoa(b.Version)}}
	h.formErr(r, v, formErr)
	v.Data = d
	h.Render(w, r, status, templates, "barrier_edit", v)
	return nil
}

func (h *Pages) barrierUpdate(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	_, err := h.Contributions.UpdateBarrier(r.Context(), pid, r.PathValue("barid"), barrierForm(r))
	if web.IsFormError(err) {
		return h.renderBarrierEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/barriers", "flash.saved")
	return nil
}

func (h *Pages) barrierDelete(w http.ResponseWriter, r *http.Request) error {
	pid, bid := r.PathValue("pid"), r.PathValue("barid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionRecordContributions, "contributions", web.Confirm{Question: "barriers.delete.confirm",
			Effect: "confirm.effect.final", Button: "barriers.delete", Back: "/p/" + pid + "/barriers/" + bid + "/edit",
			Find: func() (string, error) {
				b, err := h.Contributions.Barrier(r.Context(), pid, bid)
				if err != nil {
					return "", err
				}
				return b.OrganisationName + ": " + b.Description, nil
			}})
	}
	err := h.Contributions.DeleteBarrier(r.Context(), pid, bid, web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderBarrierEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/barriers", "flash.barrier_deleted")
	return nil
}
