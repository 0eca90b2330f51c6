package i18n

import (
	"strings"
	"testing"
	"time"
)

// Each language writes a moment its own way: its month names and order,
// its digits where the catalogue chooses them, and never the ISO form that
// a right-to-left page turns into "UTC 04:03 2026-11-30".
func TestDates(t *testing.T) {
	t.Parallel()
	b := MustLoad()
	at := time.Date(2026, 11, 30, 4, 3, 0, 0, time.FixedZone("CET", 3600)) // 03:03 UTC
	for _, c := range []struct{ lang, date, short, datetime string }{
		{"en", "30 November 2026", "30 Nov 2026", "30 November 2026, 03:03 UTC"},
		{"fr", "30 novembre 2026", "30 nov. 2026", "30 novembre 2026 à 03:03 UTC"},
		{"ar", "٣٠ نوفمبر ٢٠٢٦", "٣٠ نوفمبر ٢٠٢٦", "٣٠ نوفمبر ٢٠٢٦، الساعة ٠٣:٠٣ بتوقيت غرينتش"},
	} {
		l := b.Localizer(c.lang)
		if got := l.Date(at); got != c.date {
			t.Errorf("%s: Date = %q, want %q", c.lang, got, c.date)
		}
		if got := l.ShortDate(at); got != c.short {
			t.Errorf("%s: ShortDate = %q, want %q", c.lang, got, c.short)
		}
		if got := l.DateTime(at); got != c.datetime {
			t.Errorf("%s: DateTime = %q, want %q", c.lang, got, c.datetime)
		}
		if l.Date(time.Time{}) != "" || l.DateTime(time.Time{}) != "" {
			t.Errorf("%s: the zero time is not empty", c.lang)
		}
		// Every month has a name of its own.
		seen := map[string]bool{}
		for m := time.January; m <= time.December; m++ {
			s := l.Date(time.Date(2026, m, 1, 0, 0, 0, 0, time.UTC))
			if strings.Contains(s, "format.") || seen[s] {
				t.Errorf("%s: month %d written %q", c.lang, m, s)
			}
			seen[s] = true
		}
	}
	if got := b.Localizer("ar").Digits(7, 2); got != "٠٧" {
		t.Errorf("Arabic Digits(7, 2) = %q", got)
	}
	if got := b.Localizer("en").Digits(7, 2); got != "07" {
		t.Errorf("English Digits(7, 2) = %q", got)
	}
}
