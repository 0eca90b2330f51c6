package sqldb

import (
	"context"
	"slices"

	pk "github.com/partnerkit/partnerkit"
)

// ExportAgreement reads an agreement for a download (the Markdown that is
// signed, or a Word document) from the read pool, then
// records the export in a short transaction of its own, as every export
// does: who took the text away, of which version and hash.
func (store *AgreementStore) ExportAgreement(ctx context.Context, pid, id, format string) (*pk.Agreement, error) {
	if !slices.Contains(pk.AgreementExportFormats, format) {
		if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewAgreements); err != nil {
			return nil, err
		}
		return nil, pk.FieldInvalid("format", "validation.choice", nil)
	}
	x, err := store.Agreement(ctx, pid, id)
	if err != nil {
		return nil, err
	}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		return tx.audit(ctx, pid, "agreement.export", "agreement", id, x.Title, nil,
			map[string]any{"format": format, "text_version": x.TextVersion, "text_sha256": x.TextSHA256})
	})
	if err != nil {
		return nil, err
	}
	return x, nil
}
