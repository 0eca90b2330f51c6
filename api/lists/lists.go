// Package lists answers the API calls of the closed lists: the codes the
// API takes and answers (an actor's kind, a task's status…), each with its
// text in the asker's language, so that a client shows what the pages show
// without a translation of its own.
package lists

import (
	"maps"
	"net/http"
	"slices"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the lists' API calls.
type Handlers struct{}

// Code is one code of a list with its text.
type Code struct {
	Code string `json:"code" doc:"The stable code, as the API takes and answers it." example:"organisation"`
	Text string `json:"text" doc:"Its text in the asker's language." example:"Organisation"`
}

// CodeList is a closed list: its name (as the OpenAPI document's enums
// name it) and its codes in order.
type CodeList struct {
	Name  string `json:"name" doc:"The list's name." example:"actor_kind"`
	Items []Code `json:"items"`
}

// Lists is every closed list, by name.
type Lists struct {
	Lists []CodeList `json:"lists"`
}

// Register adds the lists' routes.
func (h *Handlers) Register(a *api.API) {
	const tag = "lists"
	a.Route("GET", "/lists", httpx.SignedIn, httpx.OpDoc{Summary: "Every closed list of codes the API takes and answers, each code with its text in your language", Tag: tag,
		Response: Lists{}},
		func(r *http.Request) (any, error) {
			out := Lists{Lists: []CodeList{}}
			for _, name := range slices.Sorted(maps.Keys(pk.Enums)) {
				out.Lists = append(out.Lists, codeList(name))
			}
			return out, nil
		})
	a.Route("GET", "/lists/{list}", httpx.SignedIn, httpx.OpDoc{Summary: "One closed list of codes, each with its text in your language (404 for a list that does not exist)", Tag: tag,
		Response: CodeList{}},
		func(r *http.Request) (any, error) {
			name := r.PathValue("list")
			if _, ok := pk.Enums[name]; !ok {
				return nil, pk.NotFound()
			}
			return codeList(name), nil
		})
}

// codeList is a list with each code's text as its catalogue message ID,
// which the API writes in the asker's language (api.localize).
func codeList(name string) CodeList {
	codes := pk.Enums[name]()
	l := CodeList{Name: name, Items: make([]Code, len(codes))}
	for i, c := range codes {
		l.Items[i] = Code{Code: c, Text: pk.EnumText(name, c)}
	}
	return l
}
