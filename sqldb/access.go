package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
)

// authorize loads partnership pid for the person asking and checks that
// their role allows action. Anyone outside the partnership, or asking about
// one that does not exist, gets ENOTFOUND: never a hint that it exists.
// Archived partnerships refuse everything but reading and restoring.
func (db *DB) authorize(ctx context.Context, q queryer, pid string, action pk.Action) (*pk.Partnership, error) {
	uid := pk.UserIDFromContext(ctx)
	if uid == "" {
		return nil, pk.NotFound()
	}
	p, err := db.partnershipFor(ctx, q, pid, uid)
	if err != nil {
		return nil, err
	}
	if !pk.Can(p.MyRole, action) {
		return nil, pk.Forbidden()
	}
	if p.Archived && !pk.ReadOnly(action) && action != pk.ActionArchivePartnership {
		return nil, pk.Errorf(pk.EFORBIDDEN, "error.archived", nil)
	}
	return p, nil
}

// partnershipFor reads partnership pid with the role of person uid in it
// (ENOTFOUND when uid is not in it). Outside a transaction the answer is
// kept in the request's memo, and a copy handed out, so that the services a
// page calls read it once; inside one it is always read, in the
// transaction.
func (db *DB) partnershipFor(ctx context.Context, q queryer, pid, uid string) (*pk.Partnership, error) {
	memo := pk.MemoFromContext(ctx)
	if q != queryer(db.read) {
		memo = nil
	}
	key := partnershipKey(uid, pid)
	if v, ok := memo.Get(key); ok {
		p := *v.(*pk.Partnership)
		return &p, nil
	}
	p := &pk.Partnership{}
	var role string
	var memberVersion, networkVersion, mapVersion, dataVersion int64
	err := q.QueryRowContext(ctx, `
		SELECT p.id, p.name, p.purpose, p.form, p.basis, p.scope, p.structure, p.archived, p.version, p.created_at, pp.role, p.member_version, p.network_version, p.map_version, p.data_version
		FROM partnerships p JOIN partnership_people pp ON pp.partnership_id = p.id
		WHERE p.id = $1 AND pp.user_id = $2`, pid, uid).
		Scan(&p.ID, &p.Name, &p.Purpose, &p.Form, &p.Basis, &p.Scope, &p.Structure, &p.Archived, &p.Version, ts(&p.CreatedAt), &role, &memberVersion, &networkVersion, &mapVersion, &dataVersion)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, pk.NotFound()
	} else if err != nil {
		return nil, err
	}
	p.MyRole = pk.Role(role)
	kept := *p
	memo.Put(key, &kept)
	// The versions come with the row, read before anything the request
	// keeps under them (keptMembers, keptMaps, keptData).
	memo.Put(versionKey("member_version", pid), strconv.FormatInt(memberVersion, 10))
	memo.Put(versionKey("data_version", pid), strconv.FormatInt(dataVersion, 10))
	memo.Put(versionKey("network_version", pid), strconv.FormatInt(networkVersion, 10))
	memo.Put(mapsVersionKey(pid), mapsVersionOf(networkVersion, mapVersion))
	return p, nil
}

// memoPartnershipVersion is partnership pid's own version as the request
// read it with the asker's role (partnershipFor), if it did.
func (db *DB) memoPartnershipVersion(ctx context.Context, pid string) (string, bool) {
	v, ok := pk.MemoFromContext(ctx).Get(partnershipKey(pk.UserIDFromContext(ctx), pid))
	if !ok {
		return "", false
	}
	return strconv.Itoa(v.(*pk.Partnership).Version), true
}

// partnershipKey is where a request's memo holds partnership pid as person
// uid may see it.
func partnershipKey(uid, pid string) string { return "partnership\x00" + uid + "\x00" + pid }

// authorizeOrg finds the asking person's role in organisation oid and
// checks that it allows action (an organisation action of the permission
// table). A missing organisation is ENOTFOUND; a refusal is EFORBIDDEN, or
// ENOTFOUND for actions hidden from outsiders when the person is not in the
// organisation at all.
func (db *DB) authorizeOrg(ctx context.Context, q queryer, oid string, action pk.Action) (pk.OrgRole, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return "", err
	}
	var admin sql.NullBool
	err = q.QueryRowContext(ctx, `
		SELECT op.admin FROM organisations o
		LEFT JOIN organisation_people op ON op.organisation_id = o.id AND op.user_id = $2 WHERE o.id = $1`, oid, uid).Scan(&admin)
	if errors.Is(err, sql.ErrNoRows) {
		return "", pk.NotFound()
	} else if err != nil {
		return "", err
	}
	role := pk.OrgRoleNone
	if admin.Valid {
		role = pk.OrgRoleOf(admin.Bool)
	}
	if !pk.CanInOrganisation(role, action) {
		if role == pk.OrgRoleNone && pk.HiddenFromOutsiders(action) {
			return "", pk.NotFound()
		}
		return "", pk.Forbidden()
	}
	return role, nil
}

// requireUser returns the asking user's ID or EUNAUTHORIZED.
func requireUser(ctx context.Context) (string, error) {
	uid := pk.UserIDFromContext(ctx)
	if uid == "" {
		return "", pk.Unauthorized()
	}
	return uid, nil
}
