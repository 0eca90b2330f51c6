package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/partnerkit/partnerkit/demo"
	"github.com/partnerkit/partnerkit/sqldb"
)

// demoLoad loads the demonstration into a database without serving it:
// the large one is what the load benchmark runs against (bench/run.sh).
func demoLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("demo", flag.ContinueOnError)
	dbFlags(fs, &c)
	demoSizeFlag(fs, &c)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if _, ok := demo.Sizes[c.DemoSize]; !ok {
		return fmt.Errorf("--size must be small or large, not %q", c.DemoSize)
	}
	db, err := sqldb.Open(c.dsn())
	if err != nil {
		return err
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	began := time.Now()
	loaded, err := demo.LoadSize(ctx, db, c.DemoSize)
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if !loaded {
		fmt.Fprintln(stdout, "The demonstration was already loaded; nothing changed.")
		return nil
	}
	fmt.Fprintf(stdout, "Loaded the %s demonstration in %.1f s (%s).\nSign in as %s / %s\n",
		c.DemoSize, time.Since(began).Seconds(), db.Dialect, demo.Email, demo.Password)
	return nil
}

func demoSizeFlag(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.DemoSize, "size", env("PARTNERKIT_DEMO_SIZE", "small"), "size of the demonstration: small, or large (a national coalition, for load tests) (PARTNERKIT_DEMO_SIZE)")
}
