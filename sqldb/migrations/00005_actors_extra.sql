-- +goose Up
-- A folded copy of each actor's name (lower case, without accents or Arabic
-- vowel marks), so that searching the register ignores case and accents on
-- both engines: SQLite's LIKE folds ASCII letters only.
ALTER TABLE actors ADD COLUMN search TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE actors DROP COLUMN search;
