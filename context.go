package partnerkit

import (
	"context"
	"sync"
)

type contextKey int

const (
	userKey contextKey = iota
	sessionKey
	requestIDKey
	memoKey
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

// RequestMemo keeps, for the length of one request, what the services have
// read to decide access (the asker's role in a partnership, a map as the
// asker may see it), so that a page built from several services does not
// read them again for each. It holds successes only: a refusal or an error
// is read again and refused again. The services empty it after every write
// transaction, so that a request that changes a role or a map reads it anew.
type RequestMemo struct {
	mu sync.Mutex
	m  map[string]any
}

// NewContextWithMemo gives the request a memo. Only a request's context
// should carry one: a longer-lived context would keep decisions longer than
// a request lasts.
func NewContextWithMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey, &RequestMemo{m: map[string]any{}})
}

// MemoFromContext returns the request's memo, or nil.
func MemoFromContext(ctx context.Context) *RequestMemo {
	m, _ := ctx.Value(memoKey).(*RequestMemo)
	return m
}

// Get returns the value kept under key.
func (m *RequestMemo) Get(key string) (any, bool) {
	if m == nil {
		return nil, false
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[key]
	return v, ok
}

// Put keeps v under key.
func (m *RequestMemo) Put(key string, v any) {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.m[key] = v
}

// Clear forgets everything kept.
func (m *RequestMemo) Clear() {
	if m == nil {
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	clear(m.m)
}
