package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/sqldb"
)

// An administrator moves a partnership from one database to another with
// export and import; the archive keeps everyone's role, and the export is
// audited as the administrator's.
func TestExportAndImportCommands(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src, dst := filepath.Join(dir, "src.db"), filepath.Join(dir, "dst.db")
	ctx := context.Background()
	d, err := sqldb.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := d.Accounts.CreateUser(ctx, pk.SignUpInput{Email: "ana@example.org", Name: "Ana", Password: "a long secret password"}, false)
	if err != nil {
		t.Fatal(err)
	}
	p, err := d.Partnerships.CreatePartnership(pk.NewContextWithUser(ctx, u), pk.PartnershipInput{Name: "River Alliance"})
	if err != nil {
		t.Fatal(err)
	}
	d.Close()

	archive := filepath.Join(dir, "river.zip")
	if _, _, err := runCLI(t, "", "export", "--db", src, "--partnership", "nope", "--to", archive); err == nil {
		t.Error("exported a partnership that does not exist")
	}
	out, _, err := runCLI(t, "", "export", "--db", src, "--partnership", p.ID, "--to", archive)
	if err != nil || !strings.Contains(out, archive) {
		t.Fatalf("export: %q %v", out, err)
	}
	if _, _, err := runCLI(t, "", "export", "--db", src, "--partnership", p.ID, "--to", archive); err == nil {
		t.Error("export overwrote a file")
	}
	if _, _, err := runCLI(t, "", "import", "--db", dst, "--from", archive, "--owner", "nobody@example.org"); err == nil || !strings.Contains(err.Error(), "nobody@example.org") {
		t.Errorf("import with an unknown owner: %v", err)
	}
	out, _, err = runCLI(t, "", "import", "--db", dst, "--from", archive)
	if err != nil || !strings.Contains(out, `imported "River Alliance"`) || !strings.Contains(out, "ana@example.org") {
		t.Fatalf("import: %q %v", out, err)
	}
	if _, _, err := runCLI(t, "", "import", "--db", dst, "--from", filepath.Join(dir, "missing.zip")); err == nil {
		t.Error("imported a file that does not exist")
	}
	if st, err := os.Stat(archive); err != nil || st.Size() == 0 {
		t.Fatal("no archive")
	}
	d, err = sqldb.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	entries, _, err := d.Partnerships.Audit(pk.NewContextWithUser(ctx, u), p.ID, pk.PageRequest{})
	if err != nil || len(entries) == 0 || entries[0].Action != "partnership.export_admin" {
		t.Errorf("the administrator's export is not audited: %+v %v", entries, err)
	}
}
