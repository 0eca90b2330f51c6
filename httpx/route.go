package httpx

import (
	"net/http"
	"sort"
	"strings"
	"sync"

	pk "github.com/partnerkit/partnerkit"
)

// Access says who may call a route: anyone, any signed-in person, or people
// holding at least a role in the partnership named by {pid}.
type Access struct {
	SignedIn bool
	Role     pk.Role
}

// The common access levels.
var (
	Public      = Access{}
	SignedIn    = Access{SignedIn: true}
	Observer    = Access{SignedIn: true, Role: pk.RoleObserver}
	Member      = Access{SignedIn: true, Role: pk.RoleMember}
	Coordinator = Access{SignedIn: true, Role: pk.RoleCoordinator}
)

// RoleFor makes the access level of an action's required role.
func RoleFor(a pk.Action) Access {
	r, ok := pk.RequiredRole(a)
	if !ok {
		panic("no permission entry for " + string(a))
	}
	return Access{SignedIn: true, Role: r}
}

// Route is one registered route.
type Route struct {
	Method  string
	Pattern string // path pattern, e.g. /p/{pid}/members
	Access  Access
	API     bool
	Doc     *OpDoc // API routes only
}

// OpDoc describes an API operation for the OpenAPI document.
type OpDoc struct {
	Summary  string
	Tag      string
	Request  any // a value whose type is the request body, or nil
	Response any // a value whose type is the response body, or nil
	// List marks a paginated list answer: {items: [Response], next_cursor}.
	List  bool
	Query []string // query parameters
	// Status of success (200 when zero).
	Status int
	// Raw content type of a non-JSON answer (an SVG, a CSV…).
	Raw string
	// Upload marks a file upload: multipart/form-data with a "file" field,
	// or the file itself as the whole body in one of UploadTypes.
	Upload      bool
	UploadTypes []string
}

// Router is a ServeMux that remembers its routes.
type Router struct {
	Mux    *http.ServeMux
	mu     sync.Mutex
	routes []Route
}

// NewRouter makes an empty router.
func NewRouter() *Router { return &Router{Mux: http.NewServeMux()} }

// Handle registers a route.
func (rt *Router) Handle(route Route, h http.Handler) {
	rt.mu.Lock()
	rt.routes = append(rt.routes, route)
	rt.mu.Unlock()
	rt.Mux.Handle(route.Method+" "+route.Pattern, h)
}

// Routes returns the registered routes, sorted by pattern and method.
func (rt *Router) Routes() []Route {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	out := append([]Route(nil), rt.routes...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].Pattern != out[j].Pattern {
			return out[i].Pattern < out[j].Pattern
		}
		return out[i].Method < out[j].Method
	})
	return out
}

// PathParams lists the {names} in a pattern.
func PathParams(pattern string) []string {
	var out []string
	for _, part := range strings.Split(pattern, "/") {
		if strings.HasPrefix(part, "{") && strings.HasSuffix(part, "}") && part != "{$}" {
			out = append(out, strings.TrimSuffix(strings.TrimPrefix(strings.TrimSuffix(part, "...}"), "{"), "}"))
		}
	}
	return out
}
