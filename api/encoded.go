package api

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/keep"
)

// Encoded is an answer already encoded as JSON with its method texts in
// the asker's language (Encode), in pieces: the writer sends it as it is,
// for a handler that keeps the costly parts of its answers encoded. A
// piece kept with its compressed form (httpx.KeptPiece) goes out as it
// was compressed.
type Encoded []httpx.Piece

// Bytes is the answer's JSON, without the final newline.
func (e Encoded) Bytes() []byte {
	var b []byte
	for _, p := range e {
		b = append(b, p.Raw...)
	}
	return b
}

// Encode encodes v as an answer in language lang, the way the writer
// encodes a value (with its method texts translated), without the final
// newline: for encoding a part of an answer once and keeping it.
func (a *API) Encode(lang string, v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	b, err := localize(raw, a.Bundle.Localizer(lang).T)
	if err != nil {
		return nil, err
	}
	return b[:len(b)-1], nil
}

// EncodedName names what Encode writes for lang with this server's
// catalogues, for keeping it.
func (a *API) EncodedName(what, lang string) string {
	return fmt.Sprintf("json %p %s %s", a.Bundle, what, lang)
}

// KeptEncoded is value encoded in lang and compressed once per kept data
// it comes from (keep.Drawn under scope and version; with either empty,
// each time): what names it, beside what (the answer, the part) and the
// language, must say everything else value depends on. value is asked for
// only when it is not kept.
func (a *API) KeptEncoded(scope, version, what, lang string, value func() (any, error)) (httpx.Piece, error) {
	kept, err := keep.Drawn(scope, version, a.EncodedName(what, lang), func() (any, error) {
		v, err := value()
		if err != nil {
			return nil, err
		}
		b, err := a.Encode(lang, v)
		if err != nil {
			return nil, err
		}
		return httpx.KeptPiece(b), nil
	})
	if err != nil {
		return httpx.Piece{}, err
	}
	return kept.(httpx.Piece), nil
}

// writeEncoded writes an encoded answer, ended by a newline like every
// answer.
func writeEncoded(w http.ResponseWriter, status int, e Encoded) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	httpx.WritePieces(w, append(e[:len(e):len(e)], httpx.Piece{Raw: newline}))
}

var newline = []byte{'\n'}
