package money

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrOverflow is returned when a sum or a parsed amount does not fit in
// int64 minor units.
var ErrOverflow = errors.New("money: amount too large")

// ErrSyntax is returned for text that is not an amount in the currency
// (letters, more decimals than the currency has, two separators…).
var ErrSyntax = errors.New("money: not an amount")

// ErrCurrency is returned for a code not in the table.
var ErrCurrency = errors.New("money: unknown currency")

// Add returns a+b, or ErrOverflow.
func Add(a, b int64) (int64, error) {
	if (b > 0 && a > math.MaxInt64-b) || (b < 0 && a < math.MinInt64-b) {
		return 0, ErrOverflow
	}
	return a + b, nil
}

// Sub returns a-b, or ErrOverflow.
func Sub(a, b int64) (int64, error) {
	if b == math.MinInt64 {
		return 0, ErrOverflow
	}
	return Add(a, -b)
}

// Sum adds amounts, or returns ErrOverflow.
func Sum(amounts ...int64) (int64, error) {
	var total int64
	for _, a := range amounts {
		var err error
		if total, err = Add(total, a); err != nil {
			return 0, err
		}
	}
	return total, nil
}

// Parse reads an amount typed by a person ("1250", "1250.5", "1 250,50",
// "-3.000") into minor units of code, exactly. Either "." or "," may mark
// the decimals (the last one, if followed by at most the currency's
// number of digits); spaces, thin spaces and the other mark group
// thousands. Arabic-Indic digits are read too.
func Parse(s, code string) (int64, error) {
	exp, ok := Exponent(code)
	if !ok {
		return 0, ErrCurrency
	}
	s = normaliseDigits(strings.TrimSpace(s))
	neg := false
	if strings.HasPrefix(s, "-") {
		neg, s = true, s[1:]
	}
	if s == "" {
		return 0, ErrSyntax
	}
	intPart, frac := s, ""
	// The decimal mark is the last "." or ",", when what follows is short
	// enough to be decimals; otherwise every mark groups thousands.
	if i := strings.LastIndexAny(s, ".,"); i >= 0 {
		tail := s[i+1:]
		if len(tail) <= exp && !strings.ContainsAny(tail, ".,  \u202f\u066c") && exp > 0 {
			intPart, frac = s[:i], tail
		}
	}
	intPart, ok = ungroup(intPart)
	if !ok {
		return 0, ErrSyntax
	}
	if intPart == "" && frac == "" {
		return 0, ErrSyntax
	}
	for _, r := range intPart + frac {
		if r < '0' || r > '9' {
			return 0, ErrSyntax
		}
	}
	frac += strings.Repeat("0", exp-len(frac))
	digits := strings.TrimLeft(intPart+frac, "0")
	if digits == "" {
		return 0, nil
	}
	v, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, ErrOverflow
	}
	if neg {
		v = -v
	}
	return v, nil
}

// ungroup removes thousands marks from the integer part, refusing groups
// that are not three digits after the first ("1.2.3" is not an amount).
func ungroup(s string) (string, bool) {
	groups := strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ' ', '\u00a0', '\u202f', '\u066c', '.', ',', '\'':
			return true
		}
		return false
	})
	if len(groups) > 1 {
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return "", false
			}
		}
		if len(groups[0]) > 3 || len(groups[0]) == 0 {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

// normaliseDigits turns Arabic-Indic and Eastern Arabic-Indic digits into
// ASCII ones and the Arabic decimal separator into ".".
func normaliseDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '٠' && r <= '٩':
			return '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			return '0' + (r - '۰')
		case r == '٫':
			return '.'
		}
		return r
	}, s)
}

// Format writes minor units of code as a plain decimal number ("1250.50"
// for EUR, "3.000" for JOD, "1500" for XOF), without grouping or the code:
// the form field's value and the CSV cell. Unknown codes show 2 decimals.
func Format(minor int64, code string) string {
	exp, ok := Exponent(code)
	if !ok {
		exp = 2
	}
	neg := minor < 0
	// Work on the unsigned magnitude so math.MinInt64 formats too.
	u := uint64(minor)
	if neg {
		u = -u
	}
	digits := strconv.FormatUint(u, 10)
	if exp > 0 {
		if len(digits) <= exp {
			digits = strings.Repeat("0", exp-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-exp] + "." + digits[len(digits)-exp:]
	}
	if neg {
		return "-" + digits
	}
	return digits
}

// Display writes the amount grouped by thousands with a thin space, and
// the code after it ("12 500.00 EUR"): the same in every language, so
// figures read the same in an Arabic report as in an English one.
func Display(minor int64, code string) string {
	s := Format(minor, code)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(r)
	}
	return sign + b.String() + frac + "\u00a0" + code
}
