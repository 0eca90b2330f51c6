// Package agreement holds the pure rules of a partnership agreement (a
// memorandum of understanding, a partnering agreement or terms of
// reference): the sections a text is written in and how they join into the
// one exact text that is signed, the SHA-256 that a signature records, the
// signature rule (who has signed this version and who has not), and the
// side-by-side diff of two versions, section by section.
//
// The sections follow the MoU contents of the diaspora networking guide
// (expectations, values and principles, roles and responsibilities,
// decision-making, information sharing, budget allocation) and the AVA
// partnership agreement checklist. Nothing here touches storage.
package agreement
