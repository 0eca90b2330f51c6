package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
)

func runCLI(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestCommandLine(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "pk.db")
	if out, _, err := runCLI(t, "", "version"); err != nil || !strings.HasPrefix(out, "partnerkit ") {
		t.Fatalf("version: %q %v", out, err)
	}
	if _, _, err := runCLI(t, ""); err == nil {
		t.Fatal("no command should be a usage error")
	}
	if _, errOut, err := runCLI(t, "", "frobnicate"); err == nil || !strings.Contains(errOut, "unknown command") {
		t.Fatalf("unknown command: %v %q", err, errOut)
	}
	out, _, err := runCLI(t, "a long secret password\n", "user", "add", "--db", db, "--email", "Ana@Example.org", "--name", "Ana", "--admin")
	if err != nil || !strings.Contains(out, "ana@example.org") {
		t.Fatalf("user add: %q %v", out, err)
	}
	if _, _, err := runCLI(t, "short\n", "user", "add", "--db", db, "--email", "b@example.org", "--name", "B"); err == nil || !strings.Contains(err.Error(), "password") {
		t.Fatalf("a short password was accepted: %v", err)
	}
	if _, _, err := runCLI(t, "a long secret password\n", "user", "add", "--db", db, "--email", "ana@example.org", "--name", "Ana again"); err == nil {
		t.Fatal("a duplicate address was accepted")
	}
	out, _, err = runCLI(t, "", "token", "add", "--db", db, "--email", "ana@example.org")
	token := strings.TrimSpace(out)
	if err != nil || !strings.HasPrefix(token, "pk_") {
		t.Fatalf("token add: %q %v", out, err)
	}
	d, err := sqldb.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	u, err := d.Accounts.UserByToken(context.Background(), token)
	d.Close()
	if err != nil || u.Email != "ana@example.org" || !u.Admin {
		t.Fatalf("the token does not open Ana's account: %+v %v", u, err)
	}
	if _, _, err := runCLI(t, "", "token", "add", "--db", db, "--email", "nobody@example.org"); err == nil {
		t.Fatal("a token for an unknown user")
	}
	if out, _, err := runCLI(t, "", "migrate", "--db", db); err != nil || !strings.Contains(out, "schema at version") {
		t.Fatalf("migrate: %q %v", out, err)
	}
	copyPath := filepath.Join(dir, "copy.db")
	if out, _, err := runCLI(t, "", "backup", "--db", db, "--to", copyPath); err != nil || !strings.Contains(out, copyPath) {
		t.Fatalf("backup: %q %v", out, err)
	}
	if st, err := os.Stat(copyPath); err != nil || st.Size() == 0 {
		t.Fatal("no backup file")
	}
	if _, _, err := runCLI(t, "", "backup", "--db", db); err == nil {
		t.Fatal("backup without --to")
	}
	if _, _, err := runCLI(t, "", "serve", "--db", db, "--signup", "sometimes"); err == nil {
		t.Fatal("serve accepted a bad --signup")
	}
}

// The data directory and DSN settings come from the environment too.
func TestEnvironment(t *testing.T) {
	t.Setenv("PARTNERKIT_DATA", "/tmp/pkdata-test")
	t.Setenv("PARTNERKIT_ADDR", "0.0.0.0:9999")
	var c config
	fs := newFlagSet()
	serveFlags(fs, &c)
	if err := fs.Parse(nil); err != nil {
		t.Fatal(err)
	}
	if c.Addr != "0.0.0.0:9999" || c.dsn() != filepath.Join("/tmp/pkdata-test", "partnerkit.db") {
		t.Fatalf("config %+v dsn %s", c, c.dsn())
	}
	t.Setenv("PARTNERKIT_DB", "postgres://x@y/z")
	var c2 config
	fs = newFlagSet()
	serveFlags(fs, &c2)
	fs.Parse([]string{"--addr", "127.0.0.1:1"})
	if c2.dsn() != "postgres://x@y/z" || c2.Addr != "127.0.0.1:1" {
		t.Fatalf("flags must win over the environment: %+v", c2)
	}
}
