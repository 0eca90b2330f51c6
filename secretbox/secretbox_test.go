package secretbox

import (
	"bytes"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func testBox(t *testing.T, b byte) *Box {
	t.Helper()
	box, err := New(bytes.Repeat([]byte{b}, KeySize))
	if err != nil {
		t.Fatal(err)
	}
	return box
}

func TestSealOpen(t *testing.T) {
	box := testBox(t, 1)
	sealed := box.Seal("whsec_abc", "wh1")
	if strings.Contains(sealed, "whsec_abc") {
		t.Fatalf("sealed value shows the secret: %q", sealed)
	}
	if again := box.Seal("whsec_abc", "wh1"); again == sealed {
		t.Fatal("two seals of one value are equal: the nonce is not fresh")
	}
	got, err := box.Open(sealed, "wh1")
	if err != nil || got != "whsec_abc" {
		t.Fatalf("Open = %q, %v", got, err)
	}
	for name, open := range map[string]func() (string, error){
		"other context": func() (string, error) { return box.Open(sealed, "wh2") },
		"other key":     func() (string, error) { return testBox(t, 2).Open(sealed, "wh1") },
		"damaged":       func() (string, error) { return box.Open(sealed[:len(sealed)-2]+"AA", "wh1") },
		"no prefix":     func() (string, error) { return box.Open(strings.TrimPrefix(sealed, prefix), "wh1") },
		"short":         func() (string, error) { return box.Open(prefix+"AAAA", "wh1") },
	} {
		if v, err := open(); !errors.Is(err, ErrOpen) || v != "" {
			t.Errorf("%s: Open = %q, %v; want ErrOpen", name, v, err)
		}
	}
}

func TestParseKey(t *testing.T) {
	k := bytes.Repeat([]byte{7}, KeySize)
	for _, s := range []string{hex.EncodeToString(k), base64.StdEncoding.EncodeToString(k), base64.RawStdEncoding.EncodeToString(k) + "\n"} {
		got, err := ParseKey(s)
		if err != nil || !bytes.Equal(got, k) {
			t.Errorf("ParseKey(%q) = %x, %v", s, got, err)
		}
	}
	for _, s := range []string{"", "abc", hex.EncodeToString(k[:16]), "not a key at all, really not"} {
		if _, err := ParseKey(s); err == nil {
			t.Errorf("ParseKey(%q) accepted", s)
		}
	}
}

func TestLoadWritesKeyFileOnce(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	a, err := Load("", dir)
	if err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, KeyFileName))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("key file mode %o, want 600", perm)
	}
	b, err := Load("", dir)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := b.Open(a.Seal("x", "c"), "c"); err != nil || got != "x" {
		t.Fatalf("second Load does not read the same key: %q, %v", got, err)
	}
}

func TestLoadPrefersConfiguredKey(t *testing.T) {
	dir := t.TempDir()
	k := hex.EncodeToString(bytes.Repeat([]byte{9}, KeySize))
	box, err := Load(k, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, KeyFileName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a key file was written although a key was configured: %v", err)
	}
	if got, err := testBox(t, 9).Open(box.Seal("x", "c"), "c"); err != nil || got != "x" {
		t.Fatalf("configured key not used: %q, %v", got, err)
	}
	if _, err := Load("short", dir); err == nil {
		t.Error("a bad configured key was accepted")
	}
	if err := os.WriteFile(filepath.Join(dir, KeyFileName), []byte("garbage"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load("", dir); err == nil {
		t.Error("a damaged key file was accepted")
	}
}
