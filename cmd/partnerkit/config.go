package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// config is every setting; each flag has an environment variable.
type config struct {
	Addr          string
	DB            string
	DataDir       string
	BaseURL       string
	Signup        string
	Demo          bool
	DemoSize      string
	TrustProxy    bool
	SecureCookies string
	LogFormat     string
	LogLevel      string
	SMTPHost      string
	SMTPPort      int
	SMTPUser      string
	SMTPPassword  string
	MailFrom      string

	SecretKey           string
	WebhookAllowPrivate bool
	DebugAddr           string
}

// env returns the variable's value or def.
func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envBool(name string, def bool) bool {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		b, err := strconv.ParseBool(v)
		if err == nil {
			return b
		}
	}
	return def
}

func envInt(name string, def int) int {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		if n, err := strconv.Atoi(v); err == nil {
			return n
		}
	}
	return def
}

// dbFlags adds the settings every command needs: where the data is.
func dbFlags(fs *flag.FlagSet, c *config) {
	fs.StringVar(&c.DataDir, "data", env("PARTNERKIT_DATA", "data"), "data directory: SQLite database, mail outbox (PARTNERKIT_DATA)")
	fs.StringVar(&c.DB, "db", env("PARTNERKIT_DB", ""), "database: a SQLite file path, or a postgres:// URL (PARTNERKIT_DB; default DATA/partnerkit.db)")
}

func serveFlags(fs *flag.FlagSet, c *config) {
	dbFlags(fs, c)
	fs.StringVar(&c.Addr, "addr", env("PARTNERKIT_ADDR", "127.0.0.1:8080"), "address to listen on (PARTNERKIT_ADDR)")
	fs.StringVar(&c.BaseURL, "base-url", env("PARTNERKIT_BASE_URL", ""), "public address used in emailed links, e.g. https://partners.example.org (PARTNERKIT_BASE_URL; default http://ADDR)")
	fs.StringVar(&c.Signup, "signup", env("PARTNERKIT_SIGNUP", "open"), "who may create accounts: open, or invite (PARTNERKIT_SIGNUP)")
	fs.BoolVar(&c.Demo, "demo", envBool("PARTNERKIT_DEMO", false), "load the demonstration partnership on first start (PARTNERKIT_DEMO)")
	demoSizeFlag(fs, c)
	fs.BoolVar(&c.TrustProxy, "trust-proxy", envBool("PARTNERKIT_TRUST_PROXY", false), "take client addresses from X-Forwarded-For; set behind a reverse proxy (PARTNERKIT_TRUST_PROXY)")
	fs.StringVar(&c.SecureCookies, "secure-cookies", env("PARTNERKIT_SECURE_COOKIES", "auto"), "mark cookies Secure: auto (when the base URL is https), true or false (PARTNERKIT_SECURE_COOKIES)")
	fs.StringVar(&c.LogFormat, "log-format", env("PARTNERKIT_LOG_FORMAT", "text"), "log format: text or json (PARTNERKIT_LOG_FORMAT)")
	fs.StringVar(&c.LogLevel, "log-level", env("PARTNERKIT_LOG_LEVEL", "info"), "log level: debug, info, warn or error (PARTNERKIT_LOG_LEVEL)")
	fs.StringVar(&c.SMTPHost, "smtp-host", env("PARTNERKIT_SMTP_HOST", ""), "SMTP server; without it mail goes to DATA/outbox (PARTNERKIT_SMTP_HOST)")
	fs.IntVar(&c.SMTPPort, "smtp-port", envInt("PARTNERKIT_SMTP_PORT", 587), "SMTP port (PARTNERKIT_SMTP_PORT)")
	fs.StringVar(&c.SMTPUser, "smtp-user", env("PARTNERKIT_SMTP_USER", ""), "SMTP user name (PARTNERKIT_SMTP_USER)")
	fs.StringVar(&c.SMTPPassword, "smtp-password", env("PARTNERKIT_SMTP_PASSWORD", ""), "SMTP password (PARTNERKIT_SMTP_PASSWORD; prefer the variable to the flag)")
	fs.StringVar(&c.MailFrom, "mail-from", env("PARTNERKIT_MAIL_FROM", "Partnerkit <partnerkit@localhost>"), "sender address of emails (PARTNERKIT_MAIL_FROM)")
	fs.StringVar(&c.SecretKey, "secret-key", env("PARTNERKIT_SECRET_KEY", ""), "key sealing webhook secrets: 64 hex digits or base64 of 32 bytes; default DATA/secret.key, made once (PARTNERKIT_SECRET_KEY; prefer the variable; the same on every instance)")
	fs.BoolVar(&c.WebhookAllowPrivate, "webhook-allow-private", envBool("PARTNERKIT_WEBHOOK_ALLOW_PRIVATE", false), "let webhooks call private and local addresses and plain http (PARTNERKIT_WEBHOOK_ALLOW_PRIVATE; for closed networks and tests)")
	fs.StringVar(&c.DebugAddr, "debug-addr", env("PARTNERKIT_DEBUG_ADDR", ""), "serve Go's profiler (/debug/pprof/) on this loopback address, e.g. 127.0.0.1:6060; off by default (PARTNERKIT_DEBUG_ADDR)")
}

// parse parses flags, printing errors and help to stderr.
func parse(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "unexpected argument %q\n", fs.Arg(0))
		return errUsage
	}
	return nil
}

// dsn is the database to open.
func (c *config) dsn() string {
	if c.DB != "" {
		return c.DB
	}
	return filepath.Join(c.DataDir, "partnerkit.db")
}

func (c *config) logger(w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.LogLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if strings.EqualFold(c.LogFormat, "json") {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

func newFlagSet() *flag.FlagSet { return flag.NewFlagSet("test", flag.ContinueOnError) }
