package httpx

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// ContentSecurityPolicy allows only our own scripts, styles and images; no
// inline script or style, no framing, forms post only to us.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// SecurityHeaders sets the headers every answer carries.
func SecurityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		next.ServeHTTP(w, r)
	})
}

// HSTSHeader keeps browsers on HTTPS for this site for a year once they
// have seen it there, so that a network attacker cannot downgrade a later
// visit to plain HTTP and read the session cookie.
const HSTSHeader = "max-age=31536000; includeSubDomains"

// StrictTransport adds HSTSHeader to every answer when the instance is
// served over HTTPS (its base URL starts with https://). Over plain HTTP the
// header would mean nothing to browsers and could lock out a later switch,
// so it is left out.
func StrictTransport(baseURL string, next http.Handler) http.Handler {
	if !strings.HasPrefix(strings.ToLower(baseURL), "https://") {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Strict-Transport-Security", HSTSHeader)
		next.ServeHTTP(w, r)
	})
}

// statusRecorder remembers the status for the access log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// Logging gives each request an ID (X-Request-ID, echoed back), logs it
// when done, and turns a panic into a 500 that names the request ID.
func Logging(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-ID")
		if id == "" || len(id) > 64 {
			b := make([]byte, 8)
			rand.Read(b)
			id = hex.EncodeToString(b)
		}
		w.Header().Set("X-Request-ID", id)
		ctx := pk.NewContextWithRequestID(r.Context(), id)
		rec := &statusRecorder{ResponseWriter: w}
		start := time.Now()
		defer func() {
			if v := recover(); v != nil {
				log.Error("panic", "request_id", id, "panic", v, "stack", string(debug.Stack()))
				if rec.status == 0 {
					http.Error(rec, "internal error, request "+id, http.StatusInternalServerError)
				}
			}
			level := slog.LevelInfo
			if rec.status >= 500 {
				level = slog.LevelError
			}
			log.Log(ctx, level, "request", "request_id", id, "method", r.Method, "path", LoggedPath(r.URL.Path),
				"status", rec.status, "bytes", rec.bytes, "duration_ms", time.Since(start).Milliseconds())
		}()
		next.ServeHTTP(rec, r.WithContext(ctx))
	})
}

// ClientIP is the address a request came from; behind a proxy that is
// trusted (TrustProxy), the first address of X-Forwarded-For.
func ClientIP(r *http.Request, trustProxy bool) string {
	if trustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			return strings.TrimSpace(strings.Split(f, ",")[0])
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Authenticator finds who is asking.
type Authenticator interface {
	UserBySession(ctx context.Context, secret string) (*pk.User, *pk.Session, error)
	UserByToken(ctx context.Context, token string) (*pk.User, error)
}

// SessionCookie is the name of the sign-in cookie.
const SessionCookie = "pk_session"

// Authenticate puts the asking user in the context: from a bearer token
// (scripts) or from the session cookie (browsers). A bad bearer token is
// refused outright so that a script learns its token is wrong. Each request
// also gets its own memo (pk.RequestMemo), so that the services it calls
// read the asker's access once.
func Authenticate(auth Authenticator, onBadToken func(w http.ResponseWriter, r *http.Request), next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := pk.NewContextWithMemo(r.Context())
		if h := r.Header.Get("Authorization"); h != "" {
			token, ok := strings.CutPrefix(h, "Bearer ")
			u, err := auth.UserByToken(ctx, strings.TrimSpace(token))
			if !ok || err != nil {
				onBadToken(w, r)
				return
			}
			ctx = pk.NewContextWithUser(ctx, u)
		} else if c, err := r.Cookie(SessionCookie); err == nil && c.Value != "" {
			if u, s, err := auth.UserBySession(ctx, c.Value); err == nil {
				ctx = pk.NewContextWithSession(pk.NewContextWithUser(ctx, u), s.ID)
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// LoggedPath is a path as the access log writes it: the secret of a
// calendar feed address (/calendar/{secret}/…) is the feed's only key, so
// the log keeps a mark in its place; so is a survey link's code (/s/{code}),
// whose time of use in a log could tell who answered when.
func LoggedPath(p string) string {
	if _, ok := strings.CutPrefix(p, "/s/"); ok {
		return "/s/[secret]"
	}
	rest, ok := strings.CutPrefix(p, "/calendar/")
	if !ok {
		return p
	}
	_, tail, _ := strings.Cut(rest, "/")
	return "/calendar/[secret]/" + tail
}
