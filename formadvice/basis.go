package formadvice

// Basis is what holds a network together: a place, an issue or a group.
type Basis struct {
	ID          string
	Name        string // message ID
	Description string // message ID
	FitsWhen    string // message ID: when this basis fits
	Examples    string // message ID
}

// Bases are the geography-, issue- and group-based networks, after the
// Networking & Alliance Building Toolkit for Diaspora Organizations.
var Bases = []Basis{basis("geography"), basis("issue"), basis("group")}

func basis(id string) Basis {
	p := "formadvice.basis." + id
	return Basis{ID: id, Name: p + ".name", Description: p + ".description", FitsWhen: p + ".fits", Examples: p + ".examples"}
}
