package partnerkit

// PageRequest asks for one page of a list: at most Limit items after Cursor.
type PageRequest struct {
	Limit  int
	Cursor string
}

// Page limits.
const (
	DefaultPageSize = 50
	MaxPageSize     = 200
)

// Normalize fills in defaults and caps the limit.
func (p PageRequest) Normalize() PageRequest {
	if p.Limit <= 0 {
		p.Limit = DefaultPageSize
	}
	if p.Limit > MaxPageSize {
		p.Limit = MaxPageSize
	}
	return p
}
