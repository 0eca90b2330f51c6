package spectrum

import (
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
