package network

import (
	"regexp"
	"testing"

	"github.com/partnerkit/partnerkit/svgtext"

	"github.com/partnerkit/partnerkit/i18n"
)

// Every message ID the package hands out exists in the catalogue.
func TestMessagesExist(t *testing.T) {
	b := i18n.MustLoad()
	ids := []string{Source, "network.kind.unknown"}
	for _, k := range Kinds {
		ids = append(ids, KindMessage(k))
	}
	for _, ty := range Types {
		ids = append(ids, TypeMessage(ty))
	}
	for _, m := range MetricNames {
		ids = append(ids, MetricMessage(m), MetricHelp(m))
	}
	for _, id := range ids {
		if !b.Has(id) {
			t.Errorf("message %q is missing from network.en.toml", id)
		}
	}
}

// The drawing is fully translated in every language: no message ID shows.
func TestSVGAllLanguages(t *testing.T) {
	b := i18n.MustLoad()
	nodes, edges := sampleNetwork()
	big, bigEdges := randomNetwork(100, 150, 8) // more than allLabels: the labels note shows
	leftover := regexp.MustCompile(`network\.[a-z_.]+`)
	for _, lang := range i18n.Languages {
		tr := b.Localizer(lang).T
		for _, out := range [][]byte{
			SVG(nodes, edges, nil, nil, nil, tr, svgtext.LTR),
			SVG(big, bigEdges, nil, nil, nil, tr, svgtext.LTR),
			SVG(nil, nil, nil, nil, nil, tr, svgtext.LTR),
		} {
			if m := leftover.Find(out); m != nil {
				t.Errorf("%s: untranslated %s", lang, m)
			}
			parseSVG(t, out)
		}
	}
}
