package sqldb

import (
	"context"
	"slices"
	"strconv"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/keep"
)

// The actor register's first page, its count and the tags it offers, and
// an actor's page (the actor, its first ties, who works there), are read
// on every visit and change only when an actor or a tie does:
// they are kept under the maps' version (which includes the network's,
// raised by every write to actors, their tags and relationships, and the
// maps' and assessments', which the map filters read).
//
// Only views chosen from short lists are kept (no search text, no tag,
// the first page): the rest would fill the cache with views read once.

// registerCache holds the newest version of the 64 register views read
// last.
var registerCache = keep.New(64, 1)

// keptRegister returns what read reads of partnership pid's register,
// kept under the maps' version and scope (which must name the asker's
// right to sensitive actors); the value must be handed out as copies.
func (db *DB) keptRegister(ctx context.Context, pid, scope string, read func() (any, error)) (any, error) {
	v, _, err := db.keptMapsIn(ctx, registerCache, pid, scope, read)
	return v, err
}

// actorPageCache holds the newest version of the 256 actors' pages read
// last (an actor, its first ties and the people who work there: a few
// kilobytes each), apart from the register's views, which browsing from
// actor to actor would otherwise push out.
var actorPageCache = keep.New(256, 1)

// copyActorPage hands out a copy of a kept actor's page.
func copyActorPage(kept *pk.ActorPage) *pk.ActorPage {
	out := *kept
	out.Actor = copyActorsOut([]*pk.Actor{kept.Actor})[0]
	out.KeyIndividuals = copyActorsOut(kept.KeyIndividuals)
	vals := make([]pk.Relationship, len(kept.Relationships))
	out.Relationships = make([]*pk.Relationship, len(kept.Relationships))
	for i, r := range kept.Relationships {
		vals[i] = *r
		out.Relationships[i] = &vals[i]
	}
	return &out
}

// registerKept says whether the register's view f, page pg, is kept, and
// under which scope for an asker who may (or may not) see sensitive actors.
func registerKept(f pk.ActorFilter, pg pk.PageRequest, sensitive bool) (string, bool) {
	if f.Query != "" || f.Tag != "" || pg.Cursor != "" {
		return "", false
	}
	return strings.Join([]string{"register", strconv.FormatBool(sensitive), f.Kind, f.Sector, f.MapID, f.Segment, f.Strategy,
		strconv.Itoa(pg.Limit)}, "\x00"), true
}

// actorPage is a kept page of the register: its actors and the next
// page's cursor.
type actorPage struct {
	actors []*pk.Actor
	next   string
}

// copyActorsOut hands out copies of kept actors, so that no caller can
// change what the next one is given (their tags' lists are clipped, so
// that appending to one makes a new list).
func copyActorsOut(kept []*pk.Actor) []*pk.Actor {
	vals := make([]pk.Actor, len(kept))
	out := make([]*pk.Actor, len(kept))
	for i, a := range kept {
		vals[i] = *a
		vals[i].Tags = slices.Clip(a.Tags)
		out[i] = &vals[i]
	}
	return out
}
