// Package e2e drives the real partnerkit binary with Chromium, as a person
// would: it builds the binary, starts it on a free port with a temporary
// database, and reads what the pages show. It needs Debian's chromium.
// The tests are opt-in, as they take longer than the rest of the suite
// together: they run when PARTNERKIT_TEST_BROWSER is set, and with
// PARTNERKIT_TEST_BROWSER=require (as in CI) a missing chromium is a
// failure rather than a skip.
package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

var binary string

func TestMain(m *testing.M) {
	if os.Getenv("PARTNERKIT_TEST_BROWSER") == "" {
		fmt.Println("browser tests skipped: set PARTNERKIT_TEST_BROWSER=1 to run them (=require to fail without chromium)")
		os.Exit(0)
	}
	if _, err := chromiumPath(); err != nil {
		if os.Getenv("PARTNERKIT_TEST_BROWSER") == "require" {
			fmt.Fprintln(os.Stderr, "browser tests required but:", err)
			os.Exit(1)
		}
		fmt.Println("browser tests skipped:", err, "(install Debian's chromium to run them)")
		os.Exit(0)
	}
	dir, err := os.MkdirTemp("", "partnerkit-e2e")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "partnerkit")
	build := exec.Command("go", "build", "-o", binary, "../cmd/partnerkit")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func chromiumPath() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("no chromium on PATH")
}

// instance is a running partnerkit serve.
type instance struct {
	URL  string
	Data string
}

// start runs the binary on a free port with a fresh data directory.
func start(t *testing.T, args ...string) *instance {
	t.Helper()
	data := t.TempDir()
	cmd := exec.Command(binary, append([]string{"serve", "--addr", "127.0.0.1:0", "--data", data, "--log-level", "warn"}, args...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	})
	lines := bufio.NewScanner(out)
	re := regexp.MustCompile(`running at (http://\S+)`)
	deadline := time.Now().Add(30 * time.Second)
	for lines.Scan() && time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(lines.Text()); m != nil {
			go func() {
				for lines.Scan() {
				}
			}()
			return &instance{URL: m[1], Data: data}
		}
	}
	t.Fatal("partnerkit did not start")
	return nil
}

// browser opens a separate Chromium (its own cookies) for one person.
func browser(t *testing.T) context.Context {
	t.Helper()
	path, _ := chromiumPath()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.WindowSize(390, 844), // a phone
		chromedp.UserDataDir(t.TempDir()),
	)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal("start chromium:", err)
	}
	return ctx
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	// Each step gets a deadline, so a missing element fails the test
	// instead of hanging it.
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

const stepTimeout = 45 * time.Second

// get runs one action that reads a value.
func get[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	return get(t, ctx, chromedp.Text(chromedp.CSS(sel)))
}

// invitationLink reads the newest invitation email in the outbox.
func invitationLink(t *testing.T, in *instance, to string) string {
	t.Helper()
	re := regexp.MustCompile(`http://\S+/invitations/\S+`)
	for i := 0; i < 50; i++ {
		files, _ := filepath.Glob(filepath.Join(in.Data, "outbox", "*"+to+".eml"))
		for _, f := range files {
			b, _ := os.ReadFile(f)
			if m := re.FindString(string(b)); m != "" {
				return m
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatalf("no invitation mail to %s in the outbox", to)
	return ""
}

func signUp(t *testing.T, ctx context.Context, name, email string) {
	t.Helper()
	run(t, ctx,
		chromedp.WaitVisible(chromedp.CSS(`#f-name`)),
		chromedp.SendKeys(chromedp.CSS(`#f-name`), name),
		chromedp.SendKeys(chromedp.CSS(`#f-email`), email),
		chromedp.SendKeys(chromedp.CSS(`#f-password`), "a long enough password"),
		chromedp.Submit(chromedp.CSS(`#f-password`)),
		// Only a signed-in page has the sign-out button.
		chromedp.WaitVisible(chromedp.CSS(`form[action="/signout"]`)),
	)
}

// A coordinator signs up, creates an organisation and a partnership and
// invites a second person, who accepts in another browser; both see it.
func TestInviteJourney(t *testing.T) {
	in := start(t)
	rania := browser(t)
	run(t, rania, chromedp.Navigate(in.URL+"/signup"))
	signUp(t, rania, "Rania Haddad", "rania@example.org")
	if h := text(t, rania, "main h1"); !strings.Contains(h, "Rania") {
		t.Fatalf("home says %q", h)
	}
	run(t, rania,
		chromedp.Navigate(in.URL+"/organisations/new"),
		chromedp.SendKeys(chromedp.CSS(`#f-name`), "Youth Without Borders"),
		chromedp.SetValue(chromedp.CSS(`#f-kind`), "youth"),
		chromedp.Click(chromedp.CSS(`#f-youth_led`)),
		chromedp.Submit(chromedp.CSS(`#f-name`)),
		chromedp.WaitVisible(chromedp.CSS(`dl.facts`)),
	)
	if h := text(t, rania, "main h1"); h != "Youth Without Borders" {
		t.Fatalf("organisation page says %q", h)
	}
	run(t, rania,
		chromedp.Navigate(in.URL+"/p/new"),
		chromedp.SendKeys(chromedp.CSS(`#f-name`), "River Alliance"),
		chromedp.SendKeys(chromedp.CSS(`#f-purpose`), "Clean river, fair jobs"),
		chromedp.Submit(chromedp.CSS(`#f-name`)),
		chromedp.WaitVisible(chromedp.CSS(`ul.stats`)),
	)
	if f := text(t, rania, ".flash"); !strings.Contains(f, "partnership is ready") {
		t.Fatalf("flash %q", f)
	}
	dashboard, _, _ := strings.Cut(get(t, rania, chromedp.Location()), "?")
	run(t, rania,
		chromedp.Navigate(dashboard+"/invitations"),
		chromedp.SendKeys(chromedp.CSS(`#f-email`), "karim@example.org"),
		chromedp.SendKeys(chromedp.CSS(`#f-message`), "Join us on the river!"),
		chromedp.Submit(chromedp.CSS(`#f-email`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash`)),
	)
	if cell := text(t, rania, "table tbody"); !strings.Contains(cell, "karim@example.org") {
		t.Fatalf("invitations list: %q", cell)
	}

	link := invitationLink(t, in, "karim@example.org")
	karim := browser(t)
	run(t, karim, chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
	if h := text(t, karim, "main h1"); !strings.Contains(h, "River Alliance") {
		t.Fatalf("invitation page says %q", h)
	}
	run(t, karim, chromedp.Click(chromedp.CSS(`a.button[href^="/signup"]`)))
	signUp(t, karim, "Karim Saleh", "")
	run(t, karim,
		chromedp.WaitVisible(chromedp.CSS(`form[action$="/accept"] button`)),
		chromedp.Click(chromedp.CSS(`form[action$="/accept"] button`)),
		chromedp.WaitVisible(chromedp.CSS(`ul.stats`)),
	)
	if h := text(t, karim, "main h1"); h != "River Alliance" {
		t.Fatalf("after accepting Karim sees %q", h)
	}
	run(t, rania, chromedp.Navigate(dashboard+"/members"), chromedp.WaitVisible(chromedp.CSS(`main h1`)))
	if people := text(t, rania, "main"); !strings.Contains(people, "Karim Saleh") {
		t.Fatal("Rania does not see Karim among the members")
	}
}

// Arabic pages are laid out right to left.
func TestArabicIsRightToLeft(t *testing.T) {
	in := start(t, "--demo")
	ctx := browser(t)
	run(t, ctx,
		chromedp.Navigate(in.URL+"/signin"),
		chromedp.WaitVisible(chromedp.CSS(`form.lang button[value="ar"]`)),
		chromedp.Click(chromedp.CSS(`form.lang button[value="ar"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[dir="rtl"]`)),
	)
	dir := get(t, ctx, chromedp.AttributeValue(chromedp.CSS("html"), "dir")).Value
	direction := get(t, ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).direction`))
	brandX := get(t, ctx, chromedp.Evaluate[float64](`document.querySelector('.brand').getBoundingClientRect().left`))
	userX := get(t, ctx, chromedp.Evaluate[float64](`document.querySelector('nav.user').getBoundingClientRect().left`))
	if dir != "rtl" || direction != "rtl" {
		t.Fatalf("dir=%q direction=%q", dir, direction)
	}
	if brandX <= userX {
		t.Fatalf("the brand (x=%v) should stand right of the account links (x=%v) in Arabic", brandX, userX)
	}
	if h := text(t, ctx, "main h1"); h != "تسجيل الدخول" && !strings.ContainsAny(h, "ابتثجحخدذرزسشصضطظعغفقكلمنهوي") {
		t.Fatalf("heading is not Arabic: %q", h)
	}
}

// A form sent with bad input shows the message next to the field and keeps
// what was typed.
func TestBadInputKeepsWhatWasTyped(t *testing.T) {
	in := start(t)
	ctx := browser(t)
	run(t, ctx, chromedp.Navigate(in.URL+"/signup"))
	signUp(t, ctx, "Lina", "lina@example.org")
	run(t, ctx,
		chromedp.Navigate(in.URL+"/p/new"),
		chromedp.SendKeys(chromedp.CSS(`#f-purpose`), "Typed with care — عربي too"),
		chromedp.Submit(chromedp.CSS(`#f-purpose`)),
		chromedp.WaitVisible(chromedp.CSS(`#name-error`)),
	)
	purpose := get(t, ctx, chromedp.Value(chromedp.CSS(`#f-purpose`)))
	invalid := get(t, ctx, chromedp.AttributeValue(chromedp.CSS(`#f-name`), "aria-invalid")).Value
	if msg := text(t, ctx, "#name-error"); msg != "This field is required." {
		t.Fatalf("message next to the name field: %q", msg)
	}
	if purpose != "Typed with care — عربي too" {
		t.Fatalf("the purpose typed was lost: %q", purpose)
	}
	if invalid != "true" {
		t.Fatal("the name field is not marked invalid for screen readers")
	}
}

// waitUntil evaluates a JavaScript condition until it holds, across page
// loads (a condition that holds on the page before a form's answer must not
// be used: the point is to wait for the answer).
func waitUntil(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for time.Now().Before(deadline) {
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err := chromedp.Run(c, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", cond)
}

// waitFlash waits for the page a form redirected to, named by its flash message.
func waitFlash(t *testing.T, ctx context.Context, flash string) {
	t.Helper()
	waitUntil(t, ctx, `location.search.includes('flash=`+flash+`') && document.readyState === 'complete'`)
}

// signInAs signs a demo person in, in their own browser.
func signInAs(t *testing.T, b context.Context, in *instance, email string) {
	t.Helper()
	run(t, b,
		chromedp.Navigate(in.URL+"/signin"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), email),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "partnerkit-demo"),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS(`form[action="/signout"]`)),
	)
}
