-- A dataset's live results in id order: the first page of a dataset page and each page of
-- /results?dataset= read exactly the rows they return, wherever the dataset's results lie in id
-- order (without it the planner walks the primary key and filters, which for a dataset whose
-- results are recent visits nearly every result first).
-- Building it over every result may outlast the application's per-statement timeout.
SET LOCAL statement_timeout = 0;
CREATE INDEX benchmark_result_live_dataset_idx
    ON benchmark_result (dataset_id, id) WHERE deleted_at IS NULL;
