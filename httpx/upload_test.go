package httpx_test

import (
	"bytes"
	"errors"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/httpx"
)

func multipartRequest(t *testing.T, parts map[string]string) (body *bytes.Buffer, contentType string) {
	t.Helper()
	body = &bytes.Buffer{}
	mw := multipart.NewWriter(body)
	for name, v := range parts {
		if name == "file" {
			fw, _ := mw.CreateFormFile("file", "f.csv")
			fw.Write([]byte(v))
		} else {
			mw.WriteField(name, v)
		}
	}
	mw.Close()
	return body, mw.FormDataContentType()
}

func TestReadMultipart(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name    string
		parts   map[string]string
		want    error
		file    string
		mapping string
	}{
		{"file and field", map[string]string{"file": "name\nA\n", "mapping": `{"a":"name"}`, "other": "ignored"}, nil, "name\nA\n", `{"a":"name"}`},
		{"no file", map[string]string{"mapping": "{}"}, httpx.ErrNoFile, "", ""},
		{"empty file", map[string]string{"file": ""}, httpx.ErrNoFile, "", ""},
		{"file one byte too big", map[string]string{"file": strings.Repeat("x", 11)}, httpx.ErrFileTooBig, "", ""},
		{"file at the cap", map[string]string{"file": strings.Repeat("x", 10)}, nil, strings.Repeat("x", 10), ""},
		{"field too big", map[string]string{"file": "x", "mapping": strings.Repeat("y", 21)}, httpx.ErrFieldTooBig, "", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			body, ct := multipartRequest(t, c.parts)
			r := httptest.NewRequest("POST", "/", body)
			r.Header.Set("Content-Type", ct)
			file, values, err := httpx.ReadMultipart(r, 10, 20, "mapping")
			if !errors.Is(err, c.want) {
				t.Fatalf("err %v, want %v", err, c.want)
			}
			if err == nil && (string(file) != c.file || string(values["mapping"]) != c.mapping || values["other"] != nil) {
				t.Errorf("file %q, values %q", file, values)
			}
		})
	}
	r := httptest.NewRequest("POST", "/", strings.NewReader("not multipart"))
	r.Header.Set("Content-Type", "text/plain")
	if _, _, err := httpx.ReadMultipart(r, 10, 5); !errors.Is(err, httpx.ErrUnreadable) {
		t.Errorf("not multipart: %v", err)
	}
}
