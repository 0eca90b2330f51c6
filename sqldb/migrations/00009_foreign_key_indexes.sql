-- +goose Up
-- An index on every column that refers to another table. Deleting an actor,
-- a map, a person or an organisation makes the engine find the rows that
-- point at it (to cascade or set them to NULL), and the code looks rows up
-- by their actor, organisation or person; without these indexes each of
-- those reads the whole table. TestEveryForeignKeyHasAnIndex keeps it so.

-- Things about an actor: merging or deleting an actor moves or removes them.
CREATE INDEX assessments_actor_id ON assessments(actor_id);
CREATE INDEX tactics_actor_id ON tactics(actor_id);
CREATE INDEX prospects_actor_id ON prospects(actor_id);

-- Things tied to an organisation.
CREATE INDEX actors_organisation_id ON actors(organisation_id);
CREATE INDEX prospects_organisation_id ON prospects(organisation_id);
CREATE INDEX invitations_organisation_id ON invitations(organisation_id);
CREATE INDEX partnership_organisations_organisation_id ON partnership_organisations(organisation_id);
CREATE INDEX partnership_people_organisation_id ON partnership_people(organisation_id);

-- Rows of a partnership whose other indexes start elsewhere.
CREATE INDEX assessments_partnership_id ON assessments(partnership_id);
CREATE INDEX tactics_partnership_id ON tactics(partnership_id);
CREATE INDEX prospect_status_changes_partnership_id ON prospect_status_changes(partnership_id);
CREATE INDEX prospects_invitation_id ON prospects(invitation_id);

-- Who did what: a person's rows are found (and set to NULL or removed) when
-- their account goes.
CREATE INDEX actors_created_by ON actors(created_by);
CREATE INDEX assessments_assessed_by ON assessments(assessed_by);
CREATE INDEX audit_log_user_id ON audit_log(user_id);
CREATE INDEX change_statements_created_by ON change_statements(created_by);
CREATE INDEX email_tokens_user_id ON email_tokens(user_id);
CREATE INDEX form_choices_chosen_by ON form_choices(chosen_by);
CREATE INDEX invitations_invited_by ON invitations(invited_by);
CREATE INDEX organisations_created_by ON organisations(created_by);
CREATE INDEX partnership_playbooks_chosen_by ON partnership_playbooks(chosen_by);
CREATE INDEX partnerships_created_by ON partnerships(created_by);
CREATE INDEX playbook_answers_user_id ON playbook_answers(user_id);
CREATE INDEX playbook_stage_history_user_id ON playbook_stage_history(user_id);
CREATE INDEX playbook_steps_done_by ON playbook_steps(done_by);
CREATE INDEX prospect_status_changes_user_id ON prospect_status_changes(user_id);
CREATE INDEX prospects_created_by ON prospects(created_by);
CREATE INDEX prospects_user_id ON prospects(user_id);
CREATE INDEX readiness_answers_user_id ON readiness_answers(user_id);
CREATE INDEX self_analysis_entries_author_id ON self_analysis_entries(author_id);
CREATE INDEX tactics_owner_id ON tactics(owner_id);

-- +goose Down
DROP INDEX tactics_owner_id;
DROP INDEX self_analysis_entries_author_id;
DROP INDEX readiness_answers_user_id;
DROP INDEX prospects_user_id;
DROP INDEX prospects_created_by;
DROP INDEX prospect_status_changes_user_id;
DROP INDEX playbook_steps_done_by;
DROP INDEX playbook_stage_history_user_id;
DROP INDEX playbook_answers_user_id;
DROP INDEX partnerships_created_by;
DROP INDEX partnership_playbooks_chosen_by;
DROP INDEX organisations_created_by;
DROP INDEX invitations_invited_by;
DROP INDEX form_choices_chosen_by;
DROP INDEX email_tokens_user_id;
DROP INDEX change_statements_created_by;
DROP INDEX audit_log_user_id;
DROP INDEX assessments_assessed_by;
DROP INDEX actors_created_by;
DROP INDEX prospects_invitation_id;
DROP INDEX prospect_status_changes_partnership_id;
DROP INDEX tactics_partnership_id;
DROP INDEX assessments_partnership_id;
DROP INDEX partnership_people_organisation_id;
DROP INDEX partnership_organisations_organisation_id;
DROP INDEX invitations_organisation_id;
DROP INDEX prospects_organisation_id;
DROP INDEX actors_organisation_id;
DROP INDEX prospects_actor_id;
DROP INDEX tactics_actor_id;
DROP INDEX assessments_actor_id;
