-- +goose Up
-- The actor register's lists of tags are kept under the network's version:
-- writing a tag now raises it, as writing an actor does.
{{actor_tags_network_version_triggers}}

-- +goose Down
{{actor_tags_network_version_triggers_down}}
