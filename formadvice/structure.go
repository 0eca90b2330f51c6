package formadvice

// Structure is how formal a network or alliance is.
type Structure struct {
	ID            string
	Name          string   // message ID
	Description   string   // message ID
	FitsWhen      string   // message ID: when this structure fits
	Advantages    []string // message IDs
	Disadvantages []string // message IDs
}

// Structures are formal and informal structures with their advantages and
// disadvantages, after the Networking & Alliance Building Toolkit for
// Diaspora Organizations (table 2).
var Structures = []Structure{
	structure("formal",
		[]string{"coordination", "influence", "sustainability", "funding"},
		[]string{"coordination_effort", "bureaucracy", "complex_decisions", "inward_focus", "interdependence"}),
	structure("informal",
		[]string{"little_bureaucracy", "room_for_ideas", "quick_action", "autonomy"},
		[]string{"less_influence", "fragile", "weak_coordination"}),
}

func structure(id string, pros, cons []string) Structure {
	p := "formadvice.structure." + id
	s := Structure{ID: id, Name: p + ".name", Description: p + ".description", FitsWhen: p + ".fits"}
	for _, x := range pros {
		s.Advantages = append(s.Advantages, p+".advantage."+x)
	}
	for _, x := range cons {
		s.Disadvantages = append(s.Disadvantages, p+".disadvantage."+x)
	}
	return s
}
