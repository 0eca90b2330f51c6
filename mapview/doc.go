// Package mapview builds what the pages and the API both show of a map of
// actors (the power map's points and lines, the Spectrum of Allies' groups
// and its chart over time) from stored assessments, once, below both faces;
// each face only encodes the result (HTML, SVG or JSON).
package mapview
