package mapview

import (
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/spectrum"
	"github.com/partnerkit/partnerkit/svgtext"
)

// maxChartPoints caps the chart's dates; a longer history is sampled every
// few months instead of monthly.
const maxChartPoints = 60

// SpectrumGroups puts each positioned actor in its segment's wedge.
func SpectrumGroups(pos []*pk.Assessment) map[spectrum.Segment][]spectrum.Label {
	out := map[spectrum.Segment][]spectrum.Label{}
	for _, a := range pos {
		s := spectrum.SegmentOf(a.Support)
		out[s] = append(out[s], spectrum.Label{ID: a.ActorID, Name: a.ActorName})
	}
	return out
}

// SpectrumHistory turns stored assessments into the spectrum package's.
func SpectrumHistory(tl []*pk.Assessment) []spectrum.Assessment {
	out := make([]spectrum.Assessment, len(tl))
	for i, a := range tl {
		out[i] = spectrum.Assessment{ActorID: a.ActorID, Support: a.Support, Influence: a.Influence, Interest: a.Interest, At: a.AssessedAt, Seq: int64(i)}
	}
	return out
}

// ChartDates are the dates of the history chart: the first assessment, the
// first day of every month after it, and now.
func ChartDates(first, now time.Time) []time.Time {
	if first.IsZero() || !first.Before(now) {
		return []time.Time{now}
	}
	months := (now.Year()-first.Year())*12 + int(now.Month()-first.Month())
	step := 1 + months/maxChartPoints
	dates := []time.Time{first}
	m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, step, 0)
	for ; m.Before(now); m = m.AddDate(0, step, 0) {
		dates = append(dates, m)
	}
	return append(dates, now)
}

// ChartEnd is the last date a map's chart may draw: now, or, when the
// timeline was cut at its maximum, the date of the last assessment read,
// since nothing after it is known.
func ChartEnd(tl *pk.TimelineList, now time.Time) time.Time {
	if tl.Cut && len(tl.Assessments) > 0 {
		return tl.Assessments[len(tl.Assessments)-1].AssessedAt.UTC()
	}
	return now
}

// SpectrumChart draws the segment counts over time for a map's history,
// for a reader of direction dir, dates written by date (see
// spectrum.ChartSVG).
func SpectrumChart(tl []*pk.Assessment, now time.Time, t func(string, ...any) string, dir svgtext.Direction, date func(time.Time) string) []byte {
	var first time.Time
	if len(tl) > 0 {
		first = tl[0].AssessedAt
		for _, a := range tl {
			if a.AssessedAt.Before(first) {
				first = a.AssessedAt
			}
		}
	}
	dates := ChartDates(first, now)
	return spectrum.ChartSVG(dates, spectrum.CountsOverTime(SpectrumHistory(tl), dates), t, dir, date)
}

// ParseDay reads ?at= or ?since= (YYYY-MM-DD); a bad value is a field
// error naming the parameter. endOfDay gives the last instant of the day
// (the spectrum as it stood that evening); otherwise its first.
func ParseDay(name, v string, endOfDay bool) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	d, err := pk.ParseMapDate(v)
	if err != nil {
		return time.Time{}, pk.FieldInvalid(name, "validation.date", nil)
	}
	if endOfDay {
		d = d.Add(24*time.Hour - time.Microsecond)
	}
	return d, nil
}
