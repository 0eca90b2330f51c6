package survey

// MinGroup is the least number of answers an anonymous result is shown
// from. Below it, a count, a mean or a list of texts may point at one
// person ("the only one who rated 1 was…"), so it says only "too few to
// show". Named surveys know who answered anyway and show everything.
const MinGroup = 5

// TooFew reports whether a result of n answers must be hidden: the survey
// is anonymous and n is below MinGroup. It applies to every group a page
// or an export shows: a round, one question's answers, a matrix row, the
// texts of a question, the pairs of a pre/post test.
func TooFew(anonymous bool, n int) bool {
	return anonymous && n < MinGroup
}
