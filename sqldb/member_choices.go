package sqldb

import (
	"context"
	"slices"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/keep"
)

func scanChoice(row rowScanner) (pk.Choice, error) {
	var c pk.Choice
	err := row.Scan(&c.ID, &c.Name)
	return c, err
}

// MemberChoices lists the people and active member organisations whose
// name holds find, by name, at most pk.MaxMemberChoices of each: a
// coalition of thousands must not become a drop-down of thousands. The
// chosen IDs are added when the bound left them out, so a filter or a
// refused form still shows what was picked.
func (store *MemberStore) MemberChoices(ctx context.Context, pid, find string, chosen ...string) (*pk.MemberChoices, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewMembers); err != nil {
		return nil, err
	}
	find = strings.TrimSpace(find)
	out := &pk.MemberChoices{}
	for _, l := range []struct {
		from, id, name string
		list           *[]pk.Choice
		cut            *bool
	}{
		{`FROM partnership_people pp JOIN users u ON u.id = pp.user_id WHERE pp.partnership_id = $1`, "u.id", "u.name", &out.People, &out.PeopleCut},
		{`FROM partnership_organisations po JOIN organisations o ON o.id = po.organisation_id
			WHERE po.partnership_id = $1 AND po.status = 'active'`, "o.id", "o.name", &out.Organisations, &out.OrganisationsCut},
	} {
		sel := `SELECT ` + l.id + `, ` + l.name + ` ` + l.from
		ar := args{pid}
		where := ""
		if find != "" {
			ar.add(likePattern(find))
			where = ` AND ` + store.db.Dialect.ContainsFold(l.name, len(ar))
		}
		first := func() (any, error) {
			return collect(scanChoice)(store.db.read.QueryContext(ctx, sel+where+` ORDER BY `+l.name+`, `+l.id+
				` LIMIT `+ar.add(pk.MaxMemberChoices+1), ar...))
		}
		var kept any
		var err error
		if find == "" {
			kept, err = store.db.keptMembers(ctx, pid, l.id, first)
		} else {
			kept, err = first()
		}
		if err != nil {
			return nil, err
		}
		list := slices.Clone(kept.([]pk.Choice))
		list, *l.cut = cut(list, pk.MaxMemberChoices)
		var missing []string
		for _, id := range chosen {
			if id != "" && !slices.ContainsFunc(list, func(c pk.Choice) bool { return c.ID == id }) {
				missing = append(missing, id)
			}
		}
		if len(missing) > 0 {
			ar := args{pid}
			more, err := collect(scanChoice)(store.db.read.QueryContext(ctx, sel+` AND `+l.id+` IN (`+ar.inList(missing)+`)`, ar...))
			if err != nil {
				return nil, err
			}
			list = append(list, more...)
			slices.SortStableFunc(list, func(a, b pk.Choice) int { return strings.Compare(a.Name, b.Name) })
		}
		*l.list = list
	}
	return out, nil
}

// keptMembers returns the first of a partnership's people or organisations
// by name, as list reads them, keeping them under the members' version
// (migration 00034): every form of a coalition of thousands offers them,
// and sorting thousands of names per request cost more than the rest of
// the page. The version is read before the rows; what is kept must be
// handed out as copies.
func (db *DB) keptMembers(ctx context.Context, pid, list string, read func() (any, error)) (any, error) {
	version, err := db.partnershipVersion(ctx, pid, "member_version")
	if err != nil {
		return nil, err
	}
	return memberCache.Get(db.opened+"\x00"+pid+"\x00"+list, version, func(any) (any, error) { return read() })
}

// memberCache holds the first people and organisations of the partnerships
// last shown (64 lists of 101 names) and their overview's counts of members,
// one version each. A request for a list being read waits for that read.
var memberCache = keep.New(96, 1)
