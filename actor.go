package partnerkit

import (
	"strings"
	"time"

	"github.com/partnerkit/partnerkit/spectrum"
)

// Actor is one entry of a partnership's stakeholder register (after the
// stakeholder template of the KA2 cooperation guide: name, sector,
// motivation or expectation, possible contribution). The same actors are
// placed on the power maps and the Spectrum of Allies.
type Actor struct {
	ID           string   `json:"id"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind"`
	Sector       string   `json:"sector"`
	Tags         []string `json:"tags"`
	Motivation   string   `json:"motivation"`
	Contribution string   `json:"contribution"`
	Notes        string   `json:"notes"`
	// OrganisationID links the actor to an organisation profile, when the
	// actor is one (for instance a member organisation of the partnership).
	OrganisationID string `json:"organisation_id"`
	// Sensitive actors (people at risk, say) are seen by coordinators only.
	Sensitive bool      `json:"sensitive"`
	Version   int       `json:"version"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ActorKinds are the kinds of actor the power-mapping method names.
var ActorKinds = []string{"individual", "group", "organisation", "institution"}

// ActorSectors is one list: the four sectors of the stakeholder template
// and the finer kinds people ask for when filtering.
var ActorSectors = []string{"public", "private", "civil_society", "individual", "media", "funder", "faith_based", "academic"}

// Limits of the register.
const (
	MaxActorTags = 20
	MaxTagLength = 50
)

// ActorInput creates or changes an actor.
type ActorInput struct {
	Name           string
	Kind           string
	Sector         string
	Tags           []string
	Motivation     string
	Contribution   string
	Notes          string
	OrganisationID string
	Sensitive      bool
	Version        int
}

// Validate checks an actor's fields and tidies the tags (trimmed, without
// duplicates, in the order given).
func (in *ActorInput) Validate() error {
	var v Validator
	in.validate(&v, "")
	return v.Err()
}

// ValidateAs is Validate with field names prefixed (e.g. "row 3.").
func (in *ActorInput) ValidateAs(v *Validator, prefix string) { in.validate(v, prefix) }

func (in *ActorInput) validate(v *Validator, prefix string) {
	in.Name = strings.TrimSpace(in.Name)
	in.Kind = strings.TrimSpace(in.Kind)
	in.Sector = strings.TrimSpace(in.Sector)
	in.OrganisationID = strings.TrimSpace(in.OrganisationID)
	v.Text(prefix+"name", in.Name, true, 200)
	v.OneOf(prefix+"kind", in.Kind, true, ActorKinds)
	v.OneOf(prefix+"sector", in.Sector, false, ActorSectors)
	v.Text(prefix+"motivation", in.Motivation, false, 4000)
	v.Text(prefix+"contribution", in.Contribution, false, 4000)
	v.Text(prefix+"notes", in.Notes, false, 4000)
	in.Tags = NormalizeTags(in.Tags)
	if len(in.Tags) > MaxActorTags {
		v.Add(prefix+"tags", "actors.validation.too_many_tags", map[string]any{"Max": MaxActorTags})
	}
	for _, t := range in.Tags {
		if v.Has(prefix + "tags") {
			break
		}
		v.Text(prefix+"tags", t, false, MaxTagLength)
	}
}

// NormalizeTags trims tags, drops empty ones and duplicates (ignoring case).
func NormalizeTags(tags []string) []string {
	out := []string{}
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.Join(strings.Fields(t), " ")
		k := strings.ToLower(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// SplitTags reads tags typed in one field, separated by commas, semicolons
// or vertical bars.
func SplitTags(s string) []string {
	return NormalizeTags(strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '،' }))
}

// Segments are the keys of the Spectrum of Allies' segments (after George
// Lakey / Training for Change), from active opposition to active ally, as
// filters and the API name them. The names are the spectrum package's.
var Segments = segmentKeys()

func segmentKeys() []string {
	var out []string
	for s := spectrum.ActiveOpposition; s <= spectrum.ActiveAlly; s++ {
		out = append(out, s.Key())
	}
	return out
}

// SegmentSupport returns the support value (-2..2) of a segment key or
// score, as spectrum.ParseSegment reads it.
func SegmentSupport(segment string) (int, bool) {
	s, err := spectrum.ParseSegment(segment)
	return int(s), err == nil
}

// Strategies are the engagement strategies of the power map, as filter values.
var Strategies = []string{"partner", "awareness_raising", "capacity_development", "monitor"}

// ActorFilter narrows the register. Segment and Strategy need MapID: they
// read each actor's latest assessment on that map.
type ActorFilter struct {
	Query    string
	Kind     string
	Sector   string
	Tag      string
	MapID    string
	Segment  string
	Strategy string
}

// Validate checks the filter's values.
func (f *ActorFilter) Validate() error {
	var v Validator
	f.Query = strings.TrimSpace(f.Query)
	v.Text("q", f.Query, false, 200)
	v.OneOf("kind", f.Kind, false, ActorKinds)
	v.OneOf("sector", f.Sector, false, ActorSectors)
	v.Text("tag", f.Tag, false, MaxTagLength)
	if f.Segment != "" {
		if _, ok := SegmentSupport(f.Segment); !ok {
			v.OneOf("segment", f.Segment, false, Segments)
		}
	}
	v.OneOf("strategy", f.Strategy, false, Strategies)
	if (f.Segment != "" || f.Strategy != "") && f.MapID == "" {
		v.Add("map", "validation.required", nil)
	}
	return v.Err()
}

// ActorPage is an actor with what its page shows around it.
type ActorPage struct {
	Actor *Actor `json:"actor"`
	// Relationships are the actor's first MaxActorTies ties by name;
	// RelationshipsCut says there are more (Relationships with the actor
	// as filter pages through them all).
	Relationships    []*Relationship `json:"relationships"`
	RelationshipsCut bool            `json:"relationships_cut"`
	// KeyIndividuals are individual actors who work at this one.
	KeyIndividuals []*Actor `json:"key_individuals"`
}

// ActorImportFields are the register's fields a spreadsheet column can fill.
var ActorImportFields = []string{"name", "kind", "sector", "tags", "motivation", "contribution", "notes", "sensitive"}

// ActorImport is what an uploaded table would import: its columns with the
// field each one fills ("ignore" for none), the first rows, and what is
// wrong, row by row, before anything is written.
type ActorImport struct {
	Columns []string   `json:"columns"`
	Mapping []string   `json:"mapping"`
	Sample  [][]string `json:"sample"`
	Rows    int        `json:"rows"`
	// Errors name the row and field ("row 4.kind"); the import refuses
	// every row while there are any.
	Errors []ImportError `json:"errors"`
	// Duplicates are rows whose name is already in the register (or
	// earlier in the file): a hint, not an error.
	Duplicates []ImportDuplicate `json:"duplicates"`
	// Imported is how many actors were written (0 for a preview).
	Imported int `json:"imported"`
}

// ImportError is one problem of an import, in a row (0: the whole file).
type ImportError struct {
	Row   int            `json:"row"`
	Field string         `json:"field"`
	Key   string         `json:"-"`
	Data  map[string]any `json:"-"`
	// Message is Key translated, filled in by the edge.
	Message string `json:"message"`
}

// ImportDuplicate is a row whose name is already taken.
type ImportDuplicate struct {
	Row  int    `json:"row"`
	Name string `json:"name"`
}

// ActorChoice is an actor offered in a form (to merge with, to tie to, to
// place on a map): enough to name it.
type ActorChoice struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

// ActorChoices are the first MaxActorChoices actors by name that a form
// offers. Cut says the register holds more: the page should say so and let
// people find the others by searching the register.
type ActorChoices struct {
	Actors []*ActorChoice `json:"actors"`
	Cut    bool           `json:"cut"`
}

// ActorTagList is the tags in use on the actors the asker may see, by
// name, at most MaxTagChoices; Cut says there are more.
type ActorTagList struct {
	Tags []string `json:"tags"`
	Cut  bool     `json:"cut"`
}
