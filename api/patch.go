package api

import (
	"bytes"
	"encoding/json"
	"net/http"

	pk "github.com/partnerkit/partnerkit"
)

// The one PATCH rule of the API: a PATCH body is a JSON Merge Patch
// (RFC 7396) over the record as it is — fields left out keep their value,
// an explicit null clears a field (its zero value: an empty text, false,
// no list), and the version the change is based on is required, in the
// body or as If-Match. The stores refuse an update without a version
// (bumpVersion) after they have checked the asker's role, so that nobody
// learns from a missing version what their role would have hidden.

// DecodePatch reads a PATCH body into b, a body whose pointer fields say
// what was sent (nil: keep the value), with the version (*v, a field of
// *b) that If-Match overrides.
func DecodePatch[T any](r *http.Request, b *T, v *int) error {
	return DecodeWithVersion(r, b, v)
}

// DecodeMerge reads a PATCH body as a merge patch over current, the record
// written as the operation's body, into b; *v (a field of *b) gets the
// version sent or If-Match's (the stores require one). The merged body is decoded
// as strictly as any other: unknown fields and wrong types are refused and
// named.
func DecodeMerge[T any](r *http.Request, current T, b *T, v *int) error {
	var patch map[string]any
	if err := Decode(r, &patch); err != nil {
		return err
	}
	if patch == nil {
		return pk.FieldInvalid("body", "validation.type", map[string]any{"Type": "object"})
	}
	raw, err := json.Marshal(current)
	if err != nil {
		return err
	}
	var base map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&base); err != nil {
		return err
	}
	// The version is the one sent, never the record's own.
	delete(base, "version")
	merged, err := json.Marshal(mergePatch(base, patch))
	if err != nil {
		return err
	}
	var out T
	req, _ := http.NewRequestWithContext(r.Context(), r.Method, "/", bytes.NewReader(merged))
	req.Header.Set("Content-Type", "application/json")
	if err := Decode(req, &out); err != nil {
		return err
	}
	*b = out
	n, err := Version(r, *v)
	if err != nil {
		return err
	}
	*v = n
	return nil
}

// mergePatch applies patch to target as RFC 7396 says: null removes a
// member, an object merges into an object, anything else replaces.
func mergePatch(target, patch any) any {
	p, ok := patch.(map[string]any)
	if !ok {
		return patch
	}
	t, ok := target.(map[string]any)
	if !ok {
		t = map[string]any{}
	}
	for k, v := range p {
		if v == nil {
			delete(t, k)
		} else {
			t[k] = mergePatch(t[k], v)
		}
	}
	return t
}
