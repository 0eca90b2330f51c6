package sqldb

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// Importing an archive happens in two steps. readArchive unpacks and checks
// everything (the manifest, every record's fields and types, the domain's
// own rules for the main records, that every reference points at a record
// of the archive, that nothing repeats) without touching the database, and
// gives each record its new ID. Only then does writeArchive open the write
// transaction, which on SQLite holds the single writer only for the
// inserts. Any problem is reported as a field error named after the
// document and record ("actors.json[3].kind"), and nothing is written.

// maxArchiveText bounds any one text value of an archive (the domain's
// own limits are lower; this keeps an unchecked column from being huge).
const maxArchiveText = 100_000

// archiveRecord is one checked record: a value per column, IDs already
// replaced by the new ones, people still by email.
type archiveRecord []any

// readArchive is the archive as read and checked.
type readArchive struct {
	manifest archiveManifest
	people   []archiveRecord // email, name
	orgs     []archiveRecord
	docs     map[string][]archiveRecord
	ids      map[string]map[string]string // document → archive ID → new ID
}

// ImportPartnership makes a new partnership from an archive, with the
// asking person as a coordinator (see pk.ArchiveImport for who else is
// added).
func (store *PortabilityStore) ImportPartnership(ctx context.Context, data []byte) (*pk.ArchiveImport, error) {
	uid, err := requireUser(ctx)
	if err != nil {
		return nil, err
	}
	var email string
	if err := store.db.read.QueryRowContext(ctx, `SELECT email FROM users WHERE id = $1`, uid).Scan(&email); err != nil {
		return nil, err
	}
	a, err := parseArchive(data)
	if err != nil {
		return nil, err
	}
	return store.db.writeArchive(ctx, a, uid, email, false)
}

// ImportPartnershipDirect makes a new partnership from an archive at the
// command line: the instance's administrator acts on the database itself,
// so everyone in the archive keeps their role, existing accounts included.
// owner, when given, is the address of an existing account that becomes a
// coordinator; without it the archive must name a coordinator.
func (store *PortabilityStore) ImportPartnershipDirect(ctx context.Context, data []byte, owner string) (*pk.ArchiveImport, error) {
	uid := ""
	if owner != "" {
		err := store.db.read.QueryRowContext(ctx, `SELECT id, email FROM users WHERE lower(email) = lower($1)`, owner).Scan(&uid, &owner)
		if err != nil {
			return nil, pk.FieldInvalid("owner", "portability.import.error.no_owner", map[string]any{"Email": owner})
		}
	}
	a, err := parseArchive(data)
	if err != nil {
		return nil, err
	}
	if uid == "" {
		found := false
		for _, m := range a.docs["members"] {
			found = found || m[1] == string(pk.RoleCoordinator)
		}
		if !found {
			return nil, pk.FieldInvalid("owner", "portability.import.error.no_coordinator", nil)
		}
	}
	return store.db.writeArchive(pk.NewContextWithUser(ctx, nil), a, uid, owner, true)
}

// archiveError names the document, record (from 1) and field of a problem.
func archiveError(doc string, record int, field, key string, data map[string]any) *pk.Error {
	return pk.FieldInvalid(archiveField(doc, record, field), key, data)
}

func archiveField(doc string, record int, field string) string {
	s := doc
	if !strings.HasSuffix(doc, ".json") {
		s += ".json"
	}
	if record > 0 {
		s += "[" + strconv.Itoa(record) + "]"
	}
	if field != "" {
		s += "." + field
	}
	return s
}

// parseArchive unpacks and checks an archive.
func parseArchive(data []byte) (*readArchive, error) {
	if len(data) > pk.MaxArchiveBytes {
		return nil, pk.FieldInvalid("file", "portability.import.error.too_large", map[string]any{"MB": pk.MaxArchiveBytes >> 20})
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, pk.FieldInvalid("file", "portability.import.error.not_zip", nil)
	}
	files := map[string][]byte{}
	var unpacked int64
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "csv/") || strings.HasSuffix(f.Name, "/") {
			continue // the CSV copies are for people; the JSON is what is read
		}
		if _, dup := files[f.Name]; dup {
			return nil, archiveError(f.Name, 0, "", "portability.import.error.duplicate_file", nil)
		}
		b, err := readZipFile(f, &unpacked)
		if err != nil {
			return nil, err
		}
		files[f.Name] = b
	}
	a := &readArchive{docs: map[string][]archiveRecord{}, ids: map[string]map[string]string{}}
	mb, ok := files[archiveManifestFile]
	if !ok {
		return nil, pk.FieldInvalid("file", "portability.import.error.no_manifest", nil)
	}
	if err := json.Unmarshal(mb, &a.manifest); err != nil || a.manifest.Format != archiveFormat {
		return nil, pk.FieldInvalid("manifest.json", "portability.import.error.no_manifest", nil)
	}
	if a.manifest.SchemaVersion < 1 || a.manifest.SchemaVersion > pk.ArchiveSchemaVersion {
		return nil, pk.FieldInvalid("manifest.json.schema_version", "portability.import.error.schema_version",
			map[string]any{"Version": a.manifest.SchemaVersion, "Supported": pk.ArchiveSchemaVersion})
	}
	known := map[string]bool{archiveManifestFile: true, archivePeople + ".json": true, archiveOrganisations + ".json": true}
	for _, d := range archiveDocuments {
		known[d.name+".json"] = true
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		// A document this version does not know would be lost: refuse
		// rather than import less than the archive holds.
		if !known[name] {
			return nil, archiveError(name, 0, "", "portability.import.error.unknown_file", nil)
		}
	}
	records := 0
	p := &archiveParser{a: a, people: map[string]bool{}, records: &records}
	if err := p.document(archivePeople, archivePeopleColumns, files, archiveDocument{unique: []string{"email"}}); err != nil {
		return nil, err
	}
	if err := p.document(archiveOrganisations, archiveOrganisationColumns, files, archiveDocument{}); err != nil {
		return nil, err
	}
	for _, d := range archiveDocuments {
		if err := p.document(d.name, d.columns, files, d); err != nil {
			return nil, err
		}
	}
	if len(a.docs["partnership"]) != 1 {
		return nil, archiveError("partnership", 0, "", "portability.import.error.one_partnership", nil)
	}
	return a, nil
}

// readZipFile reads one file of the archive within the caps, whatever its
// header claims.
func readZipFile(f *zip.File, unpacked *int64) ([]byte, error) {
	if f.UncompressedSize64 > pk.MaxArchiveDocumentBytes {
		return nil, archiveError(f.Name, 0, "", "portability.import.error.too_large", map[string]any{"MB": pk.MaxArchiveDocumentBytes >> 20})
	}
	rc, err := f.Open()
	if err != nil {
		return nil, archiveError(f.Name, 0, "", "portability.import.error.not_zip", nil)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, pk.MaxArchiveDocumentBytes+1))
	if err != nil {
		return nil, archiveError(f.Name, 0, "", "portability.import.error.not_zip", nil)
	}
	*unpacked += int64(len(b))
	if len(b) > pk.MaxArchiveDocumentBytes || *unpacked > pk.MaxArchiveUnpackedBytes {
		return nil, archiveError(f.Name, 0, "", "portability.import.error.too_large", map[string]any{"MB": pk.MaxArchiveUnpackedBytes >> 20})
	}
	return b, nil
}

// archiveParser checks the documents in order, so that a reference can
// only point at a record of a document read before.
type archiveParser struct {
	a       *readArchive
	people  map[string]bool // lower-cased addresses of people.json
	records *int
}

func (p *archiveParser) document(name string, cols []archiveColumn, files map[string][]byte, d archiveDocument) error {
	file := name + ".json"
	b, ok := files[file]
	if !ok {
		if name == "partnership" {
			return archiveError(name, 0, "", "portability.import.error.missing_file", nil)
		}
		// A document added after the archive was made: nothing of it.
		return nil
	}
	var raw []map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&raw); err != nil {
		return archiveError(name, 0, "", "portability.import.error.not_json", map[string]any{"Detail": err.Error()})
	}
	if dec.More() {
		return archiveError(name, 0, "", "portability.import.error.not_json", map[string]any{"Detail": "more than one value"})
	}
	if d.single && len(raw) > 1 {
		return archiveError(name, 2, "", "portability.import.error.one_record", nil)
	}
	*p.records += len(raw)
	if *p.records > pk.MaxArchiveRecords {
		return archiveError(name, 0, "", "portability.import.error.too_many", map[string]any{"Max": pk.MaxArchiveRecords})
	}
	byName := map[string]int{}
	for i, c := range cols {
		byName[c.name] = i
	}
	ids := map[string]string{}
	p.a.ids[name] = ids
	seen := map[string]bool{}
	out := make([]archiveRecord, 0, len(raw))
	for n, obj := range raw {
		rn := n + 1
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if _, ok := byName[k]; !ok {
				return archiveError(name, rn, k, "portability.import.error.unknown_field", nil)
			}
		}
		rec := make(archiveRecord, len(cols))
		for i, c := range cols {
			v, err := p.value(name, rn, c, obj[c.name])
			if err != nil {
				return err
			}
			rec[i] = v
		}
		// New IDs once every value is read, so references within the
		// document are to records of earlier documents only.
		for i, c := range cols {
			if c.kind == archID {
				old := rec[i].(string)
				if _, dup := ids[old]; dup {
					return archiveError(name, rn, c.name, "portability.import.error.duplicate", nil)
				}
				ids[old] = newID()
				rec[i] = ids[old]
			}
		}
		if len(d.unique) > 0 {
			parts := make([]string, len(d.unique))
			for i, u := range d.unique {
				parts[i] = strings.ToLower(fmt.Sprint(rec[byName[u]]))
			}
			key := strings.Join(parts, "\x00")
			if seen[key] {
				return archiveError(name, rn, d.unique[len(d.unique)-1], "portability.import.error.duplicate", nil)
			}
			seen[key] = true
		}
		if check := archiveChecks[name]; check != nil {
			get := func(col string) any { return rec[byName[col]] }
			if err := check(get); err != nil {
				return prefixFields(err, archiveField(name, rn, ""))
			}
		}
		if name == archivePeople {
			p.people[strings.ToLower(rec[0].(string))] = true
		}
		out = append(out, rec)
	}
	if err := resolveSelfRefs(name, cols, out, ids); err != nil {
		return err
	}
	switch name {
	case archivePeople:
		p.a.people = out
	case archiveOrganisations:
		p.a.orgs = out
	default:
		p.a.docs[name] = out
	}
	return nil
}

// value reads one field by its column's kind. References come back as the
// new ID of the record they point at.
func (p *archiveParser) value(doc string, rn int, c archiveColumn, raw json.RawMessage) (any, error) {
	bad := func(key string) error {
		return archiveError(doc, rn, c.name, key, nil)
	}
	null := len(raw) == 0 || string(raw) == "null"
	if null {
		switch {
		case c.kind == archNullText || c.kind == archNullTime || c.kind == archNullInt:
			return nil, nil
		case (c.kind == archRef || c.kind == archUser || c.kind == archOrg || c.kind == archSelfRef) && c.null:
			return nil, nil
		}
		return nil, bad("validation.required")
	}
	switch c.kind {
	case archInt, archNullInt:
		var n int64
		if err := json.Unmarshal(raw, &n); err != nil || n < -1<<31 || n > 1<<31-1 {
			return nil, bad("portability.import.error.want_integer")
		}
		return n, nil
	case archBool:
		var x bool
		if err := json.Unmarshal(raw, &x); err != nil {
			return nil, bad("portability.import.error.want_boolean")
		}
		return x, nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, bad("portability.import.error.want_text")
	}
	var v pk.Validator
	v.Text(c.name, s, false, maxArchiveText)
	if err := v.Err(); err != nil {
		return nil, prefixFields(err, archiveField(doc, rn, ""))
	}
	switch c.kind {
	case archTime, archNullTime:
		t, err := time.Parse(timeLayout, s)
		if err == nil {
			return s, nil
		}
		// Some optional times are days (a next step's due date).
		if _, err := time.Parse(time.DateOnly, s); err == nil && c.kind == archNullTime {
			return s, nil
		}
		if err != nil {
			if t, err = time.Parse(time.RFC3339Nano, s); err != nil {
				return nil, bad("portability.import.error.want_time")
			}
		}
		return fmtTime(t), nil
	case archID:
		if s == "" || len(s) > 100 {
			return nil, bad("validation.required")
		}
		return s, nil
	case archRef:
		id, ok := p.a.ids[c.ref][s]
		if !ok {
			return nil, archiveError(doc, rn, c.name, "portability.import.error.no_record", map[string]any{"Document": c.ref + ".json", "ID": s})
		}
		return id, nil
	case archOrg:
		id, ok := p.a.ids[archiveOrganisations][s]
		if !ok {
			return nil, archiveError(doc, rn, c.name, "portability.import.error.no_record", map[string]any{"Document": archiveOrganisations + ".json", "ID": s})
		}
		return id, nil
	case archSelfRef:
		// Resolved once the whole document is read (resolveSelfRefs).
		if s == "" || len(s) > 100 {
			return nil, bad("portability.import.error.want_text")
		}
		return s, nil
	case archCharter:
		return charterFromArchive(doc, rn, c.name, s, p.a.ids["bodies"])
	case archUser:
		if !p.people[strings.ToLower(s)] {
			return nil, archiveError(doc, rn, c.name, "portability.import.error.no_record", map[string]any{"Document": archivePeople + ".json", "ID": s})
		}
		return s, nil
	}
	return s, nil
}

// prefixFields names the record in each field of a domain error.
func prefixFields(err error, prefix string) error {
	e, ok := pk.AsError(err)
	if !ok {
		return err
	}
	for i := range e.Fields {
		e.Fields[i].Field = prefix + "." + e.Fields[i].Field
	}
	return e
}

// archiveChecks apply the domain's own rules to the main records, so that
// an archive cannot bring in what the forms would refuse.
var archiveChecks = map[string]func(get func(string) any) error{
	archivePeople: func(get func(string) any) error {
		var v pk.Validator
		v.Email("email", get("email").(string))
		v.Text("name", get("name").(string), true, 200)
		return v.Err()
	},
	archiveOrganisations: func(get func(string) any) error {
		in := pk.OrganisationInput{Name: str(get("name")), Kind: str(get("kind")), Country: str(get("country")), City: str(get("city")),
			Mission: str(get("mission")), Website: str(get("website"))}
		return in.Validate()
	},
	"partnership": func(get func(string) any) error {
		in := pk.PartnershipInput{Name: str(get("name")), Purpose: str(get("purpose")), Form: str(get("form")), Basis: str(get("basis")),
			Scope: str(get("scope")), Structure: str(get("structure"))}
		return in.Validate()
	},
	"members": func(get func(string) any) error {
		var v pk.Validator
		v.OneOf("role", str(get("role")), true, pk.Roles)
		return v.Err()
	},
	"actors": func(get func(string) any) error {
		in := pk.ActorInput{Name: str(get("name")), Kind: str(get("kind")), Sector: str(get("sector")), Motivation: str(get("motivation")),
			Contribution: str(get("contribution")), Notes: str(get("notes"))}
		return in.Validate()
	},
	"relationships": func(get func(string) any) error {
		in := pk.RelationshipInput{From: str(get("from_actor")), To: str(get("to_actor")), Type: str(get("type")),
			Strength: int(get("strength").(int64)), FromDate: str(get("from_date")), UntilDate: str(get("until_date")), Note: str(get("note"))}
		return in.Validate()
	},
	"maps": func(get func(string) any) error {
		in := pk.MapInput{Title: str(get("title")), Objective: str(get("objective"))}
		return in.Validate()
	},
	"bodies":           checkArchivedBody,
	"body_seats":       checkArchivedSeat,
	"charter_versions": checkArchivedCharter,
	"assessments": func(get func(string) any) error {
		in := pk.AssessmentInput{ActorID: str(get("actor_id")), Support: int(get("support").(int64)), Influence: int(get("influence").(int64)),
			Note: str(get("note"))}
		if x, ok := get("interest").(int64); ok {
			in.Interest = int(x)
		}
		return in.Validate()
	},
}

// str reads an optional text value.
func str(v any) string {
	s, _ := v.(string)
	return s
}

// writeArchive writes a checked archive as a new partnership in one
// transaction. uid and email are the importing person (empty at the
// command line without an owner); direct is the administrator's import,
// which adds existing accounts to the partnership too.
func (db *DB) writeArchive(ctx context.Context, a *readArchive, uid, email string, direct bool) (*pk.ArchiveImport, error) {
	res := &pk.ArchiveImport{Records: map[string]int{}, IDs: map[string]string{}, Placeholders: []string{}, NotAdded: []string{}}
	for _, ids := range a.ids {
		for old, id := range ids {
			res.IDs[old] = id
		}
	}
	var pid string
	err := db.inTx(ctx, func(tx *Tx) error {
		res.Placeholders, res.NotAdded = res.Placeholders[:0], res.NotAdded[:0]
		// People: an account with the same address, or a placeholder.
		users := map[string]string{} // lower-cased email → user ID
		existing := map[string]bool{}
		for _, p := range a.people {
			addr, name := p[0].(string), p[1].(string)
			var id string
			err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE lower(email) = lower($1)`, addr).Scan(&id)
			if err == nil {
				existing[strings.ToLower(addr)] = true
			} else if errors.Is(err, sql.ErrNoRows) {
				// A placeholder cannot sign in (no password hash matches
				// the empty one) until its owner sets a password through
				// "forgot password", as any invited person would.
				id = newID()
				if _, err := tx.ExecContext(ctx, `INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, '', $4)`,
					id, addr, name, fmtTime(tx.now)); err != nil {
					return err
				}
				res.Placeholders = append(res.Placeholders, addr)
			} else {
				return err
			}
			users[strings.ToLower(addr)] = id
		}
		userID := func(v any) any {
			if v == nil {
				return nil
			}
			return users[strings.ToLower(v.(string))]
		}
		// Organisations: a copy each, kept by the importing person.
		for _, o := range a.orgs {
			var by any
			if uid != "" {
				by = uid
			}
			if _, err := tx.ExecContext(ctx, `
				INSERT INTO organisations (id, name, kind, country, city, mission, website, refugee_led, youth_led, created_by, created_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
				o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7], o[8], by, fmtTime(tx.now)); err != nil {
				return err
			}
			if uid != "" {
				if _, err := tx.ExecContext(ctx, `INSERT INTO organisation_people (organisation_id, user_id, admin) VALUES ($1, $2, TRUE)`, o[0], uid); err != nil {
					return err
				}
			}
		}
		res.Records[archivePeople], res.Records[archiveOrganisations] = len(a.people), len(a.orgs)
		importerListed := false
		for _, d := range archiveDocuments {
			cols := make([]string, 0, len(d.columns)+2)
			for _, c := range d.columns {
				cols = append(cols, c.name)
			}
			if !d.isPartnership {
				cols = append(cols, "partnership_id")
			}
			if d.table == "actors" {
				cols = append(cols, "search")
			}
			derived, hasDerived := archiveDerived[d.table]
			if hasDerived {
				cols = append(cols, derived.column)
			}
			marks := make([]string, len(cols))
			for i := range marks {
				marks[i] = "$" + strconv.Itoa(i+1)
			}
			stmt := "INSERT INTO " + d.table + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
			n := 0
			for _, rec := range a.docs[d.name] {
				args := make([]any, 0, len(cols))
				for i, c := range d.columns {
					v := rec[i]
					switch c.kind {
					case archUser:
						v = userID(v)
					case archSelfRef:
						v = nil // the record it names may not be written yet
					}
					args = append(args, v)
				}
				if d.isPartnership {
					pid = rec[0].(string)
				} else {
					args = append(args, pid)
				}
				if d.table == "actors" {
					args = append(args, searchFold(rec[1].(string)))
				}
				if hasDerived {
					args = append(args, derived.value(d.columns, args))
				}
				if d.name == "members" {
					addr := strings.ToLower(rec[0].(string))
					if addr == strings.ToLower(email) {
						importerListed = true
						args[1] = string(pk.RoleCoordinator)
					} else if existing[addr] && !direct {
						// Nobody joins a partnership without saying yes.
						res.NotAdded = append(res.NotAdded, rec[0].(string))
						continue
					}
				}
				if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
					return fmt.Errorf("import %s: %w", d.name, err)
				}
				n++
			}
			if err := tx.writeSelfRefs(ctx, d, a.docs[d.name]); err != nil {
				return err
			}
			res.Records[d.name] = n
			if d.name == "members" && uid != "" && !importerListed {
				if _, err := tx.ExecContext(ctx, `
					INSERT INTO partnership_people (partnership_id, user_id, role, since) VALUES ($1, $2, 'coordinator', $3)`,
					pid, uid, fmtTime(tx.now)); err != nil {
					return err
				}
				res.Records[d.name]++
			}
		}
		return tx.audit(ctx, pid, "partnership.import", "partnership", pid, str(a.docs["partnership"][0][1]), nil, map[string]any{
			"from": a.manifest.Partnership.ID, "schema_version": a.manifest.SchemaVersion, "partnerkit_version": a.manifest.PartnerkitVersion,
			"records": res.Records, "placeholders": len(res.Placeholders), "not_added": len(res.NotAdded)})
	})
	if err != nil {
		return nil, err
	}
	res.Partnership = &pk.Partnership{}
	err = db.read.QueryRowContext(ctx, `SELECT id, name, purpose, form, basis, scope, structure, archived, version, created_at FROM partnerships WHERE id = $1`, pid).
		Scan(&res.Partnership.ID, &res.Partnership.Name, &res.Partnership.Purpose, &res.Partnership.Form, &res.Partnership.Basis,
			&res.Partnership.Scope, &res.Partnership.Structure, &res.Partnership.Archived, &res.Partnership.Version, ts(&res.Partnership.CreatedAt))
	if err != nil {
		return nil, err
	}
	res.Partnership.MyRole = pk.RoleCoordinator
	return res, nil
}
