-- A large result import stores its rows with session_replication_role = replica, so that
-- PostgreSQL skips the per-row foreign-key checks the import has already done set-based
-- (SetBasedReferenceChecks). That setting also skips every trigger not marked ALWAYS: the
-- triggers on the tables the store writes, directly or through these triggers, must still fire,
-- or the board counts and summaries would miss the imported rows. A trigger added to one of
-- these tables later must be ALWAYS too (ResultTriggersFireAlwaysTest checks).
ALTER TABLE benchmark_result ENABLE ALWAYS TRIGGER benchmark_result_history_on_update;
ALTER TABLE benchmark_result ENABLE ALWAYS TRIGGER board_result_count_on_insert;
ALTER TABLE benchmark_result ENABLE ALWAYS TRIGGER board_result_count_on_update;
ALTER TABLE benchmark_result ENABLE ALWAYS TRIGGER board_result_count_on_delete;
ALTER TABLE benchmark_result ENABLE ALWAYS TRIGGER board_result_count_on_truncate;
ALTER TABLE board_result_count ENABLE ALWAYS TRIGGER board_summary_on_count_insert;
ALTER TABLE board_result_count ENABLE ALWAYS TRIGGER board_summary_on_count_update;
