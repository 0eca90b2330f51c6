package svgtext

import (
	"bytes"
	"strings"
	"testing"
)

func TestHelpers(t *testing.T) {
	if !IsRTL("  مرحبا") || IsRTL("Hello مرحبا") || IsRTL("123") {
		t.Error("IsRTL goes by the first letter")
	}
	if got := Truncate("A very long organisation name", 60, 10); !strings.HasSuffix(got, "…") || Width(got, 10) > 60 {
		t.Errorf("Truncate gave %q (%.1f wide)", got, Width(got, 10))
	}
	if got := Truncate("Short", 200, 10); got != "Short" {
		t.Errorf("Truncate shortened a fitting text: %q", got)
	}
	for in, want := range map[float64]string{0: "0", -0.01: "0", 1.25: "1.3", 12: "12", -3.44: "-3.4"} {
		if got := Num(in); got != want {
			t.Errorf("Num(%v) = %q, want %q", in, got, want)
		}
	}
	var b bytes.Buffer
	Text(&b, 10, 20, Left, 12, "#000", "", `"نص" <b>&`)
	s := b.String()
	if !strings.Contains(s, `direction="rtl"`) || !strings.Contains(s, `text-anchor="end"`) || strings.Contains(s, "<b>") {
		t.Errorf("Text wrote %s", s)
	}
}
