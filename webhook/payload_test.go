package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"testing"
	"time"
)

var msg = Message{ID: "ev1", Kind: "proposal.opened", PartnershipID: "p1", SubjectType: "proposal", SubjectID: "pr1",
	Title: "Vote on <the> budget & plan", URL: "https://pk.example.org/p/p1/proposals/pr1?a=1&b=2",
	CreatedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}

func TestBuildJSONIsSigned(t *testing.T) {
	now := time.Unix(1_772_000_000, 0)
	req, err := Build(Target{Kind: KindJSON, URL: "https://hooks.example.org/in", Secret: "s3cret"}, msg, "d1", now)
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != http.MethodPost || req.URL != "https://hooks.example.org/in" || req.Header.Get("Content-Type") != "application/json" {
		t.Fatalf("request %+v", req)
	}
	var got map[string]any
	if err := json.Unmarshal(req.Body, &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"id": "ev1", "kind": "proposal.opened", "partnership_id": "p1", "subject_type": "proposal",
		"subject_id": "pr1", "title": msg.Title, "url": msg.URL, "created_at": "2026-03-02T09:00:00Z"}
	if len(got) != len(want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	// The signature as the documentation tells a receiver to compute it.
	mac := hmac.New(sha256.New, []byte("s3cret"))
	mac.Write([]byte("1772000000." + string(req.Body)))
	if h, want := req.Header.Get(SignatureHeader), "t=1772000000,v1="+hex.EncodeToString(mac.Sum(nil)); h != want {
		t.Errorf("signature %q, want %q", h, want)
	}
	if err := Verify(req.Header.Get(SignatureHeader), "s3cret", req.Body, now.Add(time.Minute), 5*time.Minute); err != nil {
		t.Errorf("Verify: %v", err)
	}
}

func TestVerifyRefuses(t *testing.T) {
	now := time.Unix(1_772_000_000, 0)
	body := []byte(`{"id":"x"}`)
	good := Sign("k", now.Unix(), body)
	for name, c := range map[string]struct {
		header, secret string
		body           []byte
		at             time.Time
	}{
		"other secret":  {good, "other", body, now},
		"other body":    {good, "k", []byte(`{"id":"y"}`), now},
		"too old":       {good, "k", body, now.Add(6 * time.Minute)},
		"from future":   {good, "k", body, now.Add(-6 * time.Minute)},
		"no v1":         {"t=1772000000", "k", body, now},
		"no t":          {"v1=abcd", "k", body, now},
		"bad t":         {"t=soon,v1=abcd", "k", body, now},
		"empty":         {"", "k", body, now},
		"replaced time": {"t=1772000001," + good[len("t=1772000000,"):], "k", body, now},
	} {
		if err := Verify(c.header, c.secret, c.body, c.at, 5*time.Minute); !errors.Is(err, ErrSignature) {
			t.Errorf("%s: Verify = %v", name, err)
		}
	}
}

func TestSlackEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain", "plain"},
		{"a & b", "a &amp; b"},
		{"<script>", "&lt;script&gt;"},
		{"&amp;", "&amp;amp;"},
		{"<!channel> hi", "&lt;!channel&gt; hi"},
		{"ثقة & عمل", "ثقة &amp; عمل"},
		{`"quotes" and 'apostrophes' | pipes`, `"quotes" and 'apostrophes' | pipes`},
	} {
		if got := SlackEscape(c.in); got != c.want {
			t.Errorf("SlackEscape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestBuildSlack(t *testing.T) {
	req, err := Build(Target{Kind: KindSlack, URL: "https://hooks.slack.com/services/T/B/X"}, msg, "d1", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]string
	if err := json.Unmarshal(req.Body, &got); err != nil {
		t.Fatal(err)
	}
	want := "<https://pk.example.org/p/p1/proposals/pr1?a=1&amp;b=2|Vote on &lt;the&gt; budget &amp; plan>"
	if len(got) != 1 || got["text"] != want {
		t.Errorf("body %v, want text %q", got, want)
	}
	if req.Header.Get(SignatureHeader) != "" || req.Method != http.MethodPost {
		t.Errorf("slack request %+v", req)
	}
}

func TestBuildMatrix(t *testing.T) {
	req, err := Build(Target{Kind: KindMatrix, URL: "https://matrix.example.org/", Room: "!room:example.org", Token: "syt_tok"}, msg, "dlv/1", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if req.Method != http.MethodPut {
		t.Errorf("method %s", req.Method)
	}
	if want := "https://matrix.example.org/_matrix/client/v3/rooms/%21room:example.org/send/m.room.message/dlv%2F1"; req.URL != want {
		t.Errorf("url %s, want %s", req.URL, want)
	}
	if req.Header.Get("Authorization") != "Bearer syt_tok" {
		t.Errorf("authorization %q", req.Header.Get("Authorization"))
	}
	var got map[string]string
	if err := json.Unmarshal(req.Body, &got); err != nil {
		t.Fatal(err)
	}
	if got["msgtype"] != "m.text" || got["body"] != msg.Title+" "+msg.URL ||
		got["formatted_body"] != `<a href="https://pk.example.org/p/p1/proposals/pr1?a=1&amp;b=2">Vote on &lt;the&gt; budget &amp; plan</a>` {
		t.Errorf("body %v", got)
	}
	// The same delivery builds the same address: a retry is idempotent.
	again, _ := Build(Target{Kind: KindMatrix, URL: "https://matrix.example.org/", Room: "!room:example.org", Token: "syt_tok"}, msg, "dlv/1", time.Now().Add(time.Hour))
	if again.URL != req.URL {
		t.Errorf("retry address %s differs from %s", again.URL, req.URL)
	}
}

func TestBuildUnknownKind(t *testing.T) {
	if _, err := Build(Target{Kind: "teams"}, msg, "d", time.Now()); err == nil {
		t.Error("unknown kind built")
	}
}
