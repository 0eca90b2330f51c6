package meeting

import (
	"testing"

	pk "github.com/partnerkit/partnerkit"
)

func TestNeeded(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		share    float64
		eligible int
		want     int
	}{
		{0, 5, 0}, {0.5, 0, 0}, {0.5, 4, 2}, {0.5, 5, 3}, {2.0 / 3, 3, 2}, {2.0 / 3, 4, 3}, {0.01, 5, 1}, {1, 7, 7}, {0.999, 1, 1},
	} {
		if got := Needed(c.share, c.eligible); got != c.want {
			t.Errorf("Needed(%v, %d) = %d, want %d", c.share, c.eligible, got, c.want)
		}
	}
}

func row(user, org, of string, seated bool, status string) *pk.AttendanceRow {
	return &pk.AttendanceRow{UserID: user, OrganisationID: org, OfOrganisationID: of, Seated: seated, Status: status}
}

func TestQuorum(t *testing.T) {
	t.Parallel()
	people := []*pk.AttendanceRow{
		row("a", "", "o1", true, pk.AttendancePresent),
		row("b", "", "o1", true, pk.AttendancePresent),
		row("c", "", "o2", true, pk.AttendanceApologies),
		row("d", "", "", true, ""),
		row("guest", "", "o3", false, pk.AttendancePresent),
	}
	orgs := []*pk.AttendanceRow{row("", "o4", "", true, pk.AttendancePresent), row("", "o5", "", true, pk.AttendanceAbsent)}
	for _, c := range []struct {
		name                      string
		rule                      QuorumRule
		eligible, present, needed int
		met                       bool
	}{
		// People: a, b, c, d seated; a and b present; the guest is not counted.
		{"half of people", QuorumRule{Applies: true, Share: 0.5, Unit: pk.UnitPerson}, 4, 2, 2, true},
		{"more than half", QuorumRule{Applies: true, Share: 0.51, Unit: pk.UnitPerson}, 4, 2, 3, false},
		// Organisations: o1 (through a and b, counted once), o2, o4, o5;
		// o3 only through a guest, who holds no seat.
		{"half of organisations", QuorumRule{Applies: true, Share: 0.5, Unit: pk.UnitOrganisation}, 4, 2, 2, true},
		{"two thirds of organisations", QuorumRule{Applies: true, Share: 2.0 / 3, Unit: pk.UnitOrganisation}, 4, 2, 3, false},
		// Participants: a, b and the guest, and o4 (present, none of its
		// people marked); the charter asks five, then four.
		{"minimum of participants", QuorumRule{Applies: true, Share: 0.5, Unit: pk.UnitPerson, MinParticipants: 5}, 4, 2, 2, false},
		{"minimum reached", QuorumRule{Applies: true, Share: 0.5, Unit: pk.UnitPerson, MinParticipants: 4}, 4, 2, 2, true},
		{"open meeting", QuorumRule{MinParticipants: 3}, 0, 0, 0, true},
	} {
		q := Quorum(c.rule, people, orgs)
		if q.Eligible != c.eligible || q.Present != c.present || q.Needed != c.needed || q.Met != c.met {
			t.Errorf("%s: %+v", c.name, q)
		}
	}
	// An organisation present through its person counts once.
	if n := participants([]*pk.AttendanceRow{row("a", "", "o1", true, pk.AttendancePresent)},
		[]*pk.AttendanceRow{row("", "o1", "", true, pk.AttendancePresent)}); n != 1 {
		t.Errorf("participants counted twice: %d", n)
	}
	if q := Quorum(QuorumRule{Applies: true, Share: 0.5}, nil, nil); q.Eligible != 0 || !q.Met || q.Unit != pk.UnitPerson {
		t.Errorf("nobody seated: %+v", q)
	}
}
