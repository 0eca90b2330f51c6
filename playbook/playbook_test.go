package playbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
)

func TestAllOrderAndGet(t *testing.T) {
	all := All()
	var ids []string
	for _, p := range all {
		ids = append(ids, p.ID)
	}
	want := "action_plan cooperation_strategy coalition_building coalition_stages collaborative_empowerment"
	if got := strings.Join(ids, " "); got != want {
		t.Fatalf("All() = %s, want %s", got, want)
	}
	if ids[0] != Default {
		t.Errorf("first playbook %q is not the default %q", ids[0], Default)
	}
	for _, id := range ids {
		p, ok := Get(id)
		if !ok || p.ID != id {
			t.Errorf("Get(%q) = %v, %v", id, p, ok)
		}
	}
	for _, id := range []string{"", "nope", "ACTION_PLAN", "action_plan "} {
		if _, ok := Get(id); ok {
			t.Errorf("Get(%q) found a playbook", id)
		}
	}
}

// Callers get copies: editing one must not change what the next caller sees.
func TestGetReturnsCopies(t *testing.T) {
	p, _ := Get(Default)
	p.Stages[0].TitleKey = "changed"
	p.Stages[0].Steps[0].ID = "changed"
	p.Stages[0].Steps[0].Questions[0].TextKey = "changed"
	p.Stages = p.Stages[:1]
	q, _ := Get(Default)
	if len(q.Stages) != 4 || q.Stages[0].TitleKey == "changed" || q.Stages[0].Steps[0].ID == "changed" ||
		q.Stages[0].Steps[0].Questions[0].TextKey == "changed" {
		t.Error("a change to a returned playbook leaked into the package's data")
	}
}

// Every file under data/ parses and validates on its own.
func TestDataFilesParseAndValidate(t *testing.T) {
	files, err := filepath.Glob("data/*.toml")
	if err != nil || len(files) != len(order) {
		t.Fatalf("data files = %v (%v), want %d", files, err, len(order))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := parse(data)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		if err := Validate(p); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := load(); err != nil {
		t.Fatal(err)
	}
}

// The shapes the seeds give: four stages of the action plan, four steps of
// the cooperation strategy, eight coalition-building steps, five stages of
// coalition development, sixteen empowerment activities.
func TestShapesFollowTheSeeds(t *testing.T) {
	for _, c := range []struct {
		id     string
		stages string // stage IDs in order; "" = not checked
		steps  int    // total steps; 0 = not checked
	}{
		{"action_plan", "connect begin implementation monitor", 0},
		{"cooperation_strategy", "self_analysis mapping resources future", 0},
		{"coalition_building", "", 8},
		{"coalition_stages", "pre_formation formation implementation maintenance institutionalization", 0},
		{"collaborative_empowerment", "", 16},
	} {
		p, ok := Get(c.id)
		if !ok {
			t.Fatalf("%s missing", c.id)
		}
		var stages []string
		steps := 0
		for _, s := range p.Stages {
			stages = append(stages, s.ID)
			steps += len(s.Steps)
			for _, st := range s.Steps {
				if len(st.Questions) == 0 {
					t.Errorf("%s: step %s has no guiding question", c.id, st.ID)
				}
			}
		}
		if c.stages != "" && strings.Join(stages, " ") != c.stages {
			t.Errorf("%s stages = %v, want %s", c.id, stages, c.stages)
		}
		if c.steps != 0 && steps != c.steps {
			t.Errorf("%s has %d steps, want %d", c.id, steps, c.steps)
		}
	}
}

func TestLookups(t *testing.T) {
	p, _ := Get(Default)
	if s := p.Stage("begin"); s == nil || s.ID != "begin" {
		t.Errorf("Stage(begin) = %v", s)
	}
	if st := p.Step("connect.needs"); st == nil || st.Page != "readiness" {
		t.Errorf("Step(connect.needs) = %v", st)
	}
	if q := p.Question("connect.needs.q2"); q == nil || q.TextKey != "playbook.action_plan.connect.needs.q2" {
		t.Errorf("Question(connect.needs.q2) = %v", q)
	}
	for _, id := range []string{"", "connect.needs.q9", "mapping.register", "connect"} {
		if p.Step(id) != nil {
			t.Errorf("Step(%q) found something", id)
		}
	}
	if p.Stage("connect.needs") != nil || p.Question("connect.needs") != nil {
		t.Error("lookups mix up stages, steps and questions")
	}
}

// messageKeys lists every message ID the playbooks use.
func messageKeys() []string {
	var keys []string
	for _, p := range All() {
		keys = append(keys, p.NameKey, p.SourceKey)
		for _, s := range p.Stages {
			keys = append(keys, s.TitleKey, s.DescriptionKey)
			for _, st := range s.Steps {
				keys = append(keys, st.TitleKey, st.DescriptionKey)
				for _, q := range st.Questions {
					keys = append(keys, q.TextKey)
				}
			}
		}
	}
	return keys
}

func readCatalogue(t *testing.T, lang string) map[string]string {
	t.Helper()
	var m map[string]any
	if _, err := toml.DecodeFile(filepath.Join("..", "i18n", "catalog", Area+"."+lang+".toml"), &m); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, v := range m {
		s, ok := v.(string)
		if !ok {
			t.Errorf("%s: %q is not a plain text", lang, k)
		}
		out[k] = s
	}
	return out
}

// Every message a playbook uses exists, non-empty, in English, Arabic and
// French; Arabic and French are real translations; the catalogues hold no
// message that no playbook uses.
func TestMessagesInEveryCatalogue(t *testing.T) {
	keys := messageKeys()
	used := map[string]bool{}
	for _, k := range keys {
		used[k] = true
	}
	en := readCatalogue(t, "en")
	// Words that are the same in French and English.
	sameInFrench := map[string]bool{"playbook.coalition_stages.formation.title": true}
	for _, lang := range []string{"en", "ar", "fr"} {
		cat := readCatalogue(t, lang)
		for _, k := range keys {
			text, ok := cat[k]
			switch {
			case !ok:
				t.Errorf("playbook.%s.toml lacks %q", lang, k)
			case strings.TrimSpace(text) == "":
				t.Errorf("playbook.%s.toml: %q is empty", lang, k)
			case strings.Contains(text, "{{"):
				t.Errorf("playbook.%s.toml: %q has a placeholder, but playbooks pass none", lang, k)
			case lang == "ar" && !hasArabic(text):
				t.Errorf("playbook.ar.toml: %q is not in Arabic: %q", k, text)
			case lang == "fr" && text == en[k] && !sameInFrench[k]:
				t.Errorf("playbook.fr.toml: %q is the English text", k)
			}
		}
		for k := range cat {
			if !used[k] {
				t.Errorf("playbook.%s.toml: %q is used by no playbook", lang, k)
			}
		}
	}
}

func hasArabic(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Arabic, r) {
			return true
		}
	}
	return false
}

// The source line names the framework of each playbook.
func TestSourcesNameTheirFramework(t *testing.T) {
	en := readCatalogue(t, "en")
	for id, want := range map[string]string{
		"action_plan":               "Connect, Begin, Implementation, Monitor",
		"cooperation_strategy":      "Voices of Young Refugees",
		"coalition_building":        "Eight steps",
		"coalition_stages":          "Five stages",
		"collaborative_empowerment": "Himmelman",
	} {
		p, _ := Get(id)
		if got := en[p.SourceKey]; !strings.Contains(got, want) {
			t.Errorf("%s source = %q, want it to name %q", id, got, want)
		}
	}
}
