package server_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"mime/multipart"
	"net/url"
	"slices"
	"strings"
)

// fuzzRequest is one bad request and what its answer must be.
type fuzzRequest struct {
	Op   fuzzOp
	Case string // what is wrong with it, for the failure message
	// Method is the one sent: the operation's, or one its path lacks.
	Method      string
	Role        string
	Path        string // escaped, with the query
	ContentType string
	Body        []byte
	// Foreign names the path parameter that holds another partnership's
	// record (or the partnership itself) in an otherwise good request; the
	// answer must be 404.
	Foreign string
	// Twin is Path with a record that does not exist in place of the
	// foreign one: the two answers must not differ.
	Twin string
	// ForeignInBody: a field that refers to a record names one of another
	// partnership; the request must not succeed.
	ForeignInBody bool
	// MustRefuse: nothing can make this body good; it must get a 4xx.
	MustRefuse bool
}

// fuzzGen makes bad requests for operations from their schemas. All its
// choices come from one seeded source, so a seed replays a run.
type fuzzGen struct {
	rnd  *rand.Rand
	doc  *openAPI
	ours map[string]string // path parameters in our partnership
	// theirs are records of another partnership, by path parameter.
	theirs map[string]string
	// methods are the methods each path pattern answers.
	methods map[string][]string
}

// refFields are body fields that name a record of the partnership: another
// partnership's record there must be refused.
var refFields = map[string]string{"actor": "aid", "actor_id": "aid", "from": "aid", "to": "aid", "duplicate": "aid",
	"user_id": "uid", "owner": "uid", "leads": "stid"}

// words are plausible values of text fields: enumerations of the domain,
// dates, addresses, so that some requests get past the first check.
var words = []string{"", "a", "Fuzz", "member", "observer", "coordinator", "network", "coalition", "geography", "local",
	"informal", "individual", "group", "organisation", "institution", "refugee_led", "diaspora", "cooperates_with",
	"funds", "planned", "done", "strengths", "needs", "vision", "goal", "activity", "yes", "no", "not_sure", "active",
	"left", "identified", "agreed", "form", "basis", "structure", "en", "de", "fr", "2026-04-01", "2026-04-01T10:00:00Z",
	"someone@example.org", "coordinator@example.org", "action_plan", "connect", "https://example.org", "complex_issue"}

func (g *fuzzGen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *fuzzGen) chance(n int) bool { return g.rnd.IntN(n) == 0 }

// ourIDs are our partnership's record IDs, good values of reference fields.
func (g *fuzzGen) ourIDs() []string {
	var ids []string
	for _, k := range slices.Sorted(maps.Keys(g.ours)) {
		ids = append(ids, g.ours[k])
	}
	return ids
}

// value makes a value of the schema's shape with plausible content.
func (g *fuzzGen) value(s schema, depth int) any {
	s = g.doc.resolve(s)
	switch s["type"] {
	case "string":
		if g.chance(3) {
			return g.pick(g.ourIDs())
		}
		return g.pick(words)
	case "integer":
		return g.rnd.IntN(6) - 1
	case "number":
		return g.rnd.Float64() * 10
	case "boolean":
		return g.chance(2)
	case "array":
		var out []any
		for range g.rnd.IntN(3) {
			if items, ok := s["items"].(schema); ok && depth < 4 {
				out = append(out, g.value(items, depth+1))
			}
		}
		return out
	case "object":
		out := map[string]any{}
		props, _ := s["properties"].(schema)
		for _, name := range slices.Sorted(maps.Keys(props)) {
			if depth < 4 {
				out[name] = g.value(props[name].(schema), depth+1)
			}
		}
		if extra, ok := s["additionalProperties"].(schema); ok && depth < 4 {
			for range g.rnd.IntN(3) {
				out[g.pick(words)] = g.value(extra, depth+1)
			}
		}
		return out
	}
	return nil
}

// otherType is a value of a JSON type the schema does not want.
func (g *fuzzGen) otherType(s schema) any {
	want := g.doc.resolve(s)["type"]
	values := []struct {
		typ string
		v   any
	}{{"string", "text"}, {"integer", 7}, {"number", 1.5}, {"boolean", true}, {"array", []any{"a", 1}}, {"object", map[string]any{"a": 1}}}
	for {
		c := values[g.rnd.IntN(len(values))]
		// An integer is a number too.
		if c.typ != want && !(want == "number" && c.typ == "integer") {
			return c.v
		}
	}
}

// rawMark stands in a JSON string for bytes encoding/json would escape or
// refuse (NUL, invalid UTF-8); it is replaced after encoding.
const rawMark = "@@raw@@"

// Integers the database's 32-bit columns cannot hold; a handler may
// still ignore them (a version in a body that creates), but none may
// reach a query.
var wideIntegers = []string{"2147483648", "-2147483649", "4294967296", "9223372036854775807"}

// Numbers no integer field can take: beyond 64 bits, or not integers.
var notIntegers = []string{"9223372036854775808", "-9223372036854775809", "99999999999999999999999", "1e400", "-1e400",
	"1.5", "-0.0", "1e3"}

func nested(open, close string, n int) []byte {
	return []byte(strings.Repeat(open, n) + "1" + strings.Repeat(close, n))
}

// badBody makes a JSON body of the schema's shape with one thing wrong,
// and says what; foreign is set when a reference names another
// partnership's record (and nothing else is wrong), refuse when no handler
// may accept the body (a missing or null field may be fine; a field of
// the wrong type never is).
func (g *fuzzGen) badBody(s schema) (body []byte, contentType, what string, foreign, refuse bool) {
	contentType, refuse = "application/json", true
	obj, _ := g.value(s, 0).(map[string]any)
	if obj == nil {
		obj = map[string]any{}
	}
	props, _ := s["properties"].(schema)
	fields := slices.Sorted(maps.Keys(props))
	field := ""
	if len(fields) > 0 {
		field = fields[g.rnd.IntN(len(fields))]
	}
	fieldOf := func(typ string) string { // a field of a type, or ""
		var fs []string
		for _, f := range fields {
			if g.doc.resolve(props[f].(schema))["type"] == typ {
				fs = append(fs, f)
			}
		}
		if len(fs) == 0 {
			return ""
		}
		return fs[g.rnd.IntN(len(fs))]
	}
	var raw []byte // bytes standing for rawMark
	switch c := g.rnd.IntN(17); {
	case c == 0 && field != "":
		obj[field] = g.otherType(props[field].(schema))
		what = "wrong type of " + field
	case c == 1:
		// At least one goes: a body missing nothing would be a good one.
		drop := g.rnd.IntN(max(len(fields), 1))
		for i, f := range fields {
			if i == drop || g.chance(2) {
				delete(obj, f)
			}
		}
		what, refuse = "fields missing", false
	case c == 2:
		obj["unknown_"+g.pick(words)] = g.pick(words)
		what = "unknown field"
	case c == 3 && field != "":
		obj[field] = nil
		what, refuse = "null "+field, false
	case c == 4:
		if g.chance(6) {
			return []byte("null"), contentType, "null body", false, false // decodes as {}
		}
		return []byte(g.pick([]string{"[]", `"text"`, "0", "true", "[{}]"})), contentType, "not an object", false, true
	case c == 5 && fieldOf("string") != "":
		f := fieldOf("string")
		obj[f] = strings.Repeat(g.pick([]string{"x", "é", "😀", "<b>"}), 1000+g.rnd.IntN(100000))
		what, refuse = "huge "+f, false
	case c == 6:
		if g.chance(2) {
			return nested("[", "]", 10001+g.rnd.IntN(20000)), contentType, "deeply nested array", false, true
		}
		f := field
		if f == "" {
			f = "x"
		}
		raw, obj[f] = nested(`{"a":`, "}", 100+g.rnd.IntN(12000)), rawMark
		what = "deeply nested " + f
	case c == 7 && fieldOf("string") != "":
		f := fieldOf("string")
		// The escapes are meant literally: mark, then put them back.
		if g.chance(3) {
			// Decoded as U+FFFD: good text.
			raw, obj[f], what, refuse = []byte(`a\ud800b`), rawMark, "lone surrogate in "+f, false
		} else {
			raw, obj[f], what = []byte(g.pick([]string{`a\u0000b`, `\u0000`})), rawMark, "escaped NUL in "+f
		}
	case c == 8 && fieldOf("string") != "":
		f := fieldOf("string")
		raw, obj[f] = []byte(g.pick([]string{"a\x00b", "\xff", "a\xc3", "\xed\xa0\x80", "\xc0\xaf", "ok\xfe\xff"})), rawMark
		what = "NUL byte or invalid UTF-8 in " + f
	case c == 9 && fieldOf("integer") != "":
		f := fieldOf("integer")
		if g.chance(2) {
			obj[f], what, refuse = json.RawMessage(g.pick(wideIntegers)), "integer beyond 32 bits in "+f, false
		} else {
			obj[f], what = json.RawMessage(g.pick(notIntegers)), "no integer in "+f
		}
	case c == 10:
		return g.notJSON(), contentType, "not JSON", false, true
	case c == 11:
		b, _ := json.Marshal(obj)
		return b, g.pick([]string{"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
			"application/jsonx", "application/", ";;;"}), "wrong content type", false, true
	case c == 12:
		b, _ := json.Marshal(obj)
		return append(b, g.pick([]string{"{}", " x", "]", "\x00"})...), contentType, "trailing data", false, true
	case c == 13 && g.chance(8):
		// Over the API's 1 MiB cap: rarely, each is a megabyte.
		obj["name"] = strings.Repeat("y", 1<<20)
		what = "body over 1 MiB"
	case c == 14:
		var refs []string
		for _, f := range fields {
			if _, ok := refFields[f]; ok {
				refs = append(refs, f)
			}
		}
		if len(refs) > 0 {
			f := refs[g.rnd.IntN(len(refs))]
			v := g.theirs[refFields[f]]
			if g.doc.resolve(props[f].(schema))["type"] == "array" {
				obj[f] = []string{v}
			} else {
				obj[f] = v
			}
			b, _ := json.Marshal(obj)
			return b, contentType, "another partnership's record in " + f, true, false
		}
		obj[field+"_"] = 1
		what = "unknown field"
	case c == 15 && field != "":
		b, _ := json.Marshal(obj)
		// The same field twice, the second of the wrong type.
		other, _ := json.Marshal(g.otherType(props[field].(schema)))
		b = append(b[:len(b)-1], fmt.Sprintf(`,%q:%s}`, field, other)...)
		if len(obj) == 0 {
			b = fmt.Appendf(nil, `{%q:%s}`, field, other)
		}
		return b, contentType, "duplicate " + field, false, true
	default:
		if g.chance(2) {
			return nil, contentType, "empty body", false, false // optional for some
		}
		obj[fmt.Sprintf("field%d", g.rnd.IntN(100))] = map[string]any{"nested": []any{nil}}
		what = "unknown object field"
	}
	b, err := json.Marshal(obj)
	if err != nil {
		panic(err)
	}
	if raw != nil {
		b = bytes.Replace(b, []byte(rawMark), raw, 1)
	}
	return b, contentType, what, false, refuse
}

// notJSON is a body that is not one JSON value.
func (g *fuzzGen) notJSON() []byte {
	switch g.rnd.IntN(6) {
	case 0:
		b := make([]byte, 1+g.rnd.IntN(200))
		for i := range b {
			b[i] = byte(g.rnd.IntN(256))
		}
		return b
	case 1:
		return []byte(`{"name":`)
	case 2:
		return []byte(`{'name': 'single quotes'}`)
	case 3:
		return []byte("\xef\xbb\xbf{}") // a byte order mark
	case 4:
		return []byte(`{"name": NaN, "version": Infinity}`)
	}
	return []byte(`{"a":1,}`)
}

// badUpload makes a multipart body for a file upload with something wrong:
// no file, a file that is no sheet, a name with odd bytes, a broken form.
func (g *fuzzGen) badUpload() (body []byte, contentType, what string) {
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	switch g.rnd.IntN(7) {
	case 0:
		mw.WriteField("other", "value")
		what = "no file"
	case 1:
		w, _ := mw.CreateFormFile("file", "actors.xlsx")
		w.Write([]byte("PK\x03\x04 not really a zip"))
		what = "corrupt xlsx"
	case 2:
		w, _ := mw.CreateFormFile("file", "actors.csv")
		junk := make([]byte, 1+g.rnd.IntN(2000))
		for i := range junk {
			junk[i] = byte(g.rnd.IntN(256))
		}
		w.Write(junk)
		what = "random bytes as csv"
	case 3:
		w, _ := mw.CreateFormFile("file", "a\x00b\xff.csv")
		w.Write([]byte("name,kind\nA,group\n"))
		what = "file name with NUL and invalid UTF-8"
	case 4:
		w, _ := mw.CreateFormFile("file", "actors.csv")
		w.Write([]byte("name,kind\n\"unterminated,group\n" + strings.Repeat(",", 5000) + "\n"))
		what = "broken csv"
	case 5:
		mw.Close()
		return []byte("--x\r\nbroken"), "multipart/form-data; boundary=x", "broken multipart"
	default:
		mw.Close()
		return buf.Bytes(), "multipart/form-data", "multipart without boundary"
	}
	mw.Close()
	return buf.Bytes(), mw.FormDataContentType(), what
}

// badPathValues are path segments no record has, odd bytes included.
var badPathValues = []string{"%00", "a%00b", "%FF", "%C3", "%ED%A0%80", "-1", "0", "2147483648", "99999999999999999999999",
	"%20", "null", "undefined", "%27%3B--", "%2Fetc", "%25", "aaaaaaaaaaaaaaaaaaaa", "zzzzzzzzzzzzzzzzzzzz"}

// badQueryValues are values no query parameter should take.
var badQueryValues = []string{"%00", "a%00b", "%FF", "%C3", "-1", "0", "2147483648", "9223372036854775808", "1e400", "abc",
	"true", "maybe", "2026-13-45", "1970-01-01", "9999-12-31T23:59:59Z", "!!!", "%2B%2F%3D", "", "eyJ4IjoxfQ", "1.5"}

// request makes one bad request for op, as a coordinator mostly and
// sometimes as a member, an observer or nobody.
func (g *fuzzGen) request(op fuzzOp) fuzzRequest {
	r := fuzzRequest{Op: op, Role: "coordinator", Method: op.Method}
	switch g.rnd.IntN(20) {
	case 0, 1:
		r.Role = "member"
	case 2, 3:
		r.Role = "observer"
	case 4:
		r.Role = "" // nobody signed in
	}
	params := map[string]string{}
	for _, p := range op.Params {
		params[p] = url.PathEscape(g.ours[p])
	}
	query := url.Values{}
	badQuery := ""
	var foreignParams []string
	var twin map[string]string
	for _, p := range op.Params {
		if _, ok := g.theirs[p]; ok {
			foreignParams = append(foreignParams, p)
		}
	}
	// What may be wrong with this operation's requests. A request to change
	// something is always wrong somewhere, so that the test world keeps
	// its records for the next ones.
	var kinds []string
	if len(op.Params) > 0 {
		kinds = append(kinds, "path")
	}
	if len(foreignParams) > 0 {
		kinds = append(kinds, "foreign", "foreign")
	}
	if len(op.Query) > 0 {
		kinds = append(kinds, "query")
	}
	if op.Body != nil || op.Multipart {
		kinds = append(kinds, "body", "body", "body", "body")
	}
	if op.Method == "GET" || len(kinds) == 0 {
		kinds = append(kinds, "junk")
	}
	var otherMethods []string
	for _, m := range []string{"GET", "POST", "PUT", "PATCH", "DELETE"} {
		if !slices.Contains(g.methods[op.Pattern], m) {
			otherMethods = append(otherMethods, m)
		}
	}
	if len(otherMethods) > 0 {
		kinds = append(kinds, "method")
	}
	switch kind := g.pick(kinds); kind {
	case "path":
		p := g.pick(op.Params)
		v := g.pick(badPathValues)
		if g.chance(20) {
			v = strings.Repeat("x", 3000+g.rnd.IntN(5000))
		}
		params[p] = v
		r.Case = fmt.Sprintf("{%s} = %.40s", p, v)
	case "foreign":
		// Our partnership with one of their records, or theirs.
		p := g.pick(foreignParams)
		twin = map[string]string{}
		for k, v := range params {
			twin[k] = v
		}
		twin[p] = g.unknownID()
		params[p] = url.PathEscape(g.theirs[p])
		r.Foreign = p
		r.Case = fmt.Sprintf("{%s} of another partnership", p)
	case "query":
		q := g.pick(op.Query)
		badQuery = q + "=" + g.pick(badQueryValues)
		if g.chance(10) {
			badQuery = q + "=" + strings.Repeat("9", 5000)
		}
		r.Case = "query " + badQuery
	case "body":
		if op.Multipart {
			r.Body, r.ContentType, r.Case = g.badUpload()
		} else {
			r.Body, r.ContentType, r.Case, r.ForeignInBody, r.MustRefuse = g.badBody(op.Body)
		}
	case "method":
		// A method the path does not have, with our real records: the
		// wrong door must stay shut.
		r.Method = g.pick(otherMethods)
		if op.Body != nil {
			r.Body, _ = json.Marshal(g.value(op.Body, 0))
			r.ContentType = "application/json"
		}
		r.Case = "method " + r.Method + " the path does not have"
	case "junk":
		// Unknown query parameters, and a body where none is read.
		query.Set("unknown_"+g.pick(words), g.pick(badQueryValues))
		r.Body, r.ContentType = g.notJSON(), "application/json"
		r.Case = "unknown query and an unread body"
	}
	// A well-formed request where only the IDs are foreign: a body of the
	// right shape, so that "not found" cannot hide behind a 400.
	if r.Foreign != "" && op.Body != nil {
		r.Body, _ = json.Marshal(g.value(op.Body, 0))
		r.ContentType = "application/json"
	}
	if r.Foreign != "" && op.Multipart {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		w, _ := mw.CreateFormFile("file", "actors.csv")
		w.Write([]byte("name,kind\nA new group,group\n"))
		mw.Close()
		r.Body, r.ContentType = buf.Bytes(), mw.FormDataContentType()
	}
	r.Path = g.fill(op, params, query, badQuery)
	if twin != nil {
		r.Twin = g.fill(op, twin, query, badQuery)
	}
	return r
}

// unknownID is shaped like a record's ID but names none.
func (g *fuzzGen) unknownID() string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	b := make([]byte, 20)
	for i := range b {
		b[i] = alphabet[g.rnd.IntN(len(alphabet))]
	}
	return string(b)
}

// fill makes the path and query of a request.
func (g *fuzzGen) fill(op fuzzOp, params map[string]string, query url.Values, badQuery string) string {
	path := op.Pattern
	for _, p := range op.Params {
		path = strings.Replace(path, "{"+p+"}", params[p], 1)
	}
	qs := query.Encode()
	if badQuery != "" {
		if qs != "" {
			qs += "&"
		}
		qs += badQuery
	}
	if qs != "" {
		path += "?" + qs
	}
	return path
}
