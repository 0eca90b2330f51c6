package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Reports shaped like those in golang.org/x/vulndb's data/osv: no
// modification time, a module that appears in two affected blocks, a report
// that affects two modules.
var reports = map[string]string{
	"GO-2026-0002.json": `{"id":"GO-2026-0002","modified":"0001-01-01T00:00:00Z","aliases":["CVE-2026-2"],
		"affected":[{"package":{"name":"stdlib","ecosystem":"Go"}},{"package":{"name":"stdlib","ecosystem":"Go"}}]}`,
	"GO-2026-0001.json": `{"id":"GO-2026-0001","modified":"2026-03-01T10:00:00Z",
		"affected":[{"package":{"name":"golang.org/x/net","ecosystem":"Go"}},{"package":{"name":"example.org/b","ecosystem":"Go"}}]}`,
	"GO-2025-0100.json": `{"id":"GO-2025-0100","modified":"0001-01-01T00:00:00Z",
		"affected":[{"package":{"name":"golang.org/x/net","ecosystem":"Go"}}]}`,
}

func writeReports(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

func TestBuildDatabaseWritesTheV1Layout(t *testing.T) {
	in := writeReports(t, reports)
	out := filepath.Join(t.TempDir(), "db")
	released := time.Date(2026, 11, 5, 23, 49, 57, 0, time.UTC)

	n, err := buildDatabase(in, out, released)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("built %d reports, want 3", n)
	}

	// govulncheck reads reports by ID; they must be the originals.
	for name, body := range reports {
		got, err := os.ReadFile(filepath.Join(out, "ID", name))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != body {
			t.Errorf("ID/%s differs from the report", name)
		}
	}

	// The newest time wins, and a report without one counts as released.
	var meta dbMeta
	readJSON(t, filepath.Join(out, "index", "db.json"), &meta)
	if !meta.Modified.Equal(released) {
		t.Errorf("db.json modified = %v, want %v", meta.Modified, released)
	}

	// Each module once, sorted; each report once per module, sorted by ID.
	var modules []moduleIndex
	readJSON(t, filepath.Join(out, "index", "modules.json"), &modules)
	march := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	want := []moduleIndex{
		{Path: "example.org/b", Vulns: []moduleVuln{{ID: "GO-2026-0001", Modified: march}}},
		{Path: "golang.org/x/net", Vulns: []moduleVuln{{ID: "GO-2025-0100", Modified: released}, {ID: "GO-2026-0001", Modified: march}}},
		{Path: "stdlib", Vulns: []moduleVuln{{ID: "GO-2026-0002", Modified: released}}},
	}
	if !reflect.DeepEqual(modules, want) {
		t.Errorf("modules.json =\n%+v\nwant\n%+v", modules, want)
	}

	var vulns []vulnIndex
	readJSON(t, filepath.Join(out, "index", "vulns.json"), &vulns)
	var ids []string
	for _, v := range vulns {
		ids = append(ids, v.ID)
	}
	if got := strings.Join(ids, " "); got != "GO-2025-0100 GO-2026-0001 GO-2026-0002" {
		t.Errorf("vulns.json IDs = %s", got)
	}
	if vulns[2].Aliases[0] != "CVE-2026-2" {
		t.Errorf("vulns.json lost the aliases: %+v", vulns[2])
	}
}

// A report is written under its own ID, so an ID that is not a Go
// vulnerability ID, or that disagrees with its file name, must stop the
// build rather than write elsewhere or shadow another report.
func TestBuildDatabaseRefusesStrangeReports(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"path in ID":    {"GO-2026-0001.json": `{"id":"../../GO-2026-0001","affected":[]}`},
		"other file ID": {"GO-2026-0001.json": `{"id":"GO-2026-0002","affected":[]}`},
		"not JSON":      {"GO-2026-0001.json": `{"id":`},
		"no module":     {"GO-2026-0001.json": `{"id":"GO-2026-0001","affected":[{"package":{}}]}`},
		"no reports":    {"README.md": "nothing here"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := buildDatabase(writeReports(t, files), filepath.Join(t.TempDir(), "db"), time.Now()); err == nil {
				t.Error("built a database")
			}
		})
	}
}
