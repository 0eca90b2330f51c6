package keep

// drawings keeps the 128 drawings made last from kept values: a national
// partnership's report or a map of 500 actors is some hundreds of
// kilobytes as a page part or an encoded answer, and drawing it is most of
// its page's processor time.
var drawings = New(128, 1)

// Drawn returns what draw makes of the value kept under (scope, version),
// drawn once per value and name and kept beside it, so a new version is
// drawn anew. name says what is drawn and from what else (the face, the
// language, the direction): draw must depend on nothing more, and never
// on the asker beyond what the scope already says. A value that was not
// kept (scope or version empty) is drawn each time. What is returned is
// shared: never change it.
func Drawn(scope, version, name string, draw func() (any, error)) (any, error) {
	if scope == "" || version == "" {
		return draw()
	}
	return drawings.Get(scope+"\x00"+name, version, func(any) (any, error) { return draw() })
}
