package tabular

import (
	"bytes"
	"encoding/csv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// WriteCSV writes a table as UTF-8 CSV with a byte-order mark, which makes
// spreadsheet programs read Arabic and accented names correctly.
func WriteCSV(header []string, rows [][]string) ([]byte, error) {
	var buf bytes.Buffer
	buf.Write(bom)
	w := csv.NewWriter(&buf)
	if err := w.Write(header); err != nil {
		return nil, err
	}
	for _, r := range rows {
		safe := make([]string, len(r))
		for i, c := range r {
			safe[i] = Defuse(c)
		}
		if err := w.Write(safe); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// Defuse keeps a cell from being run as a formula when the file is opened
// in a spreadsheet ("CSV injection"): text that starts like a formula gets
// a leading apostrophe.
func Defuse(c string) string {
	if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
		return "'" + c
	}
	return c
}

// WriteXLSX writes a table as a one-sheet workbook. Cells are written as
// text, never as formulas.
func WriteXLSX(sheet string, header []string, rows [][]string) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	name := f.GetSheetName(0)
	if sheet != "" {
		if err := f.SetSheetName(name, sheet); err == nil {
			name = sheet
		}
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	put := func(row int, cells []string) error {
		vals := make([]any, len(cells))
		for i, c := range cells {
			vals[i] = c
		}
		cell, err := excelize.CoordinatesToCellName(1, row)
		if err != nil {
			return err
		}
		return sw.SetRow(cell, vals)
	}
	if err := put(1, header); err != nil {
		return nil, err
	}
	for i, r := range rows {
		if err := put(i+2, r); err != nil {
			return nil, err
		}
	}
	if err := sw.Flush(); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
