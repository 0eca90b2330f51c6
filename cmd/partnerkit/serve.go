package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/demo"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/mail"
	"github.com/partnerkit/partnerkit/server"
	"github.com/partnerkit/partnerkit/sqldb"
)

func serve(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c config
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	serveFlags(fs, &c)
	if err := parse(fs, args, stderr); err != nil {
		return err
	}
	if _, ok := demo.Sizes[c.DemoSize]; !ok {
		return fmt.Errorf("--size must be small or large, not %q", c.DemoSize)
	}
	if c.Signup != "open" && c.Signup != "invite" {
		return fmt.Errorf("--signup must be open or invite, not %q", c.Signup)
	}
	log := c.logger(stderr)
	setMemoryLimit()
	if c.DebugAddr != "" {
		debug, err := serveDebug(c.DebugAddr, log)
		if err != nil {
			return err
		}
		defer debug.Close()
	}
	db, err := sqldb.Open(c.dsn())
	if err != nil {
		return err
	}
	defer db.Close()
	db.SignupOpen = c.Signup == "open"
	if err := db.Migrate(ctx); err != nil {
		return err
	}
	bundle, err := i18n.Load()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	base := c.BaseURL
	if base == "" {
		base = "http://" + addr
	}
	secure := c.SecureCookies == "true" || (c.SecureCookies == "auto" && strings.HasPrefix(base, "https://"))
	srv, err := server.New(server.Config{DB: db, Bundle: bundle, Log: log, SecureCookies: secure, TrustProxy: c.TrustProxy, BaseURL: base})
	if err != nil {
		return err
	}
	var sender mail.Sender = &mail.Outbox{Dir: filepath.Join(c.DataDir, "outbox"), From: c.MailFrom}
	if c.SMTPHost != "" {
		sender = &mail.SMTP{Host: c.SMTPHost, Port: c.SMTPPort, Username: c.SMTPUser, Password: c.SMTPPassword, From: c.MailFrom}
	}
	webhookJobs, err := setUpWebhooks(&c, db, bundle, base)
	if err != nil {
		return err
	}
	if c.Demo {
		loaded, err := demo.LoadSize(ctx, db, c.DemoSize)
		if err != nil {
			return fmt.Errorf("demo: %w", err)
		}
		if loaded {
			log.Info("demonstration partnership loaded")
		}
	}

	jobsCtx, stopJobs := context.WithCancel(context.Background())
	jobsDone := make(chan struct{})
	go func() {
		defer close(jobsDone)
		handlers := map[string]sqldb.JobHandler{"mail": mail.Handler(bundle, base, sender), sqldb.ProposalReminderJob: db.Decisions.RemindNonVoters,
			sqldb.DecisionReopenJob: db.Decisions.ReopenDue,
			sqldb.ReportReminderJob: db.Reports.RemindConveners, sqldb.RollupJob: db.Reports.MakeRollup}
		maps.Copy(handlers, eventHandlers(db))
		maps.Copy(handlers, webhookJobs)
		// Notification email: planned from the events, each mail once.
		maps.Copy(handlers, mail.NotificationHandlers(db.Mail, bundle, base, sender))
		db.Jobs.RunJobs(jobsCtx, 2*time.Second, handlers, log)
	}()
	go queuePeriodic(jobsCtx, db.Jobs, periodicJobs, log)
	// The bin's expired items are purged beside the jobs and stop with them.
	purgeDone := make(chan struct{})
	go func() {
		defer close(purgeDone)
		purgeBin(jobsCtx, db.Bin, binPurgeInterval, log)
	}()
	// Networks read lately are analysed again as soon as they change, so
	// that the next view of a national network does not wait seconds.
	warmDone := make(chan struct{})
	go func() {
		defer close(warmDone)
		db.Networks.WarmNetworks(jobsCtx, networkWarmInterval, log)
	}()

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 120 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	fmt.Fprintf(stdout, "Partnerkit %s is running at %s\n", Version, base)
	if c.Demo {
		fmt.Fprintf(stdout, "Demo sign-in: %s / %s\n", demo.Email, demo.Password)
	}
	if c.SMTPHost == "" {
		fmt.Fprintf(stdout, "Mail is written to %s (no SMTP server configured)\n", filepath.Join(c.DataDir, "outbox"))
	}
	log.Info("listening", "addr", addr, "database", db.Dialect.String())

	select {
	case err := <-errc:
		stopJobs()
		<-jobsDone
		<-purgeDone
		<-warmDone
		if !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	err = hs.Shutdown(shutdownCtx)
	stopJobs()
	<-jobsDone
	<-purgeDone
	<-warmDone
	return err
}

// networkWarmInterval: how often the versions of the networks read lately
// are looked at (one statement); a change is analysed within about this
// long of its write, on whichever instance it was made.
const networkWarmInterval = 500 * time.Millisecond
