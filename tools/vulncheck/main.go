// Command vulncheck fails when Partnerkit can reach code with a known
// vulnerability, in a module it depends on or in the standard library of
// the Go that builds it. It runs govulncheck at symbol level (its default:
// a vulnerability counts only when Partnerkit's code can call the
// vulnerable function) against the public Go vulnerability database,
// vuln.go.dev, or, where that cannot be reached, against a copy built from
// the golang.org/x/vulndb module, which the Go module proxy serves like any
// other module and which holds the same reports.
//
//	go run ./tools/vulncheck                          # checks ./... with the Go in use
//	GOTOOLCHAIN=go1.27.3 go run ./tools/vulncheck     # what .ci/run does
//
// The exit status is govulncheck's: 0 when nothing reachable is known to be
// vulnerable, 3 when something is, 1 (or another) when the check could not
// run. The built database is kept in the user's cache folder, one per
// vulndb version, so a second run reads no more than the proxy's version list.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// govulncheckVersion is pinned so that CI does not change behaviour by
// itself; raise it on purpose.
const govulncheckVersion = "v1.9.0"

const publicDB = "https://vuln.go.dev"

func main() {
	db := flag.String("db", "", "vulnerability database URL (https://… or file:///…); default: "+publicDB+" when reachable, else one built from golang.org/x/vulndb")
	vulndb := flag.String("vulndb", "latest", "version of golang.org/x/vulndb to build the database from when "+publicDB+" cannot be reached")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: go run ./tools/vulncheck [-db URL] [-vulndb VERSION] [packages (default ./...)]")
		flag.PrintDefaults()
	}
	flag.Parse()
	patterns := flag.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}

	source := *db
	if source == "" {
		var err error
		source, err = chooseDatabase(*vulndb)
		if err != nil {
			fmt.Fprintln(os.Stderr, "vulncheck:", err)
			os.Exit(1)
		}
	}
	if goVersion, err := goOutput(".", "env", "GOVERSION"); err == nil {
		fmt.Fprintf(os.Stderr, "vulncheck: checking %s with %s against %s\n", strings.Join(patterns, " "), strings.TrimSpace(string(goVersion)), source)
	}

	govulncheck, cleanup, err := installGovulncheck()
	if err != nil {
		fmt.Fprintln(os.Stderr, "vulncheck:", err)
		os.Exit(1)
	}
	defer cleanup()
	cmd := exec.Command(govulncheck, append([]string{"-db", source}, patterns...)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			if exit.ExitCode() == 3 {
				fmt.Fprintln(os.Stderr, "vulncheck: FAIL: Partnerkit reaches the known vulnerabilities above")
			}
			cleanup()
			os.Exit(exit.ExitCode())
		}
		fmt.Fprintln(os.Stderr, "vulncheck:", err)
		cleanup()
		os.Exit(1)
	}
	fmt.Fprintln(os.Stderr, "vulncheck: ok, no reachable vulnerability")
}

// installGovulncheck builds govulncheck into a temporary folder with the Go
// in use rather than "go run"ning it: "go run" turns every failure into
// status 1, and govulncheck must parse the standard library of that same
// Go. The build cache makes later builds quick.
func installGovulncheck() (path string, cleanup func(), err error) {
	bin, err := os.MkdirTemp("", "vulncheck-bin-")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(bin) }
	cmd := exec.Command("go", "install", "golang.org/x/vuln/cmd/govulncheck@"+govulncheckVersion)
	cmd.Env = append(os.Environ(), "GOBIN="+bin, "GOWORK=off")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("go install golang.org/x/vuln/cmd/govulncheck@%s: %w", govulncheckVersion, err)
	}
	name := "govulncheck"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	return filepath.Join(bin, name), cleanup, nil
}

// chooseDatabase answers the public database when it answers, and
// otherwise a local one built from golang.org/x/vulndb at version.
func chooseDatabase(version string) (string, error) {
	err := probe(publicDB + "/index/db.json")
	if err == nil {
		return publicDB, nil
	}
	fmt.Fprintf(os.Stderr, "vulncheck: %s cannot be reached (%v); building a database from golang.org/x/vulndb@%s\n", publicDB, err, version)
	dir, err := localDatabase(version)
	if err != nil {
		return "", err
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir)}).String(), nil
}

// probe reports whether url answers 200 with JSON within a few seconds, so
// an offline machine does not wait for long.
func probe(url string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s answered %s", url, resp.Status)
	}
	var meta dbMeta
	if err := json.NewDecoder(resp.Body).Decode(&meta); err != nil {
		return fmt.Errorf("%s: %w", url, err)
	}
	return nil
}

// localDatabase fetches golang.org/x/vulndb at version through the module
// proxy (checked against the checksum database like any module) and returns
// the folder of the database built from it, building it once per version.
func localDatabase(version string) (string, error) {
	mod, err := downloadVulndb(version)
	if err != nil {
		return "", err
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "partnerkit-vulncheck", "vulndb@"+mod.Version)
	if _, err := os.Stat(filepath.Join(dir, "index", "modules.json")); err == nil {
		fmt.Fprintf(os.Stderr, "vulncheck: using %s, built earlier\n", dir)
		return dir, nil
	}
	released := time.Now().UTC()
	if info, err := os.ReadFile(mod.Info); err == nil {
		var v struct{ Time time.Time }
		if json.Unmarshal(info, &v) == nil && !v.Time.IsZero() {
			released = v.Time
		}
	}
	// Build beside the final folder and rename, so an interrupted build
	// is never mistaken for a finished one.
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "building-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	n, err := buildDatabase(filepath.Join(mod.Dir, "data", "osv"), filepath.Join(tmp, "db"), released)
	if err != nil {
		return "", fmt.Errorf("building the database from golang.org/x/vulndb@%s: %w", mod.Version, err)
	}
	if err := os.Rename(filepath.Join(tmp, "db"), dir); err != nil {
		return "", err
	}
	fmt.Fprintf(os.Stderr, "vulncheck: built %s from %d reports of golang.org/x/vulndb@%s (published %s)\n", dir, n, mod.Version, released.Format(time.DateOnly))
	return dir, nil
}

type module struct {
	Version string
	Dir     string
	Info    string
	Error   string
}

// downloadVulndb runs "go mod download" outside Partnerkit's module, so
// that go.mod and go.sum are left alone.
func downloadVulndb(version string) (*module, error) {
	empty, err := os.MkdirTemp("", "vulncheck-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(empty)
	out, err := goOutput(empty, "mod", "download", "-json", "golang.org/x/vulndb@"+version)
	var mod module
	if jerr := json.Unmarshal(out, &mod); jerr != nil {
		if err != nil {
			return nil, fmt.Errorf("go mod download golang.org/x/vulndb@%s: %w", version, err)
		}
		return nil, jerr
	}
	if mod.Error != "" || err != nil {
		return nil, fmt.Errorf("go mod download golang.org/x/vulndb@%s: %s %v", version, mod.Error, err)
	}
	return &mod, nil
}

// goOutput runs the go command in dir and returns its standard output;
// its standard error goes to ours, so download failures are visible.
func goOutput(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, os.Stderr
	err := cmd.Run()
	return out.Bytes(), err
}
