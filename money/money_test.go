package money

import (
	"errors"
	"math"
	"testing"
)

func TestParse(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in, code string
		want     int64
		err      error
	}{
		{"1250", "EUR", 125000, nil},
		{"1250.5", "EUR", 125050, nil},
		{"1250,50", "EUR", 125050, nil},
		{"1 250,50", "EUR", 125050, nil},
		{"1,250", "EUR", 125000, nil}, // three digits after the mark: grouping
		{"1.250.000,99", "EUR", 125000099, nil},
		{"0.01", "EUR", 1, nil},
		{".5", "EUR", 50, nil},
		{"-3.25", "EUR", -325, nil},
		{"3.000", "JOD", 3000, nil}, // three decimals in dinars
		{"3.5", "TND", 3500, nil},
		{"1,500", "XOF", 1500, nil}, // no decimals: always grouping
		{"1500", "UGX", 1500, nil},
		{"١٢٥٠٫٥", "EUR", 125050, nil}, // Arabic-Indic digits and decimal mark
		{"0", "EUR", 0, nil},
		{"1.234", "EUR", 123400, nil},
		{"1.2.3", "EUR", 0, ErrSyntax},
		{"12.345", "EUR", 1234500, nil},
		{"1.999", "XOF", 1999, nil},
		{"1.50.5", "XOF", 0, ErrSyntax},
		{"", "EUR", 0, ErrSyntax},
		{"-", "EUR", 0, ErrSyntax},
		{"abc", "EUR", 0, ErrSyntax},
		{"1e5", "EUR", 0, ErrSyntax},
		{"12", "XYZ", 0, ErrCurrency},
		{"92233720368547758.07", "EUR", math.MaxInt64, nil},
		{"92233720368547758.08", "EUR", 0, ErrOverflow},
	} {
		got, err := Parse(c.in, c.code)
		if !errors.Is(err, c.err) || got != c.want {
			t.Errorf("Parse(%q, %s) = %d, %v; want %d, %v", c.in, c.code, got, err, c.want, c.err)
		}
	}
}

func TestFormat(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		minor int64
		code  string
		want  string
	}{
		{125050, "EUR", "1250.50"}, {5, "EUR", "0.05"}, {0, "EUR", "0.00"}, {-325, "EUR", "-3.25"},
		{3000, "JOD", "3.000"}, {7, "TND", "0.007"}, {1500, "XOF", "1500"}, {0, "UGX", "0"},
		{math.MinInt64, "EUR", "-92233720368547758.08"},
	} {
		if got := Format(c.minor, c.code); got != c.want {
			t.Errorf("Format(%d, %s) = %q, want %q", c.minor, c.code, got, c.want)
		}
		if c.minor != math.MinInt64 {
			if back, err := Parse(Format(c.minor, c.code), c.code); err != nil || back != c.minor {
				t.Errorf("Parse(Format(%d)) = %d, %v", c.minor, back, err)
			}
		}
	}
	if got := Display(123456789, "EUR"); got != "1\u202f234\u202f567.89\u00a0EUR" {
		t.Errorf("Display = %q", got)
	}
	if got := Display(-1000, "XOF"); got != "-1\u202f000\u00a0XOF" {
		t.Errorf("Display = %q", got)
	}
}

func TestSumOverflow(t *testing.T) {
	t.Parallel()
	if s, err := Sum(1, 2, 3); s != 6 || err != nil {
		t.Errorf("Sum = %d, %v", s, err)
	}
	if _, err := Sum(math.MaxInt64, 1); !errors.Is(err, ErrOverflow) {
		t.Errorf("MaxInt64+1: %v", err)
	}
	if _, err := Sum(math.MinInt64, -1); !errors.Is(err, ErrOverflow) {
		t.Errorf("MinInt64-1: %v", err)
	}
	if s, err := Sum(math.MaxInt64, -1, 1); s != math.MaxInt64 || err != nil {
		t.Errorf("back under the limit: %d, %v", s, err)
	}
	if _, err := Sub(0, math.MinInt64); !errors.Is(err, ErrOverflow) {
		t.Errorf("0-MinInt64: %v", err)
	}
}

func TestShare(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		part, whole int64
		want        BasisPoints
	}{
		{1, 2, 5000}, {2, 3, 6666}, {1, 3, 3333}, {0, 10, 0}, {10, 0, 0}, {-1, 10, 0},
		{10, 10, 10000}, {15, 10, 15000}, {1, 10001, 0}, {1, 10000, 1},
		{math.MaxInt64, math.MaxInt64, 10000}, {math.MaxInt64 / 2, math.MaxInt64, 4999},
	} {
		if got := Share(c.part, c.whole); got != c.want {
			t.Errorf("Share(%d, %d) = %d, want %d", c.part, c.whole, got, c.want)
		}
	}
	if got := BasisPoints(6666).Percent(); got != "66.66" {
		t.Errorf("Percent = %q", got)
	}
}

func TestLargestOf(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name     string
		parts    []Part
		key      string
		share    BasisPoints
		dominant bool
	}{
		{"none", nil, "", 0, false},
		{"zeros", []Part{{"a", 0}, {"b", -5}}, "", 0, false},
		{"exactly half is not dominant", []Part{{"a", 50}, {"b", 30}, {"c", 20}}, "a", 5000, false},
		{"one unit over half is", []Part{{"a", 5001}, {"b", 4999}}, "a", 5001, true},
		{"alone", []Part{{"eu", 100}}, "eu", 10000, true},
		{"tie goes to the first name", []Part{{"b", 40}, {"a", 40}, {"c", 20}}, "a", 4000, false},
		{"parts of one key are the caller's to add", []Part{{"a", 1}, {"b", 3}}, "b", 7500, true},
	} {
		l, err := LargestOf(c.parts)
		if err != nil || l.Key != c.key || l.Share != c.share || l.Dominant != c.dominant {
			t.Errorf("%s: %+v, %v", c.name, l, err)
		}
	}
	if _, err := LargestOf([]Part{{"a", math.MaxInt64}, {"b", 1}}); !errors.Is(err, ErrOverflow) {
		t.Errorf("overflowing total: %v", err)
	}
}

func TestCoverageAndBalance(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		need, pledged, delivered int64
		want                     Coverage
	}{
		{100000, 60000, 25000, Coverage{100000, 60000, 25000, 40000, 35000, 6000, 2500}},
		{100000, 150000, 150000, Coverage{100000, 150000, 150000, 0, 0, 15000, 15000}},
		{0, 5000, 0, Coverage{0, 5000, 0, 0, 5000, 0, 0}},
		{300, 100, 100, Coverage{300, 100, 100, 200, 0, 3333, 3333}},
		{1, 0, 0, Coverage{1, 0, 0, 1, 0, 0, 0}},
		// delivered beyond the pledge: nothing outstanding
		{1000, 500, 700, Coverage{1000, 500, 700, 500, 0, 5000, 7000}},
	} {
		if got := CoverageOf(c.need, c.pledged, c.delivered); got != c.want {
			t.Errorf("CoverageOf(%d, %d, %d) = %+v, want %+v", c.need, c.pledged, c.delivered, got, c.want)
		}
	}
	b, err := BalanceOf(100000, 120001)
	if err != nil || b.Remaining != -20001 || !b.Overspent || b.SpentShare != 12000 {
		t.Errorf("overspent: %+v %v", b, err)
	}
	b, err = BalanceOf(0, 0)
	if err != nil || b.Overspent || b.SpentShare != 0 {
		t.Errorf("empty: %+v %v", b, err)
	}
	if _, err := BalanceOf(math.MinInt64, 1); !errors.Is(err, ErrOverflow) {
		t.Errorf("overflow: %v", err)
	}
}

func TestCurrencies(t *testing.T) {
	t.Parallel()
	for code, exp := range map[string]int{"EUR": 2, "JOD": 3, "TND": 3, "XOF": 0, "UGX": 0, "LBP": 2, "SYP": 2, "KES": 2} {
		if e, ok := Exponent(code); !ok || e != exp {
			t.Errorf("%s: %d %v", code, e, ok)
		}
	}
	if Known("XYZ") || !Known(DefaultCurrency) {
		t.Error("Known")
	}
	cs := Currencies()
	for i := 1; i < len(cs); i++ {
		if cs[i-1] >= cs[i] {
			t.Fatalf("not sorted: %v", cs)
		}
	}
}
