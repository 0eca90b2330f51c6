package web

import (
	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/keep"
)

// drawings keeps the 64 drawings made last from kept lists: a map of 500
// actors drawn as a picture and tables is some hundreds of kilobytes, and
// drawing it is a large part of its page's processor time.
var drawings = keep.New(64, 1)

// Drawn returns what draw makes of a list read from the kept value kept,
// drawn once per kept value and name and kept beside it, so a write that
// changes the list (a new version) is drawn anew. name says what is drawn
// and from what else (the language, the direction): draw must depend on
// nothing more, and never on the asker beyond what the kept value's scope
// already says (whether they may see sensitive rows). A list read afresh
// (kept unknown) is drawn each time. What is returned is shared: never
// change it.
func Drawn(kept pk.Kept, name string, draw func() (any, error)) (any, error) {
	if !kept.Known() {
		return draw()
	}
	return drawings.Get(kept.Scope+"\x00"+name, kept.Version, func(any) (any, error) { return draw() })
}
