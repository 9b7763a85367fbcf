-- Soft delete in one place, also for boards as of a date: the versions of benchmark results that
-- were current at the end of a date and live then, as the as_of counterpart of
-- live_benchmark_result (V170). Queries call these functions instead of filtering versions by hand.
--
-- benchmark_result_version is every version of every result: the current rows (superseded_at
-- NULL) and the earlier ones kept by the history trigger. A column added to both tables must be
-- added here too to be read under as_of (the view lists columns, so that the two sides line up).
--
-- Both functions are single-SELECT SQL functions, STABLE and not STRICT, so PostgreSQL inlines them
-- into the calling query: the plans are those of the same SQL written inline.
CREATE VIEW benchmark_result_version AS
SELECT b.id, b.seed_key, b.method_id, b.method_variant, b.dataset_id, b.subset_id, b.task,
       b.target, b.metric, b.value, b.unit, b.canonical_value, b.canonical_unit, b.basis,
       b.n_train, b.split, b.uncertainty, b.n_runs, b.temperature_k, b.level_of_theory, b.status,
       b.reported_on, b.paper_id, b.source_id, b.source_repository, b.source_path,
       b.source_commit, b.source_location, b.added_at, b.deleted_at,
       NULL::timestamptz AS superseded_at
FROM benchmark_result b
UNION ALL
SELECT h.id, h.seed_key, h.method_id, h.method_variant, h.dataset_id, h.subset_id, h.task,
       h.target, h.metric, h.value, h.unit, h.canonical_value, h.canonical_unit, h.basis,
       h.n_train, h.split, h.uncertainty, h.n_runs, h.temperature_k, h.level_of_theory, h.status,
       h.reported_on, h.paper_id, h.source_id, h.source_repository, h.source_path,
       h.source_commit, h.source_location, h.added_at, h.deleted_at, h.superseded_at
FROM benchmark_result_history h;

-- Every result as it stood at the end of as_of, if it was live then. The version current then is
-- the one superseded first after that day (or never); a result deleted then is left out, one
-- deleted later is not.
CREATE FUNCTION live_benchmark_result_as_of(as_of date)
RETURNS SETOF benchmark_result_version
LANGUAGE sql STABLE AS $$
  SELECT v.*
  FROM (SELECT DISTINCT ON (v.id) v.*
        FROM benchmark_result_version v
        WHERE v.superseded_at IS NULL OR v.superseded_at >= as_of + 1
        ORDER BY v.id, v.superseded_at NULLS LAST) v
  WHERE v.deleted_at IS NULL
$$;

-- The same for only the results that are, or once were, on the boards of one dataset (narrowed by
-- target and metric when not NULL): the live results read through
-- benchmark_result_live_board_idx, the earlier versions through benchmark_result_history_board_idx
-- (V166), instead of every version in the database. Every version of such a result is
-- considered, so one moved onto or off these boards later is placed as it was then; a current row
-- read twice (on the board and in the history) is the same row, and DISTINCT ON keeps one.
CREATE FUNCTION live_benchmark_result_as_of(as_of date, dataset_slug text, board_target text,
                                            board_metric text)
RETURNS SETOF benchmark_result_version
LANGUAGE sql STABLE AS $$
  SELECT v.*
  FROM (SELECT DISTINCT ON (v.id) v.*
        FROM (SELECT b.id, b.seed_key, b.method_id, b.method_variant, b.dataset_id,
                     b.subset_id, b.task, b.target, b.metric, b.value, b.unit,
                     b.canonical_value, b.canonical_unit, b.basis, b.n_train, b.split,
                     b.uncertainty, b.n_runs, b.temperature_k, b.level_of_theory,
                     b.status, b.reported_on, b.paper_id, b.source_id,
                     b.source_repository, b.source_path, b.source_commit,
                     b.source_location, b.added_at, b.deleted_at,
                     NULL::timestamptz AS superseded_at
              FROM live_benchmark_result b
              WHERE b.dataset_id = (SELECT id FROM dataset WHERE slug = dataset_slug)
                AND (board_target IS NULL OR b.target = board_target)
                AND (board_metric IS NULL OR lower(b.metric) = lower(board_metric))
              UNION ALL
              SELECT b.id, b.seed_key, b.method_id, b.method_variant, b.dataset_id,
                     b.subset_id, b.task, b.target, b.metric, b.value, b.unit,
                     b.canonical_value, b.canonical_unit, b.basis, b.n_train, b.split,
                     b.uncertainty, b.n_runs, b.temperature_k, b.level_of_theory,
                     b.status, b.reported_on, b.paper_id, b.source_id,
                     b.source_repository, b.source_path, b.source_commit,
                     b.source_location, b.added_at, b.deleted_at,
                     NULL::timestamptz AS superseded_at
              FROM benchmark_result b
              WHERE b.id IN (SELECT c.id FROM benchmark_result_history c
                             WHERE c.dataset_id = (SELECT id FROM dataset WHERE slug = dataset_slug)
                AND (board_target IS NULL OR c.target = board_target)
                AND (board_metric IS NULL OR lower(c.metric) = lower(board_metric)))
              UNION ALL
              SELECT h.id, h.seed_key, h.method_id, h.method_variant, h.dataset_id,
                     h.subset_id, h.task, h.target, h.metric, h.value, h.unit,
                     h.canonical_value, h.canonical_unit, h.basis, h.n_train, h.split,
                     h.uncertainty, h.n_runs, h.temperature_k, h.level_of_theory,
                     h.status, h.reported_on, h.paper_id, h.source_id,
                     h.source_repository, h.source_path, h.source_commit,
                     h.source_location, h.added_at, h.deleted_at,
                     h.superseded_at
              FROM benchmark_result_history h
              WHERE h.id IN (SELECT c.id FROM live_benchmark_result c
                             WHERE c.dataset_id = (SELECT id FROM dataset WHERE slug = dataset_slug)
                AND (board_target IS NULL OR c.target = board_target)
                AND (board_metric IS NULL OR lower(c.metric) = lower(board_metric))
                             UNION
                             SELECT c.id FROM benchmark_result_history c
                             WHERE c.dataset_id = (SELECT id FROM dataset WHERE slug = dataset_slug)
                AND (board_target IS NULL OR c.target = board_target)
                AND (board_metric IS NULL OR lower(c.metric) = lower(board_metric)))) v
        WHERE v.superseded_at IS NULL OR v.superseded_at >= as_of + 1
        ORDER BY v.id, v.superseded_at NULLS LAST) v
  WHERE v.deleted_at IS NULL
$$;
