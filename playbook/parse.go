package playbook

import (
	"fmt"
	"strings"

	"github.com/BurntSushi/toml"
)

// parse reads one playbook file and validates it. Unknown keys are errors, so
// a misspelt "descripton" cannot silently leave a step without its text.
func parse(data []byte) (*Playbook, error) {
	var p Playbook
	md, err := toml.Decode(string(data), &p)
	if err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		keys := make([]string, len(und))
		for i, k := range und {
			keys[i] = k.String()
		}
		return nil, fmt.Errorf("unknown keys: %s", strings.Join(keys, ", "))
	}
	if err := Validate(&p); err != nil {
		return nil, err
	}
	return &p, nil
}
