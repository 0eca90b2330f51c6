package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// Within one request the asker's access is read once; a write in the same
// request makes it be read again, so a person who leaves is refused at
// once; and a refusal is never kept.
func TestAccessMemo(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid := w.Partnership.ID
		ctx := pk.NewContextWithMemo(w.Member.Ctx)
		p1, err := db.Partnerships.Partnership(ctx, pid)
		if err != nil {
			t.Fatal(err)
		}
		p1.Name = "changed by the caller"
		p2, err := db.Partnerships.Partnership(ctx, pid)
		if err != nil || p2.Name == p1.Name || p2.MyRole != pk.RoleMember {
			t.Fatalf("second read in the request: %+v, %v (a caller's change must not leak into the memo)", p2, err)
		}
		if err := db.Members.Leave(ctx, pid); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Partnerships.Partnership(ctx, pid); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("after leaving in the same request: %v, want ENOTFOUND", err)
		}
		// An outsider's refusal is not kept: once invited and in, the same
		// request context sees the partnership.
		out := pk.NewContextWithMemo(w.Outsider.Ctx)
		if _, err := db.Partnerships.Partnership(out, pid); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("outsider: %v", err)
		}
		inv, err := db.Members.Invite(w.Coordinator.Ctx, pid, pk.InvitationInput{Email: w.Outsider.Email, Role: string(pk.RoleObserver)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Members.AcceptInvitation(w.Outsider.Ctx, inv.ID, ""); err != nil {
			t.Fatal(err)
		}
		if p, err := db.Partnerships.Partnership(out, pid); err != nil || p.MyRole != pk.RoleObserver {
			t.Errorf("after joining: %v %v", p, err)
		}
	})
}
