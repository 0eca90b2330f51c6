package api_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The API's packages never reach storage or the pages: handlers depend on
// the root package's service interfaces, and what both faces show is built
// below both (issue 7). A stray import would quietly undo that.
func TestNoStorageOrPagesBelowAPI(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/partnerkit/partnerkit/api/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, p := range strings.Fields(string(out)) {
		for _, banned := range []string{"github.com/partnerkit/partnerkit/web", "github.com/partnerkit/partnerkit/sqldb"} {
			if p == banned || strings.HasPrefix(p, banned+"/") {
				t.Errorf("a package under api/ depends on %s", p)
			}
		}
	}
}

// Every package under api/ stays small enough to read: at most 15 Go files
// besides tests. A module that outgrows that is two modules.
func TestAPIPackagesStaySmall(t *testing.T) {
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		files, err := filepath.Glob(filepath.Join(path, "*.go"))
		if err != nil {
			return err
		}
		n := 0
		for _, f := range files {
			if !strings.HasSuffix(f, "_test.go") {
				n++
			}
		}
		if n > 15 {
			t.Errorf("%s holds %d Go files (at most 15)", path, n)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
