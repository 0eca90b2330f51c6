package sqldb

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

var _ pk.PortabilityService = (*PortabilityStore)(nil)

// archiveFormat names the kind of file in the manifest, so that importing
// another zip fails with a clear message.
const archiveFormat = "partnerkit.partnership"

// archiveManifest is manifest.json.
type archiveManifest struct {
	Format            string                  `json:"format"`
	SchemaVersion     int                     `json:"schema_version"`
	PartnerkitVersion string                  `json:"partnerkit_version"`
	ExportedAt        string                  `json:"exported_at"`
	Partnership       archiveManifestRef      `json:"partnership"`
	SensitiveIncluded bool                    `json:"sensitive_included"`
	Documents         []archiveManifestDocRef `json:"documents"`
}

type archiveManifestRef struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type archiveManifestDocRef struct {
	Name    string `json:"name"`
	File    string `json:"file"`
	CSV     string `json:"csv"`
	Records int    `json:"records"`
}

// ExportPartnership builds the archive of partnership pid for one of its
// coordinators, with the sensitive records unless asked to leave them out,
// and records the export in the audit log.
func (store *PortabilityStore) ExportPartnership(ctx context.Context, pid string, opt pk.ExportOptions) (*pk.PartnershipArchive, error) {
	if _, err := store.db.authorize(ctx, store.db.read, pid, pk.ActionExportPartnership); err != nil {
		return nil, err
	}
	return store.db.exportArchive(ctx, pid, opt, "partnership.export")
}

// ExportPartnershipDirect builds the archive of partnership pid for the
// instance's administrator at the command line (who acts on the database
// itself, so no role is checked), and audits it as such.
func (store *PortabilityStore) ExportPartnershipDirect(ctx context.Context, pid string, opt pk.ExportOptions) (*pk.PartnershipArchive, error) {
	var n int
	if err := store.db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM partnerships WHERE id = $1`, pid).Scan(&n); err != nil {
		return nil, err
	}
	if n == 0 {
		return nil, pk.NotFound()
	}
	return store.db.exportArchive(ctx, pid, opt, "partnership.export_admin")
}

// exportedRow is one row as read: a value per column (nil, string, int64
// or bool), user and organisation columns still holding IDs.
type exportedRow []any

// exportArchive reads every document in one read transaction (a single
// snapshot, so that no record refers to one written after it was read),
// then writes the zip and the audit entry.
func (db *DB) exportArchive(ctx context.Context, pid string, opt pk.ExportOptions, auditAction string) (*pk.PartnershipArchive, error) {
	txo := &sql.TxOptions{ReadOnly: true}
	if db.Dialect == Postgres {
		txo.Isolation = sql.LevelRepeatableRead
	}
	rtx, err := db.read.BeginTx(ctx, txo)
	if err != nil {
		return nil, err
	}
	defer rtx.Rollback()

	kept := map[string]map[string]bool{} // document → IDs exported
	users, orgs := map[string]bool{}, map[string]bool{}
	docs := map[string][]exportedRow{}
	sensitiveOut := 0
	for _, d := range archiveDocuments {
		rows, n, err := exportDocument(ctx, rtx, d, pid, opt, kept)
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", d.name, err)
		}
		sensitiveOut += n
		for _, r := range rows {
			for i, c := range d.columns {
				if r[i] == nil {
					continue
				}
				switch c.kind {
				case archUser:
					users[r[i].(string)] = true
				case archOrg:
					orgs[r[i].(string)] = true
				}
			}
		}
		docs[d.name] = rows
	}
	if len(docs["partnership"]) != 1 {
		return nil, pk.NotFound()
	}
	emails, people, err := exportPeople(ctx, rtx, users)
	if err != nil {
		return nil, err
	}
	organisations, err := exportOrganisations(ctx, rtx, orgs)
	if err != nil {
		return nil, err
	}
	rtx.Rollback()
	for _, d := range archiveDocuments {
		for _, r := range docs[d.name] {
			for i, c := range d.columns {
				if c.kind == archUser && r[i] != nil {
					r[i] = emails[r[i].(string)]
				}
			}
		}
	}

	now := db.now()
	name := docs["partnership"][0][1].(string)
	m := archiveManifest{Format: archiveFormat, SchemaVersion: pk.ArchiveSchemaVersion, PartnerkitVersion: softwareVersion(),
		ExportedAt: fmtTime(now), Partnership: archiveManifestRef{ID: pid, Name: name}, SensitiveIncluded: !opt.WithoutSensitive}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	write := func(d string, cols []archiveColumn, rows []exportedRow) error {
		m.Documents = append(m.Documents, archiveManifestDocRef{Name: d, File: d + ".json", CSV: "csv/" + d + ".csv", Records: len(rows)})
		if err := writeZipFile(zw, d+".json", recordsJSON(cols, rows), now); err != nil {
			return err
		}
		return writeZipFile(zw, "csv/"+d+".csv", recordsCSV(cols, rows), now)
	}
	if err := write(archivePeople, archivePeopleColumns, people); err != nil {
		return nil, err
	}
	if err := write(archiveOrganisations, archiveOrganisationColumns, organisations); err != nil {
		return nil, err
	}
	total := len(people) + len(organisations)
	for _, d := range archiveDocuments {
		if err := write(d.name, d.columns, docs[d.name]); err != nil {
			return nil, err
		}
		total += len(docs[d.name])
	}
	mb, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := writeZipFile(zw, archiveManifestFile, append(mb, '\n'), now); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}

	// Whether sensitive records went out is what the audit log must say:
	// the entry itself is then hidden from those who may not see them.
	sensitive := !opt.WithoutSensitive && sensitiveOut > 0
	err = db.inTx(ctx, func(tx *Tx) error {
		return tx.auditSensitive(ctx, sensitive, pid, auditAction, "partnership", pid, name, nil,
			map[string]any{"sensitive_included": sensitive, "records": total, "without_sensitive": opt.WithoutSensitive})
	})
	if err != nil {
		return nil, err
	}
	return &pk.PartnershipArchive{Filename: archiveFilename(name, now), Data: buf.Bytes(), Sensitive: sensitive}, nil
}

// exportDocument reads one document's rows. Rows that refer to a record
// left out (a sensitive actor, when asked to leave those out) are left out
// too, or lose the reference where it may be empty. It returns how many
// rows are sensitive themselves.
func exportDocument(ctx context.Context, q queryer, d archiveDocument, pid string, opt pk.ExportOptions, kept map[string]map[string]bool) ([]exportedRow, int, error) {
	names := make([]string, len(d.columns))
	for i, c := range d.columns {
		names[i] = c.name
	}
	sensitive := "FALSE"
	if d.sensitive != "" {
		sensitive = d.sensitive
	}
	where := d.where
	if opt.WithoutSensitive {
		where += " AND NOT (" + sensitive + ")"
	}
	rows, err := q.QueryContext(ctx, "SELECT "+strings.Join(names, ", ")+", "+sensitive+" FROM "+d.table+" WHERE "+where+" ORDER BY "+d.order, pid)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	kept[d.name] = map[string]bool{}
	var out []exportedRow
	nSensitive := 0
	for rows.Next() {
		dest := make([]any, len(d.columns)+1)
		for i, c := range d.columns {
			switch c.kind {
			case archInt, archNullInt:
				dest[i] = new(sql.NullInt64)
			case archBool:
				dest[i] = new(sql.NullBool)
			default:
				dest[i] = new(sql.NullString)
			}
		}
		var isSensitive sql.NullBool
		dest[len(d.columns)] = &isSensitive
		if err := rows.Scan(dest...); err != nil {
			return nil, 0, err
		}
		row := make(exportedRow, len(d.columns))
		drop := false
		for i, c := range d.columns {
			switch v := dest[i].(type) {
			case *sql.NullInt64:
				if v.Valid {
					row[i] = v.Int64
				}
			case *sql.NullBool:
				row[i] = v.Valid && v.Bool
			case *sql.NullString:
				if v.Valid {
					row[i] = v.String
				}
			}
			if c.kind == archRef && row[i] != nil && !kept[c.ref][row[i].(string)] {
				if !c.null {
					drop = true
				}
				row[i] = nil
			}
		}
		if drop {
			continue
		}
		if isSensitive.Valid && isSensitive.Bool {
			nSensitive++
		}
		for i, c := range d.columns {
			if c.kind == archID {
				kept[d.name][row[i].(string)] = true
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	// A reference within the document may point at a row read later; one
	// that points at a row left out loses it.
	for i, c := range d.columns {
		if c.kind != archSelfRef {
			continue
		}
		for _, row := range out {
			if row[i] != nil && !kept[d.name][row[i].(string)] {
				row[i] = nil
			}
		}
	}
	return out, nSensitive, nil
}

// exportPeople reads the email and name of everyone the documents name,
// sorted by email, and maps their IDs to their addresses.
func exportPeople(ctx context.Context, q queryer, ids map[string]bool) (map[string]string, []exportedRow, error) {
	emails := map[string]string{}
	var out []exportedRow
	err := eachByID(ctx, q, `SELECT id, email, name FROM users WHERE id IN `, ids, func(rows *sql.Rows) error {
		var id, email, name string
		if err := rows.Scan(&id, &email, &name); err != nil {
			return err
		}
		emails[id] = email
		out = append(out, exportedRow{email, name})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i][0].(string) < out[j][0].(string) })
	return emails, out, err
}

// exportOrganisations reads the profiles of the organisations the
// documents name, by name.
func exportOrganisations(ctx context.Context, q queryer, ids map[string]bool) ([]exportedRow, error) {
	var out []exportedRow
	err := eachByID(ctx, q, `SELECT id, name, kind, country, city, mission, website, refugee_led, youth_led FROM organisations WHERE id IN `, ids, func(rows *sql.Rows) error {
		var id, name, kind, country, city, mission, website string
		var refugee, youth bool
		if err := rows.Scan(&id, &name, &kind, &country, &city, &mission, &website, &refugee, &youth); err != nil {
			return err
		}
		out = append(out, exportedRow{id, name, kind, country, city, mission, website, refugee, youth})
		return nil
	})
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a[1] != b[1] {
			return a[1].(string) < b[1].(string)
		}
		return a[0].(string) < b[0].(string)
	})
	return out, err
}

// eachByID runs query (ending in "IN ") for the IDs, 500 at a time.
func eachByID(ctx context.Context, q queryer, query string, ids map[string]bool, fn func(*sql.Rows) error) error {
	all := make([]string, 0, len(ids))
	for id := range ids {
		all = append(all, id)
	}
	sort.Strings(all)
	for len(all) > 0 {
		n := min(len(all), 500)
		chunk := all[:n]
		all = all[n:]
		marks := make([]string, len(chunk))
		args := make([]any, len(chunk))
		for i, id := range chunk {
			marks[i] = "$" + strconv.Itoa(i+1)
			args[i] = id
		}
		rows, err := q.QueryContext(ctx, query+"("+strings.Join(marks, ", ")+")", args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := fn(rows); err != nil {
				rows.Close()
				return err
			}
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// recordsJSON writes a document: an array of objects, one a line, keys in
// the columns' order (so that two exports can be compared as text).
func recordsJSON(cols []archiveColumn, rows []exportedRow) []byte {
	var b bytes.Buffer
	b.WriteString("[")
	for n, r := range rows {
		if n > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		for i, c := range cols {
			if i > 0 {
				b.WriteString(", ")
			}
			k, _ := json.Marshal(c.name)
			v, _ := json.Marshal(r[i])
			b.Write(k)
			b.WriteString(": ")
			b.Write(v)
		}
		b.WriteString("}")
	}
	if len(rows) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("]\n")
	return b.Bytes()
}

// recordsCSV writes the same records as a table; an empty cell is null or
// empty text (the JSON tells them apart).
func recordsCSV(cols []archiveColumn, rows []exportedRow) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.name
	}
	w.Write(head)
	for _, r := range rows {
		rec := make([]string, len(cols))
		for i, v := range r {
			switch x := v.(type) {
			case string:
				rec[i] = csvSafe(x)
			case int64:
				rec[i] = strconv.FormatInt(x, 10)
			case bool:
				rec[i] = strconv.FormatBool(x)
			}
		}
		w.Write(rec)
	}
	w.Flush()
	return b.Bytes()
}

// csvSafe keeps a spreadsheet from running a cell as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func writeZipFile(zw *zip.Writer, name string, data []byte, at time.Time) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: at})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// archiveFilename is "partnership-<name>-<date>.zip", the name folded to
// letters, digits and dashes.
func archiveFilename(name string, at time.Time) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	slug := strings.Trim(b.String(), "-")
	if slug == "" {
		slug = "partnership"
	}
	return "partnership-" + slug + "-" + at.Format("2006-01-02") + ".zip"
}

// softwareVersion is the Partnerkit version written into an archive: the
// module version of the build, or its commit.
func softwareVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := bi.Main.Version
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" && (v == "" || v == "(devel)") {
			v = "devel+" + s.Value
		}
	}
	if v == "" {
		v = "(devel)"
	}
	return v
}
