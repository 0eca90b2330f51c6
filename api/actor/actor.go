// Package actor answers the API calls of the stakeholder register and the
// relationships between actors: the register itself, merging, import and
// export, and the ties.
package actor

import (
	"net/http"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/api"
	"github.com/partnerkit/partnerkit/httpx"
)

// Handlers answers the register's and the relationships' API calls.
type Handlers struct {
	Actors pk.ActorService
}

// Register adds the routes of the register and of relationships.
func (h *Handlers) Register(a *api.API) {
	h.registerActors(a)
	h.registerExport(a)
	h.registerImport(a)
	h.registerRelationships(a)
}

// actorBody creates an actor; in a PATCH, fields left out keep their value.
type actorBody struct {
	Name           *string   `json:"name" rule:"required,max=200" doc:"The actor's name." example:"Women for Water"`
	Kind           *string   `json:"kind" rule:"required,enum=actor_kind" doc:"What the actor is." example:"organisation"`
	Sector         *string   `json:"sector" rule:"enum=actor_sector" doc:"Its sector, after the stakeholder template." example:"civil_society"`
	Tags           *[]string `json:"tags" rule:"items=20,itemmax=50" doc:"Free labels (trimmed; duplicates, ignoring case, dropped)." example:"[\"water\",\"youth\"]"`
	Motivation     *string   `json:"motivation" rule:"max=4000" doc:"What moves the actor: its motivation or expectation."`
	Contribution   *string   `json:"contribution" rule:"max=4000" doc:"What it could bring to the partnership."`
	Notes          *string   `json:"notes" rule:"max=4000" doc:"Anything else worth knowing."`
	OrganisationID *string   `json:"organisation_id" doc:"The organisation profile this actor is, if any."`
	Sensitive      *bool     `json:"sensitive" doc:"Seen by coordinators only (people at risk, say)."`
	Version        int       `json:"version,omitempty" doc:"In a PATCH: the version the change is based on (or send If-Match)."`
}

// over lays the body's fields over an actor's input.
func (b actorBody) over(in pk.ActorInput) pk.ActorInput {
	set := func(dst *string, src *string) {
		if src != nil {
			*dst = *src
		}
	}
	set(&in.Name, b.Name)
	set(&in.Kind, b.Kind)
	set(&in.Sector, b.Sector)
	set(&in.Motivation, b.Motivation)
	set(&in.Contribution, b.Contribution)
	set(&in.Notes, b.Notes)
	set(&in.OrganisationID, b.OrganisationID)
	if b.Tags != nil {
		in.Tags = *b.Tags
	}
	if b.Sensitive != nil {
		in.Sensitive = *b.Sensitive
	}
	in.Version = b.Version
	return in
}

func actorInputOf(a *pk.Actor) pk.ActorInput {
	return pk.ActorInput{Name: a.Name, Kind: a.Kind, Sector: a.Sector, Tags: a.Tags, Motivation: a.Motivation,
		Contribution: a.Contribution, Notes: a.Notes, OrganisationID: a.OrganisationID, Sensitive: a.Sensitive, Version: a.Version}
}

type mergeBody struct {
	// Duplicate is the actor folded into the one named in the path, which
	// is kept.
	Duplicate string `json:"duplicate" rule:"required" doc:"The actor folded into the one in the path, then deleted." example:"a1b2c3d4e5f6g7h8i9j0"`
}

// actorFilter reads the register's filters from the query.
func actorFilter(r *http.Request) pk.ActorFilter {
	q := r.URL.Query()
	return pk.ActorFilter{Query: q.Get("q"), Kind: q.Get("kind"), Sector: q.Get("sector"), Tag: q.Get("tag"),
		MapID: q.Get("map"), Segment: q.Get("segment"), Strategy: q.Get("strategy")}
}

var actorFilterQuery = []string{"q", "kind", "sector", "tag", "map", "segment", "strategy"}

func (h *Handlers) registerActors(a *api.API) {
	const tag = "actors"
	base := "/partnerships/{pid}/actors"
	a.Route("GET", base, httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "The stakeholder register, by name; filters: q (name contains), kind, sector, tag, and map with segment or strategy (the actor's latest assessment on that map)", Tag: tag,
		Response: pk.Actor{}, List: true, Query: append([]string{"limit", "cursor"}, actorFilterQuery...)},
		func(r *http.Request) (any, error) {
			p, err := api.Page(r)
			if err != nil {
				return nil, err
			}
			x, next, err := h.Actors.Actors(r.Context(), r.PathValue("pid"), actorFilter(r), p)
			return api.List[*pk.Actor]{Items: api.NonNil(x), NextCursor: next}, err
		})
	a.Route("POST", base, httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Add an actor to the register", Tag: tag,
		Request: actorBody{}, Response: pk.Actor{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b actorBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			x, err := h.Actors.CreateActor(r.Context(), r.PathValue("pid"), b.over(pk.ActorInput{}))
			return api.Created{Value: x}, err
		})
	a.Route("GET", base+"/{aid}", httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "An actor", Tag: tag, Response: pk.Actor{}},
		func(r *http.Request) (any, error) {
			return h.Actors.Actor(r.Context(), r.PathValue("pid"), r.PathValue("aid"))
		})
	a.Route("PATCH", base+"/{aid}", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Change an actor (fields left out keep their value; version or If-Match required)", Tag: tag,
		Request: actorBody{}, Response: pk.Actor{}},
		func(r *http.Request) (any, error) {
			var b actorBody
			if err := api.DecodePatch(r, &b, &b.Version); err != nil {
				return nil, err
			}
			cur, err := h.Actors.Actor(r.Context(), r.PathValue("pid"), r.PathValue("aid"))
			if err != nil {
				return nil, err
			}
			return h.Actors.UpdateActor(r.Context(), r.PathValue("pid"), r.PathValue("aid"), b.over(actorInputOf(cur)))
		})
	a.Route("DELETE", base+"/{aid}", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Delete an actor with its relationships, assessments and tactics (If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := api.QueryVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, h.Actors.DeleteActor(r.Context(), r.PathValue("pid"), r.PathValue("aid"), v)
		})
	a.Route("POST", base+"/{aid}/merge", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Merge a duplicate into this actor: the actor in the path is KEPT, the body's duplicate is folded into it (relationships, assessments, tactics, tags, empty fields) and deleted", Tag: tag,
		Request: mergeBody{}, Response: pk.Actor{}},
		func(r *http.Request) (any, error) {
			var b mergeBody
			if err := api.Decode(r, &b); err != nil {
				return nil, err
			}
			return h.Actors.MergeActors(r.Context(), r.PathValue("pid"), r.PathValue("aid"), b.Duplicate)
		})
	a.Route("POST", base+"/add-members", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Add the partnership's active member organisations to the register (those not in it yet)", Tag: tag,
		Response: addedBody{}},
		func(r *http.Request) (any, error) {
			n, err := h.Actors.AddMemberOrganisations(r.Context(), r.PathValue("pid"))
			return addedBody{Added: n}, err
		})
}

type addedBody struct {
	Added int `json:"added"`
}
