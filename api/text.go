package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
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

// localize rewrites an encoded JSON value token by token, keeping the order
// of the fields, and replaces message IDs by their texts.
func localize(raw []byte, t func(id string, args ...any) string) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out bytes.Buffer
	// One frame per open object or array: whether it has had an element,
	// and, in an object, whether the next token is a key.
	type frame struct {
		object, started, wantKey bool
		key                      string
	}
	var stack []frame
	str := func(s string) {
		b, _ := json.Marshal(s)
		out.Write(b)
	}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return append(out.Bytes(), '\n'), nil
		} else if err != nil {
			return nil, err
		}
		var top *frame
		if len(stack) > 0 {
			top = &stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			out.WriteByte(byte(d))
			stack = stack[:len(stack)-1]
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].wantKey = true
			}
			continue
		}
		// A key, or a value in an array: a comma before all but the first.
		if top != nil && (!top.object || top.wantKey) {
			if top.started {
				out.WriteByte(',')
			}
			top.started = true
		}
		if top != nil && top.object && top.wantKey {
			top.key = tok.(string)
			top.wantKey = false
			str(top.key)
			out.WriteByte(':')
			continue
		}
		switch x := tok.(type) {
		case json.Delim:
			out.WriteByte(byte(x))
			stack = append(stack, frame{object: x == '{', wantKey: x == '{'})
			continue
		case string:
			switch {
			case !isMessageID(x):
				str(x)
			case top != nil && top.object && codeFields[top.key]:
				str(x)
				out.WriteByte(',')
				str(top.key + "_text")
				out.WriteByte(':')
				str(t(x))
			default:
				str(t(x))
			}
		case json.Number:
			out.WriteString(x.String())
		case bool:
			if x {
				out.WriteString("true")
			} else {
				out.WriteString("false")
			}
		case nil:
			out.WriteString("null")
		}
		if top != nil && top.object {
			top.wantKey = true
		}
	}
}
