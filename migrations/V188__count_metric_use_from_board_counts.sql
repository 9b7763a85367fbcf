-- Which live results use a metric is now answered from board_result_count (V130), which holds the
-- exact number of live results per fingerprint, and so per metric as written: the metrics list's
-- n_results, and the checks before a metric is deleted, renamed or given another range. Its only
-- reader gone, benchmark_result_live_metric_idx cost every stored result one more index entry and
-- one evaluation of metric_key's regular expression: in psql on the bench database (1,005,293
-- results), a 100,000-row import's store statement 3.52-3.69 s with it, 3.36-3.46 s without; the
-- metrics list counted through it in 910 ms, from the count rows in 3 ms.
SET LOCAL statement_timeout = 0;

DROP INDEX benchmark_result_live_metric_idx;
