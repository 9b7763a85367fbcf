-- One board as of a date: live_benchmark_result_as_of's four-argument form (V172) for a given
-- target and metric, without its "NULL means any" conditions. Those conditions keep a prepared
-- statement's generic plan from using the board indexes, so PostgreSQL planned both statements of
-- every as_of board anew: 1.2 + 1.4 ms of an 8.3 ms request (bench, 3BPA forces RMSE), where the
-- current board reads precomputed counts. With plain equalities the generic plan reads the same
-- indexes and runs as fast as a custom one, so after five executions on a connection PostgreSQL
-- keeps it: planning 0.02 ms (psql, PREPARE and EXECUTE of both statements).
-- The body is V172's with those conditions written as equalities: a column added to the versions
-- must be added to both functions.
CREATE FUNCTION live_benchmark_board_as_of(as_of date, dataset_slug text, board_target text,
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
                AND b.target = board_target
                AND lower(b.metric) = lower(board_metric)
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
                AND c.target = board_target
                AND lower(c.metric) = lower(board_metric))
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
                AND c.target = board_target
                AND lower(c.metric) = lower(board_metric)
                             UNION
                             SELECT c.id FROM benchmark_result_history c
                             WHERE c.dataset_id = (SELECT id FROM dataset WHERE slug = dataset_slug)
                AND c.target = board_target
                AND lower(c.metric) = lower(board_metric))) v
        WHERE v.superseded_at IS NULL OR v.superseded_at >= as_of + 1
        ORDER BY v.id, v.superseded_at NULLS LAST) v
  WHERE v.deleted_at IS NULL
$$;
