-- +goose Up
-- A health round's aggregates count its scores by item and score: this
-- index holds them in that order, so the count reads the index alone and
-- sorts nothing (the health trend, the partnership report).
CREATE INDEX health_ratings_scores ON health_ratings(round_id, item, score);

-- +goose Down
DROP INDEX health_ratings_scores;
