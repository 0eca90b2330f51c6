// Package meeting holds the rules of meetings as pure functions: the
// quorum from who is present, whether the agenda fits and went round in
// time, the dates of a series, and the iCalendar file of meetings. The
// store and both faces call it; nothing here reads a clock or a database.
package meeting

import (
	"math"

	pk "github.com/partnerkit/partnerkit"
)

// QuorumRule is what the quorum is computed against: the body's rule in the
// charter (or its own quorum), and the charter's minimum of participants.
// An open meeting has no body and so no rule (Applies false).
type QuorumRule struct {
	Applies         bool
	Share           float64
	Unit            string
	MinParticipants int
}

// Quorum counts, from the attendance rows, who holds a seat and who of
// them is present, by the rule's unit: people, or member organisations (an
// organisation is present when it is marked present itself or one of its
// people who holds a seat is). The quorum is met when at least the share of
// the eligible is present (rounded up, at least one when the share is not
// zero) and at least the charter's minimum of participants is present
// (see participants).
func Quorum(rule QuorumRule, people, organisations []*pk.AttendanceRow) pk.Quorum {
	q := pk.Quorum{Applies: rule.Applies, Unit: rule.Unit, Share: rule.Share, MinParticipants: rule.MinParticipants}
	if q.Unit == "" {
		q.Unit = pk.UnitPerson
	}
	q.PeoplePresent = participants(people, organisations)
	if rule.Applies {
		if q.Unit == pk.UnitOrganisation {
			q.Eligible, q.Present = countOrganisations(people, organisations)
		} else {
			for _, p := range people {
				if p.Seated {
					q.Eligible++
					if p.Status == pk.AttendancePresent {
						q.Present++
					}
				}
			}
		}
		q.Needed = Needed(rule.Share, q.Eligible)
	}
	q.Met = q.Present >= q.Needed && q.PeoplePresent >= q.MinParticipants
	return q
}

// participants counts the people present: each person marked present,
// and each organisation marked present none of whose people is, since an
// organisation is there through at least one person (a body whose seats
// are all organisations records its attendance per organisation).
func participants(people, organisations []*pk.AttendanceRow) int {
	n := 0
	through := map[string]bool{}
	for _, p := range people {
		if p.Status == pk.AttendancePresent {
			n++
			if p.OfOrganisationID != "" {
				through[p.OfOrganisationID] = true
			}
		}
	}
	for _, o := range organisations {
		if o.Status == pk.AttendancePresent && !through[o.OrganisationID] {
			n++
		}
	}
	return n
}

// countOrganisations counts the organisations holding a seat, or whose
// person holds one, and those of them present.
func countOrganisations(people, organisations []*pk.AttendanceRow) (eligible, present int) {
	seated, here := map[string]bool{}, map[string]bool{}
	for _, o := range organisations {
		if o.Seated {
			seated[o.OrganisationID] = true
		}
		if o.Status == pk.AttendancePresent {
			here[o.OrganisationID] = true
		}
	}
	for _, p := range people {
		if p.OfOrganisationID == "" {
			continue
		}
		if p.Seated {
			seated[p.OfOrganisationID] = true
		}
		if p.Seated && p.Status == pk.AttendancePresent {
			here[p.OfOrganisationID] = true
		}
	}
	for id := range seated {
		eligible++
		if here[id] {
			present++
		}
	}
	return eligible, present
}

// Needed is how many of eligible must be present for share: the share
// rounded up, and at least one when the share is above zero and anyone is
// eligible. A hair below the whole number counts as it (2/3 of 3 is 2,
// not 3 from rounding).
func Needed(share float64, eligible int) int {
	if share <= 0 || eligible <= 0 {
		return 0
	}
	n := int(math.Ceil(share*float64(eligible) - 1e-9))
	return min(max(n, 1), eligible)
}
