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

// Mirroring reflects points, boxes and alignments, and only for RTL.
func TestMirror(t *testing.T) {
	t.Parallel()
	l, r := NewMirror(LTR, 100), NewMirror(RTL, 100)
	if l.X(10) != 10 || l.Box(10, 20) != 10 || l.Align(Left) != Left {
		t.Error("a left-to-right drawing moved")
	}
	if r.X(10) != 90 || r.Box(10, 20) != 70 || r.Align(Left) != Right || r.Align(Right) != Left || r.Align(Middle) != Middle {
		t.Error("a right-to-left drawing is not reflected")
	}
}

// Wrapped lines fit their width and keep every word, in order.
func TestWrap(t *testing.T) {
	t.Parallel()
	s := "Dashed red ring: influential active opponent, not a first target"
	lines := Wrap(s, 200, 12)
	if len(lines) < 2 || strings.Join(lines, " ") != s {
		t.Errorf("Wrap = %q", lines)
	}
	for _, line := range lines {
		if Width(line, 12) > 200 {
			t.Errorf("%q is wider than 200", line)
		}
	}
}
