package tabular

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadCSV(t *testing.T) {
	for _, c := range []struct {
		name   string
		in     string
		header []string
		rows   [][]string
	}{
		{"comma", "name,kind\nCity office,institution\n", []string{"name", "kind"}, [][]string{{"City office", "institution"}}},
		{"bom", "\uFEFFname,kind\nA,group\n", []string{"name", "kind"}, [][]string{{"A", "group"}}},
		{"semicolon", "Nom;Type\n\"Mairie; Leipzig\";institution\n", []string{"Nom", "Type"}, [][]string{{"Mairie; Leipzig", "institution"}}},
		{"tab", "name\tkind\nA\tgroup\n", []string{"name", "kind"}, [][]string{{"A", "group"}}},
		{"arabic", "الاسم,النوع\nجمعية المسجد,group\n", []string{"الاسم", "النوع"}, [][]string{{"جمعية المسجد", "group"}}},
		{"quoted newline", "name,notes\nA,\"two\nlines\"\n", []string{"name", "notes"}, [][]string{{"A", "two\nlines"}}},
		{"crlf and short rows", "name,kind,notes\r\nA,group\r\n\r\n", []string{"name", "kind", "notes"}, [][]string{{"A", "group", ""}}},
		{"header only", "name\n", []string{"name"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			tb, err := ReadCSV([]byte(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(tb.Header, c.header) || !reflect.DeepEqual(tb.Rows, c.rows) {
				t.Errorf("got %q %q, want %q %q", tb.Header, tb.Rows, c.header, c.rows)
			}
		})
	}
}

func TestReadCSVErrors(t *testing.T) {
	for _, c := range []struct {
		name string
		in   string
		code string
		row  int
	}{
		{"empty", "", ErrEmpty, 1},
		{"blank", "\n\n", ErrEmpty, 1},
		{"latin1", "name\nA\nCaf\xe9\n", ErrEncoding, 3},
		{"bad quote", "name,kind\nA,group\n\"B,group\n", ErrSyntax, 3},
		{"extra cells", "name\nA,B\n", ErrColumns, 2},
		{"too many rows", "name\n" + strings.Repeat("x\n", MaxRows+1), ErrTooMany, MaxRows + 2},
		{"too large", strings.Repeat("x", MaxBytes+1), ErrTooLarge, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read([]byte(c.in))
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want a tabular error", err)
			}
			if e.Code != c.code || e.Row != c.row {
				t.Errorf("got %s at row %d, want %s at row %d", e.Code, e.Row, c.code, c.row)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]rune{
		"a,b,c":          ',',
		"a;b;c":          ';',
		"a\tb":           '\t',
		"\"a;b\",c":      ',',
		"single":         ',',
		"a;b\nc,d,e,f,g": ';',
	} {
		if got := Sniff([]byte(in)); got != want {
			t.Errorf("Sniff(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestXLSXRoundTrip(t *testing.T) {
	header := []string{"name", "kind", "notes"}
	rows := [][]string{{"Stadt Leipzig", "institution", ""}, {"جمعية المسجد", "group", "=1+1"}}
	b, err := WriteXLSX("actors", header, rows)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Read(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(tb.Header, header) || !reflect.DeepEqual(tb.Rows, rows) {
		t.Errorf("got %q %q", tb.Header, tb.Rows)
	}
}

func TestCSVRoundTripDefusesFormulas(t *testing.T) {
	b, err := WriteCSV([]string{"name"}, [][]string{{"=HYPERLINK(\"x\")"}, {"Mosquée"}})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Read(b)
	if err != nil {
		t.Fatal(err)
	}
	if tb.Rows[0][0] != "'=HYPERLINK(\"x\")" || tb.Rows[1][0] != "Mosquée" {
		t.Errorf("got %q", tb.Rows)
	}
}

func TestDetect(t *testing.T) {
	aliases := map[string][]string{
		"name": {"Nom", "الاسم", "Stakeholder name"},
		"kind": {"Type", "النوع"},
	}
	got := Detect([]string{"NOM ", "Type", "Stakeholder-Name", "Remarques", "النَّوع"}, aliases)
	want := []string{"name", "kind", Ignore, Ignore, Ignore}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := Detect([]string{"الاسم"}, aliases); got[0] != "name" {
		t.Errorf("Arabic header: %q", got)
	}
	if Fold("Société civile") != "societecivile" {
		t.Errorf("Fold: %q", Fold("Société civile"))
	}
}

// checkResult is what fuzzing holds the readers to: rows or an error that
// names its code (and a row within the file when it names one).
func checkResult(t *testing.T, data []byte, tb *Table, err error) {
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Code == "" || e.Row < 0 {
			t.Fatalf("unexpected error %#v", err)
		}
		return
	}
	if tb == nil || len(tb.Header) == 0 {
		t.Fatal("no table and no error")
	}
	for _, r := range tb.Rows {
		if len(r) != len(tb.Header) {
			t.Fatalf("row width %d, header %d", len(r), len(tb.Header))
		}
	}
}

func FuzzReadCSV(f *testing.F) {
	for _, s := range []string{"name,kind\nA,group\n", "\uFEFFNom;Type\n\"a;b\";x\n", "الاسم\nجمعية\n", "a\n\"b", "\xff\xfe", ",,,\n,,\n", "a\tb\n1\t2\t3\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadCSV(data)
		checkResult(t, data, tb, err)
	})
}

func FuzzReadXLSX(f *testing.F) {
	b, err := WriteXLSX("s", []string{"name", "kind"}, [][]string{{"A", "group"}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(b[:len(b)/2])
	f.Add([]byte("PK\x03\x04garbage"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadXLSX(data)
		checkResult(t, data, tb, err)
	})
}
