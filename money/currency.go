package money

import "sort"

// exponents maps an ISO 4217 code to its minor-unit exponent: how many
// decimals an amount shows (2 for EUR cents, 3 for Jordanian fils, 0 for the
// West African CFA franc). Only the currencies partnerships we serve are
// likely to choose; adding one is a line here.
var exponents = map[string]int{
	"EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "SEK": 2, "NOK": 2, "DKK": 2, "CAD": 2, "AUD": 2,
	"TRY": 2, "JOD": 3, "LBP": 2, "SYP": 2, "IQD": 3, "TND": 3, "LYD": 3, "KWD": 3, "BHD": 3, "OMR": 3,
	"MAD": 2, "DZD": 2, "EGP": 2, "SDG": 2, "ILS": 2, "SAR": 2, "AED": 2, "QAR": 2, "YER": 2,
	"XOF": 0, "XAF": 0, "KES": 2, "UGX": 0, "TZS": 2, "RWF": 0, "ETB": 2, "NGN": 2, "GHS": 2,
	"ZAR": 2, "SOS": 2, "AFN": 2, "PKR": 2, "INR": 2, "BDT": 2, "JPY": 0,
}

// DefaultCurrency is a new partnership's currency until a coordinator
// chooses another.
const DefaultCurrency = "EUR"

// Exponent returns the minor-unit exponent of code, and false for a code
// not in the table.
func Exponent(code string) (int, bool) {
	e, ok := exponents[code]
	return e, ok
}

// Known reports whether code is a currency Partnerkit can show.
func Known(code string) bool {
	_, ok := exponents[code]
	return ok
}

// Currencies lists the known codes in alphabetical order (for a form).
func Currencies() []string {
	out := make([]string, 0, len(exponents))
	for c := range exponents {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}
