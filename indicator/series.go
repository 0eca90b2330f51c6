package indicator

import "time"

// Point is the actual on a date: the running sum for an indicator that
// sums, the measured value otherwise.
type Point struct {
	Date  time.Time
	Value float64
}

// Actuals is the line of actuals over time, one point per measurement with
// a value (in date order), measured on or before today. The chart draws it
// and the page's table lists it, so both show the same numbers.
func Actuals(ind Indicator, ms []Measurement, today time.Time) []Point {
	var out []Point
	sum := 0.0
	for _, m := range sortedUpTo(ms, today) {
		if m.Value == nil {
			continue
		}
		y := *m.Value
		if ind.Sums() {
			sum += y
			y = sum
		}
		out = append(out, Point{Date: m.Date, Value: y})
	}
	return out
}
