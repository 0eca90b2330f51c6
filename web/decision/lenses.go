package decision

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

// blankLensRows are the empty rows offered for lenses of the
// partnership's own.
const blankLensRows = 2

type lensRow struct {
	Prefix string
	Lens   lensView
}

type lensesData struct {
	Set     *pk.LensSet
	Lenses  []lensView
	Rows    []lensRow
	CanEdit bool
}

func (h *Pages) lensesPage(w http.ResponseWriter, r *http.Request) error {
	return h.renderLenses(w, r, http.StatusOK, nil)
}

// renderLenses shows the partnership's lenses and, to coordinators, the
// form that renames, weights, adds and drops them: one row per lens
// ("lens.2.name"), a default lens's name left empty keeps its own words.
func (h *Pages) renderLenses(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewDecisions, "decision.lenses.title", "decisions")
	if err != nil {
		return err
	}
	set, err := h.Decisions.Lenses(r.Context(), v.P.ID)
	if err != nil {
		return err
	}
	d := &lensesData{Set: set, CanEdit: pk.Can(v.P.MyRole, pk.ActionEditLenses)}
	for _, l := range set.Lenses {
		d.Lenses = append(d.Lenses, viewLens(l))
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	} else {
		v.Form = &web.Form{Values: url.Values{}}
		v.Form.Values.Set("version", strconv.Itoa(set.Version))
		for i, l := range d.Lenses {
			p := "lens." + strconv.Itoa(i) + "."
			v.Form.Values.Set(p+"key", l.Key)
			v.Form.Values.Set(p+"keep", "on")
			v.Form.Values.Set(p+"weight", strconv.FormatFloat(l.Weight, 'f', -1, 64))
			if !l.IsKey {
				v.Form.Values.Set(p+"name", l.Name)
			}
		}
	}
	n := len(set.Lenses) + blankLensRows
	if formErr != nil {
		n = lensRowsIn(r)
	}
	for i := range n {
		row := lensRow{Prefix: "lens." + strconv.Itoa(i) + "."}
		key := v.Form.Values.Get(row.Prefix + "key")
		row.Lens = lensView{Key: key}
		if pk.IsDefaultLens(key) {
			row.Lens = viewLens(pk.Lens{Key: key, Name: "decision.lens." + key})
		}
		d.Rows = append(d.Rows, row)
	}
	v.Data = d
	h.Render(w, r, status, templates, "lenses", v)
	return nil
}

// lensRowsIn counts the rows a posted form holds, bounded so that a forged
// form cannot make the page enormous.
func lensRowsIn(r *http.Request) int {
	n := 0
	for i := range pk.MaxLenses + blankLensRows {
		if _, ok := r.PostForm["lens."+strconv.Itoa(i)+".weight"]; ok {
			n = i + 1
		}
	}
	return n
}

// lensForm reads the rows kept (a lens row unticked is dropped, a blank
// row left blank is no lens) and says which input row each came from.
func lensForm(r *http.Request) (pk.LensSetInput, map[string]string) {
	r.ParseForm()
	f := r.PostForm
	in := pk.LensSetInput{Version: web.Atoi(f.Get("version"))}
	rows := map[string]string{}
	for i := range lensRowsIn(r) {
		p := "lens." + strconv.Itoa(i) + "."
		key, name, weight := f.Get(p+"key"), strings.TrimSpace(f.Get(p+"name")), strings.TrimSpace(f.Get(p+"weight"))
		if key != "" && f.Get(p+"keep") != "on" {
			continue
		}
		if key == "" && name == "" && weight == "" {
			continue
		}
		x, err := strconv.ParseFloat(strings.ReplaceAll(weight, ",", "."), 64)
		if err != nil {
			x = -1 // refused by the range, naming the row's weight
		}
		rows["lenses."+strconv.Itoa(len(in.Lenses))+"."] = p
		in.Lenses = append(in.Lenses, pk.LensInput{Key: key, Name: name, Weight: x})
	}
	return in, rows
}

func (h *Pages) lensesSave(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	in, rows := lensForm(r)
	_, err := h.Decisions.SetLenses(r.Context(), pid, in)
	if e, ok := pk.AsError(err); ok {
		for i, fe := range e.Fields {
			for from, to := range rows {
				if rest, ok := strings.CutPrefix(fe.Field, from); ok {
					e.Fields[i].Field = to + rest
				}
			}
		}
	}
	if web.IsFormError(err) {
		return h.renderLenses(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/decisions/lenses", "flash.saved")
	return nil
}
