-- No query filters or sorts benchmark_result by reported_on alone: the as-of reads compare
-- coalesce(reported_on, added_at::date), which this index cannot serve (pg_stat_user_indexes on the
-- perf corpus: 3 scans, against 74,121 for the board index). Every insert paid for it: one of the
-- eleven index entries a stored result writes, the cost that dominates a 100,000-row import.
DROP INDEX IF EXISTS benchmark_result_reported_on_idx;
