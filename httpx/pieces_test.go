package httpx

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A body in pieces, some kept with their compressed form, decodes to the
// same bytes in every coding, with kept pieces first, last, side by side
// and between plain ones, large and small; its ETag is the same in every
// coding, changes with a kept piece, and revalidates.
func TestServePiecesDecodesToTheSameBytes(t *testing.T) {
	t.Parallel()
	kept := func(s string) Piece { return KeptPiece([]byte(s)) }
	plain := func(s string) Piece { return Piece{Raw: []byte(s)} }
	big := strings.Repeat("<circle r=\"4\"/><text>الجهات الفاعلة</text>\n", 400)
	// Pieces placed more than once: the repetitions refer back, of every
	// length a match can take and from as far as deflate's window allows.
	var names strings.Builder
	for i := range 300 {
		names.WriteString("<option value=\"a" + strings.Repeat("b", i%7) + "\">Name " + strings.Repeat("é", i%5) + "</option>")
	}
	once, wide, three, four := kept(names.String()), kept(strings.Repeat("w", 259)), kept("abc"), kept("260"+strings.Repeat("q", 257))
	for name, pieces := range map[string][]Piece{
		"kept between plain":  {plain("<!doctype html><p>head</p>"), kept(big), plain("<p>middle</p>"), kept(big + "x"), plain("<p>end</p>")},
		"kept first and last": {kept(big), plain(strings.Repeat("<td>row</td>", 300)), kept("<p>small kept</p>")},
		"kept side by side":   {kept(big), kept(big), kept("")},
		"one kept repeated":   {plain("<select>"), once, plain("</select><select>"), once, plain("</select>"), once, kept("x"), once},
		"repeated far back":   {wide, plain(strings.Repeat("y", 32768-len(wide.Raw))), wide, plain("z"), wide},
		"repeated just near":  {wide, plain(strings.Repeat("y", 32768-len(wide.Raw)-1)), wide},
		"short ones repeated": {three, three, plain("a"), three, four, four},
		"small":               {plain("<p>a</p>"), kept("<p>b</p>"), plain("<p>c</p>")},
		"plain only":          {plain(big)},
	} {
		var want []byte
		for _, p := range pieces {
			want = append(want, p.Raw...)
		}
		h := Compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			ServePieces(w, r, http.StatusOK, pieces)
		}))
		var etags []string
		for _, accept := range []string{"gzip", "gzip, br", "br", ""} {
			res := fetch(h, "GET", accept)
			raw, _ := io.ReadAll(res.Body)
			if got := decode(t, res.Header.Get("Content-Encoding"), bytes.NewReader(raw)); !bytes.Equal(got, want) {
				t.Errorf("%s, %q: decoded %d bytes, want %d", name, accept, len(got), len(want))
			}
			if accept != "" && len(want) > 4000 && len(raw)*3 > len(want) {
				t.Errorf("%s, %q: %d bytes from %d: hardly compressed", name, accept, len(raw), len(want))
			}
			// Its compressed form goes out once; the repetitions refer
			// back to it (how many bytes that saves depends on how well
			// the Go release's compressor shrank the piece).
			if n := bytes.Count(raw, once.kept.deflated); name == "one kept repeated" && accept == "gzip" && n != 1 {
				t.Errorf("a piece placed four times is copied in compressed %d times: the repetitions do not refer back", n)
			}
			etags = append(etags, strings.TrimPrefix(res.Header.Get("ETag"), "W/"))
		}
		for _, e := range etags {
			if e == "" || e != etags[0] {
				t.Errorf("%s: ETags %v", name, etags)
			}
		}
		r := httptest.NewRequest("GET", "/x", nil)
		r.Header.Set("If-None-Match", etags[0])
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusNotModified || w.Body.Len() != 0 {
			t.Errorf("%s: revalidated %d with %d bytes", name, w.Code, w.Body.Len())
		}
	}
	a := []Piece{{Raw: []byte("<p>")}, KeptPiece([]byte("one"))}
	b := []Piece{{Raw: []byte("<p>")}, KeptPiece([]byte("two"))}
	if piecesETag(a) == piecesETag(b) {
		t.Error("a different kept piece keeps the ETag")
	}
	if piecesETag([]Piece{{Raw: []byte("body")}}) != ETag([]byte("body")) {
		t.Error("plain pieces have another ETag than their bytes")
	}
}
