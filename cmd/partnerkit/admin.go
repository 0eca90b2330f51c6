package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/sqldb"
)

// openDB opens and migrates the database named by the flags; the commands
// work while a server runs (SQLite's WAL lets them share the file).
func openDB(ctx context.Context, c *config) (*sqldb.DB, error) {
	db, err := sqldb.Open(c.dsn())
	if err != nil {
		return nil, err
	}
	if err := db.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// describe turns a domain error into a line for the terminal, in English.
func describe(err error) error {
	e, ok := pk.AsError(err)
	if !ok {
		return err
	}
	l := i18n.MustLoad().Localizer("en")
	msg := l.T(e.Key, e.Data)
	for _, f := range e.Fields {
		msg += fmt.Sprintf("\n  %s: %s", f.Field, l.T(f.Key, f.Data))
	}
	return errors.New(msg)
}

func userAdd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	var c config
	var email, name string
	var admin bool
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	dbFlags(fs, &c)
	fs.StringVar(&email, "email", "", "email address (required)")
	fs.StringVar(&name, "name", "", "full name (required)")
	fs.BoolVar(&admin, "admin", false, "make the user an instance administrator")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	password := strings.TrimRight(line, "\r\n")
	db, err := openDB(ctx, &c)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.Accounts.CreateUser(ctx, pk.SignUpInput{Email: email, Name: name, Password: password}, admin)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintf(stdout, "added %s <%s> (id %s)\n", u.Name, u.Email, u.ID)
	return nil
}

func tokenAdd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	var email, name string
	fs := flag.NewFlagSet("token add", flag.ContinueOnError)
	dbFlags(fs, &c)
	fs.StringVar(&email, "email", "", "the user's email address (required)")
	fs.StringVar(&name, "name", "command line", "a name to recognise the token by")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	db, err := openDB(ctx, &c)
	if err != nil {
		return err
	}
	defer db.Close()
	t, err := db.Accounts.CreateTokenForEmail(ctx, email, name)
	if err != nil {
		return describe(err)
	}
	fmt.Fprintln(stdout, t.Secret)
	return nil
}

func backup(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	var to string
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	dbFlags(fs, &c)
	fs.StringVar(&to, "to", "", "file to write the copy to (must not exist)")
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if to == "" {
		fmt.Fprintln(stderr, "backup needs --to FILE")
		return errUsage
	}
	db, err := sqldb.Open(c.dsn())
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Backup(ctx, to); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "backup written to %s\n", to)
	return nil
}

func migrate(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	dbFlags(fs, &c)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	db, err := openDB(ctx, &c)
	if err != nil {
		return err
	}
	defer db.Close()
	cur, latest, err := db.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "database schema at version %d (latest %d)\n", cur, latest)
	return nil
}
