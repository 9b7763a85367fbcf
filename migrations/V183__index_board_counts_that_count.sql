-- Count rows that fall to 0 stay (V130: no writer re-inserts a row another one is deleting), so
-- every result deleted or moved leaves one behind, and reads that filter on n > 0 still visited
-- them: after three 100,000-row imports on one board were deleted again, 305,403 zero rows beside
-- 11,771 counting ones made the 3BPA board's fingerprint read 55 ms instead of 1 ms (bench).
-- These indexes hold only the rows that count, for the board reads (dataset, target, metric; also
-- a dataset's boards by its first column) and a method's page.
SET LOCAL statement_timeout = 0;
CREATE INDEX board_result_count_live_board_idx
    ON board_result_count (dataset_id, target, lower(metric)) WHERE n > 0;
CREATE INDEX board_result_count_live_method_idx
    ON board_result_count (method_id) WHERE n > 0;
