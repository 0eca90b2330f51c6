package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/httpx"
	"github.com/partnerkit/partnerkit/tabular"
)

// actorBody creates an actor; in a PATCH, fields left out keep their value.
type actorBody struct {
	Name           *string   `json:"name"`
	Kind           *string   `json:"kind"`
	Sector         *string   `json:"sector"`
	Tags           *[]string `json:"tags"`
	Motivation     *string   `json:"motivation"`
	Contribution   *string   `json:"contribution"`
	Notes          *string   `json:"notes"`
	OrganisationID *string   `json:"organisation_id"`
	Sensitive      *bool     `json:"sensitive"`
	Version        int       `json:"version,omitempty"`
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
	Duplicate string `json:"duplicate"`
}

// actorFilter reads the register's filters from the query.
func actorFilter(r *http.Request) pk.ActorFilter {
	q := r.URL.Query()
	return pk.ActorFilter{Query: q.Get("q"), Kind: q.Get("kind"), Sector: q.Get("sector"), Tag: q.Get("tag"),
		MapID: q.Get("map"), Segment: q.Get("segment"), Strategy: q.Get("strategy")}
}

var actorFilterQuery = []string{"q", "kind", "sector", "tag", "map", "segment", "strategy"}

// actorDeleteVersion is the version a DELETE is based on: If-Match or ?version=.
func actorDeleteVersion(r *http.Request) (int, error) {
	n := 0
	if s := r.URL.Query().Get("version"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			return 0, pk.FieldInvalid("version", "validation.number", nil)
		}
	}
	return version(r, n)
}

// maxMapping caps the mapping field of an import.
const maxMapping = 64 << 10

// readImport reads the multipart upload of an import: the file, capped,
// and an optional mapping {column: field}.
func readImport(r *http.Request) ([]byte, map[string]string, error) {
	r.Body = io.NopCloser(io.LimitReader(r.Body, tabular.MaxBytes+maxMapping+64<<10))
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, nil, pk.FieldInvalid("file", "actors.import.error.no_file", nil)
	}
	var data []byte
	var mapping map[string]string
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return nil, nil, pk.FieldInvalid("file", "actors.import.error.too_large", nil)
		}
		switch part.FormName() {
		case "file":
			data, err = io.ReadAll(io.LimitReader(part, tabular.MaxBytes+1))
			if err != nil {
				return nil, nil, pk.FieldInvalid("file", "actors.import.error.no_file", nil)
			}
			if len(data) > tabular.MaxBytes {
				return nil, nil, pk.FieldInvalid("file", "actors.import.error.too_large", nil)
			}
		case "mapping":
			b, err := io.ReadAll(io.LimitReader(part, maxMapping+1))
			if err != nil || len(b) > maxMapping || json.Unmarshal(b, &mapping) != nil {
				return nil, nil, pk.FieldInvalid("mapping", "validation.json", map[string]any{"Detail": "mapping must be an object {column: field}"})
			}
		}
		part.Close()
	}
	if data == nil {
		return nil, nil, pk.FieldInvalid("file", "actors.import.error.no_file", nil)
	}
	return data, mapping, nil
}

func (a *API) registerActors() {
	const tag = "actors"
	base := "/partnerships/{pid}/actors"
	a.route("GET", base, httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "The stakeholder register, by name; filters: q (name contains), kind, sector, tag, and map with segment or strategy (the actor's latest assessment on that map)", Tag: tag,
		Response: pk.Actor{}, List: true, Query: append([]string{"limit", "cursor"}, actorFilterQuery...)},
		func(r *http.Request) (any, error) {
			p, err := page(r)
			if err != nil {
				return nil, err
			}
			x, next, err := a.DB.Actors(r.Context(), r.PathValue("pid"), actorFilter(r), p)
			return List[*pk.Actor]{Items: nonNil(x), NextCursor: next}, err
		})
	a.route("POST", base, httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Add an actor to the register", Tag: tag,
		Request: actorBody{}, Response: pk.Actor{}, Status: 201},
		func(r *http.Request) (any, error) {
			var b actorBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			x, err := a.DB.CreateActor(r.Context(), r.PathValue("pid"), b.over(pk.ActorInput{}))
			return Created{x}, err
		})
	a.route("GET", base+"/export.csv", httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "Export the register as CSV (same filters as the list; recorded in the audit log)", Tag: tag,
		Raw: "text/csv", Query: actorFilterQuery},
		func(r *http.Request) (any, error) {
			b, err := a.DB.ExportActors(r.Context(), r.PathValue("pid"), "csv", actorFilter(r))
			return Raw{ContentType: "text/csv; charset=utf-8", Filename: "actors.csv", Body: b}, err
		})
	a.route("GET", base+"/export.xlsx", httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "Export the register as XLSX (same filters as the list; recorded in the audit log)", Tag: tag,
		Raw: xlsxType, Query: actorFilterQuery},
		func(r *http.Request) (any, error) {
			b, err := a.DB.ExportActors(r.Context(), r.PathValue("pid"), "xlsx", actorFilter(r))
			return Raw{ContentType: xlsxType, Filename: "actors.xlsx", Body: b}, err
		})
	a.route("POST", base+"/import", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Import actors from a CSV or XLSX file (multipart field file, at most 5 MB and 10,000 rows; optional field mapping, a JSON object {column: field or \"ignore\"}). All or nothing: any row error refuses the file with every error as row N.field. ?dry_run=true previews without writing", Tag: tag,
		Upload: true, Response: pk.ActorImport{}, Query: []string{"dry_run"}},
		func(r *http.Request) (any, error) {
			// Outsiders and observers learn nothing from a malformed upload.
			if _, err := a.DB.Authorize(r.Context(), r.PathValue("pid"), pk.ActionEditActors); err != nil {
				return nil, err
			}
			data, mapping, err := readImport(r)
			if err != nil {
				return nil, err
			}
			imp, err := a.DB.ImportActors(r.Context(), r.PathValue("pid"), data, mapping, r.URL.Query().Get("dry_run") == "true")
			if err != nil {
				return nil, err
			}
			l := a.Bundle.Localizer(language(r))
			for i, e := range imp.Errors {
				imp.Errors[i].Message = l.T(e.Key, e.Data)
			}
			return imp, nil
		})
	a.route("GET", base+"/{aid}", httpx.RoleFor(pk.ActionViewActors), httpx.OpDoc{Summary: "An actor", Tag: tag, Response: pk.Actor{}},
		func(r *http.Request) (any, error) {
			return a.DB.Actor(r.Context(), r.PathValue("pid"), r.PathValue("aid"))
		})
	a.route("PATCH", base+"/{aid}", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Change an actor (fields left out keep their value; version or If-Match required)", Tag: tag,
		Request: actorBody{}, Response: pk.Actor{}},
		func(r *http.Request) (any, error) {
			var b actorBody
			if err := withVersion(r, &b, &b.Version); err != nil {
				return nil, err
			}
			cur, err := a.DB.Actor(r.Context(), r.PathValue("pid"), r.PathValue("aid"))
			if err != nil {
				return nil, err
			}
			return a.DB.UpdateActor(r.Context(), r.PathValue("pid"), r.PathValue("aid"), b.over(actorInputOf(cur)))
		})
	a.route("DELETE", base+"/{aid}", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Delete an actor with its relationships, assessments and tactics (If-Match or ?version= required)", Tag: tag,
		Query: []string{"version"}},
		func(r *http.Request) (any, error) {
			v, err := actorDeleteVersion(r)
			if err != nil {
				return nil, err
			}
			return nil, a.DB.DeleteActor(r.Context(), r.PathValue("pid"), r.PathValue("aid"), v)
		})
	a.route("POST", base+"/{aid}/merge", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Merge a duplicate into this actor: the actor in the path is KEPT, the body's duplicate is folded into it (relationships, assessments, tactics, tags, empty fields) and deleted", Tag: tag,
		Request: mergeBody{}, Response: pk.Actor{}},
		func(r *http.Request) (any, error) {
			var b mergeBody
			if err := decode(r, &b); err != nil {
				return nil, err
			}
			return a.DB.MergeActors(r.Context(), r.PathValue("pid"), r.PathValue("aid"), b.Duplicate)
		})
	a.route("POST", base+"/add-members", httpx.RoleFor(pk.ActionEditActors), httpx.OpDoc{Summary: "Add the partnership's active member organisations to the register (those not in it yet)", Tag: tag,
		Response: addedBody{}},
		func(r *http.Request) (any, error) {
			n, err := a.DB.AddMemberOrganisations(r.Context(), r.PathValue("pid"))
			return addedBody{Added: n}, err
		})
}

type addedBody struct {
	Added int `json:"added"`
}

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
