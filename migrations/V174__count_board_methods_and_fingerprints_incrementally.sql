-- V165 recounted a board's methods and fingerprints from all its count rows after every write
-- statement: after a 100,000-row import on a board of a million fingerprints that took seconds,
-- growing with the board, not with the write. These two tables hold the live results per board
-- and method and per board and fingerprint, so a statement's change moves a board's numbers by
-- the rows that start or stop counting: a method or fingerprint counts while its n is above 0.
-- They are kept by statement triggers on board_result_count (which every write of results
-- reaches through V130's triggers), inside the summary locks that V165's triggers take first, so
-- writers of one board still queue and each sees the other's committed numbers.
CREATE TABLE board_method_count (
    dataset_id  bigint NOT NULL,
    subset_id   bigint,
    task        text NOT NULL,
    target      text NOT NULL,
    metric      text NOT NULL,
    method_id   bigint NOT NULL,
    n           bigint NOT NULL,
    last_change bigint NOT NULL, -- what the last statement to touch the row added to n
    CONSTRAINT board_method_count_key UNIQUE NULLS NOT DISTINCT (dataset_id, subset_id, task,
        target, metric, method_id)
);

CREATE TABLE board_fingerprint_count (
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
    n                bigint NOT NULL,
    last_change      bigint NOT NULL, -- what the last statement to touch the row added to n
    CONSTRAINT board_fingerprint_count_key UNIQUE NULLS NOT DISTINCT (dataset_id, subset_id, task,
        target, metric, basis, split, n_train, level_of_theory, temperature_k, canonical_unit)
);

-- Per statement on board_result_count, the change of n per count row (inserted rows +n, updated
-- rows new n - old n) is summed per board and method and per board and fingerprint and added to
-- the tables above. Each touched row keeps the change in last_change, so RETURNING gives its new n
-- and its old one (n - last_change) without pairing the returned rows with the changes again (a
-- join on eleven nullable columns that sorted 100,000 rows each side): a row that crosses 0 moves
-- its board's n_methods or n_fingerprints by one, and the changes move n_results. No ORDER BY for
-- the upserts: every row of a board is written under that board's summary lock, so two writers
-- never wait for each other's rows here. One function for both events: a statement may only name
-- the transition tables its trigger has (an INSERT has no old_rows), so the changes are chosen by
-- event and the statement is run dynamically (planned once per write statement, not per row).
CREATE FUNCTION board_summary_on_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    count_columns CONSTANT text := 'dataset_id, subset_id, task, target, metric, basis, split, '
        || 'n_train, level_of_theory, temperature_k, canonical_unit, method_id';
    changed text := format('SELECT %s, n FROM new_rows', count_columns);
BEGIN
    IF TG_OP = 'UPDATE' THEN
        changed := changed || format(' UNION ALL SELECT %s, -n FROM old_rows', count_columns);
    END IF;
    EXECUTE format($move$
    WITH changed AS (
        %s
    ), by_method AS (
        SELECT dataset_id, subset_id, task, target, metric, method_id, sum(n) AS n
        FROM changed
        GROUP BY dataset_id, subset_id, task, target, metric, method_id
        HAVING sum(n) <> 0
    ), by_fingerprint AS (
        SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train,
               level_of_theory, temperature_k, canonical_unit, sum(n) AS n
        FROM changed
        GROUP BY dataset_id, subset_id, task, target, metric, basis, split, n_train,
                 level_of_theory, temperature_k, canonical_unit
        HAVING sum(n) <> 0
    ), methods AS (
        INSERT INTO board_method_count AS c (dataset_id, subset_id, task, target, metric,
            method_id, n, last_change)
        SELECT *, n FROM by_method
        ON CONFLICT ON CONSTRAINT board_method_count_key
        DO UPDATE SET n = c.n + EXCLUDED.n, last_change = EXCLUDED.n
        RETURNING c.*
    ), fingerprints AS (
        INSERT INTO board_fingerprint_count AS c (dataset_id, subset_id, task, target, metric,
            basis, split, n_train, level_of_theory, temperature_k, canonical_unit, n, last_change)
        SELECT *, n FROM by_fingerprint
        ON CONFLICT ON CONSTRAINT board_fingerprint_count_key
        DO UPDATE SET n = c.n + EXCLUDED.n, last_change = EXCLUDED.n
        RETURNING c.*
    ), moves AS (
        SELECT dataset_id, subset_id, task, target, metric, last_change AS n_results,
               (n > 0)::int - (n - last_change > 0)::int AS n_methods, 0 AS n_fingerprints
        FROM methods
        UNION ALL
        SELECT dataset_id, subset_id, task, target, metric, 0, 0,
               (n > 0)::int - (n - last_change > 0)::int
        FROM fingerprints
    )
    UPDATE board_summary b
    SET n_results = b.n_results + m.n_results, n_methods = b.n_methods + m.n_methods,
        n_fingerprints = b.n_fingerprints + m.n_fingerprints
    FROM (SELECT dataset_id, subset_id, task, target, metric, sum(n_results) AS n_results,
                 sum(n_methods) AS n_methods, sum(n_fingerprints) AS n_fingerprints
          FROM moves
          GROUP BY dataset_id, subset_id, task, target, metric) m
    WHERE b.dataset_id = m.dataset_id AND b.subset_id IS NOT DISTINCT FROM m.subset_id
      AND b.task = m.task AND b.target = m.target AND b.metric = m.metric
    $move$, changed);
    RETURN NULL;
END
$$;

CREATE TRIGGER board_summary_on_count_insert AFTER INSERT ON board_result_count
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION board_summary_on_count_change();
CREATE TRIGGER board_summary_on_count_update AFTER UPDATE ON board_result_count
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION board_summary_on_count_change();

-- V165's triggers on benchmark_result, without the recount: the summary locks, then the count
-- upsert, whose triggers above move the summaries.
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
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION board_result_count_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM board_result_count;
    DELETE FROM board_method_count;
    DELETE FROM board_fingerprint_count;
    DELETE FROM board_summary;
    RETURN NULL;
END
$$;

DROP FUNCTION board_summary_recount(board_key[]);

-- Backfill from the counts as they are now (a row per fingerprint, status and method), and set the
-- summaries from the new tables, so that the increments start from numbers that agree with them.
SET LOCAL statement_timeout = 0;
INSERT INTO board_method_count (dataset_id, subset_id, task, target, metric, method_id, n,
    last_change)
SELECT dataset_id, subset_id, task, target, metric, method_id, sum(n), 0
FROM board_result_count
GROUP BY dataset_id, subset_id, task, target, metric, method_id;
INSERT INTO board_fingerprint_count (dataset_id, subset_id, task, target, metric, basis, split,
    n_train, level_of_theory, temperature_k, canonical_unit, n, last_change)
SELECT dataset_id, subset_id, task, target, metric, basis, split, n_train, level_of_theory,
       temperature_k, canonical_unit, sum(n), 0
FROM board_result_count
GROUP BY dataset_id, subset_id, task, target, metric, basis, split, n_train, level_of_theory,
         temperature_k, canonical_unit;
UPDATE board_summary b
SET n_results = coalesce(m.n_results, 0), n_methods = coalesce(m.n_methods, 0),
    n_fingerprints = coalesce(f.n_fingerprints, 0)
FROM board_summary k
LEFT JOIN (SELECT dataset_id, subset_id, task, target, metric, sum(n) AS n_results,
                  count(*) FILTER (WHERE n > 0) AS n_methods
           FROM board_method_count
           GROUP BY dataset_id, subset_id, task, target, metric) m
  ON m.dataset_id = k.dataset_id AND m.subset_id IS NOT DISTINCT FROM k.subset_id
 AND m.task = k.task AND m.target = k.target AND m.metric = k.metric
LEFT JOIN (SELECT dataset_id, subset_id, task, target, metric,
                  count(*) FILTER (WHERE n > 0) AS n_fingerprints
           FROM board_fingerprint_count
           GROUP BY dataset_id, subset_id, task, target, metric) f
  ON f.dataset_id = k.dataset_id AND f.subset_id IS NOT DISTINCT FROM k.subset_id
 AND f.task = k.task AND f.target = k.target AND f.metric = k.metric
WHERE b.ctid = k.ctid;
