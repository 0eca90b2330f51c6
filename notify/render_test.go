package notify_test

import (
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/notify"
)

// Every kind renders in every language: a title and a summary from the
// catalogue (not the key itself, and no placeholder left unfilled), and a
// path for its subject.
func TestRenderEveryKind(t *testing.T) {
	b := i18n.MustLoad()
	subjects := map[pk.EventKind]string{
		pk.EventInvitation: "invitation", pk.EventReportDue: "plan",
		pk.EventAgreementReadyToSign: "agreement", pk.EventAgreementSignedByAll: "agreement",
		pk.EventSurveyOpened: "survey", pk.EventHealthOpened: "health_round",
	}
	for _, k := range pk.EventKinds {
		kind := pk.EventKind(k)
		subject, ok := subjects[kind]
		if !ok {
			subject = map[string]string{"proposal": "proposal", "meeting": "meeting", "action": "action_item", "task": "task"}[strings.SplitN(k, ".", 2)[0]]
		}
		ev := pk.Event{PartnershipID: "p1", PartnershipName: "River Alliance", Kind: kind, SubjectType: subject, SubjectID: "s1",
			Data: map[string]string{"title": "Clean water", "what": "Call the mayor", "meeting_id": "m1", "meeting_title": "Board",
				"plan_title": "Outreach", "due": "2026-12-01", "starts": "2026-12-02 10:00", "closes": "2026-12-03 18:00",
				"outcome": "passed", "role": "member", "email": "a@example.org", "period": "2026-11", "notice": "7"}}
		for _, lang := range i18n.Languages {
			l := b.Localizer(lang)
			txt := notify.Render(l, ev)
			for name, s := range map[string]string{"title": txt.Title, "summary": txt.Summary} {
				if strings.HasPrefix(s, "event.") || strings.Contains(s, "<no value>") || strings.Contains(s, "{{") {
					t.Errorf("%s %s %s = %q", k, lang, name, s)
				}
			}
			if !strings.HasPrefix(txt.Path, "/p/p1/") {
				t.Errorf("%s: path %q", k, txt.Path)
			}
		}
	}
}

// A code in the data is translated; the partnership's name comes from the
// event, not the data.
func TestRenderTranslatesCodes(t *testing.T) {
	l := i18n.MustLoad().Localizer("fr")
	txt := notify.Render(l, pk.Event{PartnershipID: "p1", PartnershipName: "Alliance", Kind: pk.EventProposalClosed,
		SubjectType: "proposal", SubjectID: "x", Data: map[string]string{"title": "T", "outcome": "rejected"}})
	if !strings.Contains(txt.Summary, l.T("decision.outcome.rejected")) || !strings.HasPrefix(txt.Summary, "Alliance") {
		t.Errorf("summary %q", txt.Summary)
	}
	if txt.Path != "/p/p1/decisions/proposals/x" {
		t.Errorf("path %q", txt.Path)
	}
}

// An unknown subject has no link rather than a wrong one.
func TestPathUnknownSubject(t *testing.T) {
	if p := notify.Path(pk.Event{PartnershipID: "p", SubjectType: "secret"}); p != "" {
		t.Errorf("path %q", p)
	}
}
