package sqldb

import (
	"crypto/rand"
	"slices"
	"time"

	pk "github.com/partnerkit/partnerkit"
)

// importedRows are the keys an import writes: an ID per actor and a row
// per tag, made once for either way of writing them.
type importedRows struct {
	ids  []string
	tags []importedTag
}

type importedTag struct{ actor, tag string }

func newImportedRows(ins []pk.ActorInput) importedRows {
	r := importedRows{ids: importIDs(len(ins))}
	n := 0
	for _, in := range ins {
		n += len(in.Tags)
	}
	r.tags = make([]importedTag, 0, n)
	for i, in := range ins {
		for _, t := range in.Tags {
			r.tags = append(r.tags, importedTag{r.ids[i], t})
		}
	}
	return r
}

// importIDs returns n new IDs for one import, in ascending order, all
// beginning with the moment they were made. Random IDs land all over the
// indexes on the ID (the actors' key, the tags' key and foreign key), so
// each of thousands of rows reads and splits another page of each; these
// go in one after the other at the end of the IDs made so far. After the
// nine letters of the time (milliseconds, in base 26 so that text order is
// time order) each holds 55 random bits: as hard to guess as any ID needs
// to be (none is a secret; every read checks the asker's rights), and of
// newID's length and alphabet.
func importIDs(n int) []string {
	var prefix [9]byte
	ms := time.Now().UnixMilli()
	for i := len(prefix) - 1; i >= 0; i-- {
		prefix[i] = 'a' + byte(ms%26)
		ms /= 26
	}
	random := make([]byte, 7)
	ids := make([]string, n)
	for i := range ids {
		rand.Read(random)
		ids[i] = string(prefix[:]) + idEncoding.EncodeToString(random)[:11]
	}
	slices.Sort(ids)
	return ids
}
