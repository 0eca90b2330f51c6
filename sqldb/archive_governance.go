package sqldb

import (
	"bytes"
	"context"
	"encoding/json"

	pk "github.com/partnerkit/partnerkit"
	"github.com/partnerkit/partnerkit/charter"
)

// Governance in the partnership archive: bodies name each other (a parent,
// a reporting line) in any order, and a charter version names bodies by ID
// inside its JSON. Both are rewritten with the new IDs on import.

// resolveSelfRefs replaces the references of a document to its own records
// (read as the archive's IDs) by their new IDs once every record has one,
// and refuses a loop along an acyclic one (a body under its own group).
func resolveSelfRefs(doc string, cols []archiveColumn, recs []archiveRecord, ids map[string]string) error {
	idCol := -1
	for i, c := range cols {
		if c.kind == archID {
			idCol = i
		}
	}
	for i, c := range cols {
		if c.kind != archSelfRef {
			continue
		}
		up := map[string]string{}
		for n, rec := range recs {
			if rec[i] == nil {
				continue
			}
			id, ok := ids[rec[i].(string)]
			if !ok {
				return archiveError(doc, n+1, c.name, "portability.import.error.no_record", map[string]any{"Document": doc + ".json", "ID": rec[i]})
			}
			rec[i] = id
			if idCol >= 0 {
				up[rec[idCol].(string)] = id
			}
		}
		if !c.acyclic || idCol < 0 {
			continue
		}
		for n, rec := range recs {
			start := rec[idCol].(string)
			at, steps := up[start], 0
			for at != "" && at != start && steps <= len(recs) {
				at, steps = up[at], steps+1
			}
			if at != "" {
				return archiveError(doc, n+1, c.name, "governance.validation.parent_loop", nil)
			}
		}
	}
	return nil
}

// writeSelfRefs writes a document's references to its own records, which
// were left empty while its records went in one by one.
func (tx *Tx) writeSelfRefs(ctx context.Context, d archiveDocument, recs []archiveRecord) error {
	idCol := -1
	for i, c := range d.columns {
		if c.kind == archID {
			idCol = i
		}
	}
	for i, c := range d.columns {
		if c.kind != archSelfRef || idCol < 0 {
			continue
		}
		for _, rec := range recs {
			if rec[i] == nil {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE `+d.table+` SET `+c.name+` = $1 WHERE id = $2`, rec[i], rec[idCol]); err != nil {
				return err
			}
		}
	}
	return nil
}

// charterFromArchive reads a charter version's content strictly and gives
// it back with every body named by its new ID; a body the archive does not
// hold is refused, as any other reference would be.
func charterFromArchive(doc string, rn int, field, content string, bodies map[string]string) (string, error) {
	var cc charterContent
	dec := json.NewDecoder(bytes.NewReader([]byte(content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cc); err != nil || dec.More() {
		detail := "more than one value"
		if err != nil {
			detail = err.Error()
		}
		return "", archiveError(doc, rn, field, "portability.import.error.not_json", map[string]any{"Detail": detail})
	}
	newID := func(id string) (string, error) {
		if id == "" {
			return "", nil // the charter's own validation names it
		}
		n, ok := bodies[id]
		if !ok {
			return "", archiveError(doc, rn, field, "portability.import.error.no_record", map[string]any{"Document": "bodies.json", "ID": id})
		}
		return n, nil
	}
	var err error
	for i := range cc.Rules {
		if cc.Rules[i].BodyID, err = newID(cc.Rules[i].BodyID); err != nil {
			return "", err
		}
	}
	for i := range cc.Areas {
		if cc.Areas[i].BodyID, err = newID(cc.Areas[i].BodyID); err != nil {
			return "", err
		}
	}
	b, err := json.Marshal(cc)
	return string(b), err
}

// The domain's own rules for governance records, as the forms apply them.
func checkArchivedBody(get func(string) any) error {
	q, err := parseShare(str(get("quorum")))
	if err != nil {
		return pk.FieldInvalid("quorum", "governance.validation.share", map[string]any{"Min": 0, "Max": 1})
	}
	in := pk.BodyInput{Name: str(get("name")), Kind: str(get("kind")), Mandate: str(get("mandate")), Cadence: str(get("cadence")),
		Quorum: q, ReportingCadence: str(get("reporting_cadence"))}
	return in.Validate()
}

func checkArchivedSeat(get func(string) any) error {
	in := pk.SeatInput{UserID: str(get("user_id")), OrganisationID: str(get("organisation_id")), Position: str(get("position")),
		From: str(get("from_date")), Until: str(get("until_date"))}
	return in.Validate()
}

// checkArchivedCharter applies the charter's rules to a version. Its
// bodies are known by now (charterFromArchive mapped each), so the list
// checked against is the bodies it names.
func checkArchivedCharter(get func(string) any) error {
	var cc charterContent
	if err := json.Unmarshal([]byte(str(get("content"))), &cc); err != nil {
		return err
	}
	in := pk.CharterInput{AdoptedOn: str(get("adopted_on")), AdoptedByBody: str(get("adopted_body_id")),
		AdoptionNote: str(get("adoption_note")), Rules: cc.Rules, Areas: cc.Areas, CharterText: cc.CharterText}
	bodies := []string{in.AdoptedByBody}
	for _, r := range cc.Rules {
		bodies = append(bodies, r.BodyID)
	}
	for _, a := range cc.Areas {
		if a.BodyID != "" {
			bodies = append(bodies, a.BodyID)
		}
	}
	return charter.Validate(&in, bodies)
}
