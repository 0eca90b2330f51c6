package sqldb

import (
	"context"
	"path/filepath"
	"testing"
)

// Every table that holds a partnership's rows travels in the archive, and
// every column of it, unless archiveLeftOut says why not: a module that
// adds a table or a column is told here to add it to the archive, so that
// "everything in a partnership" stays true as modules land.
func TestArchiveCoversEveryTable(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "cover.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	docs := map[string]archiveDocument{}
	for _, d := range archiveDocuments {
		docs[d.table] = d
	}
	rows, err := db.read.QueryContext(ctx, `
		SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
		WHERE m.type = 'table' ORDER BY m.name, p.cid`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	columns := map[string][]string{}
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			t.Fatal(err)
		}
		columns[table] = append(columns[table], column)
	}
	for table, cols := range columns {
		ofPartnership := table == "partnerships"
		for _, c := range cols {
			ofPartnership = ofPartnership || c == "partnership_id"
		}
		if !ofPartnership || archiveLeftOut[table] != "" {
			continue
		}
		d, ok := docs[table]
		if !ok {
			t.Errorf("table %s holds a partnership's rows but no archive document carries it (add it to archiveDocuments, or say why not in archiveLeftOut)", table)
			continue
		}
		carried := map[string]bool{"partnership_id": true}
		for _, c := range d.columns {
			carried[c.name] = true
		}
		for _, c := range cols {
			if !carried[c] && archiveLeftOut[table+"."+c] == "" {
				t.Errorf("column %s.%s does not travel in the archive (add it to the %s document, or say why not in archiveLeftOut)", table, c, d.name)
			}
		}
		delete(docs, table)
	}
	for table := range docs {
		t.Errorf("archive document of table %s, which is not a partnership's table", table)
	}
}
