-- The leaderboard index still grouped every board_result_count row (about 12,000 at a million
-- results, one per fingerprint, status and method) per request to count results, methods and
-- fingerprints per board. board_summary holds those three numbers per board (dataset, subset,
-- task, target, metric: about 200 rows), so the index and /stats read a row per board.
-- Exact in every writing transaction: the statement triggers of V130 now also lock the summary
-- rows of the boards a statement touches, update the counts, and recount those boards from
-- their count rows (tens of rows each). Soft-deleted datasets are filtered when reading, as
-- before. Rows that fall to 0 stay (readers skip them), like the count rows.
CREATE TABLE board_summary (
    dataset_id      bigint NOT NULL,
    subset_id       bigint,
    task            text NOT NULL,
    target          text NOT NULL,
    metric          text NOT NULL,
    n_results       bigint NOT NULL,
    n_methods       integer NOT NULL,
    n_fingerprints  integer NOT NULL,
    CONSTRAINT board_summary_key UNIQUE NULLS NOT DISTINCT (dataset_id, subset_id, task, target,
        metric)
);

CREATE TYPE board_key AS (dataset_id bigint, subset_id bigint, task text, target text,
    metric text);

-- Locks the summary rows of these boards (creating missing ones) in a fixed order. Taken before
-- the counts move, so two writers of one board queue here, each recounts after the other has
-- committed (a new statement sees the committed rows under READ COMMITTED), and a writer never
-- holds a count row another one needs while waiting for a summary.
CREATE FUNCTION board_summary_lock(boards board_key[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO board_summary AS b (dataset_id, subset_id, task, target, metric, n_results,
        n_methods, n_fingerprints)
    SELECT DISTINCT k.dataset_id, k.subset_id, k.task, k.target, k.metric, 0, 0, 0
    FROM unnest(boards) k
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ON CONSTRAINT board_summary_key DO UPDATE SET n_results = b.n_results;
$$;

-- Recounts these boards from their count rows.
CREATE FUNCTION board_summary_recount(boards board_key[]) RETURNS void LANGUAGE sql AS $$
    UPDATE board_summary b
    SET n_results = s.n_results, n_methods = s.n_methods, n_fingerprints = s.n_fingerprints
    FROM (SELECT k.dataset_id, k.subset_id, k.task, k.target, k.metric,
                 coalesce(sum(c.n), 0) AS n_results,
                 count(DISTINCT c.method_id) AS n_methods,
                 count(DISTINCT (c.basis, c.split, c.n_train, c.level_of_theory,
                                 c.temperature_k, c.canonical_unit))
                     FILTER (WHERE c.method_id IS NOT NULL) AS n_fingerprints
          FROM (SELECT DISTINCT * FROM unnest(boards)) k
          LEFT JOIN board_result_count c
            ON c.dataset_id = k.dataset_id AND c.subset_id IS NOT DISTINCT FROM k.subset_id
           AND c.task = k.task AND c.target = k.target AND c.metric = k.metric AND c.n > 0
          GROUP BY k.dataset_id, k.subset_id, k.task, k.target, k.metric) s
    WHERE b.dataset_id = s.dataset_id AND b.subset_id IS NOT DISTINCT FROM s.subset_id
      AND b.task = s.task AND b.target = s.target AND b.metric = s.metric;
$$;

-- V130's functions, unchanged in what they count, with the summary lock before and the recount
-- after.
CREATE OR REPLACE FUNCTION board_result_count_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    boards board_key[];
BEGIN
    SELECT array_agg(DISTINCT ROW(dataset_id, subset_id, task, target, metric)::board_key)
    INTO boards FROM new_rows WHERE deleted_at IS NULL;
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
          FROM new_rows WHERE deleted_at IS NULL) changed
    GROUP BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id
    HAVING sum(n) <> 0
    ORDER BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, status, method_id
    ON CONFLICT ON CONSTRAINT board_result_count_key DO UPDATE SET n = c.n + EXCLUDED.n;
    PERFORM board_summary_recount(boards);
    RETURN NULL;
END
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
    PERFORM board_summary_recount(boards);
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
    PERFORM board_summary_recount(boards);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION board_result_count_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_result_count;
    DELETE FROM board_summary;
    RETURN NULL;
END
$$;

-- Backfill from the counts as they are now (a few thousand rows).
INSERT INTO board_summary (dataset_id, subset_id, task, target, metric, n_results, n_methods,
    n_fingerprints)
SELECT dataset_id, subset_id, task, target, metric, sum(n),
       count(DISTINCT method_id) FILTER (WHERE n > 0),
       count(DISTINCT (basis, split, n_train, level_of_theory, temperature_k, canonical_unit))
           FILTER (WHERE n > 0)
FROM board_result_count
GROUP BY dataset_id, subset_id, task, target, metric;
