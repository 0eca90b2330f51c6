package bin

import (
	"net/http"
	"slices"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/web"
)

func (h *Pages) registerBin(rt *httpx.Router) {
	view, manage := httpx.RoleFor(pk.ActionViewBin), httpx.RoleFor(pk.ActionManageBin)
	h.Handle(rt, "GET", "/p/{pid}/bin", view, h.binList)
	h.Handle(rt, "POST", "/p/{pid}/bin/empty", manage, h.binEmpty)
	h.Handle(rt, "GET", "/p/{pid}/bin/{bid}", view, h.binShow)
	h.Handle(rt, "POST", "/p/{pid}/bin/{bid}/restore", manage, h.binRestore)
	h.Handle(rt, "POST", "/p/{pid}/bin/{bid}/delete", manage, h.binPurge)
}

// countOrder lists what an item may hold in the order the pages show it;
// kinds not listed (added later) follow by name.
var countOrder = []string{"relationships", "assessments", "tactics", "prospect_links"}

// Count is one line of what an item holds beside its subject.
type Count struct {
	Key string // message ID of the kind of record
	N   int
}

// item is a bin item as the pages draw it.
type item struct {
	*pk.BinItem
	Holds []Count
}

func itemOf(it *pk.BinItem) item {
	out := item{BinItem: it}
	keys := make([]string, 0, len(it.Counts))
	for k, n := range it.Counts {
		if n > 0 {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b string) int {
		ia, ib := slices.Index(countOrder, a), slices.Index(countOrder, b)
		switch {
		case ia >= 0 && ib >= 0:
			return ia - ib
		case ia >= 0:
			return -1
		case ib >= 0:
			return 1
		}
		if a < b {
			return -1
		}
		return 1
	})
	for _, k := range keys {
		out.Holds = append(out.Holds, Count{Key: "bin.count." + k, N: it.Counts[k]})
	}
	return out
}

type listData struct {
	Items []item
	// Next is the cursor of the next page (cursors are URL-safe).
	Next string
}

func (h *Pages) binList(w http.ResponseWriter, r *http.Request) error {
	v, err := h.PartnershipView(r, pk.ActionViewBin, "bin.title", "bin")
	if err != nil {
		return err
	}
	items, next, err := h.Bin.BinItems(r.Context(), v.P.ID, web.ListPage(r))
	if web.IsFormError(err) {
		// A cursor that is no longer good starts from the newest.
		items, next, err = h.Bin.BinItems(r.Context(), v.P.ID, pk.PageRequest{})
	}
	if err != nil {
		return err
	}
	d := &listData{Next: next}
	for _, it := range items {
		d.Items = append(d.Items, itemOf(it))
	}
	v.Data = d
	h.Render(w, r, http.StatusOK, templates, "bin", v)
	return nil
}

func (h *Pages) binShow(w http.ResponseWriter, r *http.Request) error {
	return h.renderItem(w, r, http.StatusOK, nil)
}

// renderItem draws one item's page, with the message of a refused
// restore: a conflict (its actor is gone) is told on the page.
func (h *Pages) renderItem(w http.ResponseWriter, r *http.Request, status int, formErr error) error {
	v, err := h.PartnershipView(r, pk.ActionViewBin, "bin.item.title", "bin")
	if err != nil {
		return err
	}
	it, err := h.Bin.BinItem(r.Context(), v.P.ID, r.PathValue("bid"))
	if err != nil {
		return err
	}
	if formErr != nil {
		v.Form = h.FormFromError(r, v.Form, formErr)
	}
	v.Data = itemOf(it)
	h.Render(w, r, status, templates, "bin_item", v)
	return nil
}

// restoredAt is the page of what a restore brought back.
func restoredAt(pid string, it *pk.BinItem) string {
	switch it.Kind {
	case pk.BinActor, pk.BinMerge:
		return "/p/" + pid + "/actors/" + it.SubjectID
	case pk.BinMap:
		return "/p/" + pid + "/maps/" + it.SubjectID
	case pk.BinRelationship:
		return "/p/" + pid + "/relationships"
	}
	return "/p/" + pid + "/bin"
}

// binRestore is not asked about: it destroys nothing.
func (h *Pages) binRestore(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	it, err := h.Bin.RestoreBinItem(r.Context(), pid, r.PathValue("bid"))
	if web.IsFormError(err) {
		return h.renderItem(w, r, httpx.Status(err), err)
	} else if err != nil {
		return err
	}
	web.Redirect(w, r, restoredAt(pid, it), "flash.bin_restored")
	return nil
}

func (h *Pages) binPurge(w http.ResponseWriter, r *http.Request) error {
	pid, bid := r.PathValue("pid"), r.PathValue("bid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionManageBin, "bin", web.Confirm{Question: "bin.purge_confirm", Button: "bin.purge",
			Back: "/p/" + pid + "/bin/" + bid})
	}
	if err := h.Bin.PurgeBinItem(r.Context(), pid, bid); err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/bin", "flash.bin_purged")
	return nil
}

func (h *Pages) binEmpty(w http.ResponseWriter, r *http.Request) error {
	pid := r.PathValue("pid")
	if !web.Confirmed(r) {
		return h.AskIn(w, r, pk.ActionManageBin, "bin", web.Confirm{Question: "bin.empty_confirm", Button: "bin.empty",
			Back: "/p/" + pid + "/bin"})
	}
	if _, err := h.Bin.EmptyBin(r.Context(), pid); err != nil {
		return err
	}
	web.Redirect(w, r, "/p/"+pid+"/bin", "flash.bin_emptied")
	return nil
}
