package sqldb

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/tabular"
)

// Imports and exports of the stakeholder register. Imports are
// all-or-nothing: every row is checked first and every problem reported as
// "row N.field" (N counts lines as a spreadsheet shows them, the header
// being row 1); only a clean file is written, in one transaction.

// importSample is how many rows a preview shows.
const importSample = 10

// headerAliases are the column names, in English, French and Arabic, that
// are recognised as each field (compared with tabular.Fold).
var headerAliases = map[string][]string{
	"name":         {"Name", "Stakeholder", "Stakeholder name", "Actor", "Nom", "Acteur", "Partie prenante", "Nom de la partie prenante", "الاسم", "اسم", "الجهة", "الجهة المعنية", "اسم الجهة"},
	"kind":         {"Kind", "Type", "Category", "Genre", "Catégorie", "النوع", "نوع", "الفئة"},
	"sector":       {"Sector", "Secteur", "القطاع", "قطاع"},
	"tags":         {"Tags", "Tag", "Labels", "Keywords", "Étiquettes", "Mots-clés", "Mots clés", "الوسوم", "وسوم", "كلمات مفتاحية"},
	"motivation":   {"Motivation", "Expectation", "Expectations", "Motivation/Expectation", "Attentes", "Motivation/Attentes", "الدافع", "التوقعات", "الدافع/التوقعات"},
	"contribution": {"Contribution", "Possible contribution", "Apport", "Contribution possible", "المساهمة", "المساهمة الممكنة"},
	"notes":        {"Notes", "Note", "Comments", "Remarques", "Commentaires", "ملاحظات", "ملاحظة"},
	"sensitive":    {"Sensitive", "Sensible", "Confidentiel", "حساس", "سري"},
}

// valueAliases read kinds and sectors as people type them.
var valueAliases = map[string]map[string][]string{
	"kind": {
		"individual":   {"individu", "personne", "person", "فرد", "شخص"},
		"group":        {"groupe", "مجموعة", "جماعة"},
		"organisation": {"organization", "organisme", "association", "منظمة", "جمعية"},
		"institution":  {"مؤسسة", "public body"},
	},
	"sector": {
		"public":        {"public sector", "secteur public", "عام", "القطاع العام"},
		"private":       {"private sector", "privé", "secteur privé", "خاص", "القطاع الخاص"},
		"civil_society": {"civil society", "société civile", "ngo", "ong", "مجتمع مدني", "المجتمع المدني"},
		"individual":    {"individuel", "individu", "فرد", "فردي"},
		"media":         {"médias", "presse", "press", "إعلام", "الإعلام"},
		"funder":        {"donor", "bailleur", "financeur", "bailleur de fonds", "مانح", "ممول"},
		"faith_based":   {"faith", "religious", "religieux", "confessionnel", "ديني"},
		"academic":      {"university", "académique", "universitaire", "recherche", "أكاديمي", "جامعة"},
	},
}

// foldedAliases is valueAliases by folded name, made once: an import
// looks up a kind and a sector in every row.
var foldedAliases = func() map[string]map[string]string {
	out := map[string]map[string]string{}
	for field, values := range valueAliases {
		out[field] = map[string]string{}
		for value, names := range values {
			out[field][tabular.Fold(value)] = value
			for _, n := range names {
				out[field][tabular.Fold(n)] = value
			}
		}
	}
	return out
}()

// canonical turns a typed kind or sector into its stored value, or
// returns it unchanged for the validator to refuse.
func canonical(field, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if value, ok := foldedAliases[field][tabular.Fold(s)]; ok {
		return value
	}
	return s
}

// truthy reads a yes/no cell.
func truthy(s string) (bool, bool) {
	switch tabular.Fold(s) {
	case "", "0", "no", "non", "false", "faux", "لا", "n":
		return false, true
	case "1", "yes", "oui", "true", "vrai", "x", "نعم", "y", "o":
		return true, true
	}
	return false, false
}

// tableError turns a file problem into a field error naming its row.
func tableError(err error) error {
	var te *tabular.Error
	if !errors.As(err, &te) {
		return err
	}
	field := "file"
	if te.Row > 0 {
		field = fmt.Sprintf("row %d", te.Row)
	}
	return pk.FieldInvalid(field, "actors.import.error."+te.Code, map[string]any{"Row": te.Row, "Max": tabular.MaxRows, "Sheet": te.Sheet})
}

// ImportActors reads a CSV or XLSX file into the register. mapping
// assigns fields to columns by header text ({column: field}); columns it
// does not name keep the detected field. With dryRun nothing is written
// and the preview (errors included) is returned; otherwise a file with
// any error is refused as a whole with every row's problems.
//
// Everything but the inserts happens before the write transaction, reading
// through the read pool: parsing, checking and the preview of a large file
// take a while, and on SQLite every other write of the instance would wait
// for them. A preview never takes the writer at all. The names already in
// the register (for the duplicate hints) are read beside all that, on
// another connection: the reading of 100,000 names no longer adds to the
// time of an import.
func (store *ActorStore) ImportActors(ctx context.Context, pid string, data []byte, mapping map[string]string, dryRun bool) (*pk.ActorImport, error) {
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionEditActors)
	if err != nil {
		return nil, err
	}
	names := store.db.lookUpNames(ctx, p)
	defer names.stop()
	imp, t, inputs, err := store.db.previewImport(ctx, p, data, mapping)
	if err != nil {
		return nil, err
	}
	importHook(ctx)
	if dryRun {
		known, err := names.wait()
		if err != nil {
			return nil, err
		}
		imp.Duplicates = duplicates(inputs, known)
		return imp, nil
	}
	if len(imp.Errors) > 0 {
		fields := make([]pk.FieldError, len(imp.Errors))
		for i, e := range imp.Errors {
			fields[i] = pk.FieldError{Field: e.Field, Key: e.Key, Data: e.Data}
		}
		return nil, pk.Invalid(fields...)
	}
	err = store.db.inConnTx(ctx, func(tx *Tx) error {
		// The role (or the partnership's archiving) may have changed
		// while the file was read: ask again, under the writer.
		if _, err := store.db.authorize(ctx, tx, pid, pk.ActionEditActors); err != nil {
			return err
		}
		sensitive := 0
		for _, in := range inputs {
			if in.Sensitive {
				sensitive++
			}
		}
		if err := tx.insertImported(ctx, pid, inputs); err != nil {
			return err
		}
		if err := importWrittenHook(ctx); err != nil {
			return err
		}
		// The names were read beside the parsing and the writing, from
		// before this transaction's rows: they must be in before it
		// commits, or the rows would find themselves.
		known, err := names.wait()
		if err != nil {
			return err
		}
		imp.Duplicates = duplicates(inputs, known)
		imp.Imported = len(inputs)
		// Members read the summary in the activity feed: it counts the
		// actors they can see; the detail (coordinators only) has them all.
		return tx.audit(ctx, pid, "actor.import", "partnership", pid, strconv.Itoa(len(inputs)-sensitive), nil,
			map[string]any{"count": len(inputs), "sensitive": sensitive, "columns": t.Header, "mapping": imp.Mapping})
	})
	if err != nil {
		return nil, err
	}
	return imp, nil
}

// importHookKey carries a function that runs once an import's preview is
// built and before anything is written; tests use it to show that other
// writes go on meanwhile. Nothing sets it in production.
type importHookKey struct{}

func importHook(ctx context.Context) {
	if f, ok := ctx.Value(importHookKey{}).(func()); ok {
		f()
	}
}

// importWrittenKey carries a function that runs once an import's rows are
// written, in its transaction; an error it returns undoes the import.
// Tests use it to show that the rows (COPY's included) go with the
// transaction. Nothing sets it in production.
type importWrittenKey struct{}

func importWrittenHook(ctx context.Context) error {
	if f, ok := ctx.Value(importWrittenKey{}).(func() error); ok {
		return f()
	}
	return nil
}

// previewImport reads and checks an upload for p's asker, without writing:
// the preview (but for its duplicates), the table and one input per row.
func (db *DB) previewImport(ctx context.Context, p *pk.Partnership, data []byte, mapping map[string]string) (*pk.ActorImport, *tabular.Table, []pk.ActorInput, error) {
	t, err := tabular.Read(data)
	if err != nil {
		return nil, nil, nil, tableError(err)
	}
	imp := &pk.ActorImport{Columns: t.Header, Rows: len(t.Rows), Errors: []pk.ImportError{}, Duplicates: []pk.ImportDuplicate{}}
	imp.Mapping = tabular.Detect(t.Header, headerAliases)
	var v pk.Validator
	byHand := map[string]string{} // field → column
	for col, field := range mapping {
		i := slices.Index(t.Header, col)
		if i < 0 {
			v.Add("mapping", "actors.import.error.unknown_column", map[string]any{"Column": col})
			continue
		}
		if field != tabular.Ignore && !slices.Contains(pk.ActorImportFields, field) {
			v.Add("mapping", "actors.import.error.unknown_field", map[string]any{"Column": col})
			continue
		}
		if other, ok := byHand[field]; ok && field != tabular.Ignore {
			v.Add("mapping", "actors.import.error.field_twice", map[string]any{"Column": col, "Other": other})
			continue
		}
		byHand[field] = col
		// A field mapped by hand takes it from the detected column.
		if field != tabular.Ignore {
			for j := range imp.Mapping {
				if imp.Mapping[j] == field && mapping[t.Header[j]] == "" {
					imp.Mapping[j] = tabular.Ignore
				}
			}
		}
		imp.Mapping[i] = field
	}
	if err := v.Err(); err != nil {
		return nil, nil, nil, err
	}
	for i, r := range t.Rows {
		if i == importSample {
			break
		}
		imp.Sample = append(imp.Sample, r)
	}
	inputs, rowErrs := actorRows(t, imp.Mapping)
	imp.Errors = rowErrs
	return imp, t, inputs, nil
}

// duplicates lists the rows whose name is already in the register (as
// names, the asker's view of it) or on an earlier row.
func duplicates(inputs []pk.ActorInput, names map[string]bool) []pk.ImportDuplicate {
	out := []pk.ImportDuplicate{}
	for i, in := range inputs {
		k := strings.ToLower(strings.TrimSpace(in.Name))
		if k == "" {
			continue
		}
		if names[k] {
			out = append(out, pk.ImportDuplicate{Row: i + 2, Name: in.Name})
		}
		names[k] = true
	}
	return out
}

// actorRows builds and checks one input per row.
func actorRows(t *tabular.Table, mapping []string) ([]pk.ActorInput, []pk.ImportError) {
	errs := []pk.ImportError{}
	if !slices.Contains(mapping, "name") {
		return nil, append(errs, pk.ImportError{Field: "mapping", Key: "actors.import.error.no_name"})
	}
	inputs := make([]pk.ActorInput, len(t.Rows))
	for i, r := range t.Rows {
		row := i + 2
		prefix := fmt.Sprintf("row %d.", row)
		var in pk.ActorInput
		var v pk.Validator
		for j, field := range mapping {
			cell := r[j]
			switch field {
			case "name":
				in.Name = cell
			case "kind":
				in.Kind = canonical("kind", cell)
			case "sector":
				in.Sector = canonical("sector", cell)
			case "tags":
				in.Tags = pk.SplitTags(cell)
			case "motivation":
				in.Motivation = cell
			case "contribution":
				in.Contribution = cell
			case "notes":
				in.Notes = cell
			case "sensitive":
				b, ok := truthy(cell)
				if !ok {
					v.Add(prefix+"sensitive", "actors.import.error.yes_no", nil)
				}
				in.Sensitive = b
			}
		}
		// A list of names alone is a fine start: organisations by default.
		if in.Kind == "" {
			in.Kind = "organisation"
		}
		in.ValidateAs(&v, prefix)
		if e, ok := pk.AsError(v.Err()); ok {
			for _, f := range e.Fields {
				errs = append(errs, pk.ImportError{Row: row, Field: f.Field, Key: f.Key, Data: f.Data})
			}
		}
		inputs[i] = in
	}
	return inputs, errs
}

// visibleNames are the lower-cased names of the actors the asker may see.
func visibleNames(ctx context.Context, q queryer, p *pk.Partnership) (map[string]bool, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM actors WHERE partnership_id = $1 AND ($2 OR NOT sensitive)`, p.ID, pk.MaySeeSensitive(p.MyRole))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out[strings.ToLower(strings.TrimSpace(n))] = true
	}
	return out, rows.Err()
}

// ExportColumns are the columns of an export, named so that importing the
// file again finds its fields.
var ExportColumns = []string{"id", "name", "kind", "sector", "tags", "motivation", "contribution", "notes", "organisation_id", "sensitive", "created_at", "updated_at"}

// ExportActors writes the register (filtered, as the asker may see it) as
// "csv" or "xlsx". The export is recorded in the audit log, saying whether
// it held sensitive actors. The file is read and built from the read pool;
// only the audit entry takes the writer, in a short transaction after, and
// the file is handed out only once that entry is written.
func (store *ActorStore) ExportActors(ctx context.Context, pid, format string, f pk.ActorFilter) ([]byte, error) {
	if format != "csv" && format != "xlsx" {
		return nil, pk.FieldInvalid("format", "validation.one_of", map[string]any{"Allowed": "csv, xlsx"})
	}
	p, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionViewActors)
	if err != nil {
		return nil, err
	}
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var ar args
	where, err := store.db.actorWhere(ctx, p, f, &ar)
	if err != nil {
		return nil, err
	}
	rows, err := store.db.read.QueryContext(ctx, `SELECT `+actorColumns+` FROM actors a WHERE `+where+` ORDER BY a.name, a.id`, ar...)
	if err != nil {
		return nil, err
	}
	var actors []*pk.Actor
	for rows.Next() {
		a, err := scanActor(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		actors = append(actors, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := loadTagsChunked(ctx, store.db.read, actors); err != nil {
		return nil, err
	}
	table := make([][]string, len(actors))
	sensitive := 0
	for i, a := range actors {
		if a.Sensitive {
			sensitive++
		}
		table[i] = []string{a.ID, a.Name, a.Kind, a.Sector, strings.Join(a.Tags, ", "), a.Motivation, a.Contribution, a.Notes,
			a.OrganisationID, yesNo(a.Sensitive), a.CreatedAt.UTC().Format(time.RFC3339), a.UpdatedAt.UTC().Format(time.RFC3339)}
	}
	var out []byte
	if format == "csv" {
		out, err = tabular.WriteCSV(ExportColumns, table)
	} else {
		out, err = tabular.WriteXLSX("actors", ExportColumns, table)
	}
	if err != nil {
		return nil, err
	}
	err = store.db.inTx(ctx, func(tx *Tx) error {
		// The role may have changed while the file was built: what it
		// holds must still be the asker's to take.
		q, err := store.db.authorize(ctx, tx, pid, pk.ActionViewActors)
		if err != nil {
			return err
		}
		if sensitive > 0 && !pk.MaySeeSensitive(q.MyRole) {
			return pk.Forbidden()
		}
		return tx.audit(ctx, pid, "actor.export", "partnership", pid, format, nil,
			map[string]any{"format": format, "count": len(actors), "sensitive_included": sensitive > 0, "sensitive": sensitive})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// loadTagsChunked is loadTags for long lists, in slices the engines'
// parameter limits accept.
func loadTagsChunked(ctx context.Context, q queryer, actors []*pk.Actor) error {
	for i := 0; i < len(actors); i += 500 {
		if err := loadTags(ctx, q, actors[i:min(i+500, len(actors))]); err != nil {
			return err
		}
	}
	return nil
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
