-- +goose Up
-- Meetings and decisions together: an agenda item may name a proposal of
-- the partnership, and a decision records the meeting it was taken at
-- (in_room: the counts are a show of hands recorded there, not ballots).
ALTER TABLE meeting_agenda_items ADD COLUMN proposal_id TEXT REFERENCES proposals(id) ON DELETE SET NULL;
CREATE INDEX meeting_agenda_items_proposal_id ON meeting_agenda_items(proposal_id);
ALTER TABLE decisions ADD COLUMN meeting_id TEXT REFERENCES meetings(id) ON DELETE SET NULL;
ALTER TABLE decisions ADD COLUMN in_room BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX decisions_meeting_id ON decisions(meeting_id);

-- +goose Down
DROP INDEX decisions_meeting_id;
ALTER TABLE decisions DROP COLUMN in_room;
ALTER TABLE decisions DROP COLUMN meeting_id;
DROP INDEX meeting_agenda_items_proposal_id;
ALTER TABLE meeting_agenda_items DROP COLUMN proposal_id;
