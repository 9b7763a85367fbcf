-- A corrected result keeps its superseded version, so a leaderboard can be shown as it stood on a
-- past date (as_of). Rows are written by the trigger below, never by the application.
-- The column list mirrors benchmark_result (LIKE); a migration adding a column there must add it
-- here too, before superseded_at stops being the last column.
CREATE TABLE benchmark_result_history (
    LIKE benchmark_result,
    superseded_at timestamptz NOT NULL
);
ALTER TABLE benchmark_result_history
    ADD PRIMARY KEY (id, superseded_at),
    ADD FOREIGN KEY (id) REFERENCES benchmark_result (id) ON DELETE CASCADE;

-- clock_timestamp(), not now(): two corrections in one transaction must not collide on the key.
CREATE FUNCTION benchmark_result_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO benchmark_result_history SELECT OLD.*, clock_timestamp();
    RETURN NEW;
END
$$;

CREATE TRIGGER benchmark_result_history_on_update
    AFTER UPDATE ON benchmark_result
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
    EXECUTE FUNCTION benchmark_result_keep_history();

-- Time travel filters on the publication date.
CREATE INDEX benchmark_result_reported_on_idx ON benchmark_result (reported_on);
