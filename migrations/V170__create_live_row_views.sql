-- Soft delete in one place: each soft-deletable table gets a view of its live rows, and every
-- public read (and the dump, and writes that may only touch live rows) names live_<table> instead
-- of repeating deleted_at IS NULL, so a new query cannot forget the filter. Only paths that must see
-- deleted rows (restore, "is this slug taken, also by a deleted item", history) name the table.
--
-- These are simple views (one table, no aggregates), so PostgreSQL inlines them into each query:
-- plans are those of the hand-written filter, the partial indexes WHERE deleted_at IS NULL still
-- match, and the views are auto-updatable (UPDATE/DELETE through them reach only live rows; the
-- table's triggers fire as before). A locking clause (FOR UPDATE) on a view locks the table's row.
--
-- Keep them in step with their tables: SELECT * is expanded when a view is created, so
--   * a migration that adds a column to one of these tables must also run
--     CREATE OR REPLACE VIEW live_<table> AS SELECT * FROM <table> WHERE deleted_at IS NULL;
--     (a view may gain columns at its end), or the view will not show the new column;
--   * a migration that drops a column or changes its type must DROP VIEW live_<table> first and
--     create it again afterwards (PostgreSQL refuses to drop or retype a column a view uses).
-- Renaming a column needs nothing: the view follows.
CREATE VIEW live_paper AS SELECT * FROM paper WHERE deleted_at IS NULL;
CREATE VIEW live_method AS SELECT * FROM method WHERE deleted_at IS NULL;
CREATE VIEW live_dataset AS SELECT * FROM dataset WHERE deleted_at IS NULL;
CREATE VIEW live_article AS SELECT * FROM article WHERE deleted_at IS NULL;
CREATE VIEW live_tag AS SELECT * FROM tag WHERE deleted_at IS NULL;
CREATE VIEW live_metric AS SELECT * FROM metric WHERE deleted_at IS NULL;
CREATE VIEW live_benchmark_result AS SELECT * FROM benchmark_result WHERE deleted_at IS NULL;
