package powermap

import (
	"fmt"

	"github.com/partnerkit/partnerkit/svgtext"
)

// The label helpers are shared by every SVG (package svgtext).
var (
	esc       = svgtext.Esc
	isRTL     = svgtext.IsRTL
	runeWidth = svgtext.RuneWidth
	textWidth = svgtext.Width
	truncate  = svgtext.Truncate
	text      = svgtext.Text
	num       = svgtext.Num
)

type align = svgtext.Align

const (
	alignLeft   = svgtext.Left
	alignMiddle = svgtext.Middle
	alignRight  = svgtext.Right
)

// signed shows a support value as "-2", "0", "+1".
func signed(v int) string {
	if v > 0 {
		return fmt.Sprintf("+%d", v)
	}
	return fmt.Sprint(v)
}
