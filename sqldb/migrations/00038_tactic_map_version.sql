-- +goose Up
-- The tasks a plan lists name the tactic each serves, and are kept under
-- the maps' version: writing a tactic now raises it, as writing a map or
-- an assessment does.
{{tactic_map_version_triggers}}

-- +goose Down
{{tactic_map_version_triggers_down}}
