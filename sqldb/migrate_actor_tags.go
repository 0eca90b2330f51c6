package sqldb

// sqliteActorTagsTable makes actor_tags again with the foreign keys keys
// (SQLite cannot change a table's keys in place), keeping its rows and its
// index. Nothing refers to actor_tags and it has no triggers, so dropping
// the old table loses nothing else.
func sqliteActorTagsTable(keys string) string {
	return `CREATE TABLE actor_tags_new (
    actor_id       TEXT NOT NULL,
    partnership_id TEXT NOT NULL,
    tag            TEXT NOT NULL,
    PRIMARY KEY (actor_id, tag),
    ` + keys + `
);
INSERT INTO actor_tags_new (actor_id, partnership_id, tag) SELECT actor_id, partnership_id, tag FROM actor_tags;
DROP TABLE actor_tags;
ALTER TABLE actor_tags_new RENAME TO actor_tags;
CREATE INDEX actor_tags_tag ON actor_tags(partnership_id, tag);
`
}
