package server_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/partnerkit/partnerkit/sqldb"
)

const module = "github.com/partnerkit/partnerkit"

// The two faces never reach storage or each other: handlers depend on the
// root package's service interfaces, and what both faces show is built below
// both. A stray import would quietly undo that.
func TestFacesDependOnServicesOnly(t *testing.T) {
	for face, banned := range map[string][]string{
		"api": {module + "/web", module + "/sqldb"},
		"web": {module + "/api", module + "/sqldb"},
	} {
		out, err := exec.Command("go", "list", "-deps", module+"/"+face+"/...").CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		for _, p := range strings.Fields(string(out)) {
			for _, b := range banned {
				if p == b || strings.HasPrefix(p, b+"/") {
					t.Errorf("a package under %s/ depends on %s", face, p)
				}
			}
		}
	}
}

// Every package of the faces stays small enough to read: at most 15 Go files
// besides tests. A module that outgrows that is two modules.
func TestFacePackagesStaySmall(t *testing.T) {
	for _, face := range []string{"../web", "../api"} {
		err := filepath.WalkDir(face, func(path string, d os.DirEntry, err error) error {
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
}

// Each module's store holds only its own methods, at most 40; one that grows
// past that is split. The kernel type itself keeps only what every store
// shares (migrations, settings, backup, closing).
func TestStoresStaySmall(t *testing.T) {
	stores := reflect.TypeOf(sqldb.Stores{})
	if stores.NumField() < 10 {
		t.Fatalf("only %d stores", stores.NumField())
	}
	for i := range stores.NumField() {
		f := stores.Field(i)
		if n := f.Type.NumMethod(); n > 40 || n == 0 {
			t.Errorf("%s (%s) has %d exported methods, want 1 to 40", f.Name, f.Type, n)
		}
	}
	db := reflect.TypeOf(&sqldb.DB{})
	for i := range db.NumMethod() {
		if m := db.Method(i).Name; m != "Migrate" && m != "MigrationStatus" && m != "Close" && m != "Ping" &&
			m != "Backup" && m != "Setting" && m != "SetSetting" {
			t.Errorf("*sqldb.DB has a service method %s; put it on its module's store", m)
		}
	}
}
