package api

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/partnerkit/partnerkit/httpx"
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

// writeEncoded writes an encoded answer, ended by a newline like every
// answer.
func writeEncoded(w http.ResponseWriter, status int, e Encoded) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	httpx.WritePieces(w, append(e[:len(e):len(e)], httpx.Piece{Raw: newline}))
}

var newline = []byte{'\n'}
