package partnerkit

// A partnership archive is one zip file holding everything in a partnership
// that its coordinator may see, so that the partnership can move to another
// instance or engine, or be kept outside Partnerkit. It holds a manifest
// (manifest.json: the schema version, the Partnerkit version, the documents
// and how many records each holds), one JSON document per kind of record
// (actors.json, assessments.json, …) and a CSV copy of each under csv/ for
// people who keep tables in spreadsheets. Records refer to each other by the
// IDs they had where they were exported, people by email and name.
//
// Left out on purpose: the bin (deleted records are not the partnership's
// current state, and restoring them is a coordinator's decision in the
// instance where they were deleted), the audit log (the history of another
// instance, which the new one cannot vouch for; the import itself is
// audited), pending invitations (their links are secrets of the instance
// that sent them) and the organisations' own self-analysis (it belongs to the
// organisation, not to the partnership).

// ArchiveSchemaVersion is the version of the archive's layout. Importing
// refuses an archive of a later version; a module that adds documents keeps
// it, one that changes the meaning of existing ones raises it.
const ArchiveSchemaVersion = 1

// Archive size caps. An upload is refused beyond MaxArchiveBytes; unpacked,
// no document may exceed MaxArchiveDocumentBytes nor all of them together
// MaxArchiveUnpackedBytes (a zip of repeated text compresses a hundredfold).
const (
	MaxArchiveBytes         = 32 << 20
	MaxArchiveDocumentBytes = 64 << 20
	MaxArchiveUnpackedBytes = 256 << 20
	// MaxArchiveRecords bounds the records of all documents together.
	MaxArchiveRecords = 500_000
)

// ExportOptions say what an export leaves out.
type ExportOptions struct {
	// WithoutSensitive leaves out sensitive actors and relationships and
	// everything that names them, for an archive meant to be shared.
	WithoutSensitive bool
}

// PartnershipArchive is an exported partnership: the zip file and its name.
type PartnershipArchive struct {
	Filename string
	Data     []byte
	// Sensitive says whether sensitive records went out.
	Sensitive bool
}

// ArchiveImport is the outcome of an import.
type ArchiveImport struct {
	Partnership *Partnership `json:"partnership"`
	// Placeholders are the people who had no account here: each got an
	// account that cannot sign in until its owner sets a password through
	// "forgot password", and keeps their role and contributions meanwhile.
	Placeholders []string `json:"placeholders"`
	// NotAdded are people who have an account here already. Their
	// contributions are attributed to them, but nobody is put into a
	// partnership without saying yes: invite them from the members page.
	// (An administrator importing from the command line adds them.)
	NotAdded []string `json:"not_added"`
	// Records is the number of records written, by document.
	Records map[string]int `json:"records"`
	// IDs maps each ID of the archive to the new record's ID (for tests and
	// the command line; not part of the API answer).
	IDs map[string]string `json:"-"`
}
