// Package admission holds the rules of the admission pipeline as pure
// functions: the charter's admission criteria read as a list, the stage an
// admission stands at, and which step may be taken from which stage with
// what must be true first (every criterion checked before admitting, the
// body the charter names deciding, the agreement in force signed before the
// organisation becomes active). The store calls them inside its
// transaction with what it read; the pages use them to offer only the steps
// that can be taken.
package admission
