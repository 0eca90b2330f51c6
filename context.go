package partnerkit

import "context"

type contextKey int

const (
	userKey contextKey = iota
	sessionKey
	requestIDKey
)

// NewContextWithUser says who is asking; services read it with UserFromContext.
func NewContextWithUser(ctx context.Context, u *User) context.Context {
	return context.WithValue(ctx, userKey, u)
}

// UserFromContext returns the person asking, or nil.
func UserFromContext(ctx context.Context) *User {
	u, _ := ctx.Value(userKey).(*User)
	return u
}

// UserIDFromContext returns the ID of the person asking, or "".
func UserIDFromContext(ctx context.Context) string {
	if u := UserFromContext(ctx); u != nil {
		return u.ID
	}
	return ""
}

// NewContextWithSession records the session the request came in with.
func NewContextWithSession(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, sessionKey, id)
}

// SessionIDFromContext returns the current session's ID, or "".
func SessionIDFromContext(ctx context.Context) string {
	s, _ := ctx.Value(sessionKey).(string)
	return s
}

// NewContextWithRequestID tags a request for the logs.
func NewContextWithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey, id)
}

// RequestIDFromContext returns the request ID, or "".
func RequestIDFromContext(ctx context.Context) string {
	s, _ := ctx.Value(requestIDKey).(string)
	return s
}
