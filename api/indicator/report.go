package indicator

import (
	"bytes"
	"net/http"
	"strconv"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/reportview"
)

func (h *Handlers) registerReport(a *api.API) {
	a.Route("GET", reportPath, httpx.RoleFor(pk.ActionViewPartnershipReport), httpx.OpDoc{Summary: "The partnership report for a period (?from=&to=, YYYY-MM-DD, at most five years; the year to today when neither is given): goals, indicators as they stood at its end, plans and tasks, decisions taken and meetings held in it with attendance; a section the asker may not see is null", Tag: tag,
		Response: pk.PartnershipReport{}, Query: []string{"from", "to"}},
		func(r *http.Request) (any, error) {
			now := time.Now()
			if h.Now != nil {
				now = h.Now()
			}
			q := r.URL.Query()
			period := reportview.DefaultPeriod(now)
			if q.Has("from") || q.Has("to") {
				period = pk.ReportPeriod{From: q.Get("from"), To: q.Get("to")}
			}
			s, err := reportview.Show(r.Context(), h.Report, r.PathValue("pid"), period, now)
			if err != nil {
				return nil, err
			}
			return reportAnswer(a, api.Language(r), s)
		})
}

// reportAnswer is the report encoded as the API encodes any answer, byte
// for byte: the sections every asker of a role is shown (all but the
// decisions) are encoded and translated once per kept report and language
// (an answer of hundreds of kilobytes), the asker's decisions once per
// kept decisions of theirs and language, and the head (the partnership,
// the period) per request.
func reportAnswer(a *api.API, lang string, s *reportview.Shown) (api.Encoded, error) {
	v, err := s.Drawn(a.EncodedName("report", lang), func(shared *pk.PartnershipReport) (any, error) {
		before, err := members(a, lang, []member{{"goals", shared.Goals}, {"indicators", shared.Indicators},
			{"plans", shared.Plans}, {"budget", shared.Budget}})
		if err != nil {
			return nil, err
		}
		after, err := members(a, lang, []member{{"meetings", shared.Meetings}, {"evaluations", shared.Evaluations},
			{"health", shared.Health}})
		return keptAnswer{httpx.KeptPiece(before), httpx.KeptPiece(after)}, err
	})
	if err != nil {
		return nil, err
	}
	kept, r := v.(keptAnswer), s.Report
	head, err := members(a, lang, []member{{"partnership_id", r.PartnershipID}, {"partnership_name", r.PartnershipName},
		{"from", r.From}, {"to", r.To}, {"generated_at", r.GeneratedAt}})
	if err != nil {
		return nil, err
	}
	d, err := s.DrawnDecisions(a.EncodedName("report decisions", lang), func(d *pk.ReportDecisions) (any, error) {
		b, err := members(a, lang, []member{{"decisions", d}})
		return httpx.KeptPiece(b), err
	})
	if err != nil {
		return nil, err
	}
	// The fields in the order pk.PartnershipReport declares them; the
	// sections go out compressed as they were kept.
	open := append(append([]byte{'{'}, head...), ',')
	comma := []byte{','}
	return api.Encoded{{Raw: open}, kept.before, {Raw: comma}, d.(httpx.Piece), {Raw: comma}, kept.after, {Raw: []byte{'}'}}}, nil
}

// keptAnswer is the shared sections as encoded for one language: the
// members before the decisions and after them, in the order
// pk.PartnershipReport declares (and encodes) its fields, each with its
// compressed form.
type keptAnswer struct{ before, after httpx.Piece }

// member is one field of an object: its JSON name and value.
type member struct {
	key   string
	value any
}

// members encodes fields as the members of a JSON object, without the
// braces.
func members(a *api.API, lang string, fields []member) ([]byte, error) {
	var b bytes.Buffer
	for i, f := range fields {
		v, err := a.Encode(lang, f.value)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(f.key))
		b.WriteByte(':')
		b.Write(v)
	}
	return b.Bytes(), nil
}
