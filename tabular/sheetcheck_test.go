package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"testing"
)

// rewritePart returns the workbook data with one part's bytes replaced.
func rewritePart(t *testing.T, data []byte, name string, replace func([]byte) []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			b, found = replace(b), true
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if !found {
		t.Fatalf("no part %s", name)
	}
	return out.Bytes()
}

// A damaged sheet used to read as an empty one (the row reader stops
// silently at an XML error), so an import took nothing and said nothing.
func TestReadXLSXRefusesCorruptSheet(t *testing.T) {
	good, err := WriteXLSX("Partners", []string{"name", "kind"}, [][]string{{"A", "group"}, {"B", "group"}})
	if err != nil {
		t.Fatal(err)
	}
	if tb, err := ReadXLSX(good); err != nil || len(tb.Rows) != 2 {
		t.Fatalf("sound workbook: %v %v", tb, err)
	}
	for name, damage := range map[string]func([]byte) []byte{
		"garbage":   func([]byte) []byte { return []byte("this is not XML") },
		"cut short": func(b []byte) []byte { return b[:len(b)*2/3] },
		"empty":     func([]byte) []byte { return nil },
		"unclosed":  func([]byte) []byte { return []byte(`<worksheet><sheetData><row r="1"><c`) },
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Read(rewritePart(t, good, "xl/worksheets/sheet1.xml", damage))
			var e *Error
			if !errors.As(err, &e) || e.Code != ErrSheet || e.Sheet != "Partners" {
				t.Fatalf("got %v, want %s naming the sheet Partners", err, ErrSheet)
			}
		})
	}
}
