package main

import (
	"os"
	"runtime/debug"
)

// defaultMemoryLimit is Go's soft memory limit when GOMEMLIMIT does not
// set one: near it the garbage collector works harder rather than letting
// the heap double between collections, which under load is most of the
// server's resident memory. SQLite's memory and the program (some 30 MB)
// come on top; a server that keeps more than this alive still runs (the
// limit is soft), at some cost in collections.
const defaultMemoryLimit = 100 << 20

// setMemoryLimit sets defaultMemoryLimit unless GOMEMLIMIT chose a limit.
func setMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}
