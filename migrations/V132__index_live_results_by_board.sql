-- A leaderboard reads the live results of one dataset, target and metric (case-insensitive).
-- benchmark_result_board_idx (dataset_id, subset_id, target, metric) could only use its first
-- column for that, so a board on a dataset with many results of other metrics visited them all.
-- Building it over every result may outlast the application's per-statement timeout.
SET LOCAL statement_timeout = 0;
CREATE INDEX benchmark_result_live_board_idx
    ON benchmark_result (dataset_id, target, lower(metric), task)
    WHERE deleted_at IS NULL;
