package playbook

import (
	"errors"
	"fmt"
	"regexp"
)

// Area is the catalogue area of every message ID a playbook uses
// (i18n/catalog/playbook.*.toml).
const Area = "playbook"

var (
	// One ID segment: lower case, digits and underscores, starting with a letter.
	segment = regexp.MustCompile(`^[a-z][a-z0-9_]{0,63}$`)
	// A message ID in the playbook area.
	messageID = regexp.MustCompile(`^` + Area + `(\.[a-z0-9_]+)+$`)
)

// pages are the Partnerkit tools a step may point to: those that exist and
// those planned. The web layer links only the ones it serves.
var pages = map[string]bool{
	"self-analysis": true, "readiness": true, "theory-of-change": true, "form-advice": true,
	"prospects": true, "actors": true, "relationships": true, "maps": true, "network": true,
	"members": true, "invitations": true, "audit": true, "profile": true,
	// planned
	"governance": true, "agreement": true, "decisions": true, "goals": true,
	"action-plans": true, "meetings": true, "reports": true, "indicators": true,
	"health": true, "evaluation": true,
}

// Validate checks a playbook's shape and reports every problem at once:
//   - the playbook ID and each stage ID are one segment ([a-z][a-z0-9_]*);
//   - a step ID is its stage's ID plus "." and a segment, a question ID its
//     step's ID plus "." and a segment, so IDs say where they belong and are
//     unique within the playbook by construction (duplicates are still caught);
//   - there is at least one stage, and every stage has at least one step;
//   - every message ID is present, in the playbook area, and used only once;
//   - a step's page, if any, is a known Partnerkit page.
func Validate(p *Playbook) error {
	if p == nil {
		return errors.New("playbook: nil")
	}
	v := validator{keys: map[string]string{}, ids: map[string]bool{}}
	v.id(p.ID, "", "playbook")
	where := fmt.Sprintf("playbook %q", p.ID)
	v.key(p.NameKey, where, "name")
	v.key(p.SourceKey, where, "source")
	if len(p.Stages) == 0 {
		v.fail("%s: has no stages", where)
	}
	for _, s := range p.Stages {
		v.id(s.ID, "", "stage")
		sw := fmt.Sprintf("stage %q", s.ID)
		v.key(s.TitleKey, sw, "title")
		v.key(s.DescriptionKey, sw, "description")
		if len(s.Steps) == 0 {
			v.fail("%s: has no steps", sw)
		}
		for _, st := range s.Steps {
			v.id(st.ID, s.ID, "step")
			stw := fmt.Sprintf("step %q", st.ID)
			v.key(st.TitleKey, stw, "title")
			v.key(st.DescriptionKey, stw, "description")
			if st.Page != "" && !pages[st.Page] {
				v.fail("%s: unknown page %q", stw, st.Page)
			}
			for _, q := range st.Questions {
				v.id(q.ID, st.ID, "question")
				v.key(q.TextKey, fmt.Sprintf("question %q", q.ID), "text")
			}
		}
	}
	if len(v.errs) > 0 {
		return fmt.Errorf("playbook %q: %w", p.ID, errors.Join(v.errs...))
	}
	return nil
}

type validator struct {
	errs []error
	keys map[string]string // message ID → where it is used
	ids  map[string]bool
}

func (v *validator) fail(format string, args ...any) {
	v.errs = append(v.errs, fmt.Errorf(format, args...))
}

// id checks that id is parent + "." + segment (or a bare segment when parent
// is empty) and that it was not seen before. The playbook ID is outside the
// namespace of its stages, steps and questions.
func (v *validator) id(id, parent, kind string) {
	last := id
	if parent != "" {
		prefix := parent + "."
		if len(id) <= len(prefix) || id[:len(prefix)] != prefix {
			v.fail("%s ID %q must start with %q", kind, id, prefix)
			return
		}
		last = id[len(prefix):]
	}
	if !segment.MatchString(last) {
		v.fail("%s ID %q is not well-formed (lower-case letters, digits, underscores)", kind, id)
		return
	}
	if kind == "playbook" {
		return
	}
	if v.ids[id] {
		v.fail("%s ID %q is used twice", kind, id)
	}
	v.ids[id] = true
}

func (v *validator) key(key, where, field string) {
	switch {
	case key == "":
		v.fail("%s: %s message ID is missing", where, field)
	case !messageID.MatchString(key):
		v.fail("%s: %s message ID %q is not in the %q area", where, field, key, Area)
	case v.keys[key] != "":
		v.fail("%s: %s message ID %q is already used by %s", where, field, key, v.keys[key])
	default:
		v.keys[key] = where
	}
}
