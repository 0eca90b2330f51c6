// Package server puts Partnerkit together: the pages, the API, the health
// check and the middleware, on one router.
package server

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/i18n"
	"github.com/partnerkit/partnerkit/reportview"
	"github.com/partnerkit/partnerkit/sqldb"
	"github.com/partnerkit/partnerkit/web"
	"github.com/partnerkit/partnerkit/web/account"
	"github.com/partnerkit/partnerkit/web/actor"
	"github.com/partnerkit/partnerkit/web/actormap"
	webadmission "github.com/partnerkit/partnerkit/web/admission"
	webagreement "github.com/partnerkit/partnerkit/web/agreement"
	"github.com/partnerkit/partnerkit/web/bin"
	webcontribution "github.com/partnerkit/partnerkit/web/contribution"
	"github.com/partnerkit/partnerkit/web/decision"
	"github.com/partnerkit/partnerkit/web/emailsettings"
	webevaluation "github.com/partnerkit/partnerkit/web/evaluation"
	"github.com/partnerkit/partnerkit/web/governance"
	webhealth "github.com/partnerkit/partnerkit/web/health"
	"github.com/partnerkit/partnerkit/web/inbox"
	webindicator "github.com/partnerkit/partnerkit/web/indicator"
	webmeeting "github.com/partnerkit/partnerkit/web/meeting"
	"github.com/partnerkit/partnerkit/web/network"
	"github.com/partnerkit/partnerkit/web/organisation"
	"github.com/partnerkit/partnerkit/web/partnership"
	webplan "github.com/partnerkit/partnerkit/web/plan"
	"github.com/partnerkit/partnerkit/web/playbook"
	"github.com/partnerkit/partnerkit/web/portability"
	"github.com/partnerkit/partnerkit/web/preparation"
	"github.com/partnerkit/partnerkit/web/prospect"
	websurvey "github.com/partnerkit/partnerkit/web/survey"
	webwebhook "github.com/partnerkit/partnerkit/web/webhook"
)

// Config is what a server needs.
type Config struct {
	DB            *sqldb.DB
	Bundle        *i18n.Bundle
	Log           *slog.Logger
	SecureCookies bool
	TrustProxy    bool
	// BaseURL is the public address; https:// turns on HSTS.
	BaseURL string
}

// Server is the assembled application.
type Server struct {
	Router  *httpx.Router
	handler http.Handler
	Web     *web.Web
	API     *api.API
}

// New builds the server.
func New(cfg Config) (*Server, error) {
	w, err := web.New(web.Config{Partnerships: cfg.DB.Partnerships, Bundle: cfg.Bundle, Log: cfg.Log, SecureCookies: cfg.SecureCookies,
		TrustProxy: cfg.TrustProxy, SignupOpen: cfg.DB.SignupOpen, Notifications: cfg.DB.Notifications})
	if err != nil {
		return nil, err
	}
	a := &api.API{Bundle: cfg.Bundle, Log: cfg.Log}
	rt := httpx.NewRouter()
	w.Register(rt, pageModules(w, cfg.DB)...)
	a.Register(rt, apiModules(cfg.DB)...)
	rt.Handle(httpx.Route{Method: "GET", Pattern: "/healthz", Access: httpx.Public}, http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if err := cfg.DB.Ping(r.Context()); err != nil {
			http.Error(rw, "database unavailable", http.StatusServiceUnavailable)
			return
		}
		rw.Header().Set("Content-Type", "text/plain; charset=utf-8")
		rw.Write([]byte("ok\n"))
	}))

	var h http.Handler = notFound(rt.Mux, w, a)
	h = httpx.ValidText(cfg.Bundle, h)
	h = httpx.Authenticate(cfg.DB.Accounts, a.BadToken, h)
	// Browsers send Sec-Fetch-Site/Origin; a cross-site form post or fetch
	// is refused. Scripts with bearer tokens send neither and pass.
	cop := http.NewCrossOriginProtection()
	// A one-click unsubscribe (RFC 8058) is posted by the mail provider,
	// maybe from a browser on another site; its token is the whole
	// authority, so there is nothing for a forged request to borrow.
	cop.AddInsecureBypassPattern("POST /unsubscribe/{token}")
	h = cop.Handler(h)
	h = httpx.SecurityHeaders(h)
	h = httpx.StrictTransport(cfg.BaseURL, h)
	// Compression sits just inside logging, so the access log counts the
	// bytes that went over the wire and a panic still becomes a 500.
	h = httpx.Compress(h)
	h = httpx.Logging(cfg.Log, h)
	return &Server{Router: rt, handler: h, Web: w, API: a}, nil
}

// pageModules lists the HTML face's modules, each given the stores of the
// services it depends on (the pages see only the service interfaces).
func pageModules(w *web.Web, db *sqldb.DB) []web.Module {
	return []web.Module{
		&account.Pages{Web: w, Accounts: db.Accounts, Members: db.Members, Organisations: db.Organisations, Partnerships: db.Partnerships},
		&organisation.Pages{Web: w, Organisations: db.Organisations},
		&partnership.Pages{Web: w, Members: db.Members, Organisations: db.Organisations, Partnerships: db.Partnerships, Playbooks: db.Playbooks},
		&actor.Pages{Web: w, Actors: db.Actors, Members: db.Members, Maps: db.Maps},
		&actormap.Pages{Web: w, Maps: db.Maps, Members: db.Members, Now: func() time.Time { return db.Now() }},
		&network.Pages{Web: w, Maps: db.Maps, Networks: db.Networks},
		&preparation.Pages{Web: w, Organisations: db.Organisations, Preparation: db.Preparation},
		&playbook.Pages{Web: w, Playbooks: db.Playbooks},
		&prospect.Pages{Web: w, Prospects: db.Prospects},
		&webagreement.Pages{Web: w, Agreements: db.Agreements},
		&bin.Pages{Web: w, Bin: db.Bin},
		&governance.Pages{Web: w, Bodies: db.Bodies, Charter: db.Charter, Members: db.Members},
		&webadmission.Pages{Web: w, Admissions: db.Admissions, Prospects: db.Prospects, Organisations: db.Organisations},
		&decision.Pages{Web: w, Decisions: db.Decisions, Bodies: db.Bodies, Charter: db.Charter},
		&websurvey.Pages{Web: w, Surveys: db.Surveys, Members: db.Members},
		&portability.Pages{Web: w, Portability: db.Portability},
		&webmeeting.Pages{Web: w, Meetings: db.Meetings, Calendars: db.Calendars, Bodies: db.Bodies, Members: db.Members,
			Decisions: db.Decisions, MeetingDecisions: db.MeetingDecisions, Now: func() time.Time { return db.Now() }},
		&webcontribution.Pages{Web: w, Contributions: db.Contributions, Reports: db.Reports, Plans: db.Plans, Bodies: db.Bodies,
			Members: db.Members},
		&webplan.Pages{Web: w, Goals: db.Goals, Plans: db.Plans, Tasks: db.Tasks, Bodies: db.Bodies, Members: db.Members,
			Preparation: db.Preparation, Meetings: db.Meetings, Now: func() time.Time { return db.Now() }},
		&webhealth.Pages{Web: w, Health: db.Health},
		&webevaluation.Pages{Web: w, Evaluations: db.Evaluations, Bodies: db.Bodies, Members: db.Members, Plans: db.Plans, Goals: db.Goals},
		&inbox.Pages{Web: w, Notifications: db.Notifications},
		&webindicator.Pages{Web: w, Indicators: db.Indicators, Goals: db.Goals, Plans: db.Plans, Members: db.Members,
			Report: reportSources(db), Now: func() time.Time { return db.Now() }},
		&webwebhook.Pages{Web: w, Webhooks: db.Webhooks},
		&emailsettings.Pages{Web: w, Settings: db.Mail},
	}
}

// reportSources are the services the partnership report reads, one per
// section (reportview); the page and the API share them.
func reportSources(db *sqldb.DB) reportview.Sources {
	return reportview.Sources{Partnerships: db.Partnerships, Goals: db.Goals, Plans: db.Plans, Indicators: db.Indicators,
		Budget: db.Contributions, Decisions: db.Decisions, Evaluations: db.Evaluations, Meetings: db.Meetings,
		Health: db.Health, Version: db.Partnerships.ReportVersion}
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// notFound gives unmatched paths our own 404 (a page, or a problem under
// /api/), instead of the mux's plain text.
func notFound(mux *http.ServeMux, w *web.Web, a *api.API) http.Handler {
	return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		if _, pattern := mux.Handler(r); pattern == "" {
			if strings.HasPrefix(r.URL.Path, api.Prefix+"/") {
				a.NotFound(rw, r)
			} else {
				w.NotFound(rw, r)
			}
			return
		}
		mux.ServeHTTP(rw, r)
	})
}
