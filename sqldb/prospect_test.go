package sqldb_test

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

func TestProspectMessageRuleAndHistory(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, m := w.Partnership.ID, w.Member.Ctx
		in := pk.ProspectInput{Name: "Kurdish Women's Circle", Kind: "organisation", UserID: w.Member.ID, Status: "approached"}
		_, err := db.Prospects.CreateProspect(m, pid, in)
		wantField(t, err, "message")
		in.Status = ""
		x, err := db.Prospects.CreateProspect(m, pid, in)
		if err != nil {
			t.Fatal(err)
		}
		if x.Status != "identified" || x.Version != 1 || x.UserName != w.Member.Name {
			t.Fatalf("created %+v", x)
		}
		_, err = db.Prospects.SetProspectStatus(m, pid, x.ID, pk.ProspectStatusInput{Status: "approached", Version: 1})
		wantField(t, err, "message")
		_, err = db.Prospects.SetProspectStatus(m, pid, x.ID, pk.ProspectStatusInput{Status: "identified", Version: 1})
		wantField(t, err, "status")
		x, err = db.Prospects.SetProspectStatus(m, pid, x.ID, pk.ProspectStatusInput{Status: "researching", Note: "Reading their annual report", Version: 1})
		if err != nil || x.Status != "researching" || x.Version != 2 {
			t.Fatalf("researching: %v %+v", err, x)
		}
		in.Message = "Your members would get a voice in the youth panel."
		in.Version = 2
		if x, err = db.Prospects.UpdateProspect(m, pid, x.ID, in); err != nil {
			t.Fatal(err)
		}
		w.Clock.Advance(86400e9)
		if x, err = db.Prospects.SetProspectStatus(m, pid, x.ID, pk.ProspectStatusInput{Status: "approached", Note: "Called Hevin", Version: x.Version}); err != nil {
			t.Fatal(err)
		}
		if !x.StatusAt.Equal(w.Clock.Now()) {
			t.Errorf("status at %v", x.StatusAt)
		}
		// Once approached, the message may not be emptied.
		in.Message, in.Version = "", x.Version
		_, err = db.Prospects.UpdateProspect(m, pid, x.ID, in)
		wantField(t, err, "message")
		// A stale version conflicts.
		_, err = db.Prospects.SetProspectStatus(m, pid, x.ID, pk.ProspectStatusInput{Status: "declined", Version: 1})
		wantCode(t, err, pk.ECONFLICT)
		h, err := db.Prospects.ProspectHistory(w.Coordinator.Ctx, pid, x.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(h) != 3 || h[0].From != "" || h[0].To != "identified" || h[1].To != "researching" || h[1].Note != "Reading their annual report" ||
			h[2].From != "researching" || h[2].To != "approached" || h[2].UserName != w.Member.Name || !h[2].At.Equal(w.Clock.Now()) {
			t.Fatalf("history %+v %+v %+v", h[0], h[1], h[2])
		}
		if _, err := db.Prospects.ProspectHistory(w.Observer.Ctx, pid, x.ID); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("observer history: %v", err)
		}
	})
}

func TestProspectAccessAndLinks(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, f := w.Partnership.ID, w.Playbook()
		if _, err := db.Prospects.Prospect(w.Observer.Ctx, pid, f.Prospect.ID); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("observer: %v", err)
		}
		if _, err := db.Prospects.Prospect(w.Outsider.Ctx, pid, f.Prospect.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("outsider: %v", err)
		}
		if _, err := db.Prospects.Prospect(w.Outsider.Ctx, w.Other.ID, f.Prospect.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Errorf("through another partnership: %v", err)
		}
		if _, err := db.Prospects.CreateProspect(w.Observer.Ctx, pid, pk.ProspectInput{}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Errorf("observer create: %v", err)
		}
		// The point of contact must be a member or coordinator of ours.
		for _, uid := range []string{w.Outsider.ID, w.Observer.ID, "nobody"} {
			_, err := db.Prospects.CreateProspect(w.Member.Ctx, pid, pk.ProspectInput{Name: "X", Kind: "person", UserID: uid})
			wantField(t, err, "user_id")
		}
		// Links: an actor of another partnership or a sensitive one (for a
		// member) is unknown; organisations must exist.
		secret, err := db.Actors.CreateActor(w.Coordinator.Ctx, pid, pk.ActorInput{Name: "Quiet Ally", Kind: "individual", Sensitive: true})
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.Prospects.CreateProspect(w.Member.Ctx, pid, pk.ProspectInput{Name: "X", Kind: "person", UserID: w.Member.ID, ActorID: secret.ID})
		wantField(t, err, "actor_id")
		_, err = db.Prospects.CreateProspect(w.Member.Ctx, pid, pk.ProspectInput{Name: "X", Kind: "person", UserID: w.Member.ID, OrganisationID: "nope"})
		wantField(t, err, "organisation_id")
		x, err := db.Prospects.CreateProspect(w.Coordinator.Ctx, pid, pk.ProspectInput{Name: "Quiet Ally", Kind: "person", UserID: w.Coordinator.ID,
			ActorID: secret.ID, OrganisationID: w.MemberOrg.ID})
		if err != nil {
			t.Fatal(err)
		}
		if x.ActorName != "Quiet Ally" || x.OrganisationName != w.MemberOrg.Name {
			t.Fatalf("coordinator sees %+v", x)
		}
		seen, err := db.Prospects.Prospect(w.Member.Ctx, pid, x.ID)
		if err != nil {
			t.Fatal(err)
		}
		if seen.ActorID != "" || seen.ActorName != "" {
			t.Fatalf("member sees the sensitive actor: %+v", seen)
		}
		list, _, err := db.Prospects.Prospects(w.Member.Ctx, pid, pk.ProspectFilter{}, pk.PageRequest{})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range list {
			if p.ActorID == secret.ID {
				t.Fatal("the list shows the sensitive actor to a member")
			}
		}
		// A member's edit, blind to the link, keeps it.
		if _, err := db.Prospects.UpdateProspect(w.Member.Ctx, pid, x.ID, pk.ProspectInput{Name: "Quiet Ally", Kind: "person", UserID: w.Member.ID,
			NextStep: "Coffee", Version: 1}); err != nil {
			t.Fatal(err)
		}
		if again, _ := db.Prospects.Prospect(w.Coordinator.Ctx, pid, x.ID); again.ActorID != secret.ID || again.UserID != w.Member.ID {
			t.Fatalf("link lost: %+v", again)
		}
		// Delete with versions.
		wantCode(t, db.Prospects.DeleteProspect(w.Member.Ctx, pid, x.ID, 1), pk.ECONFLICT)
		if err := db.Prospects.DeleteProspect(w.Member.Ctx, pid, x.ID, 2); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Prospects.Prospect(w.Member.Ctx, pid, x.ID); pk.ErrorCode(err) != pk.ENOTFOUND {
			t.Fatalf("deleted: %v", err)
		}
	})
}

func TestProspectListsAndOverdue(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, f := w.Partnership.ID, w.Playbook()
		for _, n := range []string{"Alpha", "Beta", "Gamma"} {
			if _, err := db.Prospects.CreateProspect(w.Member.Ctx, pid, pk.ProspectInput{Name: n, Kind: "person", UserID: w.Member.ID}); err != nil {
				t.Fatal(err)
			}
		}
		page1, next, err := db.Prospects.Prospects(w.Member.Ctx, pid, pk.ProspectFilter{}, pk.PageRequest{Limit: 3})
		if err != nil || len(page1) != 3 || next == "" || page1[0].Name != "Alpha" {
			t.Fatalf("page 1: %v %d %q", err, len(page1), next)
		}
		page2, next, err := db.Prospects.Prospects(w.Member.Ctx, pid, pk.ProspectFilter{}, pk.PageRequest{Limit: 3, Cursor: next})
		if err != nil || len(page2) != 2 || next != "" || page2[1].Name != "Roma Youth Leipzig" {
			t.Fatalf("page 2: %v %d %q", err, len(page2), next)
		}
		agreed, _, err := db.Prospects.Prospects(w.Member.Ctx, pid, pk.ProspectFilter{Status: "agreed"}, pk.PageRequest{})
		if err != nil || len(agreed) != 1 || agreed[0].ID != f.Prospect.ID {
			t.Fatalf("agreed: %v %d", err, len(agreed))
		}
		_, _, err = db.Prospects.Prospects(w.Member.Ctx, pid, pk.ProspectFilter{Status: "won"}, pk.PageRequest{})
		wantField(t, err, "status")
		// The clock says 2 March: the early prospect's 20 February step is late.
		cols, more, err := db.Prospects.PipelineProspects(w.Member.Ctx, pid)
		if err != nil || more || len(cols) != len(pk.ProspectStatuses) {
			t.Fatal(err)
		}
		first := cols[0].Prospects[0]
		if first.ID != f.Early.ID || !first.Overdue {
			t.Fatalf("identified column starts with %+v", first)
		}
		if cols[4].Prospects[0].Overdue {
			t.Fatal("a step due on 10 March is not late on 2 March")
		}
		w.Clock.Advance(10 * 86400e9)
		if x, _ := db.Prospects.Prospect(w.Member.Ctx, pid, f.Prospect.ID); !x.Overdue {
			t.Fatal("by 12 March it is late")
		}
	})
}

func TestProspectInvite(t *testing.T) {
	t.Parallel()
	sqldbtest.EachWorld(t, func(t *testing.T, w *sqldbtest.World) {
		db := w.DB
		pid, f := w.Partnership.ID, w.Playbook()
		if _, err := db.Prospects.InviteProspect(w.Member.Ctx, pid, f.Prospect.ID, pk.ProspectInviteInput{Role: "member"}); pk.ErrorCode(err) != pk.EFORBIDDEN {
			t.Fatalf("member invite: %v", err)
		}
		_, err := db.Prospects.InviteProspect(w.Coordinator.Ctx, pid, f.Early.ID, pk.ProspectInviteInput{Role: "member"})
		wantField(t, err, "status")
		_, err = db.Prospects.InviteProspect(w.Coordinator.Ctx, pid, f.Prospect.ID, pk.ProspectInviteInput{})
		wantField(t, err, "role")
		inv, err := db.Prospects.InviteProspect(w.Coordinator.Ctx, pid, f.Prospect.ID, pk.ProspectInviteInput{Role: "member"})
		if err != nil {
			t.Fatal(err)
		}
		if inv.Email != "dana@roma-youth.example.org" || inv.Status != "pending" {
			t.Fatalf("invitation %+v", inv)
		}
		x, err := db.Prospects.Prospect(w.Member.Ctx, pid, f.Prospect.ID)
		if err != nil || x.Invitation == nil || x.Invitation.ID != inv.ID || x.Version != 2 {
			t.Fatalf("prospect after invite: %v %+v", err, x)
		}
	})
}
