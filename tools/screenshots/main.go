// Command screenshots signs in to a running demonstration instance with
// Chromium and saves phone-sized pictures of pages, for the user guide:
//
//	go run ./cmd/partnerkit serve --demo --data /tmp/demo &
//	go run ./tools/screenshots --base http://127.0.0.1:8080 --out docs/img \
//	    dashboard=/p/{pid} members=/p/{pid}/members
//
// "{pid}" is the demonstration partnership. Add --lang ar for Arabic.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:8080", "instance address")
	out := flag.String("out", "docs/img", "folder for the PNG files")
	lang := flag.String("lang", "en", "interface language: en, ar or fr")
	width := flag.Int("width", 390, "window width in CSS pixels")
	flag.Parse()
	if err := run(*base, *out, *lang, *width, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(base, out, lang string, width int, shots []string) error {
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath("chromium"), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.WindowSize(width, 900))
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/signin"),
		chromedp.SendKeys(chromedp.CSS("#f-email"), "amina@demo.partnerkit.example"),
		chromedp.SendKeys(chromedp.CSS("#f-password"), "partnerkit-demo"),
		chromedp.Submit(chromedp.CSS("#f-password")),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
		chromedp.Click(chromedp.CSS(`form.lang button[value="`+lang+`"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="`+lang+`"]`)),
	); err != nil {
		return err
	}
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS("ul.cards a"), "href"))
	if err != nil {
		return err
	}
	pid := strings.TrimPrefix(href.Value, "/p/")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, s := range shots {
		name, path, ok := strings.Cut(s, "=")
		if !ok {
			return fmt.Errorf("%q: write NAME=/path", s)
		}
		path = strings.ReplaceAll(path, "{pid}", pid)
		tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		err := chromedp.Do(tctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS("main")))
		var png []byte
		if err == nil {
			png, err = chromedp.Run(tctx, chromedp.FullScreenshot(100))
		}
		cancel()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		file := filepath.Join(out, name+"-"+lang+".png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			return err
		}
		fmt.Println(file)
	}
	return nil
}
