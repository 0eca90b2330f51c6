package reportview

import (
	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/keep"
)

// Shown is a report as built for one asker (Report), with the kept values
// it was made from: the sections it shares with everyone of the asker's
// role (all but the decisions) and the asker's own decisions. A face
// draws each once (as a page part, as encoded JSON) and writes what it
// drew into every answer: a national partnership's report takes
// milliseconds to write, the kept drawing microseconds to find.
type Shown struct {
	Report *pk.PartnershipReport
	shared *kept
	own    *keptDecisions
}

// Drawn returns what draw makes of the shared sections: a report with
// its sections but the decisions and with GeneratedAt, nothing else (no
// partnership, period or decisions, which the face writes per request).
// name says what is drawn and for what reader (the face, the language):
// draw must depend on nothing else. For a kept report it is drawn once per
// name, and kept under the report's scope and version, so a drawing is
// never handed to another role or after a write; a report worked out
// afresh is drawn each time.
func (s *Shown) Drawn(name string, draw func(shared *pk.PartnershipReport) (any, error)) (any, error) {
	return keep.Drawn("sections\x00"+s.shared.scope, s.shared.version, name, func() (any, error) { return draw(s.shared.r) })
}

// DrawnDecisions is Drawn for the asker's decisions section (nil when they
// may not see it), kept under the asker's decisions' scope and version:
// one person's drawing is never another's.
func (s *Shown) DrawnDecisions(name string, draw func(*pk.ReportDecisions) (any, error)) (any, error) {
	return keep.Drawn("decisions\x00"+s.own.scope, s.own.version, name, func() (any, error) { return draw(s.own.s) })
}
