-- Every stored result pays one insert per index of benchmark_result, and a 100,000-row import spent
-- about half of its store statement there (#16). Four of the ten indexes held rows no read looks
-- for (bench, 1,005,293 results):
-- - benchmark_result_board_idx (dataset_id, subset_id, target, metric) had 0 scans: boards read
--   benchmark_result_live_board_idx (V132). Its one use left was the check that no result refers
--   to a subset a dataset edit removes (61 ms with it, 353 ms without); a one-column index on
--   subset_id keeps that check fast at a smaller price.
-- - benchmark_result_status_idx covered every row, although the status filter only profits from
--   it for the rare statuses (1,040 of 1,005,293 rows are not 'reported'); the planner proves
--   that status = 'disputed' implies the predicate below (a bound status is planned with its
--   value: a generic plan without the index would cost more, so PostgreSQL keeps custom ones).
-- - benchmark_result_paper_idx held every imported row's NULL paper; the paper page and the
--   paper's foreign-key check ask for a paper id, which implies paper_id IS NOT NULL.
-- - the seed key's unique constraint held every non-seeded row's NULL; the seed loader names the
--   predicate in its ON CONFLICT clause (SeedUpsert), so the partial unique index still decides.
-- Measured in psql on the bench database, 100,000 new rows, a checkpoint before each run: the
-- import's store statement 3.62-4.67 s (median 3.72) before, 3.09-3.20 s after.
SET LOCAL statement_timeout = 0;

DROP INDEX benchmark_result_board_idx;
CREATE INDEX benchmark_result_subset_idx ON benchmark_result (subset_id);

DROP INDEX benchmark_result_status_idx;
CREATE INDEX benchmark_result_rare_status_idx ON benchmark_result (status)
    WHERE status <> 'reported';

DROP INDEX benchmark_result_paper_idx;
CREATE INDEX benchmark_result_paper_idx ON benchmark_result (paper_id)
    WHERE paper_id IS NOT NULL;

ALTER TABLE benchmark_result DROP CONSTRAINT benchmark_result_seed_key_key;
CREATE UNIQUE INDEX benchmark_result_seed_key_idx ON benchmark_result (seed_key)
    WHERE seed_key IS NOT NULL;
