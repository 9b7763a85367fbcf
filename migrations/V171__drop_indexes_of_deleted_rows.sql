-- V031, V033, V040, V045, V050, V051 and V152 each indexed the ids of the soft-deleted rows
-- ((id) WHERE deleted_at IS NOT NULL). No read lists deleted rows: the only queries that ask for
-- them look one row up by id (restore: WHERE id = ? AND deleted_at IS NOT NULL; a method's deleted
-- parents: a join on method.id), which the primary key (tag: its unique id) serves just as well,
-- one row either way. The planner picked these indexes for restores only because they are
-- smaller; without them the same statements use the primary key. Live rows are read through the
-- live_* views (V170), whose filter these indexes cannot serve. Every soft delete and restore
-- paid for their upkeep.
DROP INDEX paper_deleted_idx;
DROP INDEX benchmark_result_deleted_idx;
DROP INDEX method_deleted_idx;
DROP INDEX dataset_deleted_idx;
DROP INDEX article_deleted_idx;
DROP INDEX tag_deleted_idx;
DROP INDEX metric_deleted_idx;
