package web

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"html/template"
	"strconv"

	"github.com/partnerkit/partnerkit/httpx"
)

// KeptHTML is HTML drawn once and sent on many pages, such as a kept
// picture of a map or the rows of its tables, with its compressed form
// made once (httpx.KeptPiece). A page places it with View.Place; the zero
// value is empty.
type KeptHTML struct {
	piece httpx.Piece
	// former: it names a former member, whose words Render writes in
	// the reader's language, so it is sent as plain bytes.
	former bool
}

// NewKeptHTML keeps html, which must be safe HTML that never changes.
func NewKeptHTML(html []byte) KeptHTML {
	return KeptHTML{piece: httpx.KeptPiece(html), former: bytes.Contains(html, formerMemberMarker)}
}

// HTML is the kept HTML itself.
func (k KeptHTML) HTML() template.HTML { return template.HTML(k.piece.Raw) }

// Place puts kept HTML on the page being drawn, where the template writes
// what Place returns (in the text of an element, never in an attribute):
// Render sends the piece's compressed form in its place.
func (v *View) Place(k KeptHTML) template.HTML {
	if k.former || !k.piece.Kept() || len(k.piece.Raw) < placeMinSize {
		return k.HTML()
	}
	v.placed = append(v.placed, k.piece)
	return template.HTML(placeMark + strconv.Itoa(len(v.placed)-1) + "\x00")
}

// placeMinSize: below this a piece costs more to splice in (a flush of the
// compressor, which then starts afresh) than to compress again.
const placeMinSize = 2048

// placeMark begins the mark Place leaves in a page: a NUL, which no text
// a template escapes can hold (html/template writes it as U+FFFD), and a
// secret of this process, so that no other mark is taken for one.
var placeMark = func() string {
	b := make([]byte, 8)
	rand.Read(b)
	return "\x00pk" + hex.EncodeToString(b) + ":"
}()

// pieces cuts a drawn page at the marks Place left into the pieces it is
// sent in, each plain piece with former members named in words.
func (v *View) pieces(page []byte, words string) []httpx.Piece {
	var out []httpx.Piece
	mark := []byte(placeMark)
	for {
		i := bytes.Index(page, mark)
		if i < 0 {
			break
		}
		end := bytes.IndexByte(page[i+len(mark):], 0)
		n, err := strconv.Atoi(string(page[i+len(mark) : i+len(mark)+max(end, 0)]))
		if end < 0 || err != nil || n < 0 || n >= len(v.placed) {
			break // not a mark of this page: left as it is
		}
		out = append(out, httpx.Piece{Raw: nameFormerMembers(page[:i], words)}, v.placed[n])
		page = page[i+len(mark)+end+1:]
	}
	return append(out, httpx.Piece{Raw: nameFormerMembers(page, words)})
}
