-- Indexes for the reads of issue #16 that no longer scan a method's or a board's results.
-- Building them over every result may outlast the application's per-statement timeout.
SET LOCAL statement_timeout = 0;

-- A method's live results in id order: the first page of a method page and each page of
-- /results?method= read exactly the rows they return (benchmark_result_method_idx forced a sort
-- of all of a method's results, 10,000 for the largest at a million results).
CREATE INDEX benchmark_result_live_method_idx
    ON benchmark_result (method_id, id) WHERE deleted_at IS NULL;

-- Per-method counts (a method's result total and its boards) from the maintained counts.
CREATE INDEX board_result_count_method_idx ON board_result_count (method_id);

-- A board as of a past date starts from the results that are, or once were, on that board:
-- the live ones through benchmark_result_live_board_idx, the earlier versions through this.
CREATE INDEX benchmark_result_history_board_idx
    ON benchmark_result_history (dataset_id, target, lower(metric), task);
