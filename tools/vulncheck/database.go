package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
)

// The reports of golang.org/x/vulndb are the same OSV files vuln.go.dev
// serves, but as one flat folder (data/osv/GO-YYYY-NNNN.json). govulncheck
// reads a local database only in the v1 layout that vuln.go.dev publishes
// (https://go.dev/security/vuln/database#api):
//
//	index/db.json       {"modified": time of the newest report}
//	index/modules.json  [{"path": module, "vulns": [{"id", "modified"}]}]
//	index/vulns.json    [{"id", "modified", "aliases"}]
//	ID/GO-YYYY-NNNN.json  the report itself
//
// buildDatabase writes that layout from the flat folder.

// osvID is the form of a Go vulnerability ID; anything else in the folder
// is refused, so a report can never name a file outside ID/.
var osvID = regexp.MustCompile(`^GO-[0-9]{4}-[0-9]+$`)

// osvEntry holds the fields of a report that the index needs; the report
// itself is copied byte for byte.
type osvEntry struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Aliases  []string  `json:"aliases,omitempty"`
	Affected []struct {
		Package struct {
			Name string `json:"name"`
		} `json:"package"`
	} `json:"affected"`
}

type dbMeta struct {
	Modified time.Time `json:"modified"`
}

// moduleVuln leaves out the optional "fixed" version on purpose: govulncheck
// uses it only to skip reading reports, and a wrong value would hide a
// vulnerability, while none costs a few file reads.
type moduleVuln struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
}

type moduleIndex struct {
	Path  string       `json:"path"`
	Vulns []moduleVuln `json:"vulns"`
}

type vulnIndex struct {
	ID       string    `json:"id"`
	Modified time.Time `json:"modified"`
	Aliases  []string  `json:"aliases,omitempty"`
}

// buildDatabase reads every report in osvDir and writes a v1 database to
// outDir, which must not exist yet. Reports in the module carry no
// modification time (the public database takes it from git history), so
// released stands in for any that lack one: the time the vulndb version was
// published. It returns the number of reports.
func buildDatabase(osvDir, outDir string, released time.Time) (int, error) {
	files, err := filepath.Glob(filepath.Join(osvDir, "*.json"))
	if err != nil {
		return 0, err
	}
	if len(files) == 0 {
		return 0, fmt.Errorf("no reports in %s", osvDir)
	}
	if err := os.MkdirAll(filepath.Join(outDir, "ID"), 0o755); err != nil {
		return 0, err
	}
	if err := os.MkdirAll(filepath.Join(outDir, "index"), 0o755); err != nil {
		return 0, err
	}

	meta := dbMeta{Modified: released}
	modules := map[string]*moduleIndex{}
	var vulns []vulnIndex
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			return 0, err
		}
		var e osvEntry
		if err := json.Unmarshal(raw, &e); err != nil {
			return 0, fmt.Errorf("%s: %w", file, err)
		}
		if !osvID.MatchString(e.ID) || e.ID+".json" != filepath.Base(file) {
			return 0, fmt.Errorf("%s: report ID %q does not match its file name", file, e.ID)
		}
		if e.Modified.IsZero() {
			e.Modified = released
		}
		if e.Modified.After(meta.Modified) {
			meta.Modified = e.Modified
		}
		if err := os.WriteFile(filepath.Join(outDir, "ID", e.ID+".json"), raw, 0o644); err != nil {
			return 0, err
		}
		vulns = append(vulns, vulnIndex{ID: e.ID, Modified: e.Modified, Aliases: e.Aliases})
		for _, a := range e.Affected {
			path := a.Package.Name
			if path == "" {
				return 0, fmt.Errorf("%s: an affected package has no name", file)
			}
			m := modules[path]
			if m == nil {
				m = &moduleIndex{Path: path}
				modules[path] = m
			}
			// A report names a module once per affected package range;
			// the index lists the report once per module.
			if !slices.ContainsFunc(m.Vulns, func(v moduleVuln) bool { return v.ID == e.ID }) {
				m.Vulns = append(m.Vulns, moduleVuln{ID: e.ID, Modified: e.Modified})
			}
		}
	}

	var moduleList []*moduleIndex
	for _, m := range modules {
		moduleList = append(moduleList, m)
	}
	slices.SortFunc(moduleList, func(a, b *moduleIndex) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(vulns, func(a, b vulnIndex) int { return strings.Compare(a.ID, b.ID) })

	for name, v := range map[string]any{"db.json": meta, "modules.json": moduleList, "vulns.json": vulns} {
		b, err := json.Marshal(v)
		if err != nil {
			return 0, err
		}
		if err := os.WriteFile(filepath.Join(outDir, "index", name), b, 0o644); err != nil {
			return 0, err
		}
	}
	return len(vulns), nil
}
