package sqldb

import (
	"bytes"
	"encoding/json"

	pk "github.com/partnerkit/partnerkit"
)

// tallyFromArchive reads a decision's tally strictly and gives it back with
// the organisations of a commitment's gaps and levels named by their new
// IDs. An organisation the archive does not hold (it left the instance
// since) keeps its name and loses its ID: the decision log stays as it
// was decided.
func tallyFromArchive(doc string, rn int, field, content string, orgs map[string]string) (string, error) {
	if content == "null" || content == "" {
		return content, nil
	}
	var t pk.Tally
	dec := json.NewDecoder(bytes.NewReader([]byte(content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil || dec.More() {
		detail := "more than one value"
		if err != nil {
			detail = err.Error()
		}
		return "", archiveError(doc, rn, field, "portability.import.error.not_json", map[string]any{"Detail": detail})
	}
	for _, list := range [][]pk.Gap{t.Gaps, t.Levels} {
		for i := range list {
			list[i].OrganisationID = orgs[list[i].OrganisationID]
		}
	}
	b, err := json.Marshal(t)
	return string(b), err
}
