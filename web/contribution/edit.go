package contribution

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

type editData struct {
	C        *pk.Contribution
	Orgs     []option
	Plans    []option
	Kinds    []string
	Currency string
}

func (h *Pages) edit(w http.ResponseWriter, r *http.Request) error {
	return h.renderEdit(w, r, http.StatusOK, nil)
}

// renderEdit shows a contribution's form (a delivery, a withdrawal, a
// correction), prefilled from the stored one or with what was typed.
func (h *Pages) renderEdit(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionRecordContributions, "contributions.edit.title", "contributions")
	if err != nil {
		return err
	}
	ctx, pid := r.Context(), v.P.ID
	c, err := h.Contributions.Contribution(ctx, pid, r.PathValue("coid"))
	if err != nil {
		return err
	}
	d := &editData{C: c, Kinds: pk.ContributionKinds, Currency: c.Currency}
	if d.Orgs, err = h.orgOptions(ctx, pid); err != nil {
		return err
	}
	if d.Plans, _, err = h.planOptions(ctx, pid); err != nil {
		return err
	}
	v.Form.Values = contributionValues(c)
	h.formErr(r, v, formErr)
	v.Data = d
	h.Render(w, r, status, templates, "contribution_edit", v)
	return nil
}

func (h *Pages) update(w http.ResponseWriter, r *http.Request) error {
	pid, cid := r.PathValue("pid"), r.PathValue("coid")
	settings, err := h.Contributions.BudgetSettings(r.Context(), pid)
	if err != nil {
		return err
	}
	in, err := contributionForm(r, settings.Currency)
	if err == nil {
		_, err = h.Contributions.UpdateContribution(r.Context(), pid, cid, in)
	}
	if web.IsFormError(err) {
		return h.renderEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/contributions", "flash.saved")
	return nil
}

// delete removes a contribution recorded by mistake, after asking.
func (h *Pages) delete(w http.ResponseWriter, r *http.Request) error {
	pid, cid := r.PathValue("pid"), r.PathValue("coid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionRecordContributions, "contributions", web.Confirm{Question: "contributions.delete.confirm",
			Effect: "confirm.effect.final", Button: "contributions.delete", Back: "/p/" + pid + "/contributions/" + cid + "/edit",
			Find: func() (string, error) {
				c, err := h.Contributions.Contribution(r.Context(), pid, cid)
				if err != nil {
					return "", err
				}
				return c.OrganisationName + ": " + c.Description, nil
			}})
	}
	err := h.Contributions.DeleteContribution(r.Context(), pid, cid, web.Atoi(r.PostForm.Get("version")))
	if web.IsFormError(err) {
		return h.renderEdit(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/contributions", "flash.contribution_deleted")
	return nil
}
