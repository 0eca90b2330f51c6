package httpx

import (
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"hash/crc32"
	"io"
	"net/http"
)

// Piece is a part of an answer's body (ServePieces). A piece drawn once and
// sent many times, such as a kept picture of a map, is made with KeptPiece,
// which compresses it and takes its digest once: a gzip answer then
// compresses only the pieces made for it and copies the kept ones in as
// they are. On a power map of 500 actors, compressing the page's 300 kB
// anew was nearly half of each request's time.
type Piece struct {
	Raw  []byte
	kept *keptForm
}

type keptForm struct {
	deflated []byte   // raw deflate, ended by a sync flush and not final
	digest   [32]byte // of Raw, standing for it in the ETag
}

// KeptPiece makes a piece of raw with its compressed form and digest.
// raw must not change afterwards.
func KeptPiece(raw []byte) Piece {
	var b bytes.Buffer
	// Not the best level: a drawing that is not kept (a view of a past
	// date) is made per request.
	fw, _ := flate.NewWriter(&b, keptLevel)
	fw.Write(raw)
	fw.Flush()
	return Piece{Raw: raw, kept: &keptForm{deflated: b.Bytes(), digest: sha256.Sum256(raw)}}
}

// Kept tells whether the piece carries its compressed form.
func (p Piece) Kept() bool { return p.kept != nil }

// ServePieces is ServeBody for a body in pieces: the same ETag and
// revalidation, the same bytes once decoded.
func ServePieces(w http.ResponseWriter, r *http.Request, status int, pieces []Piece) {
	if status == http.StatusOK && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		if notModified(w, r, piecesETag(pieces)) {
			return
		}
	}
	w.WriteHeader(status)
	WritePieces(w, pieces)
}

// WritePieces writes a body in pieces, each kept piece in its compressed
// form when the answer goes out in gzip.
func WritePieces(w http.ResponseWriter, pieces []Piece) {
	cw := compressWriterOf(w)
	for _, p := range pieces {
		if p.kept != nil && cw != nil {
			cw.writeKept(p)
			continue
		}
		w.Write(p.Raw)
	}
}

// piecesETag is ETag of the pieces' bytes, a kept piece standing for its
// bytes by its digest: a body of plain pieces has the ETag of its bytes
// (ServeBody), and any change to a kept piece changes its digest.
func piecesETag(pieces []Piece) string {
	h := sha256.New()
	for _, p := range pieces {
		if p.kept != nil {
			h.Write([]byte{0})
			h.Write(p.kept.digest[:])
			continue
		}
		h.Write(p.Raw)
	}
	return `"` + hex.EncodeToString(h.Sum(nil)[:16]) + `"`
}

// compressWriterOf finds the Compress writer under w, nil when none.
func compressWriterOf(w http.ResponseWriter) *compressWriter {
	for {
		switch x := w.(type) {
		case *compressWriter:
			return x
		case interface{ Unwrap() http.ResponseWriter }:
			w = x.Unwrap()
		default:
			return nil
		}
	}
}

// writeKept writes a kept piece: copied in compressed when the answer is
// going out in gzip, written as any bytes otherwise.
func (c *compressWriter) writeKept(p Piece) {
	if !c.decided && c.coding == "gzip" && len(c.buf)+len(p.Raw) >= CompressMinSize {
		c.decide(true)
	}
	if g, ok := c.enc.(*gzipSplicer); ok {
		if !c.head {
			g.writeKept(p)
		}
		return
	}
	c.Write(p.Raw)
}

// gzipSplicer writes the gzip format (RFC 1952) around a deflate stream
// into which pieces compressed beforehand can be copied: before one, the
// stream is flushed to a byte boundary; after it, the compressor starts
// afresh, so that nothing it writes refers back across the piece. The
// checksum and length cover every byte, compressed here or before.
type gzipSplicer struct {
	w      io.Writer
	fw     *flate.Writer
	crc    uint32
	size   uint32
	opened bool
	err    error
	// placed: where each kept piece written so far began, for a
	// repetition to refer back to (repeatBlock).
	placed []placedPiece
}

type placedPiece struct {
	form *keptForm
	at   uint32
}

func newGzipSplicer(w io.Writer) *gzipSplicer {
	fw, _ := flate.NewWriter(w, gzipLevel)
	return &gzipSplicer{w: w, fw: fw}
}

// gzipHeader is the header gzip.Writer writes without a name, comment or
// time: the magic, deflate, no flags, no time, no extra flags, unknown OS.
var gzipHeader = []byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255}

func (g *gzipSplicer) open() {
	if !g.opened && g.err == nil {
		g.opened = true
		_, g.err = g.w.Write(gzipHeader)
	}
}

func (g *gzipSplicer) Write(p []byte) (int, error) {
	g.open()
	if g.err != nil {
		return 0, g.err
	}
	g.crc = crc32.Update(g.crc, crc32.IEEETable, p)
	g.size += uint32(len(p))
	n, err := g.fw.Write(p)
	g.err = err
	return n, err
}

func (g *gzipSplicer) writeKept(p Piece) {
	g.open()
	if g.err != nil {
		return
	}
	if g.err = g.fw.Flush(); g.err != nil {
		return
	}
	body := p.kept.deflated
	for _, x := range g.placed {
		if d := int(g.size - x.at); x.form == p.kept && d <= maxRepeatDistance && len(p.Raw) >= 3 {
			body = repeatBlock(len(p.Raw), d)
		}
	}
	g.placed = append(g.placed, placedPiece{p.kept, g.size})
	if _, g.err = g.w.Write(body); g.err != nil {
		return
	}
	g.fw.Reset(g.w)
	g.crc = crc32.Update(g.crc, crc32.IEEETable, p.Raw)
	g.size += uint32(len(p.Raw))
}

func (g *gzipSplicer) Flush() error {
	g.open()
	if g.err == nil {
		g.err = g.fw.Flush()
	}
	return g.err
}

func (g *gzipSplicer) Close() error {
	g.open()
	if g.err != nil {
		return g.err
	}
	if g.err = g.fw.Close(); g.err != nil {
		return g.err
	}
	var trailer [8]byte
	binary.LittleEndian.PutUint32(trailer[:4], g.crc)
	binary.LittleEndian.PutUint32(trailer[4:], g.size)
	_, g.err = g.w.Write(trailer[:])
	return g.err
}

func (g *gzipSplicer) Reset(w io.Writer) {
	g.w, g.crc, g.size, g.opened, g.err = w, 0, 0, false, nil
	g.placed = g.placed[:0]
	g.fw.Reset(w)
}
