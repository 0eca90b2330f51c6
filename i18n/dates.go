package i18n

import (
	"strconv"
	"sync"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Dates and times are written from the catalogue's patterns (format.date,
// format.time, …, with month names as messages): golang.org/x/text carries
// CLDR's numbering systems but no calendar formats (no month names, no date
// patterns), so the order of the parts and the names are translations like
// any other text. The digits are CLDR's, through x/text: format.numerals
// names the numbering system ("latn", "arab", …) the language writes dates
// in. Times are in UTC, and say so: the server does not know the reader's
// time zone.

// Date writes a day as the language does ("30 November 2026",
// "٣٠ نوفمبر ٢٠٢٦"); the zero time is "".
func (l *Localizer) Date(t time.Time) string { return l.date(t, "format.date", "format.month.") }

// ShortDate is Date with a short month name, for chart axes.
func (l *Localizer) ShortDate(t time.Time) string {
	return l.date(t, "format.date_short", "format.month_short.")
}

// DateTime writes a moment, in UTC, as the language does
// ("30 November 2026, 04:03 UTC"); the zero time is "".
func (l *Localizer) DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	clock := l.T("format.time", "Hour", l.Digits(t.Hour(), 2), "Minute", l.Digits(t.Minute(), 2))
	return l.T("format.datetime", "Date", l.Date(t), "Time", clock)
}

// Digits writes a whole number in the language's digits, without grouping
// and with at least width digits (zeros in front).
func (l *Localizer) Digits(n, width int) string {
	p := l.printer()
	if p == nil {
		s := strconv.Itoa(n)
		for len(s) < width {
			s = "0" + s
		}
		return s
	}
	return p.Sprint(number.Decimal(n, number.NoSeparator(), number.MinIntegerDigits(width)))
}

func (l *Localizer) date(t time.Time, pattern, month string) string {
	if t.IsZero() {
		return ""
	}
	t = t.UTC()
	return l.T(pattern, "Day", l.Digits(t.Day(), 1), "Month", l.T(month+strconv.Itoa(int(t.Month()))), "Year", l.Digits(t.Year(), 4))
}

// printers holds one x/text printer per language and numbering system;
// nil stands for Latin digits, which need none.
var printers sync.Map

func (l *Localizer) printer() *message.Printer {
	nu := l.T("format.numerals")
	if nu == "latn" || nu == "format.numerals" {
		return nil
	}
	key := l.lang + "-u-nu-" + nu
	if p, ok := printers.Load(key); ok {
		return p.(*message.Printer)
	}
	tag, err := language.Parse(key)
	if err != nil {
		return nil
	}
	p := message.NewPrinter(tag)
	printers.Store(key, p)
	return p
}
