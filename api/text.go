package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"sync"

	"github.com/partnerkit/partnerkit/i18n"
)

// Method texts (a readiness question, a form's name, a playbook step…) are
// catalogue message IDs in the domain, so that each face can show them in
// its reader's language. The API answers them as text: before an answer is
// sent, every string value that is a catalogue message ID is replaced by
// its text in the asker's language (Language). The stable identifier of
// the thing stays where it always was (its id, kind or code field), so a
// client keys on that and shows the text.
//
// A few fields are codes a client keys on that happen to be message IDs
// too (an audit entry's action); those keep the code, and the text is
// added next to them as <field>_text.
var codeFields = map[string]bool{"action": true}

var (
	messageIDsOnce sync.Once
	messageIDs     map[string]bool
)

// isMessageID reports whether s is a catalogue message ID. User text that
// happens to spell one exactly is shown as its text; that is the price of
// translating every answer in one place.
func isMessageID(s string) bool {
	messageIDsOnce.Do(func() {
		messageIDs = map[string]bool{}
		files, err := i18n.MessageIDs()
		if err != nil {
			// The catalogues are embedded: i18n.MustLoad already parsed them
			// at start-up, so this cannot fail in a running server.
			panic(err)
		}
		for _, ids := range files {
			for _, id := range ids {
				messageIDs[id] = true
			}
		}
	})
	return messageIDs[s]
}

// localizedJSON encodes v as JSON with every method text in the asker's
// language.
func (a *API) localizedJSON(r *http.Request, v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return localize(raw, a.T(r))
}

// localize rewrites an encoded JSON value (as json.Marshal writes it),
// replacing the strings that are message IDs by their texts. Everything
// else is copied as it is, byte for byte: the answer is scanned once for
// its strings, without decoding it into tokens and writing it again, which
// for an answer of hundreds of rows cost more than making it.
func localize(raw []byte, t func(id string, args ...any) string) ([]byte, error) {
	out := make([]byte, 0, len(raw)+len(raw)/8+1)
	str := func(s string) {
		b, _ := json.Marshal(s)
		out = append(out, b...)
	}
	copied := 0    // raw[:copied] is in out
	var key []byte // the last object key read
	var prev byte  // the last byte outside strings that is not white space
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '"' {
			if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
				prev = c
			}
			continue
		}
		// A string: find its end, noting whether it has escapes (a
		// message ID has none).
		start, escaped := i, false
		for i++; i < len(raw) && raw[i] != '"'; i++ {
			if raw[i] == '\\' {
				escaped = true
				i++
			}
		}
		if i >= len(raw) {
			return nil, errors.New("localize: unterminated string")
		}
		body := raw[start+1 : i]
		next := i + 1
		for next < len(raw) && (raw[next] == ' ' || raw[next] == '\t' || raw[next] == '\n' || raw[next] == '\r') {
			next++
		}
		if next < len(raw) && raw[next] == ':' {
			key = body
			prev = '"'
			continue
		}
		isValueOfKey := prev == ':'
		prev = '"'
		if escaped || !isMessageID(string(body)) {
			continue
		}
		id := string(body)
		out = append(out, raw[copied:start]...)
		if isValueOfKey && codeFields[string(key)] {
			out = append(out, raw[start:i+1]...)
			out = append(out, ',')
			str(string(key) + "_text")
			out = append(out, ':')
		}
		str(t(id))
		copied = i + 1
	}
	out = append(out, raw[copied:]...)
	return append(out, '\n'), nil
}
