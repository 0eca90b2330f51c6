package sqldb

import (
	"context"

	pk "github.com/partnerkit/partnerkit"
)

// PartnershipFor returns partnership id with the asker's role when the role
// allows action; the pages use it for the partnership a page belongs to and
// its navigation, so that the permission table decides, not the page.
func (store *PartnershipStore) PartnershipFor(ctx context.Context, id string, action pk.Action) (*pk.Partnership, error) {
	return store.db.authorize(ctx, store.db.read, id, action)
}
