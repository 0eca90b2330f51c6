package decision

// Stricter reports whether decisive method a is stricter than b.
func Stricter(a, b string) bool {
	return false
}

// AtLeastAsStrict reports whether a coordinator may choose method chosen
// where the charter names charter: the same method or a stricter one.
func AtLeastAsStrict(chosen, charter string) bool {
	return chosen == charter
}
