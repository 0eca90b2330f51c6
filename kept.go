package partnerkit

// Kept names the kept value a list was read from (a scope and the version
// of its data): two lists with the same Kept hold the same rows, so a page
// may key what it draws from a list on it and draw it once (keep.Drawn).
// The zero value says the list was read afresh and nothing may be keyed on
// it.
type Kept struct{ Scope, Version string }
