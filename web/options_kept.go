package web

import (
	"hash/maphash"
	"html/template"
	"slices"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/keep"
)

// Options writes the options of a drop-down of choices, the chosen one
// selected, as ChoiceOptions does, placed on the page as kept HTML: a
// filter offering hundreds of plans, people and organisations writes tens
// of kilobytes of options that would otherwise be compressed on every
// view. A template calls it on the page's view: {{$.Options .People $id}}.
func (v *View) Options(choices []pk.Choice, chosen string) template.HTML {
	return v.Place(keptOptions(choices, chosen))
}

// keptOptionsMin: below this many choices the options are written afresh
// (they are too short to be worth placing, see placeMinSize).
const keptOptionsMin = 40

// keptOptions returns the options kept for exactly these choices and this
// chosen one. They are found by their content: a hash of the choices (with
// a seed of this process, so nobody can aim at another list's hash), and
// the choices kept beside the options are compared in full, so different
// choices are never given another list's options.
func keptOptions(choices []pk.Choice, chosen string) KeptHTML {
	if len(choices) < keptOptionsMin {
		return KeptHTML{piece: httpx.Piece{Raw: []byte(ChoiceOptions(choices, chosen))}}
	}
	kept, _ := keptOptionLists.Get(optionsKey(choices, chosen), "options", func(any) (any, error) {
		return &optionList{choices: slices.Clone(choices), chosen: chosen,
			html: NewKeptHTML([]byte(ChoiceOptions(choices, chosen)))}, nil
	})
	if o := kept.(*optionList); o.chosen == chosen && slices.Equal(o.choices, choices) {
		return o.html
	}
	return KeptHTML{piece: httpx.Piece{Raw: []byte(ChoiceOptions(choices, chosen))}}
}

// optionsKey is the hash the options of choices are found by.
func optionsKey(choices []pk.Choice, chosen string) string {
	var h maphash.Hash
	h.SetSeed(contentSeed)
	h.WriteString(chosen)
	for _, c := range choices {
		h.WriteByte(0)
		h.WriteString(c.ID)
		h.WriteByte(0)
		h.WriteString(c.Name)
	}
	return strconv.FormatUint(h.Sum64(), 36)
}

// optionList is a list of options kept with the choices it was written
// from.
type optionList struct {
	choices []pk.Choice
	chosen  string
	html    KeptHTML
}

var (
	// contentSeed seeds the hashes kept HTML is found by, per process.
	contentSeed = maphash.MakeSeed()
	// keptOptionLists holds the 64 lists of options written last.
	keptOptionLists = keep.New(64, 1)
)

// PlaceDrawn places HTML drawn for this request as kept HTML when the same
// HTML was drawn before (the asker's last view of the page, or another's
// with the same rights): found by its content (a hash with this process's
// seed, then compared byte for byte), it is compressed once for every view
// that draws it instead of on each. HTML drawn for the first time is kept
// for the next; short HTML is written as it is.
func (v *View) PlaceDrawn(html template.HTML) template.HTML {
	if len(html) < placeMinSize {
		return html
	}
	kept, _ := keptDrawings.Get(drawnKey(html), "drawn", func(any) (any, error) {
		return NewKeptHTML([]byte(html)), nil
	})
	if k := kept.(KeptHTML); string(k.piece.Raw) == string(html) {
		return v.Place(k)
	}
	return html
}

// drawnKey is the hash drawn HTML is found by.
func drawnKey(html template.HTML) string {
	return strconv.FormatUint(maphash.String(contentSeed, string(html)), 36)
}

// keptDrawings holds the 64 pieces of HTML placed by PlaceDrawn last.
var keptDrawings = keep.New(64, 1)
