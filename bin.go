package partnerkit

import "time"

// The bin keeps what a delete destroys, so that nothing is lost by someone
// who could not see it. Deleting an actor takes its relationships, map
// positions and tactics with it, some of which a member may not be allowed
// to see (sensitive ones); deleting a map takes its assessments and tactics.
// Every such delete first copies all the rows it will destroy into one bin
// item, in the same transaction, where coordinators can restore them
// exactly (IDs kept) or purge them. Items are purged after BinRetention.

// BinRetention is how long a deleted record waits in the bin.
const BinRetention = 30 * 24 * time.Hour

// Kinds of bin items: what was deleted.
const (
	BinActor        = "actor"
	BinRelationship = "relationship"
	BinMap          = "map"
	// BinMerge is the duplicate folded away by a merge: its own record and
	// the ties between the two actors are destroyed, the rest moved over.
	BinMerge = "merge"
)

// BinItem is one delete waiting in the bin.
type BinItem struct {
	ID string `json:"id"`
	// Kind is BinActor, BinRelationship, BinMap or BinMerge.
	Kind string `json:"kind"`
	// SubjectID is the ID of the deleted actor, relationship or map.
	SubjectID string `json:"subject_id"`
	// Title names what was deleted (an actor's or map's name, or a tie's ends).
	Title string `json:"title"`
	// Counts says how many records of each kind the item holds beside its
	// subject ("relationships", "assessments", "tactics", …).
	Counts map[string]int `json:"counts"`
	// Sensitive is true when anything in the item is sensitive or about a
	// sensitive actor.
	Sensitive     bool      `json:"sensitive"`
	DeletedBy     string    `json:"deleted_by"`
	DeletedByName string    `json:"deleted_by_name"`
	DeletedAt     time.Time `json:"deleted_at"`
	ExpiresAt     time.Time `json:"expires_at"`
}
