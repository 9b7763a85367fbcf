-- Results are soft-deleted like papers, so an admin can restore them; readers filter on
-- deleted_at IS NULL. The column also goes into benchmark_result_history so that a leaderboard as
-- of a date between a delete and a restore leaves the result out.
ALTER TABLE benchmark_result ADD COLUMN deleted_at timestamptz;
ALTER TABLE benchmark_result_history ADD COLUMN deleted_at timestamptz;

-- benchmark_result_history now ends with superseded_at, deleted_at while benchmark_result ends with
-- deleted_at, so the positional OLD.* copy of V010 would put the delete time into superseded_at.
-- Copy by column name instead, which also survives the next added column.
CREATE OR REPLACE FUNCTION benchmark_result_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO benchmark_result_history
    SELECT * FROM jsonb_populate_record(
        NULL::benchmark_result_history,
        to_jsonb(OLD) || jsonb_build_object('superseded_at', clock_timestamp()));
    RETURN NEW;
END
$$;

CREATE INDEX benchmark_result_deleted_idx ON benchmark_result (id) WHERE deleted_at IS NOT NULL;
