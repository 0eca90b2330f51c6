package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	pk "github.com/partnerkit/partnerkit"
)

// exportPartnership writes a partnership's archive to a file. The instance's
// administrator acts on the database itself: no account is asked for, the
// archive holds the sensitive records unless --without-sensitive says
// otherwise, and the audit log records an administrator's export.
func exportPartnership(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	var pid, to string
	var without bool
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	dbFlags(fs, &c)
	fs.StringVar(&pid, "partnership", "", "the partnership's ID (required)")
	fs.StringVar(&to, "to", "", "file to write the archive to (must not exist; required)")
	fs.BoolVar(&without, "without-sensitive", false, "leave out sensitive actors and relationships and what names them")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if pid == "" || to == "" {
		fmt.Fprintln(stderr, "export needs --partnership ID and --to FILE")
		return errUsage
	}
	db, err := openDB(ctx, &c)
	if err != nil {
		return err
	}
	defer db.Close()
	a, err := db.Portability.ExportPartnershipDirect(ctx, pid, pk.ExportOptions{WithoutSensitive: without})
	if err != nil {
		return describe(err)
	}
	// O_EXCL: an archive never overwrites a file, as a backup does not.
	f, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(a.Data); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "archive written to %s (%d bytes, sensitive records included: %t)\n", to, len(a.Data), a.Sensitive)
	return nil
}

// importPartnership makes a new partnership from an archive file. Everyone
// in it keeps their role: existing accounts are matched by address, the
// others get placeholder accounts. --owner names an account that becomes a
// coordinator.
func importPartnership(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	var from, owner string
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	dbFlags(fs, &c)
	fs.StringVar(&from, "from", "", "the archive file (required)")
	fs.StringVar(&owner, "owner", "", "address of an existing account to make a coordinator of the new partnership")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if from == "" {
		fmt.Fprintln(stderr, "import needs --from FILE")
		return errUsage
	}
	f, err := os.Open(from)
	if err != nil {
		return err
	}
	data, err := io.ReadAll(io.LimitReader(f, pk.MaxArchiveBytes+1))
	f.Close()
	if err != nil {
		return err
	}
	db, err := openDB(ctx, &c)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Portability.ImportPartnershipDirect(ctx, data, owner)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "imported %q as partnership %s\n", res.Partnership.Name, res.Partnership.ID)
	if len(res.Placeholders) > 0 {
		fmt.Fprintf(stdout, "placeholder accounts (their owners set a password with \"forgot password\"): %s\n", strings.Join(res.Placeholders, ", "))
	}
	return nil
}
