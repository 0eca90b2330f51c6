package sqldb_test

import (
	"encoding/json"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Deleting an account takes the name its owner typed to sign an agreement
// out of the signature, and keeps the signature itself: the organisation
// signed that text, at that time, whoever typed its name.
func TestDeleteAccountScrubsTypedSignatureNames(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db, me, c, pid := w.DB, w.Member, w.Coordinator, w.Partnership.ID
		ag := w.Agreement().Agreement
		before, err := db.Agreements.Agreement(c.Ctx, pid, ag.ID)
		if err != nil {
			t.Fatal(err)
		}
		var signed *pk.AgreementSignature
		for _, s := range before.Signatures {
			if s.OrganisationID == w.MemberOrg.ID {
				signed = s
			}
		}
		if signed == nil || signed.TypedName != me.Name {
			t.Fatalf("the world's signature: %+v", before.Signatures)
		}
		if err := db.Organisations.AddOrganisationPerson(me.Ctx, w.MemberOrg.ID, c.Email, true); err != nil {
			t.Fatal(err)
		}
		if err := db.Accounts.DeleteAccount(me.Ctx, sqldbtest.Password); err != nil {
			t.Fatal(err)
		}
		after, err := db.Agreements.Agreement(c.Ctx, pid, ag.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(after.Signatures) != len(before.Signatures) || after.Status != before.Status {
			t.Fatalf("signatures %d → %d, status %s → %s", len(before.Signatures), len(after.Signatures), before.Status, after.Status)
		}
		for _, s := range after.Signatures {
			if s.ID != signed.ID {
				continue
			}
			if s.TypedName != pk.FormerMemberName || s.OrganisationID != signed.OrganisationID || s.TextSHA256 != signed.TextSHA256 ||
				!s.SignedAt.Equal(signed.SignedAt) || s.TextVersion != signed.TextVersion || !s.Valid {
				t.Errorf("signature after deletion %+v, before %+v", s, signed)
			}
		}
		// Nowhere in the agreement's answers or its signing log.
		log, err := db.Agreements.AgreementLog(c.Ctx, pid, ag.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []any{after.Signatures, log} {
			b, _ := json.Marshal(v)
			if strings.Contains(string(b), me.Name) {
				t.Errorf("the typed name survives: %s", b)
			}
		}
	})
}
