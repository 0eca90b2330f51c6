// Command partnerkit runs a Partnerkit instance and administers it.
//
//	partnerkit serve [--addr HOST:PORT] [--db DSN] [--demo]
//	partnerkit user add --email E --name N [--admin]   (password on standard input)
//	partnerkit token add --email E [--name N]
//	partnerkit backup --to FILE
//	partnerkit demo [--size small|large]
//	partnerkit migrate
//	partnerkit version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	// The IANA time zones meetings are held in, so that a machine without
	// a zone database still knows Europe/Berlin and Asia/Beirut.
	_ "time/tzdata"
)

// Version is set at build time with -ldflags "-X main.Version=…".
var Version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "partnerkit:", err)
		}
		os.Exit(1)
	}
}

var errUsage = errors.New("usage")

const usage = `Partnerkit: plan, run and review partnerships, networks and coalitions.

Usage:
  partnerkit serve [--addr HOST:PORT] [--db DSN] [--demo] [flags]
                                   run the web application
  partnerkit user add --email E --name N [--admin] [--db DSN]
                                   add a user; the password is read from standard input
  partnerkit token add --email E [--name N] [--db DSN]
                                   print a new API token for that user (shown once)
  partnerkit backup --to FILE [--db DSN]
                                   write a consistent copy of a live SQLite database
  partnerkit export --partnership ID --to FILE [--without-sensitive] [--db DSN]
                                   write a partnership's whole archive (zip), as the administrator
  partnerkit import --from FILE [--owner EMAIL] [--db DSN]
                                   make a new partnership from an archive
  partnerkit demo [--size small|large] [--db DSN]
                                   load the demonstration partnership (large: for load tests)
  partnerkit migrate [--db DSN]    bring the database schema up to date
  partnerkit version               print the version
  partnerkit help                  print this help

Run "partnerkit serve --help" for every setting; each also reads an
environment variable (PARTNERKIT_ADDR, PARTNERKIT_DB, ...).
`

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return errUsage
	}
	switch args[0] {
	case "serve":
		return serve(ctx, args[1:], stdout, stderr)
	case "user":
		if len(args) < 2 || args[1] != "add" {
			fmt.Fprint(stderr, usage)
			return errUsage
		}
		return userAdd(ctx, args[2:], stdin, stdout, stderr)
	case "token":
		if len(args) < 2 || args[1] != "add" {
			fmt.Fprint(stderr, usage)
			return errUsage
		}
		return tokenAdd(ctx, args[2:], stdout, stderr)
	case "backup":
		return backup(ctx, args[1:], stdout, stderr)
	case "export":
		return exportPartnership(ctx, args[1:], stdout, stderr)
	case "import":
		return importPartnership(ctx, args[1:], stdout, stderr)
	case "demo":
		return demoLoad(ctx, args[1:], stdout, stderr)
	case "migrate":
		return migrate(ctx, args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, "partnerkit", Version)
		return nil
	case "help", "--help", "-h":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(stderr, "unknown command %q\n\n%s", args[0], usage)
	return errUsage
}
