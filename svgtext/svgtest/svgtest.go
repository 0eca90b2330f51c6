// Package svgtest checks server-drawn SVG in tests: well-formed, with a
// <title> and role="img", and free of what our Content-Security-Policy or
// our escaping rules forbid (inline styles, event handlers, scripts).
package svgtest

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
)

// Element is one parsed SVG element: its name, attributes, the text
// directly inside it, and its enclosing element.
type Element struct {
	Name   string
	Attrs  map[string]string
	Text   string
	Parent *Element
}

// Parse checks the SVG and returns its elements in document order.
func Parse(t testing.TB, svg []byte) []*Element {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	var all, stack []*Element
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, svg)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			e := &Element{Name: tok.Name.Local, Attrs: map[string]string{}}
			if len(stack) > 0 {
				e.Parent = stack[len(stack)-1]
			}
			for _, a := range tok.Attr {
				e.Attrs[a.Name.Local] = a.Value
				if a.Name.Local == "style" || strings.HasPrefix(a.Name.Local, "on") {
					t.Errorf("%s attribute on <%s>", a.Name.Local, e.Name)
				}
			}
			if e.Name == "style" || e.Name == "script" || e.Name == "foreignObject" {
				t.Errorf("<%s> element in the SVG", e.Name)
			}
			all = append(all, e)
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				stack[len(stack)-1].Text += string(tok)
			}
		}
	}
	if len(all) < 2 || all[0].Name != "svg" || all[1].Name != "title" {
		t.Fatal("no <svg> root with a <title> first")
	}
	if all[0].Attrs["role"] != "img" || !strings.HasPrefix(all[0].Attrs["viewBox"], "0 0 ") {
		t.Errorf("root attributes: %v", all[0].Attrs)
	}
	return all
}

// Contrast is the WCAG 2.1 contrast ratio of two #rrggbb colours.
func Contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	hex = strings.TrimPrefix(hex, "#")
	var c [3]float64
	for i := range c {
		v, _ := strconv.ParseUint(hex[2*i:2*i+2], 16, 8)
		s := float64(v) / 255
		if s <= 0.03928 {
			c[i] = s / 12.92
		} else {
			c[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}
