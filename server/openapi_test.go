package server_test

import (
	"context"
	"encoding/json"
	"mime"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/partnerkit/partnerkit/sqldb/sqldbtest"
)

// loadOpenAPI fetches the served document and loads it with kin-openapi,
// an OpenAPI library of its own, so that "valid" is not our own opinion.
func loadOpenAPI(t *testing.T, e *env) *openapi3.T {
	t.Helper()
	res := e.do(t, "", "GET", "/api/v1/openapi.json", nil)
	if res.Status != 200 {
		t.Fatalf("openapi.json: %d", res.Status)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData([]byte(res.Body))
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return doc
}

// The document is valid OpenAPI 3.1, its examples included, and says what
// the issue asks every operation to say.
func TestOpenAPIDocumentIsValid(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	doc := loadOpenAPI(t, e)
	if !doc.IsOpenAPI31OrLater() {
		t.Fatalf("openapi %s, want 3.1", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background(), openapi3.EnableExamplesValidation()); err != nil {
		t.Fatalf("invalid document: %v", err)
	}
	for pattern, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			name := method + " " + pattern
			if op.Summary == "" || len(op.Tags) != 1 {
				t.Errorf("%s: no summary or tag", name)
			}
			if op.Security == nil {
				t.Errorf("%s: security not stated", name)
			}
			if op.RequestBody != nil {
				for ct, media := range op.RequestBody.Value.Content {
					if ct == "application/json" && media.Example == nil {
						t.Errorf("%s: request without an example", name)
					}
				}
				if op.Responses.Value("415") == nil || op.Responses.Value("422") == nil {
					t.Errorf("%s: a body can be refused, but no 415 and 422", name)
				}
			}
			for _, p := range op.Parameters {
				if p.Value.Name == "limit" && (p.Value.Schema.Value.Max == nil || *p.Value.Schema.Value.Max <= 0) {
					t.Errorf("%s: limit without its maximum", name)
				}
			}
		}
	}
	// The rules are in: a sector is one of the domain's list, a name has a
	// length, required fields are listed.
	actor := doc.Components.Schemas["actorBody"].Value
	if got := actor.Properties["sector"].Value.Enum; len(got) < 8 {
		t.Errorf("actor sector enum %v", got)
	}
	if actor.Properties["name"].Value.MaxLength == nil || actor.Properties["name"].Value.Description == "" {
		t.Errorf("actor name without maxLength or description")
	}
	if len(actor.Required) == 0 {
		t.Errorf("actor body without required fields")
	}
	if patch := doc.Components.Schemas["actorBodyPatch"]; patch == nil || len(patch.Value.Required) != 0 {
		t.Errorf("a PATCH body requires nothing: fields left out keep their value")
	}
}

// Every GET of the API, walked as a coordinator over the test world,
// answers what the document says: each JSON answer is checked against its
// operation's schema for that status by kin-openapi's JSON Schema 2020-12
// validator.
func TestOpenAPIAnswersMatchTheDocument(t *testing.T) {
	t.Parallel()
	e := newEnv(t, sqldbtest.OpenWorld(t, "sqlite"))
	doc := loadOpenAPI(t, e)
	// The validator does refuse: a problem whose status is a word is wrong.
	problem := doc.Components.Schemas["Problem"].Value
	if problem.VisitJSON(map[string]any{"status": "teapot"}, openapi3.EnableJSONSchema2020()) == nil {
		t.Fatal("the schema validator accepts anything")
	}
	walked := 0
	for _, rt := range e.Srv.Router.Routes() {
		if !rt.API || rt.Method != "GET" || strings.HasSuffix(rt.Pattern, "/openapi.json") {
			continue
		}
		path, _ := fill(t, rt.Pattern, e.Params)
		res := e.do(t, "coordinator", "GET", path, nil)
		name := "GET " + path
		op := doc.Paths.Find(rt.Pattern).GetOperation("GET")
		if op == nil {
			t.Errorf("%s: not in the document", name)
			continue
		}
		answer := op.Responses.Value(strconv.Itoa(res.Status))
		if answer == nil {
			t.Errorf("%s: status %d not in the document (%s)", name, res.Status, res.Body)
			continue
		}
		ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
		media := answer.Value.Content.Get(ct)
		if media == nil {
			t.Errorf("%s: %d %s not in the document", name, res.Status, ct)
			continue
		}
		walked++
		if ct != "application/json" && ct != "application/problem+json" {
			continue
		}
		var v any
		if err := json.Unmarshal([]byte(res.Body), &v); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if err := media.Schema.Value.VisitJSON(v, openapi3.EnableJSONSchema2020()); err != nil {
			t.Errorf("%s: the answer does not match its schema: %v", name, err)
		}
	}
	if walked < 40 {
		t.Errorf("walked %d GET routes only", walked)
	}
}
