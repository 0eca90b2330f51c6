-- +goose Up
-- The overview counts the member organisations that are refugee-led and
-- youth-led, and keeps those counts under the members' version: changing
-- either mark of an organisation now raises the version of its
-- partnerships, as renaming it does.
{{organisation_member_trigger}}

-- +goose Down
{{organisation_member_trigger_down}}
