package web

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

// DeletedFlash is the flash message after deleting something that went to
// the partnership's bin (an actor, a relationship, a map, a merged
// duplicate): coordinators are told they can restore it there, everyone
// else that a coordinator can. subject names the messages
// "flash.<subject>_binned" and "flash.<subject>_binned_ask".
func (h *Web) DeletedFlash(r *http.Request, pid, subject string) string {
	// Only a coordinator may open the bin; any error (the partnership just
	// archived, a database hiccup) gives the message that promises less.
	if _, err := h.Partnerships.PartnershipFor(r.Context(), pid, pk.ActionViewBin); err == nil {
		return "flash." + subject + "_binned"
	}
	return "flash." + subject + "_binned_ask"
}
