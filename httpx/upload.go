package httpx

import (
	"errors"
	"io"
	"net/http"
)

// Errors of ReadMultipart, which each face turns into its own field message.
var (
	ErrNoFile      = errors.New("no file uploaded")
	ErrFileTooBig  = errors.New("file too large")
	ErrUnreadable  = errors.New("upload cannot be read")
	ErrFieldTooBig = errors.New("form field too large")
)

// ReadMultipart reads a multipart upload as it streams in: the part named
// "file" (at most maxFile bytes, and not empty) and the small text fields
// named in fields (at most maxField bytes each). Nothing but those is kept, so
// a large upload never sits in memory twice or spills to disk.
func ReadMultipart(r *http.Request, maxFile, maxField int64, fields ...string) (file []byte, values map[string][]byte, err error) {
	// Room for the other parts' headers and boundaries besides the file.
	r.Body = io.NopCloser(io.LimitReader(r.Body, maxFile+int64(len(fields))*maxField+64<<10))
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, ErrUnreadable
	}
	values = map[string][]byte{}
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, nil, ErrFileTooBig
		}
		name := part.FormName()
		limit := maxField
		if name == "file" {
			limit = maxFile
		}
		wanted := name == "file"
		for _, f := range fields {
			wanted = wanted || f == name
		}
		if !wanted {
			part.Close()
			continue
		}
		data, err := io.ReadAll(io.LimitReader(part, limit+1))
		part.Close()
		switch {
		case err != nil:
			return nil, nil, ErrUnreadable
		case int64(len(data)) > limit && name == "file":
			return nil, nil, ErrFileTooBig
		case int64(len(data)) > limit:
			return nil, nil, ErrFieldTooBig
		}
		if name == "file" {
			file = data
		} else {
			values[name] = data
		}
	}
	if len(file) == 0 {
		return nil, nil, ErrNoFile
	}
	return file, values, nil
}
