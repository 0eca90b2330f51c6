package sqldb

// A list with a stated maximum is read with LIMIT max+1: the extra row,
// dropped here, is how the list knows it was cut without counting.
func cut[T any](xs []T, max int) ([]T, bool) {
	if len(xs) > max {
		return xs[:max], true
	}
	return xs, false
}
