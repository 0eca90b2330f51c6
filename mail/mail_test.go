package mail

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb"
)

type captured struct{ got []Message }

func (c *captured) Send(_ context.Context, m Message) error { c.got = append(c.got, m); return nil }

// compose renders one queued mail as the job handler would.
func compose(t *testing.T, template, lang string) Message {
	t.Helper()
	var c captured
	payload, _ := json.Marshal(sqldb.MailJob{To: "omar@example.org", Language: lang, Template: template, Path: "/reset/e_secret",
		Data: map[string]string{"Name": "Omar"}})
	if err := Handler(i18n.MustLoad(), "https://partners.example.org/", &c)(context.Background(), payload); err != nil {
		t.Fatal(err)
	}
	m := c.got[0]
	if strings.Contains(m.Subject+m.Body, template) || !strings.Contains(m.Body, "https://partners.example.org/reset/e_secret") {
		t.Fatalf("%s in %s is missing or has no link: %q", template, lang, m.Body)
	}
	return m
}

// A reset revokes the person's API tokens; the email they act on says so
// beforehand, in every language, so that no script breaks unannounced.
func TestResetMailSaysTokensAreRevoked(t *testing.T) {
	for lang, word := range map[string]string{"en": "API tokens", "fr": "jetons d'API", "ar": "API"} {
		if m := compose(t, "mail.reset", lang); !strings.Contains(m.Body, word) {
			t.Errorf("the %s reset email does not mention revoked API tokens: %q", lang, m.Body)
		}
	}
}

// A sign-up with a taken address tells the owner, with a way back in.
func TestSignUpExistsMailInEveryLanguage(t *testing.T) {
	for _, lang := range []string{"en", "fr", "ar"} {
		compose(t, "mail.signup_exists", lang)
	}
}
