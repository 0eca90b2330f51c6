package actor

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// relationshipBody creates a relationship; in a PATCH, fields left out
// keep their value.
type relationshipBody struct {
	From      *string `json:"from" rule:"required" doc:"The actor the tie starts at." example:"a1b2c3d4e5f6g7h8i9j0"`
	To        *string `json:"to" rule:"required" doc:"The actor the tie ends at; not the same as from." example:"k1l2m3n4o5p6q7r8s9t0"`
	Type      *string `json:"type" rule:"required,enum=relationship_type" doc:"What the tie is." example:"cooperates_with"`
	Directed  *bool   `json:"directed" doc:"Whether the tie runs one way, from → to."`
	Strength  *int    `json:"strength" rule:"min=1,max=3" doc:"1 weak, 2 ordinary (when left out), 3 strong." example:"2"`
	FromDate  *string `json:"from_date" rule:"format=date" doc:"When the tie began (YYYY-MM-DD), if known."`
	UntilDate *string `json:"until_date" rule:"format=date" doc:"When it ended (YYYY-MM-DD), not before from_date."`
	Note      *string `json:"note" rule:"max=4000" doc:"A note on the tie."`
	Sensitive *bool   `json:"sensitive" doc:"Seen by coordinators only."`
	Version   int     `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

func (b relationshipBody) over(in pk.RelationshipInput) pk.RelationshipInput {
	str := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	str(&in.From, b.From)
	str(&in.To, b.To)
	str(&in.Type, b.Type)
	str(&in.FromDate, b.FromDate)
	str(&in.UntilDate, b.UntilDate)
	str(&in.Note, b.Note)
	if b.Directed != nil {
		in.Directed = *b.Directed
	}
	if b.Strength != nil {
		in.Strength = *b.Strength
		if in.Strength == 0 {
			in.Strength = -1 // zero is out of range, not "default"
		}
	}
	if b.Sensitive != nil {
		in.Sensitive = *b.Sensitive
	}
	in.Version = b.Version
	return in
}

func relationshipInputOf(x *pk.Relationship) pk.RelationshipInput {
	return pk.RelationshipInput{From: x.From, To: x.To, Type: x.Type, Directed: x.Directed, Strength: x.Strength,
		FromDate: x.FromDate, UntilDate: x.UntilDate, Note: x.Note, Sensitive: x.Sensitive, Version: x.Version}
}

func (h *Handlers) registerRelationships(a *api.API) {
	const tag = "relationships"
	base := "/partnerships/{pid}/relationships"
	a.Route("GET", base, httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "Relationships between actors (?type= one type, ?actor= the ties of one actor)", Tag: tag,
		Response: pk.Relationship{}, List: true, Query: []string{"limit", "cursor", "type", "actor"}},
		func(r *http.Request) (any, error) {
			p, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			q := r.URL.Query()
			x, next, err := h.Actors.Relationships(r.Context(), r.PathValue("pid"), pk.RelationshipFilter{Type: q.Get("type"), ActorID: q.Get("actor")}, p)
			return api.List[*pk.Relationship]{Items: api.NonNil(x), NextCursor: next}, err
		})
	a.Route("POST", base, httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Record a relationship (strength 1..3, 2 when left out; dates YYYY-MM-DD)", Tag: tag,
		Request: relationshipBody{}, Response: pk.Relationship{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b relationshipBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Actors.CreateRelationship(r.Context(), r.PathValue("pid"), b.over(pk.RelationshipInput{}))
			return api.Created{Value: x}, err
		})
	a.Route("GET", base+"/{rid}", httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "A relationship", Tag: tag, Response: pk.Relationship{}},
		func(r *http.Request) (any, error) {
			return h.Actors.Relationship(r.Context(), r.PathValue("pid"), r.PathValue("rid"))
		})
	a.Route("PATCH", base+"/{rid}", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Change a relationship (fields left out keep their value; version or If-Match required)", Tag: tag,
		Request: relationshipBody{}, Response: pk.Relationship{}},
		func(r *http.Request) (any, error) {
			var b relationshipBody
			if err := api.DecodePatch(r, &b, &b.Version); err != nil {
				return nil, err
			}
			cur, err := h.Actors.Relationship(r.Context(), r.PathValue("pid"), r.PathValue("rid"))
			if err != nil {
				return nil, err
			}
			return h.Actors.UpdateRelationship(r.Context(), r.PathValue("pid"), r.PathValue("rid"), b.over(relationshipInputOf(cur)))
		})
	a.Route("DELETE", base+"/{rid}", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Delete a relationship (If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Actors.DeleteRelationship(r.Context(), r.PathValue("pid"), r.PathValue("rid"), v)
		})
}
