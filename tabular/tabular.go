// Package tabular reads and writes the tables people keep in spreadsheets:
// CSV (UTF-8 with or without a byte-order mark, separated by commas,
// semicolons or tabs, sniffed from the header line) and XLSX (the first
// sheet). Reading is defensive: input comes from uploads, so every problem
// is an *Error naming the row, never a panic, and sizes are capped.
package tabular

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Limits of what Read accepts.
const (
	MaxBytes   = 5 << 20
	MaxRows    = 10000
	MaxColumns = 100
	MaxCell    = 10000 // characters
)

// Table is a header line and the rows under it. Row i of Rows is line
// i+2 of the file (line 1 is the header), which is how errors count.
type Table struct {
	Header []string
	Rows   [][]string
}

// Error codes of *Error.
const (
	ErrTooLarge   = "too_large"
	ErrTooMany    = "too_many_rows"
	ErrColumns    = "too_many_columns"
	ErrCell       = "cell_too_long"
	ErrEncoding   = "encoding"
	ErrSyntax     = "syntax"
	ErrEmpty      = "empty"
	ErrFormat     = "format"
	ErrDuplicated = "duplicate_column"
	// ErrSheet is a worksheet whose XML is damaged; Sheet names it.
	ErrSheet = "sheet_corrupt"
)

// Error is a problem with the file, at a row when Row > 0 (the line a
// spreadsheet shows: 1 is the header).
type Error struct {
	Code string
	Row  int
	// Sheet names the worksheet the problem is in, when it matters.
	Sheet string
	// Detail is for logs; people are shown Code translated.
	Detail string
}

func (e *Error) Error() string {
	if e.Sheet != "" {
		return fmt.Sprintf("sheet %q: %s %s", e.Sheet, e.Code, e.Detail)
	}
	if e.Row > 0 {
		return fmt.Sprintf("row %d: %s %s", e.Row, e.Code, e.Detail)
	}
	return e.Code + " " + e.Detail
}

// Read reads a CSV or XLSX file, told apart by content (XLSX is a ZIP
// archive) rather than by the name a browser sends.
func Read(data []byte) (*Table, error) {
	if len(data) > MaxBytes {
		return nil, &Error{Code: ErrTooLarge}
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return ReadXLSX(data)
	}
	return ReadCSV(data)
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// ReadCSV reads CSV text.
func ReadCSV(data []byte) (*Table, error) {
	if len(data) > MaxBytes {
		return nil, &Error{Code: ErrTooLarge}
	}
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		return nil, &Error{Code: ErrEncoding, Row: badLine(data)}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = Sniff(data)
	r.FieldsPerRecord = -1
	var rows [][]string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			row := len(rows) + 1
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				row = pe.StartLine
			}
			return nil, &Error{Code: ErrSyntax, Row: row, Detail: err.Error()}
		}
		rows = append(rows, rec)
		if len(rows) > MaxRows+1 {
			return nil, &Error{Code: ErrTooMany, Row: len(rows)}
		}
	}
	return table(rows)
}

// badLine is the line of the first invalid UTF-8 byte.
func badLine(data []byte) int {
	line := 1
	for len(data) > 0 {
		r, n := utf8.DecodeRune(data)
		if r == utf8.RuneError && n <= 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		data = data[n:]
	}
	return line
}

// Sniff picks the separator of the first line: the most frequent of
// comma, semicolon and tab outside quotes (comma when none appears).
// Spreadsheets set to French or German write semicolons.
func Sniff(data []byte) rune {
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(data) {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		if c == '\n' {
			break
		}
		if c == ',' || c == ';' || c == '\t' {
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// ReadXLSX reads the first sheet of a workbook. excelize is not written for
// hostile input, so a panic inside it becomes an error.
func ReadXLSX(data []byte) (t *Table, err error) {
	if len(data) > MaxBytes {
		return nil, &Error{Code: ErrTooLarge}
	}
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &Error{Code: ErrFormat, Detail: fmt.Sprint(p)}
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 8 * MaxBytes, UnzipXMLSizeLimit: 8 * MaxBytes})
	if err != nil {
		return nil, &Error{Code: ErrFormat, Detail: err.Error()}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &Error{Code: ErrEmpty}
	}
	if name := corruptSheet(f); name != "" {
		return nil, &Error{Code: ErrSheet, Sheet: name}
	}
	it, err := f.Rows(sheets[0])
	if err != nil {
		return nil, &Error{Code: ErrFormat, Detail: err.Error()}
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		rec, err := it.Columns()
		if err != nil {
			return nil, &Error{Code: ErrFormat, Row: len(rows) + 1, Detail: err.Error()}
		}
		if len(rec) > MaxColumns {
			return nil, &Error{Code: ErrColumns, Row: len(rows) + 1}
		}
		for _, c := range rec {
			if !utf8.ValidString(c) {
				return nil, &Error{Code: ErrEncoding, Row: len(rows) + 1}
			}
		}
		rows = append(rows, rec)
		if len(rows) > MaxRows+1 {
			return nil, &Error{Code: ErrTooMany, Row: len(rows)}
		}
	}
	if err := it.Error(); err != nil {
		return nil, &Error{Code: ErrFormat, Row: len(rows) + 1, Detail: err.Error()}
	}
	return table(rows)
}

// table splits off the header, drops empty lines at the end, pads short
// rows and checks the limits.
func table(rows [][]string) (*Table, error) {
	for len(rows) > 0 && blank(rows[len(rows)-1]) {
		rows = rows[:len(rows)-1]
	}
	if len(rows) == 0 || blank(rows[0]) {
		return nil, &Error{Code: ErrEmpty, Row: 1}
	}
	t := &Table{}
	for _, h := range rows[0] {
		t.Header = append(t.Header, strings.TrimSpace(h))
	}
	for len(t.Header) > 0 && t.Header[len(t.Header)-1] == "" {
		t.Header = t.Header[:len(t.Header)-1]
	}
	if len(t.Header) > MaxColumns {
		return nil, &Error{Code: ErrColumns, Row: 1}
	}
	width := len(t.Header)
	for i, r := range rows[1:] {
		if len(r) > width {
			extra := r[width:]
			if !blank(extra) {
				return nil, &Error{Code: ErrColumns, Row: i + 2, Detail: "more cells than header columns"}
			}
			r = r[:width]
		}
		for len(r) < width {
			r = append(r, "")
		}
		for _, c := range r {
			if utf8.RuneCountInString(c) > MaxCell {
				return nil, &Error{Code: ErrCell, Row: i + 2}
			}
		}
		t.Rows = append(t.Rows, r)
	}
	return t, nil
}

func blank(r []string) bool {
	for _, c := range r {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
