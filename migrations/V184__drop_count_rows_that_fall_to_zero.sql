-- Count rows that fall to 0 no longer stay. V130 kept them so that no writer would re-insert a row
-- another one was deleting; since V165 every writer of a board's counts first holds that board's
-- summary row (board_summary_lock), so the writer that brings rows to 0 can delete them before it
-- commits: the next writer of the board waits for that lock and then finds no row, inserts one,
-- and reads its old n as 0, as it would have from the zero row. Left in place they piled up: after
-- 300,000 results were deleted again, 305,403 zero rows beside 11,771 that count made the 3BPA
-- board 60 times slower to read (bench, stop 32; V183 indexed around them).
-- Only a statement that removes or moves results can bring counts to 0, so the update and delete
-- triggers drop them, for the boards they hold; the partial indexes find them without a scan.
SET LOCAL statement_timeout = 0;

CREATE INDEX board_result_count_zero_idx ON board_result_count (dataset_id) WHERE n = 0;
CREATE INDEX board_method_count_zero_idx ON board_method_count (dataset_id) WHERE n = 0;
CREATE INDEX board_fingerprint_count_zero_idx ON board_fingerprint_count (dataset_id) WHERE n = 0;

-- The zero rows of these boards, in all three count tables. Their rows are locked by the caller's
-- summary lock, so no other writer is moving them.
CREATE FUNCTION board_counts_drop_zeros(boards board_key[]) RETURNS void LANGUAGE sql AS $$
    DELETE FROM board_result_count c
    WHERE c.n = 0 AND c.dataset_id = ANY(ARRAY(SELECT (b).dataset_id FROM unnest(boards) b))
      AND ROW(c.dataset_id, c.subset_id, c.task, c.target, c.metric)::board_key = ANY(boards);
    DELETE FROM board_method_count c
    WHERE c.n = 0 AND c.dataset_id = ANY(ARRAY(SELECT (b).dataset_id FROM unnest(boards) b))
      AND ROW(c.dataset_id, c.subset_id, c.task, c.target, c.metric)::board_key = ANY(boards);
    DELETE FROM board_fingerprint_count c
    WHERE c.n = 0 AND c.dataset_id = ANY(ARRAY(SELECT (b).dataset_id FROM unnest(boards) b))
      AND ROW(c.dataset_id, c.subset_id, c.task, c.target, c.metric)::board_key = ANY(boards);
$$;

CREATE OR REPLACE FUNCTION board_result_count_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    boards board_key[];
BEGIN
    SELECT array_agg(DISTINCT ROW(dataset_id, subset_id, task, target, metric)::board_key)
    INTO boards
    FROM (SELECT dataset_id, subset_id, task, target, metric FROM new_rows
          WHERE deleted_at IS NULL
          UNION ALL
          SELECT dataset_id, subset_id, task, target, metric FROM old_rows
          WHERE deleted_at IS NULL) touched;
    IF boards IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM board_summary_lock(boards);
    INSERT INTO board_result_count AS c (dataset_id, subset_id, task, target, metric, basis,
        split, n_train, level_of_theory, temperature_k, canonical_unit, status, method_id, n)
    SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id, sum(n)
    FROM (SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id, 1 AS n
          FROM new_rows WHERE deleted_at IS NULL
          UNION ALL
          SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id, -1 AS n
          FROM old_rows WHERE deleted_at IS NULL) changed
    GROUP BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id
    HAVING sum(n) <> 0
    ORDER BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id
    ON CONFLICT ON CONSTRAINT board_result_count_key DO UPDATE SET n = c.n + EXCLUDED.n;
    PERFORM board_counts_drop_zeros(boards);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION board_result_count_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    boards board_key[];
BEGIN
    SELECT array_agg(DISTINCT ROW(dataset_id, subset_id, task, target, metric)::board_key)
    INTO boards FROM old_rows WHERE deleted_at IS NULL;
    IF boards IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM board_summary_lock(boards);
    INSERT INTO board_result_count AS c (dataset_id, subset_id, task, target, metric, basis,
        split, n_train, level_of_theory, temperature_k, canonical_unit, status, method_id, n)
    SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id, sum(n)
    FROM (SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id, -1 AS n
          FROM old_rows WHERE deleted_at IS NULL) changed
    GROUP BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id
    HAVING sum(n) <> 0
    ORDER BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id
    ON CONFLICT ON CONSTRAINT board_result_count_key DO UPDATE SET n = c.n + EXCLUDED.n;
    PERFORM board_counts_drop_zeros(boards);
    RETURN NULL;
END
$$;

-- The zero rows left so far. A writer holding a board's summary lock may be moving one of them:
-- the delete then waits for it and keeps the row if it no longer holds 0.
DELETE FROM board_result_count WHERE n = 0;
DELETE FROM board_method_count WHERE n = 0;
DELETE FROM board_fingerprint_count WHERE n = 0;
