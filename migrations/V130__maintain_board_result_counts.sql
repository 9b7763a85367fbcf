-- The leaderboard index (GET /leaderboards without dataset) and the results count of /stats used
-- to scan every live result per request. This table holds the number of live results per
-- fingerprint, status and method, kept exact by the statement-level triggers below in the same
-- transaction as every write (curation, soft delete and restore, imports, seed loads), so the
-- index is a GROUP BY over a few thousand rows whatever the number of results.
-- Soft-deleted datasets and methods are filtered when reading (joins), as before; only the
-- results' own deleted_at is applied here. Boards under as_of still read benchmark_result.
CREATE TABLE board_result_count (
    dataset_id       bigint NOT NULL,
    subset_id        bigint,
    task             text NOT NULL,
    target           text NOT NULL,
    metric           text NOT NULL,
    basis            text NOT NULL,
    split            text,
    n_train          integer,
    level_of_theory  text,
    temperature_k    numeric,
    canonical_unit   text NOT NULL,
    status           text NOT NULL,
    method_id        bigint NOT NULL,
    n                bigint NOT NULL,
    -- NULLS NOT DISTINCT (PostgreSQL 15+): a result without subset or split has one row per
    -- fingerprint too, so that ON CONFLICT finds it.
    CONSTRAINT board_result_count_key UNIQUE NULLS NOT DISTINCT (dataset_id, subset_id, task,
        target, metric, basis, split, n_train, level_of_theory, temperature_k, canonical_unit,
        status, method_id)
);

-- Per statement, the live rows it added (+1) and removed (-1) are summed per key and added to
-- the counts: an update that soft-deletes, restores or moves a result does both. Keys are
-- locked in a fixed order, so two statements touching the same keys queue instead of
-- deadlocking, and writers of different boards never wait for each other. Rows that fall to 0
-- stay (readers skip them), so no writer re-inserts a row another one is deleting. One function
-- per event because a query may only name the transition tables its trigger has; static SQL so
-- that each keeps its plan (a seed load fires them once per row).

CREATE FUNCTION board_result_count_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO board_result_count AS c (dataset_id, subset_id, task, target, metric, basis,
        split, n_train, level_of_theory, temperature_k, canonical_unit, status, method_id, n)
    SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id, sum(n)
    FROM (SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id, 1 AS n
          FROM new_rows WHERE deleted_at IS NULL) changed
    GROUP BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id
    HAVING sum(n) <> 0
    ORDER BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id
    ON CONFLICT ON CONSTRAINT board_result_count_key DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END
$$;

CREATE FUNCTION board_result_count_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
    RETURN NULL;
END
$$;

CREATE FUNCTION board_result_count_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
    RETURN NULL;
END
$$;

CREATE TRIGGER board_result_count_on_insert AFTER INSERT ON benchmark_result
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION board_result_count_on_insert();
CREATE TRIGGER board_result_count_on_update AFTER UPDATE ON benchmark_result
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION board_result_count_on_update();
CREATE TRIGGER board_result_count_on_delete AFTER DELETE ON benchmark_result
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION board_result_count_on_delete();
-- TRUNCATE has no transition table; it empties the counts with the results.
CREATE FUNCTION board_result_count_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_result_count;
    RETURN NULL;
END
$$;
CREATE TRIGGER board_result_count_on_truncate AFTER TRUNCATE ON benchmark_result
    FOR EACH STATEMENT EXECUTE FUNCTION board_result_count_on_truncate();

-- Backfill from the results as they are now.
-- The backfill reads every row once; on a large corpus that outlasts the application's
-- per-statement timeout, which also applies to the migration's connection.
SET LOCAL statement_timeout = 0;
INSERT INTO board_result_count (dataset_id, subset_id, task, target, metric, basis, split,
    n_train, level_of_theory, temperature_k, canonical_unit, status, method_id, n)
SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train, level_of_theory,
       temperature_k, canonical_unit, status, method_id, count(*)
FROM benchmark_result
WHERE deleted_at IS NULL
GROUP BY dataset_id, subset_id, task, target, metric, basis, split, n_train, level_of_theory,
         temperature_k, canonical_unit, status, method_id;
